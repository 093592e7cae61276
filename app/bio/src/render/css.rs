//! The public page's stylesheet: inlined, a couple of kilobytes, driven by the theme's variables.

use crate::model::Theme;

const BASE: &str = "*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}\
body{margin:0;min-height:100vh;font-family:var(--font);color:var(--fg);background:var(--bg);line-height:1.5}\
main{max-width:580px;margin:0 auto;padding:40px 16px 24px;display:flex;flex-direction:column;gap:14px}\
.profile{text-align:center;display:flex;flex-direction:column;align-items:center;gap:6px}\
.avatar{width:96px;height:96px;border-radius:50%;object-fit:cover}\
h1{font-size:1.5rem;line-height:1.2;margin:0}h2{font-size:1.125rem;margin:0 0 8px}p{margin:0}\
.bio,.text{text-align:center;white-space:pre-line}\
.btn{display:flex;align-items:center;justify-content:center;gap:12px;min-height:56px;padding:12px 20px;\
font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer;width:100%;\
border-radius:var(--radius);background:var(--btn);color:var(--btn-fg);border:2px solid var(--btn);\
transition:transform .15s ease-out}\
.btn:hover{transform:translateY(-1px)}.btn:focus-visible,summary:focus-visible,input:focus-visible{outline:3px solid var(--fg);outline-offset:2px}\
.btn img{width:36px;height:36px;border-radius:6px;object-fit:cover;margin-right:auto}\
.btn img+span{margin-right:auto}.price{opacity:.85;font-weight:500}\
.outline .btn{background:transparent;color:var(--fg);border-color:var(--fg)}\
.shadow .btn{box-shadow:4px 4px 0 var(--fg);border-color:var(--fg)}\
.image{width:100%;height:auto;border-radius:12px}\
.social{display:flex;flex-wrap:wrap;justify-content:center;gap:8px}\
.social a{min-width:44px;min-height:44px;padding:10px 14px;border-radius:999px;border:2px solid currentColor;color:var(--fg);text-decoration:none;font-weight:600;font-size:.875rem}\
.embed{width:100%;border:0;border-radius:12px;aspect-ratio:16/9;background:rgba(0,0,0,.08)}\
.embed.tall{aspect-ratio:auto;height:352px}.embed.tiktok{aspect-ratio:9/16;max-height:740px}\
.ph{display:flex;align-items:center;justify-content:center}\
details.gate>summary{list-style:none;flex-direction:column;gap:2px}details.gate>summary::-webkit-details-marker{display:none}\
details.gate small{font-weight:500;opacity:.85}details.gate[open]>summary{display:none}\
.gate-body{display:flex;flex-direction:column;gap:8px;text-align:center}\
.capture{display:flex;flex-direction:column;gap:8px;padding:16px;border-radius:16px;background:rgba(127,127,127,.12);text-align:center}\
.capture input{min-height:48px;padding:10px 14px;font:inherit;border-radius:8px;border:1px solid rgba(127,127,127,.6)}\
.note{font-weight:600}.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\
footer{text-align:center;padding:24px 0 32px;font-size:.8125rem}footer a{color:var(--fg);opacity:.8}\
@media (prefers-reduced-motion:reduce){.btn{transition:none}}";

/// The stylesheet for `theme`.
pub fn stylesheet(theme: &Theme) -> String {
    let radius = match theme.button_shape.as_str() {
        "square" => "4px",
        "pill" => "999px",
        _ => "12px",
    };
    // Values were validated (#rrggbb, http(s) address), so they cannot break out of the rule;
    // the image address is still quoted and stripped of quotes and parentheses.
    let bg = match theme.background.as_str() {
        "gradient" => format!(
            "linear-gradient(160deg,{},{})",
            theme.bg_color, theme.bg_color2
        ),
        "image" if !theme.bg_image.is_empty() => {
            let url: String = theme
                .bg_image
                .chars()
                .filter(|c| !"\"'()\\<>".contains(*c))
                .collect();
            format!("{} url(\"{url}\") center/cover fixed", theme.bg_color)
        }
        _ => theme.bg_color.clone(),
    };
    format!(
        ":root{{--bg:{bg};--fg:{};--btn:{};--btn-fg:{};--radius:{radius};--font:{}}}{BASE}",
        theme.text_color,
        theme.button_color,
        theme.button_text,
        theme.font_stack()
    )
}
