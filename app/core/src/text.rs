//! Small wording helpers shared by screens.

/// `n` with the noun that fits it: "1 subscriber", "3 subscribers".
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_is_singular_and_others_plural() {
        assert_eq!(super::count(1, "subscriber", "subscribers"), "1 subscriber");
        assert_eq!(
            super::count(0, "subscriber", "subscribers"),
            "0 subscribers"
        );
    }
}
