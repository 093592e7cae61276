//! The builder's working state, shared by its parts through context: the draft, the autosave
//! that follows every edit, and publishing. The edits themselves are in `builder_edits`.

use super::api::{publish_bio_page, save_bio_draft};
use super::model::validate::validate;
use super::model::{BioPageView, Block, PageContent};
use app_core::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
pub use ui::SaveStatus;

/// Quiet time after the last edit before the draft is saved.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(700);

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
        ui::dom::confirm_leaving(move || {
            b.status
                .try_get_untracked()
                .is_some_and(|s| s != SaveStatus::Saved)
        });
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
    fn open_first_problem(&self, fields: &app_core::error::FieldMessages) {
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
}
