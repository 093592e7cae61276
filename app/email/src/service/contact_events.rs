//! What email does when something happens to contacts elsewhere: a signup on the link-in-bio
//! page joins the lists that take them (confirming by email first where the list asks), and a
//! tag starts the live sequences that begin on it for those subscribed to their list.

use super::enrolments;
use super::lists::{self, MailList};
use super::sequences::{self, Sequence};
use super::signup;
use super::subscriptions::{self, Subscription};
use crate::model::Trigger;
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use futures_util::TryStreamExt;
use mongodb::bson::doc;
use platform::{AppState, ContactEvent};

/// The module's [`platform::OnContact`].
pub fn on_contact<'a>(
    state: &'a AppState,
    event: ContactEvent<'a>,
) -> BoxFuture<'a, Result<(), AppError>> {
    Box::pin(async move {
        match event {
            ContactEvent::Captured(c) if c.source == "bio" => {
                let takers: Vec<MailList> = lists::coll(state)
                    .find(doc! { "workspace_id": c.workspace_id, "bio_signups": true })
                    .await?
                    .try_collect()
                    .await?;
                for list in takers {
                    signup::signup_by(state, &list, c.email, c.ip, Trigger::Bio).await?;
                }
                Ok(())
            }
            ContactEvent::Captured(_) => Ok(()),
            ContactEvent::Tagged {
                workspace_id,
                emails,
                tag,
            } => tagged(state, workspace_id, emails, tag).await,
        }
    })
}

async fn tagged(
    state: &AppState,
    workspace_id: &str,
    emails: &[String],
    tag: &str,
) -> Result<(), AppError> {
    let live: Vec<Sequence> = sequences::coll(state)
        .find(doc! {
            "workspace_id": workspace_id,
            "status": "live",
            "trigger": "tag",
            "trigger_tag": tag,
        })
        .await?
        .try_collect()
        .await?;
    for s in live {
        let subs: Vec<Subscription> = subscriptions::coll(state)
            .find(doc! {
                "workspace_id": workspace_id,
                "list_id": &s.list_id,
                "email": { "$in": emails },
                "status": "subscribed",
            })
            .await?
            .try_collect()
            .await?;
        let subs: Vec<&Subscription> = subs.iter().collect();
        enrolments::enrol(state, &s, &subs).await?;
    }
    Ok(())
}
