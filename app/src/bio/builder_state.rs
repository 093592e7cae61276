//! The builder's working state, shared by its parts through context: the draft, the autosave
//! that follows every edit, and the block operations with their announcements and undo.

use super::api::{publish_bio_page, save_bio_draft};
use super::browser::new_block_id;
use super::model::validate::validate;
use super::model::{BioPageView, Block, BlockKind, PageContent, MAX_BLOCKS};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use std::time::Duration;

/// Quiet time after the last edit before the draft is saved.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(700);

/// Where the draft stands against the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything is saved.
    Saved,
    /// Edits wait for the autosave.
    Waiting,
    /// A save is on its way.
    Saving,
    /// The draft breaks a rule; the messages are next to the fields.
    Invalid,
    /// The last save failed; the error says why.
    Failed,
}

/// The builder of one page.
#[derive(Clone, Copy)]
pub struct Builder {
    workspace_id: StoredValue<String>,
    page_id: StoredValue<String>,
    /// The page as the person sees it now.
    pub draft: RwSignal<PageContent>,
    revision: StoredValue<i64>,
    edits: StoredValue<u64>,
    in_flight: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Autosave state.
    pub status: RwSignal<SaveStatus>,
    /// The last save's or check's error, for the fields and the status line.
    pub error: RwSignal<Option<AppError>>,
    /// Whether the draft differs from the published page.
    pub unpublished: RwSignal<bool>,
    /// When the page was last published.
    pub published_at: RwSignal<Option<String>>,
    /// The block whose settings are open.
    pub selected: RwSignal<Option<String>>,
    /// The last move or change, for screen readers.
    pub announcement: RwSignal<String>,
    /// The last deleted block and where it was, until it is restored or another goes.
    pub removed: RwSignal<Option<(usize, Block)>>,
}

/// The builder of the page on screen.
pub fn use_builder() -> Builder {
    expect_context::<Builder>()
}

impl Builder {
    /// Starts editing `page` and provides the builder to the components below.
    pub fn provide(workspace_id: String, page: &BioPageView) -> Builder {
        let b = Builder {
            workspace_id: StoredValue::new(workspace_id),
            page_id: StoredValue::new(page.id.clone()),
            draft: RwSignal::new(page.draft.clone()),
            revision: StoredValue::new(page.revision),
            edits: StoredValue::new(0),
            in_flight: StoredValue::new(false),
            timer: StoredValue::new(None),
            status: RwSignal::new(SaveStatus::Saved),
            error: RwSignal::new(None),
            unpublished: RwSignal::new(page.unpublished_changes),
            published_at: RwSignal::new(page.published_at.clone()),
            selected: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            removed: RwSignal::new(None),
        };
        provide_context(b);
        // Leaving the builder (another page of the app) saves what the timer had not yet.
        on_cleanup(move || b.flush());
        // Closing the tab with unsaved edits asks first.
        #[cfg(feature = "hydrate")]
        {
            let listener = window_event_listener(leptos::ev::beforeunload, move |ev| {
                if b.status
                    .try_get_untracked()
                    .is_some_and(|s| s != SaveStatus::Saved)
                {
                    ev.prevent_default();
                }
            });
            on_cleanup(move || listener.remove());
        }
        b
    }

    /// Saves pending edits right away, without touching the builder's state afterwards (it may
    /// be gone by the time the answer comes).
    fn flush(&self) {
        if let Some(Some(t)) = self.timer.try_get_value() {
            t.clear();
        }
        if self.status.try_get_untracked() != Some(SaveStatus::Waiting)
            || self.in_flight.try_get_value() != Some(false)
        {
            return;
        }
        let (Some(content), Some(ws), Some(page), Some(revision)) = (
            self.draft.try_get_untracked(),
            self.workspace_id.try_get_value(),
            self.page_id.try_get_value(),
            self.revision.try_get_value(),
        ) else {
            return;
        };
        if validate(content.clone(), false).is_ok() {
            let json = serde_json::to_string(&content).unwrap_or_default();
            spawn_local(async move {
                let _ = save_bio_draft(ws, page, revision, json).await;
            });
        }
    }

    /// Changes the draft and schedules its autosave.
    pub fn edit(&self, f: impl FnOnce(&mut PageContent)) {
        self.draft.update(f);
        self.edits.update_value(|e| *e += 1);
        self.status.set(SaveStatus::Waiting);
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        let this = *self;
        self.timer
            .set_value(set_timeout_with_handle(move || this.save_now(), AUTOSAVE_AFTER).ok());
    }

    /// Saves the draft now if it passes the rules; edits made meanwhile are saved right after.
    pub fn save_now(&self) {
        if self.draft.is_disposed() || self.in_flight.get_value() {
            return;
        }
        let content = self.draft.get_untracked();
        if let Err(fields) = validate(content.clone(), false) {
            self.error.set(Some(AppError::Validation { fields }));
            self.status.set(SaveStatus::Invalid);
            return;
        }
        self.error.set(None);
        self.status.set(SaveStatus::Saving);
        self.in_flight.set_value(true);
        let version = self.edits.get_value();
        let json = serde_json::to_string(&content).unwrap_or_default();
        let this = *self;
        spawn_local(async move {
            let result = save_bio_draft(
                this.workspace_id.get_value(),
                this.page_id.get_value(),
                this.revision.get_value(),
                json,
            )
            .await;
            if this.draft.is_disposed() {
                return;
            }
            this.in_flight.set_value(false);
            match result {
                Ok(saved) => {
                    this.revision.set_value(saved.revision);
                    this.unpublished.set(saved.unpublished_changes);
                    if this.edits.get_value() == version {
                        this.status.set(SaveStatus::Saved);
                    } else {
                        this.save_now();
                    }
                }
                Err(e) => {
                    this.error.set(Some(e));
                    this.status.set(SaveStatus::Failed);
                }
            }
        });
    }

    /// Publishes the saved draft. Unfinished blocks are opened with their messages instead.
    pub fn publish(&self, done: impl Fn(Result<(), AppError>) + 'static) {
        let this = *self;
        if let Err(fields) = validate(self.draft.get_untracked(), true) {
            self.open_first_problem(&fields);
            self.error.set(Some(AppError::Validation { fields }));
            done(Err(AppError::invalid(
                "form",
                "Finish the highlighted blocks before publishing.",
            )));
            return;
        }
        spawn_local(async move {
            match publish_bio_page(this.workspace_id.get_value(), this.page_id.get_value()).await {
                Ok(page) => {
                    this.unpublished.set(page.unpublished_changes);
                    this.published_at.set(page.published_at);
                    done(Ok(()))
                }
                Err(e) => {
                    if let AppError::Validation { fields } = &e {
                        this.open_first_problem(fields);
                    }
                    this.error.set(Some(e.clone()));
                    done(Err(e))
                }
            }
        });
    }

    /// Opens the first block a message is about, so its fields show what to fix.
    fn open_first_problem(&self, fields: &crate::error::FieldMessages) {
        let first = self.draft.with_untracked(|d| {
            d.blocks
                .iter()
                .find(|b| {
                    fields
                        .keys()
                        .any(|k| k.starts_with(&format!("blocks.{}.", b.id)))
                })
                .map(|b| b.id.clone())
        });
        if first.is_some() {
            self.selected.set(first);
        }
    }

    /// The workspace and page being edited.
    pub fn ids(&self) -> (String, String) {
        (self.workspace_id.get_value(), self.page_id.get_value())
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.draft
            .with_untracked(|d| d.blocks.iter().position(|b| b.id == id))
    }

    fn name_of(block: &Block) -> String {
        let summary = block.kind.summary();
        if summary.trim().is_empty() {
            block.kind.label().to_owned()
        } else {
            summary
        }
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
            name = Self::name_of(&b);
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
                .set(format!("Deleted {}. Undo is available.", Self::name_of(&b)));
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
            super::browser::focus_soon(format!("handle-{id}"));
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
