//! Small text helpers shared by screens and the HTML written by hand.

/// Weekday names, Monday first (ISO order), as schedules and hours show them.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `n` with the noun that fits it: "1 subscriber", "3 subscribers".
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `s` with `& < > " '` replaced by entities, safe in HTML text and in quoted attributes.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            super::escape_html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn one_is_singular_and_others_plural() {
        assert_eq!(super::count(1, "subscriber", "subscribers"), "1 subscriber");
        assert_eq!(
            super::count(0, "subscriber", "subscribers"),
            "0 subscribers"
        );
    }
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe; phone numbers such as
/// `+44 20…` stay as they are. Every cell of an export passes through here, whoever wrote it.
pub fn csv_guard(cell: &str) -> String {
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

#[cfg(test)]
mod csv_tests {
    use super::csv_guard as guard;

    #[test]
    fn formulas_are_guarded_but_phone_numbers_are_not() {
        assert_eq!(guard("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(guard("+44 20 7946 0958"), "+44 20 7946 0958");
        assert_eq!(guard("-cmd|x"), "'-cmd|x");
        assert_eq!(guard("Ada"), "Ada");
        assert_eq!(guard("@SUM(A1)@x.example"), "'@SUM(A1)@x.example");
    }
}
