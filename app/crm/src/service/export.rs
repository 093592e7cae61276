//! CSV export of any filtered list, in columns the import maps back on its own.

use super::{companies, contacts, fields};
use crate::model::ContactQuery;
use app_core::error::AppError;
use mongodb::bson::doc;
use platform::AppState;
use workspaces::WorkspaceScope;

/// A cell a spreadsheet would run as a formula gets a leading apostrophe; phone numbers such as
/// `+44 20…` stay as they are. Every cell of an export passes through here, whoever wrote it.
fn guard(cell: &str) -> String {
    let risky = match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !cell[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || " ()-.".contains(c)),
        _ => false,
    };
    if risky {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_guarded_but_phone_numbers_are_not() {
        assert_eq!(super::guard("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(super::guard("+44 20 7946 0958"), "+44 20 7946 0958");
        assert_eq!(super::guard("-cmd|x"), "'-cmd|x");
        assert_eq!(super::guard("Ada"), "Ada");
        assert_eq!(super::guard("@SUM(A1)@x.example"), "'@SUM(A1)@x.example");
    }
}
