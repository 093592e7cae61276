//! Money: integer minor units plus an ISO 4217 currency everywhere; these turn them into text and back.

/// "12.50" from minor units, as price fields show and accept it; negative amounts keep their sign.
pub fn decimal(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// "USD 12.50" from minor units.
pub fn money(minor: i64, currency: &str) -> String {
    format!("{currency} {}", decimal(minor))
}

/// Parses "12", "12.5" or "12.50" into minor units; `None` for anything else.
pub fn parse_price(s: &str) -> Option<i64> {
    let s = s.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let cents = format!("{frac:0<2}").parse::<i64>().ok()?;
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_parse_to_cents() {
        assert_eq!(parse_price("12"), Some(1200));
        assert_eq!(parse_price("12.5"), Some(1250));
        assert_eq!(parse_price("0.99"), Some(99));
        assert_eq!(parse_price("-1"), None);
        assert_eq!(parse_price("1.999"), None);
        assert_eq!(parse_price("abc"), None);
    }

    #[test]
    fn amounts_read_as_money() {
        assert_eq!(money(1250, "USD"), "USD 12.50");
        assert_eq!(money(-5, "EUR"), "EUR -0.05");
    }
}
