//! One block of the public page as HTML.

use super::RenderCtx;
use crate::model::block::network_label;
use crate::model::url::embed_src;
use crate::model::{Block, BlockKind};
use app_core::text::escape_html as esc;

fn button(html: &mut String, href: &str, title: &str, thumb: &str, extra: &str) {
    let thumb = if thumb.is_empty() {
        String::new()
    } else {
        format!(
            "<img src=\"{}\" alt=\"\" width=\"36\" height=\"36\" loading=\"lazy\">",
            esc(thumb)
        )
    };
    html.push_str(&format!(
        "<a class=\"btn\" href=\"{}\" rel=\"noopener\">{thumb}<span>{}</span>{extra}</a>",
        esc(href),
        esc(title)
    ));
}

/// Appends `block` to `html`.
pub fn render(html: &mut String, block: &Block, ctx: &RenderCtx) {
    let href = format!("{}/{}", ctx.click_base, block.id);
    let href = if ctx.preview { "#".to_owned() } else { href };
    match &block.kind {
        BlockKind::Header {
            name,
            bio,
            avatar_url,
        } => {
            html.push_str("<header class=\"profile\">");
            if !avatar_url.is_empty() {
                html.push_str(&format!(
                    "<img class=\"avatar\" src=\"{}\" alt=\"\" width=\"96\" height=\"96\">",
                    esc(ctx.small(avatar_url))
                ));
            }
            if !name.is_empty() {
                html.push_str(&format!("<h1>{}</h1>", esc(name)));
            }
            if !bio.is_empty() {
                html.push_str(&format!("<p class=\"bio\">{}</p>", esc(bio)));
            }
            html.push_str("</header>");
        }
        BlockKind::Link {
            title,
            thumbnail_url,
            sensitive,
            ..
        } => {
            if *sensitive {
                // A <details> gate opens without JavaScript; the real link is only inside it.
                html.push_str(&format!(
                    "<details class=\"gate\"><summary class=\"btn\"><span>{}</span>\
                     <small>Sensitive content. Tap to continue.</small></summary>\
                     <div class=\"gate-body\"><p>This link may contain content that is not suitable for everyone.</p>",
                    esc(title)
                ));
                button(
                    html,
                    &href,
                    &format!("Continue to {title}"),
                    ctx.small(thumbnail_url),
                    "",
                );
                html.push_str("</div></details>");
            } else {
                button(html, &href, title, ctx.small(thumbnail_url), "");
            }
        }
        BlockKind::Booking { title, .. } => button(html, &href, title, "", ""),
        BlockKind::Payment { title, price, .. } => {
            let extra = if price.is_empty() {
                String::new()
            } else {
                format!("<span class=\"price\">{}</span>", esc(price))
            };
            button(html, &href, title, "", &extra)
        }
        BlockKind::Text { text } => {
            html.push_str(&format!("<p class=\"text\">{}</p>", esc(text)));
        }
        BlockKind::Image { url, alt } => {
            // Its size, when known, reserves its space before it arrives.
            let size = ctx
                .image(url)
                .filter(|i| i.width > 0 && i.height > 0)
                .map(|i| format!(" width=\"{}\" height=\"{}\"", i.width, i.height))
                .unwrap_or_default();
            html.push_str(&format!(
                "<img class=\"image\" src=\"{}\" alt=\"{}\"{size} loading=\"lazy\" decoding=\"async\">",
                esc(url),
                esc(alt)
            ));
        }
        BlockKind::Social { links } => {
            html.push_str("<nav class=\"social\" aria-label=\"Social profiles\">");
            for (i, l) in links.iter().enumerate() {
                let to = if ctx.preview {
                    "#".to_owned()
                } else {
                    format!("{href}?i={i}")
                };
                html.push_str(&format!(
                    "<a href=\"{}\" rel=\"noopener me\">{}</a>",
                    esc(&to),
                    esc(network_label(&l.network))
                ));
            }
            html.push_str("</nav>");
        }
        BlockKind::Embed { url } => {
            let Some(src) = embed_src(url) else { return };
            let (name, class) = if src.contains("spotify") {
                ("Spotify player", "embed tall")
            } else if src.contains("tiktok") {
                ("TikTok video", "embed tiktok")
            } else {
                ("YouTube video", "embed")
            };
            if ctx.preview {
                html.push_str(&format!("<div class=\"{class} ph\">{name}</div>"));
            } else {
                // Sandboxed: the player runs, but cannot navigate this page or open forms on it.
                html.push_str(&format!(
                    "<iframe class=\"{class}\" src=\"{}\" title=\"{name}\" loading=\"lazy\" \
                     sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\" \
                     allow=\"encrypted-media; picture-in-picture; fullscreen\" \
                     referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>",
                    esc(&src)
                ));
            }
        }
        BlockKind::EmailCapture { heading, button } => {
            let id = esc(&block.id);
            let note = match ctx.capture_result {
                Some("ok") => "<p class=\"note\" role=\"status\">Thanks! You are subscribed.</p>",
                Some(_) => "<p class=\"note\" role=\"alert\">Enter a valid email address.</p>",
                None => "",
            };
            html.push_str(&format!(
                "<form class=\"capture\" id=\"b-{id}\" method=\"post\" action=\"{}\">",
                esc(if ctx.preview {
                    "#"
                } else {
                    ctx.subscribe_action
                })
            ));
            if !heading.is_empty() {
                html.push_str(&format!("<h2>{}</h2>", esc(heading)));
            }
            html.push_str(&format!(
                "<input type=\"hidden\" name=\"block\" value=\"{id}\">\
                 <label class=\"vh\" for=\"e-{id}\">Email address</label>\
                 <input id=\"e-{id}\" type=\"email\" name=\"email\" required autocomplete=\"email\" placeholder=\"you@example.com\">\
                 <button class=\"btn\" type=\"submit\">{}</button>{note}</form>",
                esc(button)
            ));
        }
    }
}
