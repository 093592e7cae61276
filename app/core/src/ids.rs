//! Document ids: strings in every DTO, generated on the server.

/// `bytes` in lowercase hexadecimal (digests, salts, content hashes).
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// A fresh id for a new document (an ObjectId in hex, so ids sort by creation time).
#[cfg(feature = "ssr")]
pub fn new_id() -> String {
    mongodb::bson::oid::ObjectId::new().to_hex()
}
