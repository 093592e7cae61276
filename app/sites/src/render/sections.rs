//! One section of a page as HTML.

use super::{img, RenderCtx};
use crate::model::Section;
use app_core::link::embed_src;
use app_core::text::escape_html as esc;

fn heading(html: &mut String, tag: &str, text: &str) {
    if !text.is_empty() {
        html.push_str(&format!("<{tag}>{}</{tag}>", esc(text)));
    }
}

fn lead(html: &mut String, text: &str) {
    if !text.is_empty() {
        html.push_str(&format!(
            "<p class=\"lead\">{}</p>",
            esc(text).replace('\n', "<br>")
        ));
    }
}

fn button(html: &mut String, ctx: &RenderCtx, label: &str, link: &str) {
    if !label.is_empty() {
        let href = if ctx.preview || link.is_empty() {
            "#".into()
        } else {
            ctx.href(link)
        };
        html.push_str(&format!(
            "<a class=\"btn\" href=\"{}\">{}</a>",
            esc(&href),
            esc(label)
        ));
    }
}

/// The rich-text section's Markdown as HTML. Raw HTML and unsafe link schemes are dropped by
/// comrak's safe mode, so what the owner typed cannot run in a visitor's browser.
pub fn markdown(text: &str) -> String {
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = false;
    comrak::markdown_to_html(text, &options)
}

/// Appends section `s` to `html`; `first` is the top of the page (its image loads first).
pub fn render(html: &mut String, s: &Section, first: bool, ctx: &RenderCtx) {
    // A gallery with no pictures yet (as templates start) shows visitors an empty band; the
    // editor's preview keeps it, so its owner sees where the pictures will go.
    if s.kind == "gallery" && !ctx.preview && s.items.iter().all(|i| i.image.is_empty()) {
        return;
    }
    let anchor = if s.kind == "contact" {
        " id=\"contact\""
    } else {
        ""
    };
    let class = match s.kind.as_str() {
        "cta" if s.layout == "band" => "band",
        "footer" => "foot",
        k => k,
    };
    let tag = if s.kind == "footer" {
        "footer"
    } else {
        "section"
    };
    html.push_str(&format!(
        "<{tag} class=\"s {class} l-{}\"{anchor}><div class=\"w\">",
        esc(&s.layout)
    ));
    match s.kind.as_str() {
        "hero" => {
            html.push_str("<div>");
            heading(html, "h1", &s.heading);
            lead(html, &s.text);
            button(html, ctx, &s.button, &s.link);
            html.push_str("</div>");
            if !s.image.is_empty() {
                html.push_str(&img(ctx, &s.image, &s.image_alt, "pic", first));
            }
        }
        "features" => {
            heading(html, "h2", &s.heading);
            lead(html, &s.text);
            html.push_str("<ul class=\"grid\">");
            for i in &s.items {
                html.push_str("<li class=\"card\">");
                heading(html, "h3", &i.title);
                html.push_str(&format!("<p>{}</p></li>", esc(&i.text)));
            }
            html.push_str("</ul>");
        }
        "gallery" => {
            heading(html, "h2", &s.heading);
            html.push_str("<div class=\"grid\">");
            for i in s.items.iter().filter(|i| !i.image.is_empty()) {
                html.push_str("<figure>");
                html.push_str(&img(ctx, &i.image, &i.title, "pic", false));
                if !i.title.is_empty() {
                    html.push_str(&format!("<figcaption>{}</figcaption>", esc(&i.title)));
                }
                html.push_str("</figure>");
            }
            html.push_str("</div>");
        }
        "testimonials" => {
            heading(html, "h2", &s.heading);
            html.push_str("<div class=\"grid\">");
            for i in &s.items {
                html.push_str(&format!(
                    "<blockquote class=\"card\"><p>“{}”</p><cite>{}<small>{}</small></cite></blockquote>",
                    esc(&i.text),
                    esc(&i.title),
                    esc(&i.extra)
                ));
            }
            html.push_str("</div>");
        }
        "pricing" => {
            heading(html, "h2", &s.heading);
            lead(html, &s.text);
            html.push_str("<div class=\"grid\">");
            for i in &s.items {
                html.push_str("<div class=\"card\">");
                heading(html, "h3", &i.title);
                html.push_str(&format!("<p class=\"price\">{}</p><ul>", esc(&i.extra)));
                for line in i.text.lines().filter(|l| !l.trim().is_empty()) {
                    html.push_str(&format!("<li>{}</li>", esc(line.trim())));
                }
                html.push_str("</ul>");
                if !i.link.is_empty() {
                    button(html, ctx, "Choose", &i.link);
                }
                html.push_str("</div>");
            }
            html.push_str("</div>");
        }
        "faq" => {
            heading(html, "h2", &s.heading);
            if s.layout == "folded" {
                for i in &s.items {
                    html.push_str(&format!(
                        "<details class=\"q\"><summary>{}</summary><p>{}</p></details>",
                        esc(&i.title),
                        esc(&i.text)
                    ));
                }
            } else {
                html.push_str("<dl>");
                for i in &s.items {
                    html.push_str(&format!(
                        "<dt>{}</dt><dd>{}</dd>",
                        esc(&i.title),
                        esc(&i.text)
                    ));
                }
                html.push_str("</dl>");
            }
        }
        "contact" => super::form::render(html, s, ctx),
        "embed" => {
            heading(html, "h2", &s.heading);
            match embed_src(&s.link).filter(|_| !ctx.preview) {
                Some(src) => html.push_str(&format!(
                    "<iframe class=\"frame\" src=\"{}\" title=\"{}\" loading=\"lazy\" allow=\"encrypted-media; picture-in-picture\" allowfullscreen></iframe>",
                    esc(&src),
                    esc(if s.heading.is_empty() { "Embedded player" } else { &s.heading })
                )),
                None => html.push_str("<div class=\"frame\" role=\"img\" aria-label=\"Player\"></div>"),
            }
        }
        "rich_text" => {
            heading(html, "h2", &s.heading);
            html.push_str(&format!("<div class=\"rt\">{}</div>", markdown(&s.text)));
        }
        "cta" => {
            heading(html, "h2", &s.heading);
            lead(html, &s.text);
            button(html, ctx, &s.button, &s.link);
        }
        "footer" => {
            lead(html, &s.text);
            if !s.items.is_empty() {
                html.push_str("<ul class=\"links\">");
                for i in &s.items {
                    html.push_str(&format!(
                        "<li><a href=\"{}\">{}</a></li>",
                        esc(&ctx.href(&i.link)),
                        esc(&i.title)
                    ));
                }
                html.push_str("</ul>");
            }
        }
        _ => {}
    }
    html.push_str(&format!("</div></{tag}>"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Item;

    fn ctx(preview: bool) -> RenderCtx<'static> {
        RenderCtx {
            base: "/s/studio",
            origin: "https://example.com",
            site_name: "Studio",
            preview,
            images: &[],
            form: None,
            token: "",
        }
    }

    fn gallery(images: &[&str]) -> Section {
        Section {
            kind: "gallery".into(),
            heading: "Selected work".into(),
            items: images
                .iter()
                .map(|image| Item {
                    title: "A piece".into(),
                    image: (*image).into(),
                    ..Item::default()
                })
                .collect(),
            ..Section::default()
        }
    }

    fn html(s: &Section, preview: bool) -> String {
        let mut html = String::new();
        render(&mut html, s, false, &ctx(preview));
        html
    }

    #[test]
    fn a_gallery_without_pictures_is_left_out_of_the_published_page_only() {
        for empty in [gallery(&[]), gallery(&[""])] {
            assert_eq!(html(&empty, false), "");
            assert!(html(&empty, true).contains("Selected work"));
        }
        let shown = html(&gallery(&["", "https://example.com/work.jpg"]), false);
        assert!(shown.contains("Selected work"), "{shown}");
        assert_eq!(shown.matches("<figure>").count(), 1, "{shown}");
    }
}
