//! The rules a page must follow before it is saved, run in the builder and again on the server.
//! Messages are keyed `blocks.<block id>.<field>` or `theme.<field>`, so each shows next to the
//! control that caused it.

use super::block::{BlockKind, NETWORKS};
use super::page::{PageContent, MAX_BLOCKS};
use super::theme::{BACKGROUNDS, FONTS, PRESETS, SHAPES, STYLES};
use super::url::{clean_image, clean_link, embed_src};
use app_core::error::FieldMessages;

/// The field key of `field` in block `id`.
pub fn block_field(id: &str, field: &str) -> String {
    format!("blocks.{id}.{field}")
}

struct Check {
    errors: FieldMessages,
    /// Publishing: required fields must be filled. A draft may be unfinished, never unsafe.
    complete: bool,
}

impl Check {
    fn fail(&mut self, key: String, message: &str) {
        self.errors.entry(key).or_default().push(message.to_owned());
    }

    fn text(&mut self, key: String, value: &mut String, max: usize, required: Option<&str>) {
        *value = value.trim().to_owned();
        if value.is_empty() {
            if let (Some(message), true) = (required, self.complete) {
                self.fail(key, message);
            }
        } else if value.chars().count() > max {
            self.fail(key, &format!("Keep it to {max} characters."));
        }
    }

    fn link(&mut self, key: String, value: &mut String) {
        if value.trim().is_empty() && !self.complete {
            value.clear();
            return;
        }
        match clean_link(value) {
            Ok(url) => *value = url,
            Err(m) => self.fail(key, m),
        }
    }

    fn image(&mut self, key: String, value: &mut String) {
        match clean_image(value) {
            Ok(url) => *value = url,
            Err(m) => self.fail(key, m),
        }
    }

    fn colour(&mut self, key: &str, value: &mut String) {
        *value = value.trim().to_ascii_lowercase();
        let ok = value.len() == 7
            && value.starts_with('#')
            && value[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !ok {
            self.fail(format!("theme.{key}"), "Use a colour like #6d4aff.");
        }
    }

    fn choice(&mut self, key: &str, value: &str, keys: &[&str]) {
        if !keys.contains(&value) {
            self.fail(format!("theme.{key}"), "Choose one of the options.");
        }
    }
}

/// Whether `s` is a time in the canonical form `YYYY-MM-DDTHH:MM:SSZ` (so times compare as text).
pub fn is_canonical_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

/// Checks and cleans `page`: trims text, adds `https://` to bare domains, refuses unsafe
/// addresses, unknown theme choices and impossible schedules. With `complete` (publishing),
/// required fields must be filled too; a draft may leave them empty.
pub fn validate(mut page: PageContent, complete: bool) -> Result<PageContent, FieldMessages> {
    let mut c = Check {
        errors: FieldMessages::new(),
        complete,
    };
    if page.blocks.len() > MAX_BLOCKS {
        c.fail(
            "form".into(),
            &format!("A page holds at most {MAX_BLOCKS} blocks."),
        );
    }
    let mut seen = std::collections::HashSet::new();
    for block in &mut page.blocks {
        let id = block.id.clone();
        let ok_id = !id.is_empty()
            && id.len() <= 40
            && id.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-');
        if !ok_id || !seen.insert(id.clone()) {
            c.fail(
                "form".into(),
                "The page is damaged: reload it and try again.",
            );
            continue;
        }
        let f = |field: &str| block_field(&id, field);
        match &mut block.kind {
            BlockKind::Header {
                name,
                bio,
                avatar_url,
            } => {
                c.text(f("name"), name, 80, None);
                c.text(f("bio"), bio, 300, None);
                c.image(f("avatar_url"), avatar_url);
            }
            BlockKind::Link {
                title,
                url,
                thumbnail_url,
                starts_at,
                ends_at,
                ..
            } => {
                c.text(f("title"), title, 100, Some("Give the link a title."));
                c.link(f("url"), url);
                c.image(f("thumbnail_url"), thumbnail_url);
                for (key, t) in [("starts_at", &mut *starts_at), ("ends_at", &mut *ends_at)] {
                    if t.as_deref().is_some_and(|s| s.is_empty()) {
                        *t = None;
                    }
                    if t.as_deref().is_some_and(|s| !is_canonical_time(s)) {
                        c.fail(f(key), "Enter a date and time.");
                    }
                }
                if let (Some(s), Some(e)) = (&starts_at, &ends_at) {
                    if e <= s {
                        c.fail(f("ends_at"), "End after the start.");
                    }
                }
            }
            BlockKind::Text { text } => c.text(
                f("text"),
                text,
                1000,
                Some("Write something or remove the block."),
            ),
            BlockKind::Image { url, alt } => {
                c.image(f("url"), url);
                if url.is_empty() && complete {
                    c.fail(f("url"), "Enter the image's address.");
                }
                c.text(f("alt"), alt, 200, None);
            }
            BlockKind::Social { links } => {
                if links.len() > 12 {
                    c.fail(f("links"), "Show at most 12 profiles.");
                }
                for (i, l) in links.iter_mut().enumerate() {
                    if !NETWORKS.iter().any(|(k, _)| *k == l.network) {
                        c.fail(f(&format!("links.{i}")), "Choose a network.");
                    }
                    if l.network == "email" && !l.url.trim().is_empty() && !l.url.contains(':') {
                        l.url = format!("mailto:{}", l.url.trim());
                    }
                    c.link(f(&format!("links.{i}")), &mut l.url);
                }
            }
            BlockKind::Embed { url } => {
                *url = url.trim().to_owned();
                if (complete || !url.is_empty()) && embed_src(url).is_none() {
                    c.fail(
                        f("url"),
                        "Paste a YouTube, Spotify or TikTok address (https://…).",
                    );
                }
            }
            BlockKind::EmailCapture { heading, button } => {
                c.text(f("heading"), heading, 100, None);
                c.text(f("button"), button, 30, Some("Name the button."));
            }
            BlockKind::Booking { title, url } => {
                c.text(f("title"), title, 100, Some("Give the button a title."));
                c.link(f("url"), url);
            }
            BlockKind::Payment { title, url, price } => {
                c.text(f("title"), title, 100, Some("Give the button a title."));
                c.link(f("url"), url);
                c.text(f("price"), price, 20, None);
            }
        }
    }
    let t = &mut page.theme;
    let keys =
        |list: &[(&'static str, &'static str)]| list.iter().map(|(k, _)| *k).collect::<Vec<_>>();
    c.choice(
        "preset",
        &t.preset.clone(),
        &PRESETS.iter().map(|p| p.0).collect::<Vec<_>>(),
    );
    c.choice("background", &t.background.clone(), &keys(BACKGROUNDS));
    c.choice("button_shape", &t.button_shape.clone(), &keys(SHAPES));
    c.choice("button_style", &t.button_style.clone(), &keys(STYLES));
    c.choice(
        "font",
        &t.font.clone(),
        &FONTS.iter().map(|f| f.0).collect::<Vec<_>>(),
    );
    for (key, value) in [
        ("bg_color", &mut t.bg_color),
        ("bg_color2", &mut t.bg_color2),
        ("text_color", &mut t.text_color),
        ("button_color", &mut t.button_color),
        ("button_text", &mut t.button_text),
    ] {
        c.colour(key, value);
    }
    c.image("theme.bg_image".into(), &mut t.bg_image);
    if t.background == "image" && t.bg_image.is_empty() && complete {
        c.fail("theme.bg_image".into(), "Enter the image's address.");
    }
    if c.errors.is_empty() {
        Ok(page)
    } else {
        Err(c.errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Theme};

    fn page(kind: BlockKind) -> PageContent {
        PageContent {
            blocks: vec![Block {
                id: "b1".into(),
                on: true,
                kind,
            }],
            theme: Theme::default(),
        }
    }

    fn link(url: &str) -> BlockKind {
        BlockKind::Link {
            title: "Shop".into(),
            url: url.into(),
            thumbnail_url: String::new(),
            starts_at: None,
            ends_at: None,
            sensitive: false,
        }
    }

    #[test]
    fn a_javascript_link_is_refused_next_to_its_field() {
        let errors = validate(page(link("javascript:alert(1)")), false).unwrap_err();
        assert_eq!(
            errors.get("blocks.b1.url").map(|m| m[0].as_str()),
            Some(super::super::url::LINK_RULE)
        );
    }

    #[test]
    fn bare_domains_gain_https() {
        let ok = validate(page(link("shop.example.com")), true).unwrap();
        assert!(
            matches!(&ok.blocks[0].kind, BlockKind::Link { url, .. } if url == "https://shop.example.com")
        );
    }

    #[test]
    fn schedules_must_end_after_they_start() {
        let mut kind = link("https://a.co");
        if let BlockKind::Link {
            starts_at, ends_at, ..
        } = &mut kind
        {
            *starts_at = Some("2026-12-01T10:00:00Z".into());
            *ends_at = Some("2026-11-01T10:00:00Z".into());
        }
        let errors = validate(page(kind), false).unwrap_err();
        assert!(errors.contains_key("blocks.b1.ends_at"));
        assert!(!is_canonical_time("2026-12-01T10:00"));
    }

    #[test]
    fn theme_colours_and_choices_are_checked() {
        let mut p = page(BlockKind::Text { text: "hi".into() });
        p.theme.bg_color = "red; }".into();
        p.theme.font = "comic".into();
        let errors = validate(p, false).unwrap_err();
        assert!(errors.contains_key("theme.bg_color"));
        assert!(errors.contains_key("theme.font"));
    }

    #[test]
    fn drafts_may_be_unfinished_but_published_pages_may_not() {
        let p = page(link(""));
        assert!(validate(p.clone(), false).is_ok());
        let errors = validate(p, true).unwrap_err();
        assert_eq!(errors["blocks.b1.url"], vec!["Enter an address."]);
    }

    #[test]
    fn duplicate_block_ids_are_refused() {
        let mut p = page(BlockKind::Text { text: "a".into() });
        p.blocks.push(p.blocks[0].clone());
        assert!(validate(p, false).unwrap_err().contains_key("form"));
    }
}
