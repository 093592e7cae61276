//! A published page as one HTML string: no framework, no script, critical CSS inline. The
//! editor's preview is the same string, so what the owner sees is what visitors get.

pub mod css;
pub mod form;
mod head;
mod sections;

pub use form::FormState;

use crate::model::{Page, SiteContent};
use app_core::image::StoredImage;
use app_core::text::escape_html as esc;

/// Where a page is served and what it knows besides the site.
#[derive(Debug, Clone, Default)]
pub struct RenderCtx<'a> {
    /// The site's path prefix: `/s/<slug>`, or empty on its own domain.
    pub base: &'a str,
    /// The scheme and host the site is reached at, for canonical and social addresses.
    pub origin: &'a str,
    /// The site's name (brand, titles).
    pub site_name: &'a str,
    /// In the editor: forms do not post and players are placeholders.
    pub preview: bool,
    /// The page's uploaded images, as the media store knows them.
    pub images: &'a [StoredImage],
    /// The form that was just posted, with its result.
    pub form: Option<&'a FormState>,
    /// The token forms carry (see `service::forms`): when the page was served, signed.
    pub token: &'a str,
}

/// The path of the page at `slug` under a site's prefix `base` (`/s/<slug>`, or empty on its
/// own domain).
pub fn page_path(base: &str, slug: &str) -> String {
    match (base, slug) {
        ("", "") => "/".into(),
        (b, "") => b.to_owned(),
        (b, s) => format!("{b}/{s}"),
    }
}

impl RenderCtx<'_> {
    /// The path of the page at `slug`.
    pub fn page_path(&self, slug: &str) -> String {
        page_path(self.base, slug)
    }

    /// Where `link` goes from this site: its own paths gain the site's prefix.
    pub fn href(&self, link: &str) -> String {
        match link {
            "/" => self.page_path(""),
            l if l.starts_with("/#") => format!("{}{}", self.page_path(""), &l[1..]),
            l if l.starts_with('/') => format!("{}{l}", self.base),
            l => l.to_owned(),
        }
    }

    /// `url` absolute, for other sites (social previews).
    fn absolute(&self, url: &str) -> String {
        if url.starts_with('/') {
            format!("{}{url}", self.origin)
        } else {
            url.to_owned()
        }
    }

    fn image(&self, url: &str) -> Option<&StoredImage> {
        self.images.iter().find(|i| i.url == url)
    }
}

/// An `<img>` of `url` with `alt`: its size when known (so its space is kept), a smaller
/// variant for narrow screens when there is one, and lazy unless `eager` (the first screen).
pub fn img(ctx: &RenderCtx, url: &str, alt: &str, class: &str, eager: bool) -> String {
    let mut attrs = format!(
        "class=\"{class}\" src=\"{}\" alt=\"{}\"",
        esc(url),
        esc(alt)
    );
    if let Some(i) = ctx.image(url).filter(|i| i.width > 0) {
        attrs.push_str(&format!(" width=\"{}\" height=\"{}\"", i.width, i.height));
        if let Some(t) = &i.thumbnail {
            attrs.push_str(&format!(
                " srcset=\"{} 320w, {} {}w\" sizes=\"(max-width:640px) 100vw, 540px\"",
                esc(t),
                esc(url),
                i.width
            ));
        }
    }
    if eager {
        attrs.push_str(" fetchpriority=\"high\"");
    } else {
        attrs.push_str(" loading=\"lazy\" decoding=\"async\"");
    }
    format!("<img {attrs}>")
}

/// Every image address `page` shows, for looking up their sizes.
pub fn image_urls(page: &Page) -> impl Iterator<Item = &str> {
    page.sections.iter().flat_map(|s| {
        std::iter::once(s.image.as_str())
            .chain(s.items.iter().map(|i| i.image.as_str()))
            .filter(|u| !u.is_empty())
    })
}

/// The whole HTML document of `page` of `site`.
pub fn render_page(site: &SiteContent, page: &Page, ctx: &RenderCtx) -> String {
    let mut html = String::with_capacity(16 * 1024);
    head::head(&mut html, site, page, ctx);
    html.push_str("<body>");
    nav(&mut html, site, page, ctx);
    html.push_str("<main>");
    for (i, s) in page.sections.iter().filter(|s| s.on).enumerate() {
        sections::render(&mut html, s, i == 0, ctx);
    }
    html.push_str("</main><p class=\"made\"><a href=\"https://mewayz.com\" rel=\"noopener\">Made with Mewayz</a></p></body></html>");
    html
}

fn nav(html: &mut String, site: &SiteContent, page: &Page, ctx: &RenderCtx) {
    html.push_str(&format!(
        "<header class=\"top\"><div class=\"w\"><a class=\"brand\" href=\"{}\">{}</a>",
        esc(&ctx.page_path("")),
        esc(ctx.site_name)
    ));
    if !site.nav.is_empty() {
        let mut links = String::new();
        for link in &site.nav {
            let (href, current) = match site.page_by_id(&link.page) {
                Some(p) => (ctx.page_path(&p.slug), p.id == page.id),
                None => (ctx.href(&link.url), false),
            };
            links.push_str(&format!(
                "<a href=\"{}\"{}>{}</a>",
                esc(&href),
                if current {
                    " aria-current=\"page\""
                } else {
                    ""
                },
                esc(&link.label)
            ));
        }
        // Wide screens show the links; phones fold them into a menu that opens without script.
        html.push_str(&format!(
            "<nav class=\"nav wide\" aria-label=\"Main\">{links}</nav>\
             <details class=\"menu\"><summary>Menu</summary><nav class=\"nav\" aria-label=\"Menu\">{links}</nav></details>"
        ));
    }
    html.push_str("</div></header>");
}
