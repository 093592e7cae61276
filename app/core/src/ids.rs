//! Document ids: strings in every DTO, generated on the server.

/// A fresh id for a new document (an ObjectId in hex, so ids sort by creation time).
#[cfg(feature = "ssr")]
pub fn new_id() -> String {
    mongodb::bson::oid::ObjectId::new().to_hex()
}
