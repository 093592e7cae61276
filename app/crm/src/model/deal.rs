use serde::{Deserialize, Serialize};

/// One column of a pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// Stable id, kept when the stage is renamed.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A sales process: its stages in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Stages, left to right.
    pub stages: Vec<Stage>,
}

/// The stages a new workspace's first pipeline starts with.
pub const DEFAULT_STAGES: &[&str] = &["New", "Qualified", "Proposal", "Negotiation"];

/// Whether a deal is still being worked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DealStatus {
    /// On the board.
    #[default]
    Open,
    /// Closed, with the money.
    Won,
    /// Closed without.
    Lost,
}

impl DealStatus {
    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            DealStatus::Open => "Open",
            DealStatus::Won => "Won",
            DealStatus::Lost => "Lost",
        }
    }
}

/// A deal as screens show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealView {
    /// Id.
    pub id: String,
    /// Its pipeline.
    pub pipeline_id: String,
    /// Its stage in that pipeline.
    pub stage_id: String,
    /// Name, e.g. "Website redesign".
    pub title: String,
    /// Value in minor units.
    pub value: i64,
    /// ISO 4217.
    pub currency: String,
    /// Expected close, `YYYY-MM-DD`.
    pub close_date: Option<String>,
    /// The member responsible.
    pub owner_id: Option<String>,
    /// The contact it is with.
    pub contact_id: Option<String>,
    /// Their name.
    pub contact_name: Option<String>,
    /// Open, won or lost.
    pub status: DealStatus,
    /// Why it was won or lost.
    pub reason: String,
}

/// The total of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Total {
    /// ISO 4217.
    pub currency: String,
    /// Minor units.
    pub amount: i64,
}

/// A stage with its open deals in order and their totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// The stage.
    pub stage: Stage,
    /// Its open deals, top to bottom.
    pub deals: Vec<DealView>,
    /// Sum of their values per currency.
    pub totals: Vec<Total>,
}

/// A pipeline as a kanban board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    /// The pipeline shown.
    pub pipeline: PipelineView,
    /// All the workspace's pipelines, for the switcher.
    pub pipelines: Vec<PipelineView>,
    /// One per stage.
    pub columns: Vec<Column>,
    /// Deals closed as won in this pipeline.
    pub won: Vec<DealView>,
    /// Deals closed as lost in this pipeline.
    pub lost: Vec<DealView>,
}

/// Sums values per currency, in order of first appearance.
pub fn totals<'a>(deals: impl IntoIterator<Item = &'a DealView>) -> Vec<Total> {
    sum_by_currency(deals.into_iter().map(|d| (d.currency.as_str(), d.value)))
}

/// Sums `(currency, minor units)` pairs per currency, in order of first appearance.
pub fn sum_by_currency<'a>(amounts: impl IntoIterator<Item = (&'a str, i64)>) -> Vec<Total> {
    let mut out: Vec<Total> = Vec::new();
    for (currency, amount) in amounts {
        match out.iter_mut().find(|t| t.currency == currency) {
            Some(t) => t.amount += amount,
            None => out.push(Total {
                currency: currency.to_owned(),
                amount,
            }),
        }
    }
    out
}

/// "USD 1,200.00 · EUR 50.00", or "Nothing yet".
pub fn totals_label(totals: &[Total]) -> String {
    if totals.is_empty() {
        return "Nothing yet".into();
    }
    totals
        .iter()
        .map(|t| app_core::money::money(t.amount, &t.currency))
        .collect::<Vec<_>>()
        .join(" · ")
}
