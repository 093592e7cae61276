//! Sessions: one per signed-in device, holding the hash of its current refresh token.

use super::secrets::{random_token, token_hash};
use app_core::error::AppError;
use mongodb::bson::{doc, DateTime};
use mongodb::options::ReturnDocument;
use mongodb::Collection;
use platform::request::ClientInfo;
use platform::Db;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Collection name.
pub const SESSIONS: &str = "sessions";
/// A session not used for this long ends (sliding).
pub const REFRESH_TTL: Duration = Duration::from_secs(30 * 24 * 3600);
/// Two requests racing with the same refresh token (tabs waking together) are not a theft:
/// within this window after a rotation, the previous token still authenticates without rotating.
pub const REUSE_GRACE: Duration = Duration::from_secs(20);
/// `last_seen_at` is written at most this often per session.
const TOUCH_EVERY: Duration = Duration::from_secs(60);

/// A refresh token that was replaced, kept to recognise its reuse.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rotated {
    /// Hash of the old token.
    pub hash: String,
    /// When it was replaced.
    pub at: DateTime,
}

/// One signed-in device.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    /// Session id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Whose session.
    pub user_id: String,
    /// Hash of the current refresh token.
    pub refresh_hash: String,
    /// Recently replaced refresh tokens.
    #[serde(default)]
    pub rotated: Vec<Rotated>,
    /// Browser that signed in.
    pub user_agent: String,
    /// Last IP seen.
    pub ip: String,
    /// Sign-in time.
    pub created_at: DateTime,
    /// Last use.
    pub last_seen_at: DateTime,
    /// Ends then unless used (TTL index removes it).
    pub expires_at: DateTime,
    /// Set when signed out or revoked.
    pub revoked_at: Option<DateTime>,
}

/// The sessions collection.
pub fn sessions(db: &Db) -> Collection<Session> {
    db.collection(SESSIONS)
}

/// Starts a session; returns it with its first refresh token.
pub async fn create(
    db: &Db,
    now: DateTime,
    user_id: &str,
    client: &ClientInfo,
) -> Result<(Session, String), AppError> {
    let refresh = random_token();
    let session = Session {
        id: random_token()[..22].to_owned(),
        user_id: user_id.to_owned(),
        refresh_hash: token_hash(&refresh),
        rotated: Vec::new(),
        user_agent: client.user_agent.clone(),
        ip: client.ip.clone(),
        created_at: now,
        last_seen_at: now,
        expires_at: plus(now, REFRESH_TTL),
        revoked_at: None,
    };
    sessions(db).insert_one(&session).await?;
    Ok((session, refresh))
}

/// What presenting a refresh token led to.
#[derive(Debug)]
pub enum Refresh {
    /// A live token: the session continues with the new token.
    Rotated { session: Session, token: String },
    /// The token was replaced moments ago by a parallel request: authenticate, keep the new one.
    Raced { session: Session },
    /// Unknown, expired or revoked; or replaced long ago, which means it was stolen, so the
    /// session has been revoked.
    Refused,
}

/// Exchanges a refresh token for a new one (rotation), detecting reuse of an old one.
pub async fn refresh(
    db: &Db,
    now: DateTime,
    token: &str,
    client: &ClientInfo,
) -> Result<Refresh, AppError> {
    let hash = token_hash(token);
    let next = random_token();
    let rotated = sessions(db)
        .find_one_and_update(
            doc! { "refresh_hash": &hash, "revoked_at": null, "expires_at": { "$gt": now } },
            doc! {
                "$set": {
                    "refresh_hash": token_hash(&next),
                    "last_seen_at": now,
                    "expires_at": plus(now, REFRESH_TTL),
                    "ip": &client.ip,
                },
                "$push": { "rotated": { "$each": [{ "hash": &hash, "at": now }], "$slice": -5 } },
            },
        )
        .return_document(ReturnDocument::After)
        .await?;
    if let Some(session) = rotated {
        return Ok(Refresh::Rotated {
            session,
            token: next,
        });
    }
    let Some(old) = sessions(db)
        .find_one(doc! { "rotated.hash": &hash })
        .await?
    else {
        return Ok(Refresh::Refused);
    };
    let replaced_at = old.rotated.iter().find(|r| r.hash == hash).map(|r| r.at);
    let recent = replaced_at.is_some_and(|at| {
        now.timestamp_millis() - at.timestamp_millis() < REUSE_GRACE.as_millis() as i64
    });
    if recent && old.revoked_at.is_none() && old.expires_at > now {
        return Ok(Refresh::Raced { session: old });
    }
    tracing::warn!(session = %old.id, user = %old.user_id, "refresh token reused; revoking the session");
    revoke(db, now, &old.user_id, &old.id).await?;
    Ok(Refresh::Refused)
}

/// Whether session `sid` of `user_id` is live; records the use now and then.
pub async fn is_live(db: &Db, now: DateTime, user_id: &str, sid: &str) -> Result<bool, AppError> {
    let Some(s) = sessions(db)
        .find_one(doc! { "_id": sid, "user_id": user_id, "revoked_at": null, "expires_at": { "$gt": now } })
        .await?
    else {
        return Ok(false);
    };
    if now.timestamp_millis() - s.last_seen_at.timestamp_millis() > TOUCH_EVERY.as_millis() as i64 {
        sessions(db)
            .update_one(
                doc! { "_id": sid },
                doc! { "$set": { "last_seen_at": now } },
            )
            .await?;
    }
    Ok(true)
}

/// Ends one session of `user_id` (ignores other users' sessions). Returns whether one ended.
pub async fn revoke(db: &Db, now: DateTime, user_id: &str, sid: &str) -> Result<bool, AppError> {
    let r = sessions(db)
        .update_one(
            doc! { "_id": sid, "user_id": user_id, "revoked_at": null },
            doc! { "$set": { "revoked_at": now } },
        )
        .await?;
    Ok(r.modified_count == 1)
}

/// Ends every session of `user_id`, except `keep` when given.
pub async fn revoke_all(
    db: &Db,
    now: DateTime,
    user_id: &str,
    keep: Option<&str>,
) -> Result<u64, AppError> {
    let mut filter = doc! { "user_id": user_id, "revoked_at": null };
    if let Some(keep) = keep {
        filter.insert("_id", doc! { "$ne": keep });
    }
    let r = sessions(db)
        .update_many(filter, doc! { "$set": { "revoked_at": now } })
        .await?;
    Ok(r.modified_count)
}

/// The live sessions of `user_id`, most recently used first.
pub async fn list(db: &Db, now: DateTime, user_id: &str) -> Result<Vec<Session>, AppError> {
    use futures_util::TryStreamExt;
    let cursor = sessions(db)
        .find(doc! { "user_id": user_id, "revoked_at": null, "expires_at": { "$gt": now } })
        .sort(doc! { "last_seen_at": -1 })
        .await?;
    Ok(cursor.try_collect().await?)
}

fn plus(t: DateTime, d: Duration) -> DateTime {
    DateTime::from_millis(t.timestamp_millis() + d.as_millis() as i64)
}
