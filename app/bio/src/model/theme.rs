//! How a bio page looks: a preset plus the creator's own colours, font, buttons and background.

use serde::{Deserialize, Serialize};

/// A page's theme. Colours are `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// The preset it started from (a key of [`PRESETS`]).
    pub preset: String,
    /// `solid`, `gradient` or `image`.
    pub background: String,
    /// Background colour (the gradient's first colour).
    pub bg_color: String,
    /// The gradient's second colour.
    pub bg_color2: String,
    /// Background image address, for `image`.
    #[serde(default)]
    pub bg_image: String,
    /// Text colour.
    pub text_color: String,
    /// Button colour.
    pub button_color: String,
    /// Button label colour.
    pub button_text: String,
    /// `square`, `rounded` or `pill`.
    pub button_shape: String,
    /// `fill`, `outline` or `shadow`.
    pub button_style: String,
    /// A key of [`FONTS`].
    pub font: String,
}

/// Background kinds: key and label.
pub const BACKGROUNDS: &[(&str, &str)] = &[
    ("solid", "Solid colour"),
    ("gradient", "Gradient"),
    ("image", "Image"),
];

/// Button shapes: key and label.
pub const SHAPES: &[(&str, &str)] = &[
    ("square", "Square"),
    ("rounded", "Rounded"),
    ("pill", "Pill"),
];

/// Button styles: key and label.
pub const STYLES: &[(&str, &str)] = &[
    ("fill", "Filled"),
    ("outline", "Outline"),
    ("shadow", "Hard shadow"),
];

/// Fonts: key, label and CSS stack. Only locally installed faces, so the page downloads no font.
pub const FONTS: &[(&str, &str, &str)] = &[
    (
        "system",
        "System",
        "system-ui,-apple-system,'Segoe UI',Roboto,sans-serif",
    ),
    (
        "rounded",
        "Rounded",
        "ui-rounded,'SF Pro Rounded','Nunito','Varela Round',system-ui,sans-serif",
    ),
    (
        "serif",
        "Serif",
        "ui-serif,Georgia,Cambria,'Times New Roman',serif",
    ),
    (
        "mono",
        "Mono",
        "ui-monospace,'SF Mono',Menlo,Consolas,monospace",
    ),
];

/// Preset themes: key, label, and (background, bg_color, bg_color2, text, button, button text,
/// shape, style, font).
pub const PRESETS: &[(&str, &str, [&str; 9])] = &[
    (
        "calm",
        "Calm",
        [
            "solid", "#f5f3ff", "#ede9fe", "#1f1b2e", "#6d4aff", "#ffffff", "rounded", "fill",
            "system",
        ],
    ),
    (
        "midnight",
        "Midnight",
        [
            "gradient", "#0f172a", "#312e81", "#f8fafc", "#f8fafc", "#0f172a", "pill", "fill",
            "system",
        ],
    ),
    (
        "sunset",
        "Sunset",
        [
            "gradient", "#ff7e5f", "#feb47b", "#2b1a12", "#ffffff", "#2b1a12", "pill", "shadow",
            "rounded",
        ],
    ),
    (
        "paper",
        "Paper",
        [
            "solid", "#fffdf7", "#fffdf7", "#222222", "#222222", "#222222", "square", "outline",
            "serif",
        ],
    ),
    (
        "terminal",
        "Terminal",
        [
            "solid", "#0b0f0c", "#0b0f0c", "#a7f3a0", "#a7f3a0", "#0b0f0c", "square", "outline",
            "mono",
        ],
    ),
];

impl Theme {
    /// The preset `key`, or the first preset when it is unknown.
    pub fn preset(key: &str) -> Theme {
        let (k, _, v) = PRESETS
            .iter()
            .find(|(k, _, _)| *k == key)
            .unwrap_or(&PRESETS[0]);
        Theme {
            preset: (*k).into(),
            background: v[0].into(),
            bg_color: v[1].into(),
            bg_color2: v[2].into(),
            bg_image: String::new(),
            text_color: v[3].into(),
            button_color: v[4].into(),
            button_text: v[5].into(),
            button_shape: v[6].into(),
            button_style: v[7].into(),
            font: v[8].into(),
        }
    }

    /// The CSS font stack of the theme's font.
    pub fn font_stack(&self) -> &'static str {
        FONTS
            .iter()
            .find(|(k, _, _)| *k == self.font)
            .unwrap_or(&FONTS[0])
            .2
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::preset("calm")
    }
}
