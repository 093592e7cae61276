//! The editor's edits: sections added, moved, duplicated, deleted and changed; their items;
//! pages, the menu and the theme. Each goes through [`Editor::edit`], so each is autosaved and
//! can be undone.

use super::editor_state::Editor;
use super::model::section::{Item, MAX_ITEMS};
use super::model::site::{MAX_PAGES, MAX_SECTIONS};
use super::model::{NavLink, Page, Section};
use leptos::prelude::*;
use serde_json::Value;
use ui::dom::random_id;

fn set_json<T: serde::Serialize + serde::de::DeserializeOwned>(
    target: &mut T,
    field: &str,
    value: Value,
) {
    let Ok(mut v) = serde_json::to_value(&*target) else {
        return;
    };
    v[field] = value;
    if let Ok(new) = serde_json::from_value(v) {
        *target = new;
    }
}

fn get_json<T: serde::Serialize>(target: &T, field: &str) -> Value {
    serde_json::to_value(target)
        .map(|v| v[field].clone())
        .unwrap_or(Value::Null)
}

impl Editor {
    fn sections_len(&self) -> usize {
        let page = self.page.get_untracked();
        self.draft
            .with_untracked(|d| d.page_by_id(&page).map_or(0, |p| p.sections.len()))
    }

    /// The position of section `id` on the page on screen.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let page = self.page.get_untracked();
        self.draft.with_untracked(|d| {
            d.page_by_id(&page)?
                .sections
                .iter()
                .position(|s| s.id == id)
        })
    }

    /// Adds a section of `kind` at the end of the page and opens it.
    pub fn add_section(&self, kind: &str) {
        if self.sections_len() >= MAX_SECTIONS {
            self.announcement
                .set(format!("A page holds at most {MAX_SECTIONS} sections."));
            return;
        }
        let Some(section) = Section::blank(kind, random_id()) else {
            return;
        };
        let (id, label) = (section.id.clone(), section.label());
        self.edit_page("", |p| p.sections.push(section));
        self.selected.set(Some(id));
        self.announcement.set(format!("Added {label} at the end."));
    }

    /// Moves section `from` to position `to`, announcing it.
    pub fn move_section(&self, from: usize, to: usize) {
        let n = self.sections_len();
        if from >= n || to >= n || from == to {
            return;
        }
        let mut name = String::new();
        self.edit_page("", |p| {
            let s = p.sections.remove(from);
            name = s.name();
            p.sections.insert(to, s);
        });
        self.announcement
            .set(format!("Moved {name} to position {} of {n}.", to + 1));
    }

    /// Moves section `id` one place up (`-1`) or down (`1`).
    pub fn nudge(&self, id: &str, by: isize) {
        if let Some(i) = self.index_of(id) {
            let to = i as isize + by;
            if to >= 0 {
                self.move_section(i, to as usize);
            }
        }
    }

    /// Inserts a copy of section `id` after it.
    pub fn duplicate(&self, id: &str) {
        let Some(i) = self.index_of(id) else { return };
        let Some(mut copy) = self.current().map(|p| p.sections[i].clone()) else {
            return;
        };
        copy.id = random_id();
        let new_id = copy.id.clone();
        self.edit_page("", |p| p.sections.insert(i + 1, copy));
        self.selected.set(Some(new_id));
        self.announcement.set("Section duplicated below.".into());
    }

    /// Deletes section `id`; undo brings it back.
    pub fn remove(&self, id: &str) {
        let Some(i) = self.index_of(id) else { return };
        let mut name = String::new();
        self.edit_page("", |p| name = p.sections.remove(i).name());
        self.announcement
            .set(format!("Deleted {name}. Undo brings it back."));
    }

    /// A setting of section `id` (tracked).
    pub fn field(&self, id: &str, field: &str) -> Value {
        self.current()
            .and_then(|p| p.sections.into_iter().find(|s| s.id == id))
            .map(|s| get_json(&s, field))
            .unwrap_or(Value::Null)
    }

    /// Changes a setting of section `id`.
    pub fn set_field(&self, id: &str, field: &str, value: Value) {
        let id = id.to_owned();
        self.edit_page(&format!("{id}.{field}"), |p| {
            if let Some(s) = p.sections.iter_mut().find(|s| s.id == id) {
                set_json(s, field, value);
            }
        });
    }

    /// A setting of item `i` of section `id` (tracked).
    pub fn item_field(&self, id: &str, i: usize, field: &str) -> Value {
        self.current()
            .and_then(|p| p.sections.into_iter().find(|s| s.id == id))
            .and_then(|s| s.items.get(i).map(|item| get_json(item, field)))
            .unwrap_or(Value::Null)
    }

    /// Changes a setting of item `i` of section `id`.
    pub fn set_item_field(&self, id: &str, i: usize, field: &str, value: Value) {
        let id = id.to_owned();
        self.edit_page(&format!("{id}.{i}.{field}"), |p| {
            if let Some(item) = p
                .sections
                .iter_mut()
                .find(|s| s.id == id)
                .and_then(|s| s.items.get_mut(i))
            {
                set_json(item, field, value);
            }
        });
    }

    /// Adds an item to section `id`.
    pub fn add_item(&self, id: &str) {
        let id = id.to_owned();
        self.edit_page("", |p| {
            if let Some(s) = p.sections.iter_mut().find(|s| s.id == id) {
                if s.items.len() < MAX_ITEMS {
                    let extra = if s.kind == "contact" { "text" } else { "" };
                    s.items.push(Item {
                        extra: extra.into(),
                        ..Item::default()
                    });
                }
            }
        });
    }

    /// Removes item `i` of section `id`.
    pub fn remove_item(&self, id: &str, i: usize) {
        let id = id.to_owned();
        self.edit_page("", |p| {
            if let Some(s) = p.sections.iter_mut().find(|s| s.id == id) {
                if i < s.items.len() {
                    s.items.remove(i);
                }
            }
        });
        self.announcement
            .set("Removed. Undo brings it back.".into());
    }

    /// Moves item `i` of section `id` by `by`.
    pub fn move_item(&self, id: &str, i: usize, by: isize) {
        let id = id.to_owned();
        self.edit_page("", |p| {
            if let Some(s) = p.sections.iter_mut().find(|s| s.id == id) {
                let to = i as isize + by;
                if i < s.items.len() && to >= 0 && (to as usize) < s.items.len() {
                    s.items.swap(i, to as usize);
                }
            }
        });
    }

    /// A setting of the page on screen (`title`, `slug`, `seo.title`…) as text (tracked).
    pub fn page_field(&self, field: &str) -> Value {
        let Some(p) = self.current() else {
            return Value::Null;
        };
        match field.strip_prefix("seo.") {
            Some(f) => get_json(&p.seo, f),
            None => get_json(&p, field),
        }
    }

    /// Changes a setting of the page on screen.
    pub fn set_page_field(&self, field: &str, value: Value) {
        let key = format!("page.{field}");
        self.edit_page(&key, |p| match field.strip_prefix("seo.") {
            Some(f) => set_json(&mut p.seo, f, value),
            None => set_json(p, field, value),
        });
    }

    /// Adds a page named `title` at `slug`, with a menu entry, and shows it: with one hero
    /// section, or with `copy` copies of the sections of the page on screen (under new ids).
    pub fn add_page(&self, title: &str, slug: &str, copy: bool) {
        if self.draft.with_untracked(|d| d.pages.len()) >= MAX_PAGES {
            self.announcement
                .set(format!("A site holds at most {MAX_PAGES} pages."));
            return;
        }
        let page = Page {
            id: random_id(),
            slug: slug.trim().to_ascii_lowercase(),
            title: title.trim().to_owned(),
            seo: Default::default(),
            sections: match copy.then(|| self.current()).flatten() {
                Some(from) => from
                    .sections
                    .into_iter()
                    .map(|mut s| {
                        s.id = random_id();
                        s
                    })
                    .collect(),
                None => Section::blank("hero", random_id()).into_iter().collect(),
            },
        };
        let id = page.id.clone();
        self.edit("", |d| {
            d.nav.push(NavLink {
                label: page.title.clone(),
                page: page.id.clone(),
                url: String::new(),
            });
            d.pages.push(page);
        });
        self.page.set(id);
        self.selected.set(None);
        self.announcement.set(
            if copy {
                "Page added as a copy, and to the site's menu."
            } else {
                "Page added to the site and its menu."
            }
            .into(),
        );
    }

    /// Deletes the page on screen (not the home page) and its menu entries.
    pub fn remove_page(&self) {
        let id = self.page.get_untracked();
        self.edit("", |d| {
            d.pages.retain(|p| p.id != id || p.slug.is_empty());
            d.nav.retain(|n| n.page != id);
        });
        self.keep_page_on_screen();
        self.announcement
            .set("Page deleted. Undo brings it back.".into());
    }

    /// Edits the menu.
    pub fn edit_nav(&self, what: &str, f: impl FnOnce(&mut Vec<NavLink>)) {
        self.edit(what, |d| f(&mut d.nav));
    }

    /// A theme setting (tracked), as text.
    pub fn theme_field(&self, field: &str) -> String {
        self.draft.with(|d| {
            get_json(&d.theme, field)
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
    }

    /// Changes a theme setting.
    pub fn set_theme(&self, field: &str, value: String) {
        let key = format!("theme.{field}");
        self.edit(&key, |d| {
            set_json(&mut d.theme, field, Value::String(value))
        });
    }
}
