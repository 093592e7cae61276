//! The rules a site must follow before it is saved, run in the editor and again on the server.
//! Messages are keyed `pages.<page id>.<field>`, `sections.<section id>.<field>`,
//! `sections.<section id>.items.<n>.<field>`, `nav.<n>.<field>` or `theme.<field>`, so each
//! shows next to the control that caused it.

use super::section::{kind, FIELD_TYPES, MAX_ITEMS};
use super::site::{SiteContent, MAX_PAGES, MAX_SECTIONS};
use super::theme::{CORNERS, FONTS, SPACINGS};
use app_core::error::FieldMessages;
use app_core::link::{clean_image, clean_link, embed_src};
use std::collections::HashSet;

/// Addresses a page may not take: they are the site's own files and form posts.
const RESERVED: &[&str] = &["sitemap.xml", "robots.txt", "media", "s", "_form"];

/// Whether `slug` is a valid page address (the home page's is empty).
pub fn slug_problem(slug: &str) -> Option<&'static str> {
    let ok = (1..=40).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !RESERVED.contains(&slug);
    (!ok).then_some("Use lowercase letters, digits and dashes, like about-us.")
}

/// The link rule of sites: [`clean_link`], or a path on the site itself (`/about`).
pub fn clean_site_link(raw: &str) -> Result<String, &'static str> {
    let t = raw.trim();
    if let Some(path) = t.strip_prefix('/') {
        let safe = |c: char| c.is_ascii_alphanumeric() || "-_/#?=&.".contains(c);
        if !path.starts_with('/') && path.chars().all(safe) && !path.contains("..") {
            return Ok(t.to_owned());
        }
    }
    clean_link(t)
}

struct Check {
    errors: FieldMessages,
    complete: bool,
}

impl Check {
    fn fail(&mut self, key: String, message: &str) {
        self.errors.entry(key).or_default().push(message.to_owned());
    }

    fn text(&mut self, key: String, value: &mut String, max: usize, required: Option<&str>) {
        *value = value.trim().to_owned();
        if value.is_empty() {
            if let (Some(m), true) = (required, self.complete) {
                self.fail(key, m);
            }
        } else if value.chars().count() > max {
            self.fail(key, &format!("Keep it to {max} characters."));
        }
    }

    fn link(&mut self, key: String, value: &mut String, required: bool) {
        if value.trim().is_empty() {
            value.clear();
            if required && self.complete {
                self.fail(key, "Enter an address.");
            }
            return;
        }
        match clean_site_link(value) {
            Ok(u) => *value = u,
            Err(m) => self.fail(key, m),
        }
    }

    fn image(&mut self, key: String, value: &mut String) {
        match clean_image(value) {
            Ok(u) => *value = u,
            Err(m) => self.fail(key, m),
        }
    }

    fn id(&mut self, id: &str, seen: &mut HashSet<String>) -> bool {
        let ok = !id.is_empty()
            && id.len() <= 40
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && seen.insert(id.to_owned());
        if !ok {
            self.fail(
                "form".into(),
                "The site is damaged: reload it and try again.",
            );
        }
        ok
    }
}

fn is_colour(v: &str) -> bool {
    v.len() == 7 && v.starts_with('#') && v[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Checks and cleans `site`. With `complete` (publishing), required fields must be filled; a
/// draft may be unfinished, never unsafe.
pub fn validate(mut site: SiteContent, complete: bool) -> Result<SiteContent, FieldMessages> {
    let mut c = Check {
        errors: FieldMessages::new(),
        complete,
    };
    if site.pages.len() > MAX_PAGES {
        c.fail(
            "form".into(),
            &format!("A site holds at most {MAX_PAGES} pages."),
        );
    }
    if site.pages.iter().filter(|p| p.slug.is_empty()).count() != 1 {
        c.fail("form".into(), "A site has exactly one home page.");
    }
    let mut ids = HashSet::new();
    let mut slugs = HashSet::new();
    for page in &mut site.pages {
        if !c.id(&page.id, &mut ids) {
            continue;
        }
        let f = |field: &str| format!("pages.{}.{field}", page.id);
        page.slug = page.slug.trim().to_ascii_lowercase();
        if !page.slug.is_empty() {
            if let Some(m) = slug_problem(&page.slug) {
                c.fail(f("slug"), m);
            }
        }
        if !slugs.insert(page.slug.clone()) {
            c.fail(f("slug"), "Another page has this address.");
        }
        c.text(f("title"), &mut page.title, 80, Some("Name the page."));
        if page.title.is_empty() {
            c.fail(f("title"), "Name the page.");
        }
        c.text(f("seo.title"), &mut page.seo.title, 70, None);
        c.text(f("seo.description"), &mut page.seo.description, 200, None);
        c.image(f("seo.image"), &mut page.seo.image);
        if !page.seo.canonical.trim().is_empty() {
            match clean_link(&page.seo.canonical) {
                Ok(u) if u.starts_with("http") => page.seo.canonical = u,
                _ => c.fail(
                    f("seo.canonical"),
                    "Use a full address, like https://example.com/page.",
                ),
            }
        } else {
            page.seo.canonical.clear();
        }
        if page.sections.len() > MAX_SECTIONS {
            c.fail(
                f("sections"),
                &format!("A page holds at most {MAX_SECTIONS} sections."),
            );
        }
        for s in &mut page.sections {
            if !c.id(&s.id, &mut ids) {
                continue;
            }
            let key = |field: &str| format!("sections.{}.{field}", s.id);
            let Some(k) = kind(&s.kind) else {
                c.fail(
                    "form".into(),
                    "The site is damaged: reload it and try again.",
                );
                continue;
            };
            if !k.layouts.iter().any(|(l, _)| *l == s.layout) {
                c.fail(key("layout"), "Choose one of the layouts.");
            }
            let long = if s.kind == "rich_text" { 10_000 } else { 1_000 };
            c.text(key("heading"), &mut s.heading, 160, None);
            c.text(key("text"), &mut s.text, long, None);
            c.text(key("button"), &mut s.button, 40, None);
            c.text(key("image_alt"), &mut s.image_alt, 200, None);
            c.image(key("image"), &mut s.image);
            if s.kind == "embed" {
                s.link = s.link.trim().to_owned();
                if (complete || !s.link.is_empty()) && embed_src(&s.link).is_none() {
                    c.fail(
                        key("link"),
                        "Paste a YouTube, Spotify or TikTok address (https://…).",
                    );
                }
            } else {
                let needs = complete && !s.button.is_empty() && s.kind != "contact";
                c.link(key("link"), &mut s.link, needs);
            }
            if s.items.len() > MAX_ITEMS {
                c.fail(key("items"), &format!("Keep it to {MAX_ITEMS}."));
            }
            for (i, item) in s.items.iter_mut().enumerate() {
                let ik = |field: &str| format!("sections.{}.items.{i}.{field}", s.id);
                c.text(ik("title"), &mut item.title, 120, None);
                c.text(ik("text"), &mut item.text, 2_000, None);
                c.text(ik("extra"), &mut item.extra, 60, None);
                c.image(ik("image"), &mut item.image);
                c.link(ik("link"), &mut item.link, false);
                if s.kind == "contact" {
                    if !FIELD_TYPES.iter().any(|(t, _)| *t == item.extra) {
                        c.fail(ik("extra"), "Choose a type.");
                    }
                    if item.title.is_empty() {
                        c.fail(ik("title"), "Label the field.");
                    }
                }
            }
            if s.kind == "contact" && !s.items.iter().any(|i| i.extra == "email") {
                c.fail(
                    key("items"),
                    "A form needs an Email field, so you can answer.",
                );
            }
        }
    }
    for (i, link) in site.nav.iter_mut().enumerate() {
        let key = |field: &str| format!("nav.{i}.{field}");
        c.text(key("label"), &mut link.label, 40, None);
        if link.label.is_empty() {
            c.fail(key("label"), "Label the menu item.");
        }
        if link.page.is_empty() {
            c.link(key("url"), &mut link.url, true);
            if link.url.is_empty() && !complete {
                c.fail(key("url"), "Enter an address.");
            }
        } else {
            link.url.clear();
            if !site.pages.iter().any(|p| p.id == link.page) {
                c.fail(key("page"), "That page was deleted: choose another.");
            }
        }
    }
    if site.nav.len() > 12 {
        c.fail("nav".into(), "A menu holds at most 12 items.");
    }
    let t = &mut site.theme;
    for (key, value) in [
        ("accent", &mut t.accent),
        ("accent_text", &mut t.accent_text),
        ("background", &mut t.background),
        ("surface", &mut t.surface),
        ("text", &mut t.text),
    ] {
        *value = value.trim().to_ascii_lowercase();
        if !is_colour(value) {
            c.fail(format!("theme.{key}"), "Use a colour like #5b3df5.");
        }
    }
    for (key, value, list) in [
        ("heading_font", &t.heading_font, FONTS),
        ("body_font", &t.body_font, FONTS),
        ("spacing", &t.spacing, SPACINGS),
        ("corners", &t.corners, CORNERS),
    ] {
        if !list.iter().any(|(k, _, _)| k == value) {
            c.fail(format!("theme.{key}"), "Choose one of the options.");
        }
    }
    if c.errors.is_empty() {
        Ok(site)
    } else {
        Err(c.errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::templates::template;

    fn site() -> SiteContent {
        template("coach", &|| crate::model::templates::test_id()).unwrap()
    }

    #[test]
    fn every_template_can_be_published() {
        for (key, _, _) in crate::model::templates::TEMPLATES {
            let s = template(key, &crate::model::templates::test_id).unwrap();
            assert!(
                validate(s, true).is_ok(),
                "{key}: {:?}",
                validate(
                    template(key, &crate::model::templates::test_id).unwrap(),
                    true
                )
            );
        }
    }

    #[test]
    fn unsafe_links_and_clashing_addresses_are_refused_next_to_their_fields() {
        let mut s = site();
        let sec = s.pages[0].sections[0].id.clone();
        s.pages[0].sections[0].link = "javascript:alert(1)".into();
        s.pages[1].slug = "sitemap.xml".into();
        let p1 = s.pages[1].id.clone();
        let errors = validate(s, false).unwrap_err();
        assert!(
            errors.contains_key(&format!("sections.{sec}.link")),
            "{errors:?}"
        );
        assert!(
            errors.contains_key(&format!("pages.{p1}.slug")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_form_without_an_email_field_cannot_answer() {
        let mut s = site();
        let form = s
            .pages
            .iter_mut()
            .flat_map(|p| &mut p.sections)
            .find(|x| x.kind == "contact")
            .unwrap();
        form.items.retain(|i| i.extra != "email");
        let id = form.id.clone();
        let errors = validate(s, false).unwrap_err();
        assert!(errors.contains_key(&format!("sections.{id}.items")));
    }

    #[test]
    fn site_paths_are_links_but_protocol_relative_ones_are_not() {
        assert_eq!(clean_site_link("/about").as_deref(), Ok("/about"));
        assert!(clean_site_link("//evil.test").is_err());
        assert!(clean_site_link("/a/../b").is_err());
    }
}
