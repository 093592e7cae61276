//! The public bio page as one HTML string: no framework, no script, critical CSS inline. The
//! builder's preview renders the same string, so what the creator sees is what visitors get.

mod blocks;
pub mod css;

use crate::model::{Block, BlockKind, PageContent};
pub use app_core::image::StoredImage;
use app_core::text::escape_html as esc;

/// Where the page is shown and what it links to.
#[derive(Debug, Clone, Default)]
pub struct RenderCtx<'a> {
    /// Now, as `YYYY-MM-DDTHH:MM:SSZ`: scheduled links outside their window are left out.
    pub now: &'a str,
    /// The nonce the page's `<style>` carries in the builder's preview (whose CSP allows it);
    /// empty on the public page, whose CSP allows its style by hash.
    pub nonce: &'a str,
    /// In the builder: embeds become placeholders and forms do not post.
    pub preview: bool,
    /// The page's public address.
    pub canonical_url: &'a str,
    /// Title when the page has no header (the workspace's name).
    pub fallback_title: &'a str,
    /// Clicks go through `{click_base}/{block id}`.
    pub click_base: &'a str,
    /// Where the email capture form posts.
    pub subscribe_action: &'a str,
    /// A message for the email capture form after it posted (`ok` or `invalid`).
    pub capture_result: Option<&'a str>,
    /// The page's uploaded images, as the media store knows them (none in the preview).
    pub images: &'a [StoredImage],
}

impl RenderCtx<'_> {
    /// What the page knows of the image at `url`, when it was uploaded.
    fn image(&self, url: &str) -> Option<&StoredImage> {
        self.images.iter().find(|i| i.url == url)
    }

    /// The address to show `url` at in a small place: its thumbnail when it has one.
    fn small<'u>(&'u self, url: &'u str) -> &'u str {
        self.image(url)
            .and_then(|i| i.thumbnail.as_deref())
            .unwrap_or(url)
    }

    /// `url` as an absolute address, for other sites (social previews).
    fn absolute(&self, url: &str) -> String {
        if !url.starts_with('/') {
            return url.to_owned();
        }
        let host_at = self.canonical_url.find("://").map_or(0, |i| i + 3);
        let origin_ends = self.canonical_url[host_at..]
            .find('/')
            .map_or(self.canonical_url.len(), |i| host_at + i);
        format!("{}{url}", &self.canonical_url[..origin_ends])
    }
}

/// Whether visitors see `block` at `now`: it is on and inside its schedule.
pub fn is_live(block: &Block, now: &str) -> bool {
    if !block.on {
        return false;
    }
    match &block.kind {
        BlockKind::Link {
            starts_at, ends_at, ..
        } => {
            starts_at.as_deref().is_none_or(|s| s <= now)
                && ends_at.as_deref().is_none_or(|e| now < e)
        }
        _ => true,
    }
}

/// The whole HTML document of `page`.
pub fn render_page(page: &PageContent, ctx: &RenderCtx) -> String {
    let (name, bio) = page.title_and_description();
    let title = esc(name.unwrap_or(ctx.fallback_title));
    let description = esc(bio.unwrap_or("Links, in one place."));
    let canonical = esc(ctx.canonical_url);
    let avatar = page.avatar().map(|a| esc(ctx.small(a)));
    let share_image = page.avatar().map(|a| esc(&ctx.absolute(a)));
    let mut html = String::with_capacity(8 * 1024);
    html.push_str("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
    html.push_str(&format!(
        "<title>{title}</title><meta name=\"description\" content=\"{description}\">"
    ));
    if !ctx.preview {
        html.push_str(&format!(
            "<link rel=\"canonical\" href=\"{canonical}\">\
             <link rel=\"icon\" href=\"{}\">\
             <meta property=\"og:type\" content=\"profile\">\
             <meta property=\"og:title\" content=\"{title}\">\
             <meta property=\"og:description\" content=\"{description}\">\
             <meta property=\"og:url\" content=\"{canonical}\">\
             <meta name=\"twitter:card\" content=\"summary\">\
             <meta name=\"twitter:title\" content=\"{title}\">\
             <meta name=\"twitter:description\" content=\"{description}\">",
            avatar.as_deref().unwrap_or("/icons/icon.svg")
        ));
        if let Some(image) = &share_image {
            html.push_str(&format!(
                "<meta property=\"og:image\" content=\"{image}\"><meta name=\"twitter:image\" content=\"{image}\">"
            ));
        }
    }
    let nonce = match ctx.nonce {
        "" => String::new(),
        n => format!(" nonce=\"{}\"", esc(n)),
    };
    html.push_str(&format!(
        "<meta name=\"theme-color\" content=\"{}\"><style{nonce}>{}</style></head>",
        esc(&page.theme.bg_color),
        css::stylesheet(&page.theme)
    ));
    let style_class = match page.theme.button_style.as_str() {
        "outline" => "outline",
        "shadow" => "shadow",
        _ => "fill",
    };
    html.push_str(&format!("<body class=\"{style_class}\"><main>"));
    for block in page.blocks.iter().filter(|b| is_live(b, ctx.now)) {
        blocks::render(&mut html, block, ctx);
    }
    html.push_str("</main><footer><a href=\"/\">Made with Mewayz</a></footer></body></html>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Theme;

    fn link(id: &str, title: &str, starts: Option<&str>, on: bool) -> Block {
        Block {
            id: id.into(),
            on,
            kind: BlockKind::Link {
                title: title.into(),
                url: "https://example.com".into(),
                thumbnail_url: String::new(),
                starts_at: starts.map(Into::into),
                ends_at: None,
                sensitive: false,
            },
        }
    }

    fn render(blocks: Vec<Block>) -> String {
        let page = PageContent {
            blocks,
            theme: Theme::default(),
        };
        render_page(
            &page,
            &RenderCtx {
                now: "2026-11-29T12:00:00Z",
                nonce: "n0",
                click_base: "/l/p1",
                canonical_url: "https://mewayz.test/@me",
                fallback_title: "Me",
                ..Default::default()
            },
        )
    }

    #[test]
    fn titles_are_text_not_markup() {
        let html = render(vec![link("a", "<script>alert(1)</script>", None, true)]);
        assert!(!html.contains("<script>alert(1)"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("href=\"/l/p1/a\""));
    }

    #[test]
    fn off_and_future_links_are_absent() {
        let html = render(vec![
            link("a", "Now", None, true),
            link("b", "Later", Some("2026-12-01T00:00:00Z"), true),
            link("c", "Hidden", None, false),
            link("d", "Started", Some("2026-11-01T00:00:00Z"), true),
        ]);
        assert!(html.contains(">Now<") && html.contains(">Started<"));
        assert!(!html.contains("Later") && !html.contains("Hidden"));
    }

    #[test]
    fn the_page_has_its_social_tags_and_no_script() {
        let html = render(vec![link("a", "Now", None, true)]);
        assert!(html.contains("<link rel=\"canonical\" href=\"https://mewayz.test/@me\">"));
        assert!(html.contains("og:title"));
        assert!(!html.contains("<script"));
    }
}
