//! A site's look: colours, fonts and spacing, shared by all its pages.

use serde::{Deserialize, Serialize};

/// A site's theme. Colours are `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteTheme {
    /// Buttons, links and coloured bands.
    pub accent: String,
    /// Text on the accent colour.
    pub accent_text: String,
    /// Page background.
    pub background: String,
    /// Cards and alternate sections.
    pub surface: String,
    /// Body text.
    pub text: String,
    /// Headings: a key of [`FONTS`].
    pub heading_font: String,
    /// Body text: a key of [`FONTS`].
    pub body_font: String,
    /// A key of [`SPACINGS`].
    pub spacing: String,
    /// A key of [`CORNERS`].
    pub corners: String,
}

/// Fonts: key, label and CSS stack. Only installed faces, so no page downloads a font.
pub const FONTS: &[(&str, &str, &str)] = &[
    (
        "system",
        "System",
        "system-ui,-apple-system,'Segoe UI',Roboto,sans-serif",
    ),
    (
        "serif",
        "Serif",
        "ui-serif,Georgia,Cambria,'Times New Roman',serif",
    ),
    (
        "rounded",
        "Rounded",
        "ui-rounded,'SF Pro Rounded','Nunito',system-ui,sans-serif",
    ),
    (
        "mono",
        "Mono",
        "ui-monospace,'SF Mono',Menlo,Consolas,monospace",
    ),
];

/// Vertical room around sections: key, label and CSS length.
pub const SPACINGS: &[(&str, &str, &str)] = &[
    ("compact", "Compact", "40px"),
    ("comfortable", "Comfortable", "72px"),
    ("airy", "Airy", "112px"),
];

/// Corner rounding: key, label and CSS radius.
pub const CORNERS: &[(&str, &str, &str)] = &[
    ("square", "Square", "2px"),
    ("rounded", "Rounded", "12px"),
    ("round", "Round", "999px"),
];

/// The CSS value of `key` in `list`, or the first one's.
pub fn value_of(list: &[(&str, &str, &'static str)], key: &str) -> &'static str {
    list.iter()
        .find(|(k, _, _)| *k == key)
        .unwrap_or(&list[0])
        .2
}

impl SiteTheme {
    /// A theme from its colours (accent, accent text, background, surface, text), fonts
    /// (headings, body), spacing and corners.
    pub fn of(v: [&str; 9]) -> SiteTheme {
        SiteTheme {
            accent: v[0].into(),
            accent_text: v[1].into(),
            background: v[2].into(),
            surface: v[3].into(),
            text: v[4].into(),
            heading_font: v[5].into(),
            body_font: v[6].into(),
            spacing: v[7].into(),
            corners: v[8].into(),
        }
    }
}

impl Default for SiteTheme {
    fn default() -> Self {
        SiteTheme::of([
            "#5b3df5",
            "#ffffff",
            "#ffffff",
            "#f4f2fb",
            "#1d1b22",
            "system",
            "system",
            "comfortable",
            "rounded",
        ])
    }
}
