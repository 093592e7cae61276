//! Search without text indexes: each document keeps the lowercase words it can be found by, and
//! a query asks that every typed word starts one of them (an anchored regex uses the index).

use mongodb::bson::{doc, Document};

/// The words `texts` can be found by: each word, each whole email and every tail of it that
/// starts after a dot, dash, plus, underscore or the `@` (so a fragment pasted from the middle
/// of an address, "vasquez@tide", is the start of one); phone numbers also as their digits alone.
pub fn tokens<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |t: String| {
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    };
    for text in texts {
        let text = text.to_lowercase();
        if let Some((local, _)) = text.split_once('@') {
            push(text.clone());
            push(local.to_owned());
            for (i, c) in text.char_indices() {
                if !c.is_alphanumeric() {
                    push(text[i + c.len_utf8()..].to_owned());
                }
            }
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 4 && text.chars().all(|c| "0123456789+-() .".contains(c)) {
            push(digits);
        }
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            push(word.to_owned());
        }
    }
    out
}

/// Words of a search that count; the rest are ignored, so a pasted essay costs what a name does.
pub const MAX_WORDS: usize = 8;
/// Characters of a search that are read.
const MAX_CHARS: usize = 200;

/// The distinct words typed into a search box, lowercase, at most [`MAX_WORDS`] of them.
pub fn words(q: &str) -> Vec<String> {
    let q: String = q.chars().take(MAX_CHARS).collect();
    let mut out: Vec<String> = Vec::new();
    let all = q.split_whitespace().map(|w| {
        let w = w.to_lowercase();
        // A typed phone number or email matches its stored token whole.
        let phone_like = w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| "0123456789+-().".contains(c));
        if phone_like {
            w.chars().filter(char::is_ascii_digit).collect()
        } else {
            w
        }
    });
    for w in all {
        if out.len() == MAX_WORDS {
            break;
        }
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Matches documents with a token starting with `word`.
pub fn starts(word: &str) -> Document {
    doc! { "search": { "$regex": format!("^{}", escape(word)) } }
}

/// `s` with regex metacharacters escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\^$.|?*+()[]{}/-".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_found_by_any_word_email_part_or_phone_digits() {
        let t = tokens([
            "Ada King-Lovelace",
            "ada@Analytical.engine",
            "+44 (20) 7946 0958",
        ]);
        for want in [
            "ada",
            "king",
            "lovelace",
            "ada@analytical.engine",
            "analytical.engine",
            "engine",
            "442079460958",
        ] {
            assert!(t.contains(&want.to_owned()), "{want} in {t:?}");
        }
        let t = tokens(["o.vasquez@tidepool-ceramics.test"]);
        for want in [
            "vasquez@tidepool-ceramics.test",
            "tidepool-ceramics.test",
            "ceramics.test",
        ] {
            assert!(t.contains(&want.to_owned()), "{want} in {t:?}");
        }
        assert_eq!(words("Ada +44 20 7946"), vec!["ada", "44", "20", "7946"]);
        assert_eq!(words("020-7946-0958"), vec!["02079460958"]);
        assert_eq!(words("a b a c d e f g h i j").len(), MAX_WORDS);
        assert_eq!(words("ada ADA ada"), vec!["ada"]);
    }

    #[test]
    fn typed_words_are_literal() {
        assert_eq!(escape("a.b*c"), "a\\.b\\*c");
    }
}
