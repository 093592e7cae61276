//! CRM types shared by the server and the browser, and the rules their fields follow.

pub mod activity;
pub mod company;
pub mod contact;
pub mod deal;
pub mod field;
pub mod import;
pub mod overview;
pub mod task;

pub use activity::*;
pub use company::*;
pub use contact::*;
pub use deal::*;
pub use field::*;
pub use import::*;
pub use overview::*;
pub use task::*;

/// Splits a list typed as lines or separated by commas or semicolons, trimmed, without blanks
/// or repeats (first spelling wins, compared case-insensitively).
pub fn split_list(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split(['\n', ',', ';']) {
        let part = part.trim();
        if !part.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(part)) {
            out.push(part.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_split_on_lines_commas_and_semicolons_without_repeats() {
        assert_eq!(
            super::split_list("a@x.io, b@x.io\nA@x.io; ;c"),
            vec!["a@x.io", "b@x.io", "c"]
        );
    }
}
