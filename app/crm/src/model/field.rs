use serde::{Deserialize, Serialize};

/// The kinds of custom field a workspace can define.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Free text.
    Text,
    /// A number, stored as its shortest decimal spelling.
    Number,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// One of the field's options.
    Select,
    /// Any of the field's options.
    MultiSelect,
}

/// Every kind, as the field editor offers them.
pub const FIELD_KINDS: &[FieldKind] = &[
    FieldKind::Text,
    FieldKind::Number,
    FieldKind::Date,
    FieldKind::Select,
    FieldKind::MultiSelect,
];

impl FieldKind {
    /// Stable key.
    pub fn key(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Select => "select",
            FieldKind::MultiSelect => "multi_select",
        }
    }

    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            FieldKind::Text => "Text",
            FieldKind::Number => "Number",
            FieldKind::Date => "Date",
            FieldKind::Select => "Single select",
            FieldKind::MultiSelect => "Multi select",
        }
    }

    /// The kind with key `s`.
    pub fn parse(s: &str) -> Option<FieldKind> {
        FIELD_KINDS.iter().copied().find(|k| k.key() == s)
    }

    /// Whether values come from a list of options.
    pub fn has_options(self) -> bool {
        matches!(self, FieldKind::Select | FieldKind::MultiSelect)
    }
}

/// A field the workspace added to its contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomField {
    /// Stable key derived from the first label; values are stored under it.
    pub key: String,
    /// Name shown on forms and in exports.
    pub label: String,
    /// What it holds.
    pub kind: FieldKind,
    /// The choices of a select field.
    pub options: Vec<String>,
}

/// A key for a new field labelled `label`: lowercase letters, digits and underscores.
pub fn field_key(label: &str) -> String {
    let mut key = String::new();
    for c in label.trim().chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.ends_with('_') && !key.is_empty() {
            key.push('_');
        }
    }
    key.trim_end_matches('_').chars().take(40).collect()
}

impl CustomField {
    /// The stored form of what was typed or chosen, or why it cannot be stored. Blank input
    /// clears the field (an empty list).
    pub fn normalise(&self, raw: &[String]) -> Result<Vec<String>, String> {
        let values: Vec<&str> = raw
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if values.is_empty() {
            return Ok(Vec::new());
        }
        match self.kind {
            FieldKind::Text => {
                let text = values.join(" ");
                if text.chars().count() > 500 {
                    return Err(format!("{} can be at most 500 characters.", self.label));
                }
                Ok(vec![text])
            }
            FieldKind::Number => {
                let n: f64 = values[0]
                    .replace(',', "")
                    .parse()
                    .ok()
                    .filter(|n: &f64| n.is_finite())
                    .ok_or_else(|| format!("{} must be a number, like 42 or 9.5.", self.label))?;
                Ok(vec![n.to_string()])
            }
            FieldKind::Date => {
                if is_date(values[0]) {
                    Ok(vec![values[0].to_owned()])
                } else {
                    Err(format!("{} must be a date, like 2026-03-31.", self.label))
                }
            }
            FieldKind::Select | FieldKind::MultiSelect => {
                let mut out = Vec::new();
                for v in &values {
                    let Some(option) = self.options.iter().find(|o| o.eq_ignore_ascii_case(v))
                    else {
                        return Err(format!(
                            "{} must be one of: {}.",
                            self.label,
                            self.options.join(", ")
                        ));
                    };
                    if !out.contains(option) {
                        out.push(option.clone());
                    }
                }
                if self.kind == FieldKind::Select && out.len() > 1 {
                    return Err(format!("Choose one {}.", self.label));
                }
                Ok(out)
            }
        }
    }
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: FieldKind) -> CustomField {
        CustomField {
            key: "f".into(),
            label: "Tier".into(),
            kind,
            options: vec!["Gold".into(), "Silver".into()],
        }
    }

    #[test]
    fn values_are_checked_against_the_kind() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            field(FieldKind::Number).normalise(&s(&["1,200.50"])),
            Ok(s(&["1200.5"]))
        );
        assert!(field(FieldKind::Number).normalise(&s(&["lots"])).is_err());
        assert_eq!(
            field(FieldKind::Date).normalise(&s(&["2028-02-29"])),
            Ok(s(&["2028-02-29"]))
        );
        assert!(field(FieldKind::Date)
            .normalise(&s(&["2027-02-29"]))
            .is_err());
        assert_eq!(
            field(FieldKind::Select).normalise(&s(&["gold"])),
            Ok(s(&["Gold"]))
        );
        assert!(field(FieldKind::Select)
            .normalise(&s(&["Gold", "Silver"]))
            .is_err());
        assert!(field(FieldKind::Select).normalise(&s(&["Bronze"])).is_err());
        assert_eq!(
            field(FieldKind::MultiSelect).normalise(&s(&["Silver", "Gold", "silver"])),
            Ok(s(&["Silver", "Gold"]))
        );
        assert_eq!(field(FieldKind::Text).normalise(&s(&["  "])), Ok(vec![]));
    }

    #[test]
    fn keys_come_from_labels() {
        assert_eq!(field_key(" Customer tier! "), "customer_tier");
        assert_eq!(field_key("Ünïcode"), "n_code");
    }
}
