//! The editor's working state, shared by its parts through context: the draft site, the page on
//! screen, undo and redo, the autosave that follows every edit, and publishing. The edits
//! themselves are in `editor_edits`.

use super::api::{publish_site, save_site_draft};
use super::model::validate::validate;
use super::model::{Page, SiteContent, SiteView};
use app_core::error::{AppError, FieldMessages};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
pub use ui::SaveStatus;

/// Quiet time after the last edit before the draft is saved.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(700);
/// Steps undo remembers.
const UNDO_STEPS: usize = 100;

/// The editor of one site.
#[derive(Clone, Copy)]
pub struct Editor {
    workspace_id: StoredValue<String>,
    site_id: StoredValue<String>,
    /// The site as the person sees it now.
    pub draft: RwSignal<SiteContent>,
    /// The id of the page on screen.
    pub page: RwSignal<String>,
    revision: StoredValue<i64>,
    edits: StoredValue<u64>,
    in_flight: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    undo: StoredValue<Vec<SiteContent>>,
    redo: StoredValue<Vec<SiteContent>>,
    /// What the last edit changed: typing into one field is one undo step.
    last_edit: StoredValue<String>,
    /// How many undo and redo steps there are (tracked, for the buttons).
    pub history: RwSignal<(usize, usize)>,
    /// Autosave state.
    pub status: RwSignal<SaveStatus>,
    /// The last save's or check's error, for the fields and the status line.
    pub error: RwSignal<Option<AppError>>,
    /// Whether the draft differs from the published site.
    pub unpublished: RwSignal<bool>,
    /// When the site was last published.
    pub published_at: RwSignal<Option<String>>,
    /// Bumped by every save, so the preview shows the saved draft.
    pub saves: RwSignal<u64>,
    /// The section whose settings are open.
    pub selected: RwSignal<Option<String>>,
    /// The last move or change, for screen readers.
    pub announcement: RwSignal<String>,
}

/// The editor of the site on screen.
pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}

impl Editor {
    /// Starts editing `site` and provides the editor to the components below.
    pub fn provide(workspace_id: String, site: &SiteView) -> Editor {
        let home = site
            .draft
            .page("")
            .or(site.draft.pages.first())
            .map(|p| p.id.clone())
            .unwrap_or_default();
        let e = Editor {
            workspace_id: StoredValue::new(workspace_id),
            site_id: StoredValue::new(site.id.clone()),
            draft: RwSignal::new(site.draft.clone()),
            page: RwSignal::new(home),
            revision: StoredValue::new(site.revision),
            edits: StoredValue::new(0),
            in_flight: StoredValue::new(false),
            timer: StoredValue::new(None),
            undo: StoredValue::new(Vec::new()),
            redo: StoredValue::new(Vec::new()),
            last_edit: StoredValue::new(String::new()),
            history: RwSignal::new((0, 0)),
            status: RwSignal::new(SaveStatus::Saved),
            error: RwSignal::new(None),
            unpublished: RwSignal::new(site.unpublished_changes),
            published_at: RwSignal::new(site.published_at.clone()),
            saves: RwSignal::new(0),
            selected: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
        };
        provide_context(e);
        on_cleanup(move || e.flush());
        ui::dom::confirm_leaving(move || {
            e.status
                .try_get_untracked()
                .is_some_and(|s| s != SaveStatus::Saved)
        });
        e
    }

    /// The workspace and site being edited.
    pub fn ids(&self) -> (String, String) {
        (self.workspace_id.get_value(), self.site_id.get_value())
    }

    /// The page on screen (tracked).
    pub fn current(&self) -> Option<Page> {
        let id = self.page.get();
        self.draft.with(|d| d.page_by_id(&id).cloned())
    }

    /// Applies `f` to the page on screen.
    pub fn edit_page(&self, what: &str, f: impl FnOnce(&mut Page)) {
        let id = self.page.get_untracked();
        self.edit(what, |d| {
            if let Some(p) = d.pages.iter_mut().find(|p| p.id == id) {
                f(p);
            }
        });
    }

    /// Changes the draft, remembers the state before for undo and schedules the autosave.
    /// Edits with the same `what` in a row (typing into one field) are one undo step; an empty
    /// `what` is always its own step.
    pub fn edit(&self, what: &str, f: impl FnOnce(&mut SiteContent)) {
        let same = !what.is_empty() && self.last_edit.with_value(|l| l == what);
        if !same {
            let before = self.draft.get_untracked();
            self.undo.update_value(|u| {
                u.push(before);
                if u.len() > UNDO_STEPS {
                    u.remove(0);
                }
            });
            self.redo.update_value(Vec::clear);
        }
        self.last_edit.set_value(what.to_owned());
        self.draft.update(f);
        self.changed();
    }

    fn changed(&self) {
        self.history.set((
            self.undo.with_value(Vec::len),
            self.redo.with_value(Vec::len),
        ));
        self.edits.update_value(|e| *e += 1);
        self.status.set(SaveStatus::Waiting);
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        let this = *self;
        self.timer
            .set_value(set_timeout_with_handle(move || this.save_now(), AUTOSAVE_AFTER).ok());
    }

    /// Shows the home page when the page on screen is gone (deleted, undone).
    pub(crate) fn keep_page_on_screen(&self) {
        let id = self.page.get_untracked();
        let home = self.draft.with_untracked(|d| {
            (d.page_by_id(&id).is_none())
                .then(|| d.page("").or(d.pages.first()).map(|p| p.id.clone()))
        });
        if let Some(Some(home)) = home {
            self.page.set(home);
        }
    }

    /// Takes back the last edit.
    pub fn undo(&self) {
        let Some(before) = self.undo.try_update_value(Vec::pop).flatten() else {
            return;
        };
        let now = self.draft.get_untracked();
        self.redo.update_value(|r| r.push(now));
        self.last_edit.set_value(String::new());
        self.draft.set(before);
        self.keep_page_on_screen();
        self.announcement.set("Undone.".into());
        self.changed();
    }

    /// Does again what undo took back.
    pub fn redo(&self) {
        let Some(after) = self.redo.try_update_value(Vec::pop).flatten() else {
            return;
        };
        let now = self.draft.get_untracked();
        self.undo.update_value(|u| u.push(now));
        self.last_edit.set_value(String::new());
        self.draft.set(after);
        self.keep_page_on_screen();
        self.announcement.set("Redone.".into());
        self.changed();
    }

    /// Replaces the draft with `site` as saved (a restored revision); undo can go back.
    pub fn replace(&self, site: SiteView) {
        self.undo
            .update_value(|u| u.push(self.draft.get_untracked()));
        self.revision.set_value(site.revision);
        self.draft.set(site.draft);
        self.keep_page_on_screen();
        self.unpublished.set(site.unpublished_changes);
        self.history.set((
            self.undo.with_value(Vec::len),
            self.redo.with_value(Vec::len),
        ));
        self.saves.update(|s| *s += 1);
    }

    fn flush(&self) {
        if let Some(Some(t)) = self.timer.try_get_value() {
            t.clear();
        }
        if self.status.try_get_untracked() != Some(SaveStatus::Waiting)
            || self.in_flight.try_get_value() != Some(false)
        {
            return;
        }
        let (Some(content), Some((ws, site)), Some(revision)) = (
            self.draft.try_get_untracked(),
            self.workspace_id
                .try_get_value()
                .zip(self.site_id.try_get_value()),
            self.revision.try_get_value(),
        ) else {
            return;
        };
        if validate(content.clone(), false).is_ok() {
            let json = serde_json::to_string(&content).unwrap_or_default();
            spawn_local(async move {
                let _ = save_site_draft(ws, site, revision, json).await;
            });
        }
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
            let (ws, site) = this.ids();
            let result = save_site_draft(ws, site, this.revision.get_value(), json).await;
            if this.draft.is_disposed() {
                return;
            }
            this.in_flight.set_value(false);
            match result {
                Ok(saved) => {
                    this.revision.set_value(saved.revision);
                    this.unpublished.set(saved.unpublished_changes);
                    this.saves.update(|s| *s += 1);
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

    /// Publishes the saved draft. Unfinished sections are opened with their messages instead.
    pub fn publish(&self, done: impl Fn(Result<(), AppError>) + 'static) {
        let this = *self;
        if let Err(fields) = validate(self.draft.get_untracked(), true) {
            self.open_first_problem(&fields);
            self.error.set(Some(AppError::Validation { fields }));
            done(Err(AppError::invalid(
                "form",
                "Finish the highlighted fields before publishing.",
            )));
            return;
        }
        spawn_local(async move {
            let (ws, site) = this.ids();
            match publish_site(ws, site).await {
                Ok(site) => {
                    this.unpublished.set(site.unpublished_changes);
                    this.published_at.set(site.published_at);
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

    /// Shows the page and opens the section the first message is about.
    fn open_first_problem(&self, fields: &FieldMessages) {
        let found = self.draft.with_untracked(|d| {
            d.pages.iter().find_map(|p| {
                if fields
                    .keys()
                    .any(|k| k.starts_with(&format!("pages.{}.", p.id)))
                {
                    return Some((p.id.clone(), None));
                }
                p.sections
                    .iter()
                    .find(|s| {
                        fields
                            .keys()
                            .any(|k| k.starts_with(&format!("sections.{}.", s.id)))
                    })
                    .map(|s| (p.id.clone(), Some(s.id.clone())))
            })
        });
        if let Some((page, section)) = found {
            self.page.set(page);
            self.selected.set(section);
        }
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
