//! An email's blocks as MJML, rendered by `mrml` to the table-based, responsive HTML that
//! Gmail, Outlook and Apple Mail all show alike, with the plain-text part beside it.
//!
//! A campaign is rendered once per run with its merge fields left in place; each recipient's
//! copy is then [`merge_html`](crate::model::merge_html): rendering MJML per message would cost
//! more than sending it.

use super::inline;
use crate::model::{usable_url, EmailBlock, EmailBlockKind};
use app_core::error::AppError;
use app_core::text::escape_html as escape;

/// Where a rendered email's links go.
pub enum Links<'a> {
    /// Straight to their targets (previews and test sends).
    Direct,
    /// Through the click redirect of campaign `campaign` at `base`, with an open pixel.
    Tracked {
        /// The app's public address.
        base: &'a str,
        /// The campaign's id.
        campaign: &'a str,
    },
}

/// An email ready to be merged for each recipient.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Responsive HTML.
    pub html: String,
    /// The plain-text part.
    pub text: String,
}

/// Its distinct tracked link targets, in the order the click redirect numbers them. A link
/// holding merge fields differs per reader, so it goes straight to its target.
pub fn tracked_links(blocks: &[EmailBlock]) -> Vec<String> {
    let mut links = Vec::new();
    let mut collect = |url: &str| {
        if trackable(url) && !links.iter().any(|l| l == url) {
            links.push(url.to_owned());
        }
        String::new()
    };
    for b in blocks {
        let _ = block_mjml(&b.kind, &mut collect);
    }
    links
}

fn trackable(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://")) && !url.contains("{{")
}

/// `blocks` as an email whose inbox preview line is `preview`, ending with `reason` (why the
/// reader gets it) and their unsubscribe link (`{{_u}}`).
pub fn render(
    blocks: &[EmailBlock],
    preview: &str,
    reason: &str,
    links: Links<'_>,
) -> Result<Rendered, AppError> {
    let targets = tracked_links(blocks);
    let mut link = |url: &str| -> String {
        match &links {
            Links::Tracked { base, campaign } if trackable(url) => {
                let n = targets.iter().position(|t| t == url).unwrap_or(0);
                format!("{base}/e/c/{campaign}/{n}/{{{{_t}}}}")
            }
            _ => url.to_owned(),
        }
    };
    let body: String = blocks
        .iter()
        .map(|b| block_mjml(&b.kind, &mut link))
        .collect();
    let mjml = format!(
        "<mjml><mj-head><mj-preview>{}</mj-preview><mj-attributes>\
         <mj-all font-family=\"-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif\"/>\
         <mj-text font-size=\"16px\" line-height=\"1.5\" color=\"#1b1a22\"/>\
         <mj-button background-color=\"#6d4aff\" color=\"#ffffff\" font-size=\"16px\" border-radius=\"8px\"/>\
         </mj-attributes></mj-head><mj-body background-color=\"#f4f3f7\">{body}\
         <mj-section><mj-column><mj-text font-size=\"13px\" color=\"#5c5866\" align=\"center\">{} \
         <a href=\"{{{{_u}}}}\" style=\"color:#5c5866\">Unsubscribe</a> · \
         <a href=\"{{{{_p}}}}\" style=\"color:#5c5866\">Preferences</a></mj-text></mj-column></mj-section>\
         </mj-body></mjml>",
        escape(preview),
        escape(reason),
    );
    let parsed = mrml::parse(&mjml).map_err(|e| {
        tracing::error!(error = %e, "email MJML did not parse");
        AppError::Internal
    })?;
    let mut html = parsed
        .element
        .render(&mrml::prelude::render::RenderOptions::default())
        .map_err(|e| {
            tracing::error!(error = %e, "email MJML did not render");
            AppError::Internal
        })?;
    if let Links::Tracked { base, campaign } = links {
        let pixel = format!(
            "<img src=\"{base}/e/o/{campaign}/{{{{_t}}}}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">"
        );
        match html.rfind("</body>") {
            Some(at) => html.insert_str(at, &pixel),
            None => html.push_str(&pixel),
        }
    }
    let mut text: Vec<String> = blocks.iter().filter_map(|b| block_text(&b.kind)).collect();
    text.push(format!(
        "--\n{reason}\nUnsubscribe: {{{{_u}}}}\nPreferences: {{{{_p}}}}"
    ));
    Ok(Rendered {
        html,
        text: text.join("\n\n") + "\n",
    })
}

fn section(inner: &str) -> String {
    format!("<mj-section background-color=\"#ffffff\" padding=\"4px 16px\"><mj-column>{inner}</mj-column></mj-section>")
}

/// One block as MJML, its link addresses passed through `link`.
fn block_mjml(kind: &EmailBlockKind, link: &mut dyn FnMut(&str) -> String) -> String {
    match kind {
        EmailBlockKind::Heading { text } => section(&format!(
            "<mj-text font-size=\"24px\" font-weight=\"700\" line-height=\"1.25\"><h1 style=\"margin:0;font-size:24px\">{}</h1></mj-text>",
            escape(text.trim())
        )),
        EmailBlockKind::Text { text } => {
            section(&format!("<mj-text>{}</mj-text>", inline::html(text, link)))
        }
        EmailBlockKind::Image { url, alt, link: href } => {
            if !usable_url(url, false) {
                return String::new();
            }
            let href = if usable_url(href, true) {
                format!(" href=\"{}\"", escape(&link(href.trim())))
            } else {
                String::new()
            };
            section(&format!(
                "<mj-image src=\"{}\" alt=\"{}\"{href}/>",
                escape(url.trim()),
                escape(alt.trim())
            ))
        }
        EmailBlockKind::Button { label, url } => {
            if !usable_url(url, true) {
                return String::new();
            }
            section(&format!(
                "<mj-button href=\"{}\">{}</mj-button>",
                escape(&link(url.trim())),
                escape(label.trim())
            ))
        }
        EmailBlockKind::Divider => {
            section("<mj-divider border-width=\"1px\" border-color=\"#dedbe6\"/>")
        }
        EmailBlockKind::Columns { left, right } => format!(
            "<mj-section background-color=\"#ffffff\" padding=\"4px 16px\"><mj-column><mj-text>{}</mj-text></mj-column><mj-column><mj-text>{}</mj-text></mj-column></mj-section>",
            inline::html(left, link),
            inline::html(right, link)
        ),
        EmailBlockKind::Social { links } => {
            let items: String = links
                .iter()
                .filter(|u| usable_url(u, true))
                .map(|u| {
                    let (name, label) = network(u);
                    format!(
                        "<mj-social-element name=\"{name}\" href=\"{}\">{label}</mj-social-element>",
                        escape(&link(u.trim()))
                    )
                })
                .collect();
            section(&format!("<mj-social mode=\"horizontal\" icon-size=\"24px\">{items}</mj-social>"))
        }
        EmailBlockKind::Footer { address } => section(&format!(
            "<mj-text font-size=\"13px\" color=\"#5c5866\" align=\"center\">{}</mj-text>",
            escape(address.trim()).replace('\n', "<br>")
        )),
    }
}

/// The MJML icon and the label of a profile address.
fn network(url: &str) -> (&'static str, &'static str) {
    let host = url
        .split("//")
        .nth(1)
        .unwrap_or("")
        .split('/')
        .next()
        .unwrap_or("")
        .trim_start_matches("www.");
    match host {
        "x.com" | "twitter.com" => ("x-noshare", "X"),
        "instagram.com" => ("instagram", "Instagram"),
        "facebook.com" => ("facebook-noshare", "Facebook"),
        "linkedin.com" => ("linkedin-noshare", "LinkedIn"),
        "youtube.com" => ("youtube", "YouTube"),
        "github.com" => ("github", "GitHub"),
        _ => ("web", "Website"),
    }
}

/// One block as plain text.
fn block_text(kind: &EmailBlockKind) -> Option<String> {
    let out = match kind {
        EmailBlockKind::Heading { text } => text.trim().to_owned(),
        EmailBlockKind::Text { text } => inline::plain(text),
        EmailBlockKind::Image { alt, link, .. } => match (alt.trim(), link.trim()) {
            ("", "") => return None,
            (a, "") => format!("[{a}]"),
            (a, l) => format!("[{a}] ({l})"),
        },
        EmailBlockKind::Button { label, url } => format!("{}: {}", label.trim(), url.trim()),
        EmailBlockKind::Divider => "----".into(),
        EmailBlockKind::Columns { left, right } => {
            format!("{}\n\n{}", inline::plain(left), inline::plain(right))
        }
        EmailBlockKind::Social { links } => links.join("\n"),
        EmailBlockKind::Footer { address } => address.trim().to_owned(),
    };
    (!out.trim().is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EmailBlock;

    fn block(kind: EmailBlockKind) -> EmailBlock {
        EmailBlock {
            id: "b".into(),
            kind,
        }
    }

    #[test]
    fn tracked_links_keep_merge_fields_for_each_reader_and_number_distinct_targets() {
        let blocks = [
            block(EmailBlockKind::Text {
                text: "[One](https://a.test/1) [Yours](https://a.test/?e={{email}})".into(),
            }),
            block(EmailBlockKind::Button {
                label: "Again".into(),
                url: "https://a.test/1".into(),
            }),
            block(EmailBlockKind::Social {
                links: vec!["https://instagram.com/me".into()],
            }),
        ];
        assert_eq!(
            tracked_links(&blocks),
            vec!["https://a.test/1", "https://instagram.com/me"]
        );
        let r = render(
            &blocks,
            "Pre {{first_name|x}}",
            "Because.",
            Links::Tracked {
                base: "https://m.test",
                campaign: "c1",
            },
        )
        .unwrap();
        assert_eq!(r.html.matches("https://m.test/e/c/c1/0/{{_t}}").count(), 2);
        assert!(r.html.contains("https://m.test/e/c/c1/1/{{_t}}"));
        assert!(r.html.contains("href=\"https://a.test/?e={{email}}\""));
        assert!(r.html.contains("<img src=\"https://m.test/e/o/c1/{{_t}}\""));
        assert!(r.html.contains("Pre {{first_name|x}}") && r.html.contains("{{_u}}"));
        assert!(
            r.text
                .ends_with("--\nBecause.\nUnsubscribe: {{_u}}\nPreferences: {{_p}}\n"),
            "{}",
            r.text
        );
    }
}
