//! A contact as a form or an import row gives it, and the checks that need no database.

use crate::model::{split_list, CustomField};
use app_core::error::FieldMessages;
use identity::model::{email_problem, normalize_email};
use std::collections::BTreeMap;

/// What a form or an import row says about a contact, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct ContactInput {
    /// Full name.
    pub name: String,
    /// Addresses, one per line or comma-separated.
    pub emails: String,
    /// Phone numbers, likewise.
    pub phones: String,
    /// Company id, or empty.
    pub company_id: String,
    /// Tags, comma-separated.
    pub tags: String,
    /// Member id, or empty.
    pub owner_id: String,
    /// Custom field key → raw values.
    pub custom: BTreeMap<String, Vec<String>>,
}

/// The checked form of a [`ContactInput`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    /// Full name.
    pub name: String,
    /// Normalised addresses.
    pub emails: Vec<String>,
    /// Phone numbers.
    pub phones: Vec<String>,
    /// Company id.
    pub company_id: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Member id.
    pub owner_id: Option<String>,
    /// Normalised custom values (empty ones dropped).
    pub custom: BTreeMap<String, Vec<String>>,
}

/// Checks everything that needs no database: lengths, addresses, phones, tags and custom
/// values against their definitions. Messages are keyed by field (`custom.<key>`).
pub fn check(input: &ContactInput, defs: &[CustomField]) -> Result<Checked, FieldMessages> {
    let mut errors = FieldMessages::new();
    let mut fail = |field: &str, msg: String| errors.entry(field.to_owned()).or_default().push(msg);
    let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > 200 {
        fail("name", "A name can be at most 200 characters.".into());
    }
    let emails: Vec<String> = split_list(&input.emails)
        .iter()
        .map(|e| normalize_email(e))
        .collect();
    for e in &emails {
        if let Some(p) = email_problem(e) {
            fail("emails", format!("{e}: {p}"));
        }
    }
    if emails.len() > 10 {
        fail("emails", "Keep it to 10 addresses.".into());
    }
    if name.is_empty() && emails.is_empty() {
        fail("name", "Give a name or an email address.".into());
    }
    let phones = split_list(&input.phones);
    for p in &phones {
        let ok = p.chars().count() <= 40
            && p.chars().any(|c| c.is_ascii_digit())
            && p.chars()
                .all(|c| c.is_ascii_digit() || " +-().x".contains(c));
        if !ok {
            fail(
                "phones",
                format!("{p} is not a phone number; use digits, spaces and + - ( )."),
            );
        }
    }
    if phones.len() > 10 {
        fail("phones", "Keep it to 10 numbers.".into());
    }
    let tags = split_list(&input.tags);
    if tags.iter().any(|t| t.chars().count() > 40) {
        fail("tags", "A tag can be at most 40 characters.".into());
    }
    if tags.len() > 30 {
        fail("tags", "Keep it to 30 tags.".into());
    }
    let mut custom = BTreeMap::new();
    for (key, raw) in &input.custom {
        let Some(def) = defs.iter().find(|d| &d.key == key) else {
            fail(
                &format!("custom.{key}"),
                "That field no longer exists.".into(),
            );
            continue;
        };
        match def.normalise(raw) {
            Ok(v) if v.is_empty() => {}
            Ok(v) => {
                custom.insert(key.clone(), v);
            }
            Err(m) => fail(&format!("custom.{key}"), m),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    Ok(Checked {
        name,
        emails,
        phones,
        company_id: opt(&input.company_id),
        tags,
        owner_id: opt(&input.owner_id),
        custom,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FieldKind;

    #[test]
    fn a_contact_needs_a_name_or_an_email_and_good_values() {
        let defs = vec![CustomField {
            key: "tier".into(),
            label: "Tier".into(),
            kind: FieldKind::Select,
            options: vec!["Gold".into()],
        }];
        let err = check(&ContactInput::default(), &defs).unwrap_err();
        assert_eq!(err["name"], vec!["Give a name or an email address."]);

        let mut input = ContactInput {
            emails: "not-an-email".into(),
            phones: "call me".into(),
            ..Default::default()
        };
        input.custom.insert("tier".into(), vec!["Bronze".into()]);
        let err = check(&input, &defs).unwrap_err();
        assert!(err.contains_key("emails") && err.contains_key("phones"));
        assert_eq!(err["custom.tier"], vec!["Tier must be one of: Gold."]);

        let mut input = ContactInput {
            name: "  Ada   Lovelace ".into(),
            emails: "Ada@Example.com, ada@example.com".into(),
            phones: "+44 20 7946 0958".into(),
            tags: "vip, VIP, speaker".into(),
            ..Default::default()
        };
        input.custom.insert("tier".into(), vec!["gold".into()]);
        let ok = check(&input, &defs).unwrap();
        assert_eq!(ok.name, "Ada Lovelace");
        assert_eq!(ok.emails, vec!["ada@example.com"]);
        assert_eq!(ok.tags, vec!["vip", "speaker"]);
        assert_eq!(ok.custom["tier"], vec!["Gold"]);
    }
}
