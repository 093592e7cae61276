//! What email puts on CRM contacts' timelines: each campaign sent to them, their first open and
//! their first click.

use super::campaigns::Campaign;
use super::subscriptions;
use app_core::error::AppError;
use crm::service::activity::{self, Activity, ACTIVITY};
use mongodb::bson::doc;
use platform::AppState;
use workspaces::WorkspaceScope;

/// "Sent" entries for the contacts `reached` by a batch of campaign `c`, in one write.
pub async fn sent<'a>(
    state: &AppState,
    scope: &WorkspaceScope,
    c: &Campaign,
    reached: impl Iterator<Item = &'a str>,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let entries: Vec<Activity> = reached
        .map(|contact| {
            let mut e = activity::entry(scope, "email.sent", format!("Sent “{}”", c.subject))
                .contact(contact);
            e.at = now;
            e.data = doc! { "campaign": &c.id };
            e
        })
        .collect();
    if !entries.is_empty() {
        state
            .db
            .collection::<Activity>(ACTIVITY)
            .insert_many(entries)
            .await?;
    }
    Ok(())
}

/// An entry of `kind` (`email.opened`, `email.clicked`) for the contact of subscription `sub`
/// of campaign `c`, when the address is a contact.
pub async fn reader(
    state: &AppState,
    c: &Campaign,
    sub: &str,
    kind: &str,
    summary: String,
) -> Result<(), AppError> {
    let Some(s) = subscriptions::coll(state)
        .find_one(doc! { "_id": sub })
        .await?
    else {
        return Ok(());
    };
    let scope = WorkspaceScope::system(&c.workspace_id);
    let found = subscriptions::contacts(state, &scope, vec![s.email]).await?;
    let Some((contact, _)) = found.into_values().next() else {
        return Ok(());
    };
    let mut e = activity::entry(&scope, kind, summary).contact(&contact);
    e.data = doc! { "campaign": &c.id };
    activity::append(state, e).await
}
