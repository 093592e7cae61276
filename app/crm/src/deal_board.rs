use super::api::move_deal;
use super::deal_card::DealCard;
use super::model::{totals, totals_label, Column};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, ToastKind, Toasts};

/// A card being dragged: which deal, and the column and place it would land in.
#[derive(Debug, Clone, PartialEq)]
pub struct DealDrag {
    /// The deal.
    pub id: String,
    /// Column and index it started at.
    pub from: (usize, usize),
    /// Column and index under the pointer.
    pub to: (usize, usize),
}

/// The board's shared state: columns (changed at once on a move, then saved) and the drag.
#[derive(Clone, Copy)]
pub struct BoardState {
    /// Columns as shown.
    pub cols: RwSignal<Vec<Column>>,
    /// The drag in progress.
    pub drag: RwSignal<Option<DealDrag>>,
    /// The last move, for screen readers.
    pub announcement: RwSignal<String>,
    /// Moves saved or being saved, in order.
    pub saving: RwSignal<bool>,
    workspace_id: StoredValue<String>,
    reload: RwSignal<u32>,
    toasts: Toasts,
    /// Moves not yet sent: (deal, stage, index). Sent one at a time, so quick key presses reach
    /// the server in the order they were made.
    queue: StoredValue<Vec<(String, String, usize)>>,
}

impl BoardState {
    /// Where deal `id` is: column and index.
    pub fn place(&self, id: &str) -> Option<(usize, usize)> {
        self.cols.with(|cols| {
            cols.iter()
                .enumerate()
                .find_map(|(c, col)| col.deals.iter().position(|d| d.id == id).map(|i| (c, i)))
        })
    }

    /// Moves deal `id` to column `col` at `index`, on screen at once and then on the server; a
    /// refused move reloads the board.
    pub fn move_deal(&self, id: &str, col: usize, index: usize) {
        let Some((from_col, from_idx)) = self.place(id) else {
            return;
        };
        let ncols = self.cols.with(Vec::len);
        let col = col.min(ncols.saturating_sub(1));
        if (from_col, from_idx) == (col, index) {
            return;
        }
        let mut title = String::new();
        let mut stage = (String::new(), String::new());
        let mut at = (0, 0);
        self.cols.update(|cols| {
            let mut deal = cols[from_col].deals.remove(from_idx);
            let index = index.min(cols[col].deals.len());
            deal.stage_id = cols[col].stage.id.clone();
            title = deal.title.clone();
            cols[col].deals.insert(index, deal);
            for c in cols.iter_mut() {
                c.totals = totals(&c.deals);
            }
            stage = (cols[col].stage.id.clone(), cols[col].stage.name.clone());
            at = (index, cols[col].deals.len());
        });
        self.announcement.set(format!(
            "{title} moved to {}, position {} of {}.",
            stage.1,
            at.0 + 1,
            at.1
        ));
        self.queue
            .update_value(|q| q.push((id.to_owned(), stage.0, at.0)));
        if !self.saving.get_untracked() {
            self.saving.set(true);
            let me = *self;
            spawn_local(async move { me.drain().await });
        }
    }

    /// Sends queued moves one by one until none are left.
    async fn drain(self) {
        loop {
            let mut next = None;
            self.queue.update_value(|q| {
                if !q.is_empty() {
                    next = Some(q.remove(0));
                }
            });
            let Some((id, stage, index)) = next else {
                break;
            };
            if let Err(e) = move_deal(self.workspace_id.get_value(), id, stage, index).await {
                self.toasts.show(ToastKind::Error, e.to_string());
                self.queue.update_value(Vec::clear);
                self.reload.update(|v| *v += 1);
                break;
            }
        }
        self.saving.set(false);
    }
}

/// The kanban: a column per stage with its total, cards moved by dragging (mouse or touch) or by
/// the arrow keys on a card's handle.
#[component]
pub fn DealBoard(
    workspace_id: String,
    handle: String,
    columns: Vec<Column>,
    can_edit: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let state = BoardState {
        cols: RwSignal::new(columns),
        drag: RwSignal::new(None),
        announcement: RwSignal::new(String::new()),
        workspace_id: StoredValue::new(workspace_id),
        reload,
        toasts: use_toasts(),
        saving: RwSignal::new(false),
        queue: StoredValue::new(Vec::new()),
    };
    provide_context(state);
    let handle = StoredValue::new(handle);
    let ncols = move || state.cols.with(Vec::len);
    view! {
        <p id="deal-drag-help" class="visually-hidden">
            "Drag to move the deal, or use the arrow keys: left and right change the stage, up and down the order."
        </p>
        <p class="save-status muted" role="status">
            {move || if state.saving.get() { "Saving…" } else { "All moves saved" }}
        </p>
        <div id="deal-board" class="board" class:dragging=move || state.drag.with(Option::is_some)>
            {move || (0..ncols()).map(|c| {
                let col = move || state.cols.with(|cols| cols.get(c).cloned());
                let stage_id = move || col().map(|x| x.stage.id).unwrap_or_default();
                let name = move || col().map(|x| x.stage.name).unwrap_or_default();
                let ids = move || col().map(|x| x.deals.iter().map(|d| d.id.clone()).collect::<Vec<_>>()).unwrap_or_default();
                let count = move || col().map(|x| x.deals.len()).unwrap_or(0);
                let total = move || col().map(|x| totals_label(&x.totals)).unwrap_or_default();
                let is_target = move || state.drag.with(|d| d.as_ref().is_some_and(|d| d.to.0 == c && d.to != d.from));
                let heading = format!("stage-{c}-heading");
                let labelled_by = heading.clone();
                view! {
                    <section class="board-column" class:drop-target=is_target aria-labelledby=labelled_by>
                        <header class="board-column-head">
                            <h2 id=heading>{name}<span class="badge">{count}</span></h2>
                            <p class="muted board-total">{total}</p>
                        </header>
                        <ol class="board-cards" id=move || format!("col-{}", stage_id()) aria-label=name>
                            <For each=ids key=|id| id.clone() let:id>
                                <DealCard id handle=handle.get_value() can_edit/>
                            </For>
                        </ol>
                        <Show when=move || count() == 0>
                            <p class="muted board-empty">"No open deals here."</p>
                        </Show>
                    </section>
                }
            }).collect_view()}
        </div>
        <p class="visually-hidden" aria-live="polite">{move || state.announcement.get()}</p>
    }
}
