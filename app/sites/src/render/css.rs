//! A site's stylesheet: inlined in every page (a few kilobytes), driven by the theme's
//! variables. Images keep a fixed shape, so nothing moves while they load.

use crate::model::theme::{value_of, CORNERS, FONTS, SPACINGS};
use crate::model::SiteTheme;

const BASE: &str = "*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}\
body{margin:0;font:17px/1.6 var(--body);color:var(--fg);background:var(--bg)}\
h1,h2,h3{font-family:var(--head);line-height:1.15;margin:0 0 .5em}h1{font-size:clamp(2rem,6vw,3.25rem)}\
h2{font-size:clamp(1.5rem,4vw,2.25rem)}h3{font-size:1.15rem}p{margin:0 0 1em}a{color:var(--accent)}\
img{max-width:100%;display:block}.w{max-width:1080px;margin:0 auto;padding:0 20px}\
.top{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line)}\
.top .w{display:flex;align-items:center;justify-content:space-between;min-height:60px;gap:16px}\
.brand{font:700 1.1rem var(--head);color:var(--fg);text-decoration:none}\
.nav{display:flex;gap:4px;flex-wrap:wrap}.nav a{color:var(--fg);text-decoration:none;padding:10px 12px;border-radius:8px}\
.nav a[aria-current]{font-weight:700;text-decoration:underline;text-underline-offset:6px}\
.menu{display:none}.menu>summary{list-style:none;cursor:pointer;padding:10px 12px;border:1px solid var(--line);border-radius:8px}\
.menu>summary::-webkit-details-marker{display:none}\
@media(max-width:640px){.wide{display:none}.menu{display:block}\
.menu[open] .nav{position:absolute;left:0;right:0;top:60px;flex-direction:column;background:var(--bg);padding:8px 20px 16px;border-bottom:1px solid var(--line)}}\
.s{padding:var(--space) 0}.s:nth-of-type(even){background:var(--surface)}\
.btn{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:12px 24px;\
background:var(--accent);color:var(--on-accent);border:0;border-radius:var(--radius);font:600 1rem var(--body);text-decoration:none;cursor:pointer}\
.btn:focus-visible,a:focus-visible,input:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}\
.lead{font-size:1.15rem;opacity:.85;max-width:60ch}\
.hero .w{display:grid;gap:32px;align-items:center}.l-centered{text-align:center}.l-centered .lead{margin:0 auto 1.5em}\
.pic{width:100%;aspect-ratio:4/3;object-fit:cover;border-radius:var(--card)}\
@media(min-width:760px){.l-split .w{grid-template-columns:1fr 1fr}}\
.l-cover{position:relative;color:#fff;background:#222 center/cover}.l-cover .pic{position:absolute;inset:0;height:100%;aspect-ratio:auto;border-radius:0;opacity:.45}\
.l-cover .w{position:relative;min-height:48vh;align-content:center}\
.grid{display:grid;gap:20px;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));padding:0;margin:24px 0 0;list-style:none}\
.l-list .grid,.l-quote .grid{grid-template-columns:1fr}.l-wide .grid{grid-template-columns:repeat(auto-fit,minmax(320px,1fr))}\
.card{background:var(--bg);border:1px solid var(--line);border-radius:var(--card);padding:24px}\
.s:nth-of-type(odd) .card{background:var(--surface)}\
figure{margin:0}figcaption{font-size:.9rem;opacity:.8;margin-top:6px}\
blockquote{margin:0}blockquote p{font-size:1.1rem}.l-quote blockquote p{font-size:1.5rem;font-family:var(--head)}\
cite{font-style:normal;font-weight:600}cite small{display:block;font-weight:400;opacity:.75}\
.price{font:700 2rem var(--head);margin:.25em 0}.card ul{padding-left:1.2em;margin:0 0 1.5em}\
details.q{border-bottom:1px solid var(--line);padding:14px 0}details.q summary{cursor:pointer;font-weight:600}\
dl dt{font-weight:600;margin-top:16px}dl dd{margin:4px 0 0}\
.form{display:grid;gap:14px;max-width:560px}.l-split .cols{display:grid;gap:32px}@media(min-width:760px){.l-split .cols{grid-template-columns:1fr 1fr}}\
label{font-weight:600;display:block;margin-bottom:4px}\
input,textarea{width:100%;min-height:48px;padding:10px 14px;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:10px}\
textarea{min-height:140px}[aria-invalid=true]{border-color:#c62828}.err{color:#c62828;margin:4px 0 0;font-size:.95rem}\
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.sent{font-weight:600}\
.frame{width:100%;aspect-ratio:16/9;border:0;border-radius:var(--card);background:var(--surface)}.l-narrow .w{max-width:720px}\
.rt img{height:auto}.s.band{background:var(--accent);color:var(--on-accent);text-align:center}.band .btn{background:var(--on-accent);color:var(--accent)}\
.foot{font-size:.95rem}.foot .links{display:flex;gap:16px;flex-wrap:wrap;list-style:none;padding:0}.made{text-align:center;font-size:.8rem;padding:16px;opacity:.7}\
@media(prefers-reduced-motion:reduce){*{scroll-behavior:auto}}";

/// The stylesheet for `theme`.
pub fn stylesheet(theme: &SiteTheme) -> String {
    let radius = value_of(CORNERS, &theme.corners);
    let card = if theme.corners == "round" {
        "20px"
    } else {
        radius
    };
    // The colours were validated as #rrggbb, so they cannot break out of the rule.
    format!(
        ":root{{--accent:{};--on-accent:{};--bg:{};--surface:{};--fg:{};--line:color-mix(in srgb,{} 14%,transparent);\
         --head:{};--body:{};--space:{};--radius:{radius};--card:{card}}}{BASE}",
        theme.accent,
        theme.accent_text,
        theme.background,
        theme.surface,
        theme.text,
        theme.text,
        value_of(FONTS, &theme.heading_font),
        value_of(FONTS, &theme.body_font),
        value_of(SPACINGS, &theme.spacing),
    )
}
