//! Signing up on a list's public form, and confirming from the email (double opt-in). A new
//! subscriber becomes a CRM contact, with the signup on its timeline.

use super::links::{self, Purpose};
use super::lists::MailList;
use super::subscriptions::{coll, move_to, Consent, Subscription};
use crate::model::{ConsentMethod, Status, Trigger};
use app_core::error::AppError;
use identity::model::{email_problem, normalize_email};
use mongodb::bson::doc;
use platform::mailer::{html, Email};
use platform::{AppState, Capture};

/// What the form tells the visitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// On the list now.
    Subscribed,
    /// A confirmation email is on its way (or they were on the list already: the form does not
    /// tell strangers who is).
    CheckInbox,
}

/// Signs `email` up to `list` on its form from the client at `ip`; refuses an invalid address
/// next to the `email` field and changes nothing then.
pub async fn signup(
    state: &AppState,
    list: &MailList,
    email: &str,
    ip: &str,
) -> Result<Outcome, AppError> {
    signup_by(state, list, email, Some(ip), Trigger::Form).await
}

/// Signs `email` up to `list` from the client at `ip`, on the list's form (`Form`) or on the
/// link-in-bio page (`Bio`, already a CRM contact by then).
pub async fn signup_by(
    state: &AppState,
    list: &MailList,
    email: &str,
    ip: Option<&str>,
    how: Trigger,
) -> Result<Outcome, AppError> {
    let email = normalize_email(email);
    if let Some(problem) = email_problem(&email) {
        return Err(AppError::invalid("email", problem));
    }
    let wanted = if list.double_opt_in {
        Status::Pending
    } else {
        Status::Subscribed
    };
    let method = match how {
        Trigger::Bio => ConsentMethod::BioForm,
        _ => ConsentMethod::Form,
    };
    let existing = coll(state)
        .find_one(doc! { "list_id": &list.id, "email": &email })
        .await?;
    let sub = match existing {
        Some(s) if s.status == Status::Subscribed => return Ok(outcome(list)),
        Some(s) if s.status == wanted => s,
        Some(s) => {
            let update = match wanted {
                Status::Subscribed => move_to(state, wanted, &Consent::now(state, method, ip))?,
                _ => doc! { "$set": { "status": wanted.key(), "updated_at": state.clock.now() } },
            };
            coll(state)
                .update_one(doc! { "_id": &s.id }, update)
                .await?;
            s
        }
        None => {
            let consent = match wanted {
                Status::Subscribed => vec![Consent::now(state, method, ip)],
                _ => Vec::new(),
            };
            let mut fresh =
                Subscription::new(state, &list.workspace_id, &list.id, &email, wanted, consent);
            if how == Trigger::Bio {
                fresh.source = "bio".into();
            }
            match coll(state).insert_one(&fresh).await.map_err(AppError::from) {
                Ok(_) => fresh,
                // The same address at the same moment: that signup did the work.
                Err(AppError::Conflict { .. }) => return Ok(outcome(list)),
                Err(e) => return Err(e),
            }
        }
    };
    if wanted == Status::Pending {
        state.send_email(confirmation(state, list, &sub)).await?;
    } else {
        if how != Trigger::Bio {
            into_crm(state, list, &email).await?;
        }
        super::enrolments::start(state, &[&sub], how).await?;
    }
    Ok(outcome(list))
}

fn outcome(list: &MailList) -> Outcome {
    if list.double_opt_in {
        Outcome::CheckInbox
    } else {
        Outcome::Subscribed
    }
}

/// The "confirm your subscription" email.
fn confirmation(state: &AppState, list: &MailList, sub: &Subscription) -> Email {
    let link = links::url(state, Purpose::Confirm, &sub.id);
    let intro = format!("Please confirm that you want to receive {}.", list.name);
    let outro = "If you did not sign up, ignore this email: you will not hear from us again.";
    Email {
        to: sub.email.clone(),
        subject: format!("Confirm your subscription to {}", list.name),
        text: format!("Hi,\n\n{intro}\n\n{link}\n\n{outro}\n"),
        html: html("there", &intro, &link, "Yes, subscribe me", outro),
    }
}

/// Confirms subscription `id` from the client at `ip`. Returns the subscription and its list,
/// or `None` when there is no such subscription or it was unsubscribed since.
pub async fn confirm(
    state: &AppState,
    id: &str,
    ip: &str,
) -> Result<Option<(Subscription, MailList)>, AppError> {
    let confirmed = coll(state)
        .find_one_and_update(
            doc! { "_id": id, "status": "pending" },
            move_to(
                state,
                Status::Subscribed,
                &Consent::now(state, ConsentMethod::Confirmed, Some(ip)),
            )?,
        )
        .await?;
    let sub = match confirmed {
        Some(s) => s,
        // Confirming twice is harmless; an old link does not bring back someone who left.
        None => match coll(state).find_one(doc! { "_id": id }).await? {
            Some(s) if s.status == Status::Subscribed => return with_list(state, s).await,
            _ => return Ok(None),
        },
    };
    let found = with_list(state, sub).await?;
    if let Some((sub, list)) = &found {
        into_crm(state, list, &sub.email).await?;
        let how = match sub.source.as_str() {
            "bio" => Trigger::Bio,
            _ => Trigger::Form,
        };
        super::enrolments::start(state, &[sub], how).await?;
    }
    Ok(found)
}

async fn with_list(
    state: &AppState,
    sub: Subscription,
) -> Result<Option<(Subscription, MailList)>, AppError> {
    Ok(super::lists::find_public(state, &sub.list_id)
        .await?
        .map(|l| (sub, l)))
}

/// Makes a new subscriber a CRM contact with the signup on its timeline.
async fn into_crm(state: &AppState, list: &MailList, email: &str) -> Result<(), AppError> {
    let Some(intake) = state.contact_intake() else {
        return Ok(());
    };
    let summary = format!("Subscribed to the list {}", list.name);
    let capture = Capture {
        workspace_id: &list.workspace_id,
        email,
        name: None,
        source: "email",
        kind: "email.subscribed",
        summary: &summary,
        ip: None,
    };
    intake.capture(state, capture).await.map(|_| ())
}
