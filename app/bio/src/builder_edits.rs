//! The builder's edits: blocks added, moved, duplicated, deleted and restored, settings of a
//! block or of the theme changed. Each goes through [`Builder::edit`], so each is autosaved.

use super::builder_state::Builder;
use super::model::{Block, BlockKind, MAX_BLOCKS};
use leptos::prelude::*;
use serde_json::Value;
use ui::dom::random_id as new_block_id;

impl Builder {
    pub(super) fn index_of(&self, id: &str) -> Option<usize> {
        self.draft
            .with_untracked(|d| d.blocks.iter().position(|b| b.id == id))
    }

    /// Adds a block of `kind` (a key of `KINDS`) at the end and opens its settings.
    pub fn add(&self, kind: &str) {
        let Some(kind) = BlockKind::blank(kind) else {
            return;
        };
        if self.draft.with_untracked(|d| d.blocks.len()) >= MAX_BLOCKS {
            self.announcement
                .set(format!("A page holds at most {MAX_BLOCKS} blocks."));
            return;
        }
        let block = Block {
            id: new_block_id(),
            on: true,
            kind,
        };
        let (id, label) = (block.id.clone(), block.kind.label());
        self.edit(|d| d.blocks.push(block));
        self.selected.set(Some(id));
        self.announcement.set(format!("Added {label} at the end."));
    }

    /// Moves block `from` to position `to`, announcing it.
    pub fn move_block(&self, from: usize, to: usize) {
        let n = self.draft.with_untracked(|d| d.blocks.len());
        if from >= n || to >= n || from == to {
            return;
        }
        let mut name = String::new();
        self.edit(|d| {
            let b = d.blocks.remove(from);
            name = b.kind.name();
            d.blocks.insert(to, b);
        });
        self.announcement
            .set(format!("Moved {name} to position {} of {n}.", to + 1));
    }

    /// Moves block `id` one place up (`-1`) or down (`1`).
    pub fn nudge(&self, id: &str, by: isize) {
        if let Some(i) = self.index_of(id) {
            let to = i as isize + by;
            if to >= 0 {
                self.move_block(i, to as usize);
            }
        }
    }

    /// Inserts a copy of block `id` after it.
    pub fn duplicate(&self, id: &str) {
        let Some(i) = self.index_of(id) else { return };
        let mut copy = self.draft.with_untracked(|d| d.blocks[i].clone());
        copy.id = new_block_id();
        let new_id = copy.id.clone();
        self.edit(|d| d.blocks.insert(i + 1, copy));
        self.selected.set(Some(new_id));
        self.announcement.set("Block duplicated below.".into());
    }

    /// Deletes block `id`; [`Builder::undo`] brings it back.
    pub fn remove(&self, id: &str) {
        let Some(i) = self.index_of(id) else { return };
        let mut gone = None;
        self.edit(|d| gone = Some(d.blocks.remove(i)));
        if let Some(b) = gone {
            self.announcement
                .set(format!("Deleted {}. Undo is available.", b.kind.name()));
            self.removed.set(Some((i, b)));
        }
    }

    /// Restores the last deleted block where it was.
    pub fn undo(&self) {
        if let Some((i, b)) = self.removed.get_untracked() {
            let id = b.id.clone();
            self.edit(|d| {
                let at = i.min(d.blocks.len());
                d.blocks.insert(at, b)
            });
            self.removed.set(None);
            self.announcement.set("Block restored.".into());
            ui::dom::focus_soon(format!("handle-{id}"));
        }
    }

    /// Shows or hides block `id` on the public page.
    pub fn set_on(&self, id: &str, on: bool) {
        let id = id.to_owned();
        self.edit(|d| {
            if let Some(b) = d.blocks.iter_mut().find(|b| b.id == id) {
                b.on = on;
            }
        });
    }

    /// A setting of block `id` (tracked), as JSON.
    pub fn field(&self, id: &str, field: &str) -> Value {
        self.draft.with(|d| {
            d.blocks
                .iter()
                .find(|b| b.id == id)
                .and_then(|b| serde_json::to_value(&b.kind).ok())
                .map(|v| v[field].clone())
                .unwrap_or(Value::Null)
        })
    }

    /// Changes a setting of block `id`.
    pub fn set_field(&self, id: &str, field: &str, value: Value) {
        let (id, field) = (id.to_owned(), field.to_owned());
        self.edit(|d| {
            let Some(b) = d.blocks.iter_mut().find(|b| b.id == id) else {
                return;
            };
            let Ok(mut v) = serde_json::to_value(&b.kind) else {
                return;
            };
            v[&field] = value;
            if let Ok(kind) = serde_json::from_value(v) {
                b.kind = kind;
            }
        });
    }

    /// A theme setting (tracked), as text.
    pub fn theme_field(&self, field: &str) -> String {
        self.draft.with(|d| {
            serde_json::to_value(&d.theme)
                .ok()
                .and_then(|v| v[field].as_str().map(str::to_owned))
                .unwrap_or_default()
        })
    }

    /// Changes a theme setting.
    pub fn set_theme(&self, field: &str, value: String) {
        let field = field.to_owned();
        self.edit(|d| {
            let Ok(mut v) = serde_json::to_value(&d.theme) else {
                return;
            };
            v[&field] = Value::String(value);
            if let Ok(theme) = serde_json::from_value(v) {
                d.theme = theme;
            }
        });
    }

    /// The messages the last check or save has for `key` (tracked).
    pub fn messages(&self, key: &str) -> Vec<String> {
        self.error.with(|e| {
            e.as_ref()
                .map(|e| e.field_messages(key))
                .unwrap_or_default()
        })
    }
}
