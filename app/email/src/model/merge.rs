//! Merge fields: `{{first_name|there}}` is the recipient's first name, or "there" without one.

/// What a message may know about its recipient.
#[derive(Debug, Clone, Default)]
pub struct Recipient<'a> {
    /// The address.
    pub email: &'a str,
    /// The CRM contact's full name, empty when unknown.
    pub name: &'a str,
    /// Names the recipient in tracked links (`{{_t}}`), empty in previews and tests.
    pub token: &'a str,
    /// Their own unsubscribe address (`{{_u}}`).
    pub unsubscribe: &'a str,
    /// Their own preference page (`{{_p}}`).
    pub preferences: &'a str,
}

impl Recipient<'_> {
    fn field(&self, key: &str) -> Option<String> {
        let value = match key {
            "email" => self.email.to_owned(),
            "_t" => self.token.to_owned(),
            "_u" => self.unsubscribe.to_owned(),
            "_p" => self.preferences.to_owned(),
            "name" => self.name.trim().to_owned(),
            "first_name" => self.name.split_whitespace().next().unwrap_or("").to_owned(),
            "last_name" => match self.name.trim().rsplit_once(' ') {
                Some((_, last)) => last.to_owned(),
                None => String::new(),
            },
            _ => return None,
        };
        Some(value)
    }
}

/// `text` with each `{{field}}` or `{{field|fallback}}` replaced for `to`: the fallback when the
/// field is empty. Unknown fields and unclosed braces stay as written, so a typo shows in the
/// test send instead of vanishing.
pub fn merge(text: &str, to: &Recipient) -> String {
    merge_with(text, to, |v, out| out.push_str(v))
}

/// [`merge`] for HTML: values are escaped, so a name like `<b>` shows as written.
pub fn merge_html(html: &str, to: &Recipient) -> String {
    merge_with(html, to, |v, out| {
        out.push_str(&app_core::text::escape_html(v))
    })
}

fn merge_with(text: &str, to: &Recipient, put: impl Fn(&str, &mut String)) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let inner = &after[..end];
        let (key, fallback) = inner.split_once('|').unwrap_or((inner, ""));
        match to.field(key.trim()) {
            Some(v) if !v.is_empty() => put(&v, &mut out),
            Some(_) => put(fallback.trim(), &mut out),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_fall_back_when_empty_and_unknown_ones_stay() {
        let ada = Recipient {
            email: "ada@example.com",
            name: "Ada King Lovelace",
            ..Recipient::default()
        };
        let anon = Recipient {
            email: "x@example.com",
            ..Recipient::default()
        };
        let t = "Hi {{first_name|there}} {{ last_name }}, ({{email}}) {{nope}} {{name|friend}}";
        assert_eq!(
            merge(t, &ada),
            "Hi Ada Lovelace, (ada@example.com) {{nope}} Ada King Lovelace"
        );
        assert_eq!(
            merge(t, &anon),
            "Hi there , (x@example.com) {{nope}} friend"
        );
        assert_eq!(merge("open {{first_name", &ada), "open {{first_name");
        assert_eq!(merge("no fields", &ada), "no fields");
        let odd = Recipient {
            email: "o@example.com",
            name: "<b>Bo & \"Co\"</b>",
            ..Recipient::default()
        };
        assert_eq!(
            merge_html("<p>Hi {{first_name|there}} {{name}}</p>", &odd),
            "<p>Hi &lt;b&gt;Bo &lt;b&gt;Bo &amp; &quot;Co&quot;&lt;/b&gt;</p>"
        );
    }
}
