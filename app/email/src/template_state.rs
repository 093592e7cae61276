//! The email editor's working state, shared by its parts through context: the blocks, the
//! autosave that follows every edit, and the undo of a removal.

use super::api::save_email_blocks;
use super::model::{EmailBlock, EmailBlockKind};
use app_core::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Quiet time after the last edit before the blocks are saved.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(700);

/// Where the blocks stand against the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saving {
    /// Everything is saved.
    Saved,
    /// Edits wait for the autosave.
    Waiting,
    /// A save is on its way.
    Busy,
    /// The last save failed; `error` says why.
    Failed,
}

/// The editor of one campaign's email.
#[derive(Clone, Copy)]
pub struct Template {
    workspace_id: StoredValue<String>,
    campaign_id: StoredValue<String>,
    /// The blocks as the person sees them now.
    pub blocks: RwSignal<Vec<EmailBlock>>,
    edits: StoredValue<u64>,
    in_flight: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Autosave state.
    pub saving: RwSignal<Saving>,
    /// The last failed save's error.
    pub error: RwSignal<Option<AppError>>,
    /// Counts saves, so the preview reloads after each.
    pub saved: RwSignal<u32>,
    /// The block whose settings are open.
    pub selected: RwSignal<Option<String>>,
    /// The last removed block and where it was, until it is restored or another goes.
    pub removed: RwSignal<Option<(usize, EmailBlock)>>,
    /// The last move, for screen readers.
    pub announcement: RwSignal<String>,
}

/// The editor on screen.
pub fn use_template() -> Template {
    expect_context::<Template>()
}

impl Template {
    /// Starts editing `blocks` of campaign `campaign_id` and provides the editor below.
    pub fn provide(workspace_id: String, campaign_id: String, blocks: Vec<EmailBlock>) -> Self {
        let t = Template {
            workspace_id: StoredValue::new(workspace_id),
            campaign_id: StoredValue::new(campaign_id),
            blocks: RwSignal::new(blocks),
            edits: StoredValue::new(0),
            in_flight: StoredValue::new(false),
            timer: StoredValue::new(None),
            saving: RwSignal::new(Saving::Saved),
            error: RwSignal::new(None),
            saved: RwSignal::new(0),
            selected: RwSignal::new(None),
            removed: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
        };
        provide_context(t);
        // Leaving the page saves what the timer had not yet.
        on_cleanup(move || t.flush());
        // Closing the tab with unsaved edits asks first.
        ui::dom::confirm_leaving(move || {
            t.saving
                .try_get_untracked()
                .is_some_and(|s| s != Saving::Saved)
        });
        t
    }

    /// The workspace and campaign being edited.
    pub fn ids(&self) -> (String, String) {
        (self.workspace_id.get_value(), self.campaign_id.get_value())
    }

    /// Changes the blocks and schedules their autosave.
    pub fn edit(&self, f: impl FnOnce(&mut Vec<EmailBlock>)) {
        self.blocks.update(f);
        self.edits.update_value(|e| *e += 1);
        self.saving.set(Saving::Waiting);
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        let this = *self;
        self.timer
            .set_value(set_timeout_with_handle(move || this.save_now(), AUTOSAVE_AFTER).ok());
    }

    /// Changes block `id`'s settings.
    pub fn edit_block(&self, id: &str, f: impl FnOnce(&mut EmailBlockKind)) {
        self.edit(|blocks| {
            if let Some(b) = blocks.iter_mut().find(|b| b.id == id) {
                f(&mut b.kind);
            }
        });
    }

    /// Setting `field` of block `id`, as JSON (`Null` when it has none).
    pub fn field(&self, id: &str, field: &str) -> serde_json::Value {
        self.blocks.with(|bs| {
            bs.iter()
                .find(|b| b.id == id)
                .and_then(|b| serde_json::to_value(&b.kind).ok())
                .and_then(|mut v| v.get_mut(field).map(serde_json::Value::take))
                .unwrap_or_default()
        })
    }

    /// Sets `field` of block `id` to `value`; a value of the wrong shape changes nothing.
    pub fn set_field(&self, id: &str, field: &str, value: serde_json::Value) {
        self.edit_block(id, |kind| {
            let Ok(mut v) = serde_json::to_value(&*kind) else {
                return;
            };
            if let Some(slot) = v.get_mut(field) {
                *slot = value;
            }
            if let Ok(changed) = serde_json::from_value(v) {
                *kind = changed;
            }
        });
    }

    /// Adds a block of kind `key` at the end and opens it.
    pub fn add(&self, key: &str) {
        let Some(kind) = EmailBlockKind::starter(key) else {
            return;
        };
        let id = self.blocks.with_untracked(|bs| {
            let n = bs
                .iter()
                .filter_map(|b| b.id.strip_prefix('b')?.parse::<u32>().ok())
                .max()
                .map_or(0, |n| n + 1);
            format!("b{n}")
        });
        self.edit(|bs| {
            bs.push(EmailBlock {
                id: id.clone(),
                kind,
            })
        });
        self.selected.set(Some(id));
    }

    /// Moves the block at `from` so that `to` other blocks are above it.
    pub fn move_block(&self, from: usize, to: usize) {
        if from == to {
            return;
        }
        self.edit(|bs| {
            if from < bs.len() {
                let b = bs.remove(from);
                bs.insert(to.min(bs.len()), b);
            }
        });
        let (n, total) = (to + 1, self.blocks.with_untracked(Vec::len));
        self.announcement
            .set(format!("Moved to position {n} of {total}."));
    }

    /// Moves block `id` up (`by` < 0) or down.
    pub fn nudge(&self, id: &str, by: isize) {
        let Some(from) = self
            .blocks
            .with_untracked(|bs| bs.iter().position(|b| b.id == id))
        else {
            return;
        };
        let to = from as isize + by;
        if to >= 0 && (to as usize) < self.blocks.with_untracked(Vec::len) {
            self.move_block(from, to as usize);
        }
    }

    /// Removes block `id`, keeping it for "Undo".
    pub fn remove(&self, id: &str) {
        let found = self.blocks.with_untracked(|bs| {
            bs.iter()
                .position(|b| b.id == id)
                .map(|i| (i, bs[i].clone()))
        });
        if let Some((i, b)) = found {
            self.edit(|bs| {
                bs.remove(i);
            });
            self.removed.set(Some((i, b)));
        }
    }

    /// Puts the last removed block back where it was.
    pub fn undo_remove(&self) {
        if let Some((i, b)) = self.removed.get_untracked() {
            self.removed.set(None);
            self.edit(|bs| bs.insert(i.min(bs.len()), b));
        }
    }

    /// Saves pending edits right away, without touching the editor afterwards (it may be gone
    /// by the time the answer comes).
    fn flush(&self) {
        if let Some(Some(t)) = self.timer.try_get_value() {
            t.clear();
        }
        if self.saving.try_get_untracked() != Some(Saving::Waiting)
            || self.in_flight.try_get_value() != Some(false)
        {
            return;
        }
        let (Some(blocks), Some(ws), Some(id)) = (
            self.blocks.try_get_untracked(),
            self.workspace_id.try_get_value(),
            self.campaign_id.try_get_value(),
        ) else {
            return;
        };
        let json = serde_json::to_string(&blocks).unwrap_or_default();
        spawn_local(async move {
            let _ = save_email_blocks(ws, id, json).await;
        });
    }

    /// Saves the blocks now; edits made meanwhile are saved right after.
    pub fn save_now(&self) {
        if self.blocks.is_disposed() || self.in_flight.get_value() {
            return;
        }
        self.saving.set(Saving::Busy);
        self.in_flight.set_value(true);
        let version = self.edits.get_value();
        let json = self
            .blocks
            .with_untracked(|b| serde_json::to_string(b).unwrap_or_default());
        let this = *self;
        spawn_local(async move {
            let (ws, id) = this.ids();
            let result = save_email_blocks(ws, id, json).await;
            if this.blocks.is_disposed() {
                return;
            }
            this.in_flight.set_value(false);
            match result {
                Ok(_) => {
                    this.error.set(None);
                    this.saved.update(|n| *n += 1);
                    if this.edits.get_value() == version {
                        this.saving.set(Saving::Saved);
                    } else {
                        this.save_now();
                    }
                }
                Err(e) => {
                    this.error.set(Some(e));
                    this.saving.set(Saving::Failed);
                }
            }
        });
    }
}
