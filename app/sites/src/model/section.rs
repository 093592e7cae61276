//! The sections a page is made of. One flat shape for every kind keeps the editor generic: each
//! kind says which of the fields it uses in [`KINDS`].

use serde::{Deserialize, Serialize};

/// One section of a page. Its `id` never changes, so form submissions keep pointing at it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id, unique within the site.
    pub id: String,
    /// Hidden sections stay in the editor but are left out of the published page.
    #[serde(default = "yes")]
    pub on: bool,
    /// A key of [`KINDS`].
    pub kind: String,
    /// One of the kind's layouts.
    #[serde(default)]
    pub layout: String,
    /// The section's heading.
    #[serde(default)]
    pub heading: String,
    /// The text under the heading (Markdown for rich text).
    #[serde(default)]
    pub text: String,
    /// A button's label.
    #[serde(default)]
    pub button: String,
    /// Where the button goes (or the embed's address).
    #[serde(default)]
    pub link: String,
    /// An image's address.
    #[serde(default)]
    pub image: String,
    /// What the image shows.
    #[serde(default)]
    pub image_alt: String,
    /// Repeated items: features, pictures, quotes, plans, questions, form fields, links.
    #[serde(default)]
    pub items: Vec<Item>,
}

fn yes() -> bool {
    true
}

/// One repeated item of a section; which fields it uses depends on the section's kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Title, name, question or a form field's label.
    #[serde(default)]
    pub title: String,
    /// Description, quote, answer, or a plan's features (one per line).
    #[serde(default)]
    pub text: String,
    /// A price, a person's role, or a form field's type (a key of [`FIELD_TYPES`]).
    #[serde(default)]
    pub extra: String,
    /// An image's address.
    #[serde(default)]
    pub image: String,
    /// Where it links.
    #[serde(default)]
    pub link: String,
    /// A form field that must be filled.
    #[serde(default)]
    pub required: bool,
}

/// The control a setting is edited with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// One line.
    Text,
    /// A paragraph.
    LongText,
    /// An address.
    Url,
    /// An image's address, or an upload.
    Image,
    /// A form field's type.
    FieldType,
    /// Yes or no.
    Check,
}

/// A field of a section or item: its key, label and control.
pub type Field = (&'static str, &'static str, Input);

/// A kind of section: what the editor offers and which fields it edits.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// Stable key.
    pub key: &'static str,
    /// Label in the editor.
    pub label: &'static str,
    /// One line about it.
    pub blurb: &'static str,
    /// Layouts: key and label; the first is the default.
    pub layouts: &'static [(&'static str, &'static str)],
    /// The section's own fields.
    pub fields: &'static [Field],
    /// What one item is called ("feature"); empty when the kind has no items.
    pub item: &'static str,
    /// Each item's fields.
    pub item_fields: &'static [Field],
}

const HEADING: Field = ("heading", "Heading", Input::Text);
const INTRO: Field = ("text", "Text", Input::LongText);
const BUTTON: Field = ("button", "Button label", Input::Text);
const LINK: Field = ("link", "Button link", Input::Url);

/// Every kind of section.
pub const KINDS: &[Kind] = &[
    Kind {
        key: "hero",
        label: "Hero",
        blurb: "A big headline with a button",
        layouts: &[
            ("centered", "Centred"),
            ("split", "Text and image"),
            ("cover", "Over the image"),
        ],
        fields: &[
            HEADING,
            INTRO,
            BUTTON,
            LINK,
            ("image", "Image", Input::Image),
            ("image_alt", "Image description", Input::Text),
        ],
        item: "",
        item_fields: &[],
    },
    Kind {
        key: "features",
        label: "Features",
        blurb: "What you offer, in short",
        layouts: &[("grid", "Grid"), ("list", "List")],
        fields: &[HEADING, INTRO],
        item: "feature",
        item_fields: &[
            ("title", "Title", Input::Text),
            ("text", "Description", Input::LongText),
        ],
    },
    Kind {
        key: "gallery",
        label: "Gallery",
        blurb: "Pictures in a grid",
        layouts: &[("grid", "Grid"), ("wide", "Two across")],
        fields: &[HEADING],
        item: "picture",
        item_fields: &[
            ("image", "Image", Input::Image),
            ("title", "Description", Input::Text),
        ],
    },
    Kind {
        key: "testimonials",
        label: "Testimonials",
        blurb: "What people say about you",
        layouts: &[("cards", "Cards"), ("quote", "One big quote each")],
        fields: &[HEADING],
        item: "quote",
        item_fields: &[
            ("text", "Quote", Input::LongText),
            ("title", "Name", Input::Text),
            ("extra", "Role or company", Input::Text),
        ],
    },
    Kind {
        key: "pricing",
        label: "Pricing",
        blurb: "Plans or packages side by side",
        layouts: &[("columns", "Columns"), ("list", "List")],
        fields: &[HEADING, INTRO],
        item: "plan",
        item_fields: &[
            ("title", "Name", Input::Text),
            ("extra", "Price", Input::Text),
            ("text", "What is included (one per line)", Input::LongText),
            ("link", "Button link", Input::Url),
        ],
    },
    Kind {
        key: "faq",
        label: "FAQ",
        blurb: "Questions and answers",
        layouts: &[("open", "All open"), ("folded", "Folded")],
        fields: &[HEADING],
        item: "question",
        item_fields: &[
            ("title", "Question", Input::Text),
            ("text", "Answer", Input::LongText),
        ],
    },
    Kind {
        key: "contact",
        label: "Contact form",
        blurb: "Messages become contacts in your CRM",
        layouts: &[("card", "Card"), ("split", "Text beside the form")],
        fields: &[HEADING, INTRO, ("button", "Send button label", Input::Text)],
        item: "field",
        item_fields: &[
            ("title", "Label", Input::Text),
            ("extra", "Type", Input::FieldType),
            ("required", "Required", Input::Check),
        ],
    },
    Kind {
        key: "embed",
        label: "Embed",
        blurb: "A YouTube or Vimeo video, a Spotify player or a map",
        layouts: &[("wide", "Wide"), ("narrow", "Narrow")],
        fields: &[
            HEADING,
            ("link", "Video, player or map address", Input::Url),
        ],
        item: "",
        item_fields: &[],
    },
    Kind {
        key: "rich_text",
        label: "Rich text",
        blurb: "Paragraphs, lists and links (Markdown)",
        layouts: &[("narrow", "Narrow"), ("wide", "Wide")],
        fields: &[
            HEADING,
            (
                "text",
                "Text (Markdown: **bold**, *italic*, - lists, [links](https://…))",
                Input::LongText,
            ),
        ],
        item: "",
        item_fields: &[],
    },
    Kind {
        key: "cta",
        label: "Call to action",
        blurb: "One clear next step",
        layouts: &[("band", "Coloured band"), ("plain", "Plain")],
        fields: &[HEADING, INTRO, BUTTON, LINK],
        item: "",
        item_fields: &[],
    },
    Kind {
        key: "footer",
        label: "Footer",
        blurb: "Small print and links",
        layouts: &[("simple", "Simple"), ("columns", "Links beside")],
        fields: &[("text", "Small print", Input::LongText)],
        item: "link",
        item_fields: &[
            ("title", "Label", Input::Text),
            ("link", "Address", Input::Url),
        ],
    },
];

/// The types a form field can have: key and label.
pub const FIELD_TYPES: &[(&str, &str)] = &[
    ("name", "Name"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("text", "Short text"),
    ("message", "Long text"),
];

/// Most items one section holds.
pub const MAX_ITEMS: usize = 24;

/// The kind `key`.
pub fn kind(key: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.key == key)
}

impl Section {
    /// A new section of kind `key` with placeholder text, or `None` for an unknown kind.
    pub fn blank(key: &str, id: String) -> Option<Section> {
        let k = kind(key)?;
        let item = |title: &str, text: &str| Item {
            title: title.into(),
            text: text.into(),
            ..Item::default()
        };
        let mut s = Section {
            id,
            on: true,
            kind: key.into(),
            layout: k.layouts[0].0.into(),
            ..Section::default()
        };
        match key {
            "hero" => {
                s.heading = "Say what you do in one line".into();
                s.text = "One or two sentences on who it is for.".into();
            }
            "features" => {
                s.heading = "What you get".into();
                s.items = vec![
                    item("Fast", "Say why it matters."),
                    item("Friendly", "Say why it matters."),
                ];
            }
            "gallery" => s.heading = "Gallery".into(),
            "testimonials" => {
                s.heading = "Kind words".into();
                s.items = vec![item("A happy client", "It changed how I work.")];
            }
            "pricing" => {
                s.heading = "Pricing".into();
                s.items = vec![Item {
                    extra: "$49".into(),
                    ..item("Starter", "One session\nEmail support")
                }];
            }
            "faq" => {
                s.heading = "Questions".into();
                s.items = vec![item("How does it work?", "Explain it simply.")];
            }
            "contact" => {
                s.heading = "Get in touch".into();
                s.button = "Send".into();
                s.items = default_form();
            }
            "rich_text" => s.text = "Write here.".into(),
            "cta" => {
                s.heading = "Ready to start?".into();
                s.button = "Book a call".into();
            }
            "footer" => s.text = "© Your name".into(),
            _ => {}
        }
        Some(s)
    }

    /// The kind's label.
    pub fn label(&self) -> &'static str {
        kind(&self.kind).map_or("Section", |k| k.label)
    }

    /// What the editor's list calls it: its heading, or its kind.
    pub fn name(&self) -> String {
        let h = self.heading.trim();
        if h.is_empty() {
            self.label().to_owned()
        } else {
            h.chars().take(60).collect()
        }
    }
}

/// A contact form's usual fields: name, email, message.
pub fn default_form() -> Vec<Item> {
    [
        ("Name", "name", true),
        ("Email", "email", true),
        ("Message", "message", false),
    ]
    .into_iter()
    .map(|(title, extra, required)| Item {
        title: title.into(),
        extra: extra.into(),
        required,
        ..Item::default()
    })
    .collect()
}
