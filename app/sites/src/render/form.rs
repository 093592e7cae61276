//! A contact form section: its fields, the honeypot and timing token that keep bots out
//! without any script, and after a post, its messages or its thanks.

use super::RenderCtx;
use crate::model::Section;
use app_core::error::FieldMessages;
use app_core::text::escape_html as esc;
use std::collections::HashMap;

/// The name of the field bots fill and people never see.
pub const HONEYPOT: &str = "website";

/// A form that was just posted: which one, and what came of it.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    /// The form's section id.
    pub section: String,
    /// Sent: it shows its thanks instead of the fields.
    pub sent: bool,
    /// What was typed, by field name, to show again next to the messages.
    pub values: HashMap<String, String>,
    /// Messages by field name (`form` for the whole form).
    pub errors: FieldMessages,
}

/// The posted name of field `i` of a form.
pub fn field_name(i: usize) -> String {
    format!("f{i}")
}

/// Appends the form of section `s`.
pub fn render(html: &mut String, s: &Section, ctx: &RenderCtx) {
    let state = ctx.form.filter(|f| f.section == s.id);
    let intro = |html: &mut String| {
        if !s.heading.is_empty() {
            html.push_str(&format!("<h2>{}</h2>", esc(&s.heading)));
        }
        if !s.text.is_empty() {
            html.push_str(&format!("<p class=\"lead\">{}</p>", esc(&s.text)));
        }
    };
    html.push_str("<div class=\"cols\"><div>");
    intro(html);
    html.push_str("</div>");
    if state.is_some_and(|f| f.sent) {
        html.push_str("<p class=\"sent\" role=\"status\">Thank you! Your message was sent. We will get back to you soon.</p></div>");
        return;
    }
    // No action: the form posts to the page's own address, whichever host serves it (the
    // editor's preview frame is sandboxed without forms, so there it cannot post).
    html.push_str("<form class=\"form\" method=\"post\" novalidate>");
    if let Some(m) = state
        .and_then(|f| f.errors.get("form"))
        .and_then(|m| m.first())
    {
        html.push_str(&format!("<p class=\"err\" role=\"alert\">{}</p>", esc(m)));
    }
    html.push_str(&format!(
        "<input type=\"hidden\" name=\"section\" value=\"{}\"><input type=\"hidden\" name=\"t\" value=\"{}\">\
         <div class=\"hp\" aria-hidden=\"true\"><label for=\"hp-{id}\">Leave this empty</label>\
         <input id=\"hp-{id}\" name=\"{HONEYPOT}\" tabindex=\"-1\" autocomplete=\"off\"></div>",
        esc(&s.id),
        esc(ctx.token),
        id = esc(&s.id),
    ));
    for (i, item) in s.items.iter().enumerate() {
        let name = field_name(i);
        let dom = format!("{}-{name}", s.id);
        let value = state
            .and_then(|f| f.values.get(&name))
            .map(String::as_str)
            .unwrap_or("");
        let errors = state.and_then(|f| f.errors.get(&name));
        let invalid = errors.is_some_and(|e| !e.is_empty());
        let described = if invalid {
            format!(" aria-invalid=\"true\" aria-describedby=\"{dom}-err\"")
        } else {
            String::new()
        };
        let required = if item.required { " required" } else { "" };
        let label = if item.required {
            format!("{} *", item.title)
        } else {
            item.title.clone()
        };
        html.push_str(&format!(
            "<div><label for=\"{}\">{}</label>",
            esc(&dom),
            esc(&label)
        ));
        let (kind, auto) = match item.extra.as_str() {
            "email" => ("email", "email"),
            "phone" => ("tel", "tel"),
            "name" => ("text", "name"),
            _ => ("text", "off"),
        };
        if item.extra == "message" {
            html.push_str(&format!(
                "<textarea id=\"{}\" name=\"{name}\" maxlength=\"5000\"{required}{described}>{}</textarea>",
                esc(&dom),
                esc(value)
            ));
        } else {
            html.push_str(&format!(
                "<input id=\"{}\" name=\"{name}\" type=\"{kind}\" autocomplete=\"{auto}\" maxlength=\"300\" value=\"{}\"{required}{described}>",
                esc(&dom),
                esc(value)
            ));
        }
        if let Some(m) = errors.and_then(|e| e.first()) {
            html.push_str(&format!(
                "<p class=\"err\" id=\"{}-err\">{}</p>",
                esc(&dom),
                esc(m)
            ));
        }
        html.push_str("</div>");
    }
    let label = if s.button.is_empty() {
        "Send"
    } else {
        &s.button
    };
    html.push_str(&format!(
        "<div><button class=\"btn\" type=\"submit\">{}</button></div></form></div>",
        esc(label)
    ));
}
