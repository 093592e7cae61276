//! Document ids: strings in every DTO, generated on the server.

/// `bytes` in lowercase hexadecimal (digests, salts, content hashes).
pub fn hex(bytes: &[u8]) -> String {
    // A table, not `write!` per byte: visitor digests are made on every public page view.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// A fresh id for a new document (an ObjectId in hex, so ids sort by creation time).
#[cfg(feature = "ssr")]
pub fn new_id() -> String {
    mongodb::bson::oid::ObjectId::new().to_hex()
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_is_two_lowercase_digits_per_byte() {
        assert_eq!(super::hex(&[0x00, 0x0f, 0xab, 0xff]), "000fabff");
        assert_eq!(super::hex(&[]), "");
    }
}
