//! The details form of a held time, and the page that confirms the booking.

use super::book::Details;
use super::public_html::local;
use super::store::{ts, Booking, ServiceDoc};
use app_core::text::escape_html as escape;

/// "Monday 7 December, 09:00–09:30 (Europe/Paris)".
pub fn when(b: &Booking) -> String {
    let tz = super::store::zone(&b.visitor_tz);
    format!(
        "{}, {}–{} ({})",
        local(ts(b.start), &tz, "%A %-d %B %Y"),
        local(ts(b.start), &tz, "%H:%M"),
        local(ts(b.end), &tz, "%H:%M"),
        b.visitor_tz
    )
}

/// A labelled input (or `textarea` for kind `textarea`) named `name` with id `<prefix><name>`,
/// holding `value`, with its message from `errors` underneath (and `aria-invalid`).
pub fn field(
    (prefix, name): (&str, &str),
    label: &str,
    kind: &str,
    value: &str,
    (required, errors): (bool, &[(String, String)]),
) -> String {
    let id = format!("{prefix}{name}");
    let error = errors.iter().find(|(f, _)| f == name).map(|(_, m)| m);
    let (invalid, message) = match error {
        Some(m) => (
            format!(" aria-invalid=\"true\" aria-describedby=\"{id}-error\""),
            format!("<p class=\"error\" id=\"{id}-error\">{}</p>", escape(m)),
        ),
        None => (String::new(), String::new()),
    };
    let req = if required { " required" } else { "" };
    let control = match kind {
        "textarea" => format!(
            "<textarea id=\"{id}\" name=\"{name}\" rows=\"3\"{req}{invalid}>{}</textarea>",
            escape(value)
        ),
        _ => {
            let auto = match name {
                "name" => " autocomplete=\"name\"",
                "email" => " autocomplete=\"email\"",
                _ => "",
            };
            format!(
                "<input id=\"{id}\" name=\"{name}\" type=\"{kind}\"{auto} value=\"{}\"{req}{invalid}>",
                escape(value)
            )
        }
    };
    let star = if required { " *" } else { "" };
    format!(
        "<div class=\"field\"><label for=\"{id}\">{}{star}</label>{control}{message}</div>",
        escape(label)
    )
}

/// A validation error's messages as (field, message) pairs, for [`field`].
pub fn messages(e: app_core::error::AppError) -> Vec<(String, String)> {
    match e {
        app_core::error::AppError::Validation { fields } => fields
            .into_iter()
            .flat_map(|(k, v)| v.into_iter().map(move |m| (k.clone(), m)))
            .collect(),
        other => vec![("name".to_owned(), other.to_string())],
    }
}

/// The form that completes hold `b`, with what was typed and the problems of a refused post.
pub fn details(
    s: &ServiceDoc,
    b: &Booking,
    typed: &Details,
    errors: &[(String, String)],
) -> String {
    let tz = super::store::zone(&b.visitor_tz);
    let until = b
        .hold_until
        .map(|h| local(ts(h), &tz, "%H:%M"))
        .unwrap_or_default();
    let mut html = format!(
        "<h1>{}</h1><p class=\"ok\">{}</p><p>We are keeping this time for you until {until}.</p><form method=\"post\">",
        escape(&s.settings.name),
        escape(&when(b))
    );
    html.push_str(&field(
        ("", "name"),
        "Your name",
        "text",
        &typed.name,
        (true, errors),
    ));
    html.push_str(&field(
        ("", "email"),
        "Email",
        "email",
        &typed.email,
        (true, errors),
    ));
    for (i, q) in s.settings.questions.iter().enumerate() {
        let v = typed.answers.get(i).map(String::as_str).unwrap_or("");
        let name = format!("q{i}");
        html.push_str(&field(
            ("", &name),
            &q.label,
            "textarea",
            v,
            (q.required, errors),
        ));
    }
    html.push_str("<button type=\"submit\">Confirm booking</button></form>");
    html
}

/// The page after booking.
pub fn booked(s: &ServiceDoc, b: &Booking) -> String {
    let c = &s.settings;
    let place = match c.location_detail.as_str() {
        "" => c.location_label().to_owned(),
        d => format!("{}: {d}", c.location_label()),
    };
    format!(
        "<h1>You're booked</h1><p class=\"ok\"><strong>{}</strong><br>{}<br>{}</p><p>A confirmation is on its way to {}.</p>",
        escape(&c.name),
        escape(&when(b)),
        escape(&place),
        escape(&b.email)
    )
}
