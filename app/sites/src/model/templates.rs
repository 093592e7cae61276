//! The sites a workspace can start from: five templates and a blank one. Each is a complete,
//! publishable site: pages with their sections, a menu and a theme.

use super::section::{Item, Section};
use super::site::{NavLink, Page, Seo, SiteContent};
use super::theme::SiteTheme;

/// Templates: key, name and one line about it. `blank` is offered too.
pub const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "personal",
        "Personal brand",
        "Who you are, what you do, how to reach you",
    ),
    (
        "coach",
        "Coach",
        "Programmes, prices, testimonials and a booking call",
    ),
    (
        "shop",
        "Shop front",
        "Products, prices and questions buyers ask",
    ),
    ("event", "Event", "Date, programme, speakers and sign-up"),
    (
        "portfolio",
        "Portfolio",
        "Your work in pictures, and a way to hire you",
    ),
    ("blank", "Blank", "One empty page"),
];

struct Build<'a> {
    id: &'a dyn Fn() -> String,
}

impl Build<'_> {
    fn section(&self, kind: &str, f: impl FnOnce(&mut Section)) -> Section {
        let mut s = Section::blank(kind, (self.id)()).expect("known kind");
        f(&mut s);
        s
    }

    fn page(&self, slug: &str, title: &str, description: &str, sections: Vec<Section>) -> Page {
        Page {
            id: (self.id)(),
            slug: slug.into(),
            title: title.into(),
            seo: Seo {
                description: description.into(),
                ..Seo::default()
            },
            sections,
        }
    }

    fn hero(&self, heading: &str, text: &str, button: &str, link: &str, layout: &str) -> Section {
        self.section("hero", |s| {
            s.heading = heading.into();
            s.text = text.into();
            s.button = button.into();
            s.link = link.into();
            s.layout = layout.into();
        })
    }

    fn items(&self, kind: &str, heading: &str, items: &[(&str, &str, &str)]) -> Section {
        self.section(kind, |s| {
            s.heading = heading.into();
            s.items = items
                .iter()
                .map(|(title, text, extra)| Item {
                    title: (*title).into(),
                    text: (*text).into(),
                    extra: (*extra).into(),
                    ..Item::default()
                })
                .collect();
        })
    }

    fn contact(&self, heading: &str, text: &str) -> Section {
        self.section("contact", |s| {
            s.heading = heading.into();
            s.text = text.into();
        })
    }

    fn cta(&self, heading: &str, button: &str, link: &str) -> Section {
        self.section("cta", |s| {
            s.heading = heading.into();
            s.button = button.into();
            s.link = link.into();
        })
    }

    fn footer(&self, text: &str) -> Section {
        self.section("footer", |s| s.text = text.into())
    }
}

/// Menu entries for `pages`, labelled by their titles.
fn menu(pages: &[Page]) -> Vec<NavLink> {
    pages
        .iter()
        .map(|p| NavLink {
            label: p.title.clone(),
            page: p.id.clone(),
            url: String::new(),
        })
        .collect()
}

/// The site of template `key`, with ids from `id`; `None` for an unknown key.
pub fn template(key: &str, id: &dyn Fn() -> String) -> Option<SiteContent> {
    let b = Build { id };
    let (theme, pages) = match key {
        "blank" => (
            SiteTheme::default(),
            vec![b.page("", "Home", "", vec![b.hero("Your headline", "A sentence about it.", "", "", "centered")])],
        ),
        "personal" => (
            SiteTheme::of(["#1f6feb", "#ffffff", "#ffffff", "#f3f6fb", "#16181d", "serif", "system", "comfortable", "rounded"]),
            vec![
                b.page("", "Home", "Writer, speaker and maker.", vec![
                    b.hero("Hi, I'm Sam. I help small teams write clearly.", "Writer, speaker and workshop host.", "Work with me", "/contact", "split"),
                    b.items("features", "What I do", &[("Workshops", "Half-day sessions for teams of 5 to 30.", ""), ("Editing", "Your reports and pages, clearer in a week.", ""), ("Talks", "Keynotes on plain language.", "")]),
                    b.items("testimonials", "What people say", &[("Priya N.", "Our release notes finally get read.", "Head of Product")]),
                    b.footer("© Sam Writer"),
                ]),
                b.page("about", "About", "How I got here.", vec![
                    b.section("rich_text", |s| { s.heading = "About me".into(); s.text = "I spent ten years as an editor before I started teaching teams to write.\n\n- Based in Lisbon\n- Working in English and Portuguese".into(); }),
                    b.footer("© Sam Writer"),
                ]),
                b.page("contact", "Contact", "Write to me.", vec![b.contact("Let's talk", "Tell me about your team and what you need."), b.footer("© Sam Writer")]),
            ],
        ),
        "coach" => (
            SiteTheme::of(["#0f766e", "#ffffff", "#fbfaf7", "#eef5f3", "#1b2421", "rounded", "system", "comfortable", "round"]),
            vec![
                b.page("", "Home", "One-to-one coaching for new managers.", vec![
                    b.hero("Become the manager you wanted to have", "Six weeks of one-to-one coaching for first-time managers.", "Book a free call", "/contact", "centered"),
                    b.items("features", "How it works", &[("Free call", "We talk about where you are and where you want to be.", ""), ("Six sessions", "One a week, by video, 50 minutes each.", ""), ("Your plan", "You leave with habits that stick.", "")]),
                    b.items("pricing", "Programmes", &[("Kick-off", "One session\nA written plan", "$120"), ("Six weeks", "Six sessions\nMessages between sessions\nA written plan", "$590")]),
                    b.items("testimonials", "Clients", &[("Jordan K.", "I stopped dreading one-to-ones.", "Engineering manager"), ("Ama O.", "Clear, kind and practical.", "Team lead")]),
                    b.items("faq", "Questions", &[("Who is it for?", "People who became managers in the last two years.", ""), ("Can my company pay?", "Yes: you get an invoice in its name.", "")]),
                    b.cta("Start with a free call", "Book a call", "/contact"),
                    b.footer("© Coaching by Lee"),
                ]),
                b.page("contact", "Contact", "Book a free call.", vec![b.contact("Book a free call", "Say a word about your team; I answer within a day."), b.footer("© Coaching by Lee")]),
            ],
        ),
        "shop" => (
            SiteTheme::of(["#c2410c", "#ffffff", "#fffaf5", "#fdf0e6", "#2a1a10", "system", "system", "compact", "rounded"]),
            vec![
                b.page("", "Shop", "Small-batch ceramics, made by hand.", vec![
                    b.hero("Small-batch ceramics, made by hand", "Mugs, bowls and plates fired in our studio.", "Ask a question", "/#contact", "cover"),
                    b.items("pricing", "The range", &[("Mug", "350 ml\nDishwasher safe", "$32"), ("Bowl", "Ø 15 cm\nOven safe", "$38"), ("Plate set", "Four plates\nØ 26 cm", "$110")]),
                    b.items("faq", "Before you buy", &[("How long is delivery?", "3 to 5 working days.", ""), ("Can I return it?", "Within 30 days, unused.", "")]),
                    b.contact("Questions about an order?", "We answer the same day."),
                    b.footer("© Clay & Co"),
                ]),
            ],
        ),
        "event" => (
            SiteTheme::of(["#7c3aed", "#ffffff", "#0f0c1d", "#1b1630", "#f4f1ff", "system", "system", "comfortable", "rounded"]),
            vec![
                b.page("", "Event", "A one-day conference for independent makers.", vec![
                    b.hero("Makers Day 2027", "14 May · Lisbon · One day of talks and workshops for independent makers.", "Save your seat", "/register", "centered"),
                    b.items("features", "Programme", &[("09:30 Welcome", "Coffee and introductions.", ""), ("10:00 Talks", "Five short talks on making a living.", ""), ("14:00 Workshops", "Pick one of three.", "")]),
                    b.items("testimonials", "Speakers", &[("Rita M.", "Pricing your work without apologising.", "Illustrator"), ("Tom B.", "From hobby to shop in a year.", "Woodworker")]),
                    b.footer("© Makers Day"),
                ]),
                b.page("register", "Register", "Save your seat.", vec![b.contact("Save your seat", "We send your ticket by email."), b.footer("© Makers Day")]),
            ],
        ),
        "portfolio" => (
            SiteTheme::of(["#111111", "#ffffff", "#ffffff", "#f5f5f5", "#111111", "mono", "system", "airy", "square"]),
            vec![
                b.page("", "Work", "Photography for brands and people.", vec![
                    b.hero("Photography for brands and people", "Studio and location work across Europe.", "Hire me", "/hire", "centered"),
                    b.items("gallery", "Selected work", &[]),
                    b.items("testimonials", "Clients", &[("Studio North", "Fast, calm and the pictures sing.", "Brand team")]),
                    b.footer("© Alex Lens"),
                ]),
                b.page("hire", "Hire me", "Tell me about your project.", vec![b.contact("Tell me about your project", "Dates, place and what you need."), b.footer("© Alex Lens")]),
            ],
        ),
        _ => return None,
    };
    let nav = if pages.len() > 1 {
        menu(&pages)
    } else {
        Vec::new()
    };
    Some(SiteContent { theme, nav, pages })
}

/// Ids for tests: unique, readable.
#[cfg(test)]
pub fn test_id() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("t{}", N.fetch_add(1, Ordering::Relaxed))
}
