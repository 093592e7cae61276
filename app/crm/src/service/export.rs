//! CSV export of any filtered list, in columns the import maps back on its own.

use super::{companies, contacts, fields};
use crate::model::ContactQuery;
use app_core::error::AppError;
use app_core::text::csv_guard as guard;
use mongodb::bson::doc;
use platform::AppState;
use workspaces::WorkspaceScope;

/// The contacts matching `q` (or only `ids` when given) as CSV text.
pub async fn contacts_csv(
    state: &AppState,
    scope: &WorkspaceScope,
    q: &ContactQuery,
    ids: &[String],
) -> Result<String, AppError> {
    let mut filter = contacts::filter(state, scope, q).await?;
    if !ids.is_empty() {
        filter = doc! { "$and": [filter, { "_id": { "$in": ids } }] };
    }
    let rows = contacts::all_matching(state, filter, &q.sort).await?;
    let defs = fields::list(state, scope).await?;
    let names = companies::names(state, scope).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "Name", "Email", "Phone", "Company", "Tags", "Source", "Created",
    ];
    header.extend(defs.iter().map(|d| d.label.as_str()));
    w.write_record(&header).map_err(|_| AppError::Internal)?;
    for c in rows {
        let v = contacts::view(c, &names);
        let mut rec = vec![
            guard(&v.name),
            guard(&v.emails.join("; ")),
            guard(&v.phones.join("; ")),
            guard(&v.company_name.clone().unwrap_or_default()),
            guard(&v.tags.join(", ")),
            guard(v.source.key()),
            guard(v.created_at.get(..10).unwrap_or_default()),
        ];
        rec.extend(defs.iter().map(|d| {
            guard(
                &v.custom
                    .get(&d.key)
                    .map(|x| x.join("; "))
                    .unwrap_or_default(),
            )
        }));
        w.write_record(&rec).map_err(|_| AppError::Internal)?;
    }
    String::from_utf8(w.into_inner().map_err(|_| AppError::Internal)?)
        .map_err(|_| AppError::Internal)
}
