//! A page's `<head>`: title, description, canonical address, robots, social tags, structured
//! data and the inline stylesheet.

use super::{css, RenderCtx};
use crate::model::{Page, SiteContent};
use app_core::text::escape_html as esc;

/// Text safe inside a `<script type="application/ld+json">`: `<` never closes the element.
fn json_ld(value: serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// Appends the document's start and `<head>` to `html`.
pub fn head(html: &mut String, site: &SiteContent, page: &Page, ctx: &RenderCtx) {
    let home = page.slug.is_empty();
    let title = match (page.seo.title.as_str(), home) {
        ("", true) => ctx.site_name.to_owned(),
        ("", false) => format!("{} · {}", page.title, ctx.site_name),
        (t, _) => t.to_owned(),
    };
    let url = format!("{}{}", ctx.origin, ctx.page_path(&page.slug));
    let canonical = if page.seo.canonical.is_empty() {
        url.clone()
    } else {
        page.seo.canonical.clone()
    };
    html.push_str(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
        <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">",
    );
    html.push_str(&format!("<title>{}</title>", esc(&title)));
    if !page.seo.description.is_empty() {
        html.push_str(&format!(
            "<meta name=\"description\" content=\"{d}\"><meta property=\"og:description\" content=\"{d}\">",
            d = esc(&page.seo.description)
        ));
    }
    if page.seo.noindex || ctx.preview {
        html.push_str("<meta name=\"robots\" content=\"noindex\">");
    }
    html.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\"><meta property=\"og:type\" content=\"website\">\
         <meta property=\"og:title\" content=\"{}\"><meta property=\"og:url\" content=\"{}\">\
         <meta property=\"og:site_name\" content=\"{}\"><meta name=\"twitter:card\" content=\"{}\">",
        esc(&canonical),
        esc(&title),
        esc(&url),
        esc(ctx.site_name),
        if page.seo.image.is_empty() { "summary" } else { "summary_large_image" }
    ));
    if !page.seo.image.is_empty() {
        html.push_str(&format!(
            "<meta property=\"og:image\" content=\"{}\">",
            esc(&ctx.absolute(&page.seo.image))
        ));
    }
    let mut data = Vec::new();
    if home {
        data.push(serde_json::json!({
            "@context": "https://schema.org", "@type": "WebSite", "name": ctx.site_name, "url": url,
        }));
    }
    let questions: Vec<_> = page
        .sections
        .iter()
        .filter(|s| s.on && s.kind == "faq")
        .flat_map(|s| &s.items)
        .map(|q| {
            serde_json::json!({
                "@type": "Question", "name": q.title,
                "acceptedAnswer": { "@type": "Answer", "text": q.text },
            })
        })
        .collect();
    if !questions.is_empty() {
        data.push(serde_json::json!({
            "@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions,
        }));
    }
    for d in data {
        html.push_str(&format!(
            "<script type=\"application/ld+json\">{}</script>",
            json_ld(d)
        ));
    }
    html.push_str(&format!(
        "<meta name=\"theme-color\" content=\"{}\"><style>{}</style></head>",
        esc(&site.theme.background),
        css::stylesheet(&site.theme)
    ));
}
