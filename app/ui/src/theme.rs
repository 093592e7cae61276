//! Light, dark or the system's choice, remembered in a cookie so the server renders the right
//! theme on the first byte (no flash, no inline script).

/// The theme a person picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow the operating system.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The cookie that remembers the choice.
pub const COOKIE: &str = "theme";

impl Theme {
    /// Parses the stored value; anything unknown means "follow the system".
    pub fn parse(value: &str) -> Self {
        match value {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// Finds the theme cookie in a `Cookie` header.
    pub fn from_cookie_header(header: &str) -> Self {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE)
            .map(|(_, value)| Theme::parse(value))
            .unwrap_or(Theme::System)
    }

    /// The `data-theme` attribute value; none when following the system.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// The theme of the page being rendered: from the request on the server, from the document in
/// the browser (where the server already wrote it).
pub fn current_theme() -> Theme {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .headers
                    .get(http::header::COOKIE)
                    .and_then(|v| v.to_str().ok())
                    .map(Theme::from_cookie_header)
            })
            .unwrap_or(Theme::System)
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        leptos::prelude::document()
            .document_element()
            .and_then(|root| root.get_attribute("data-theme"))
            .map(|v| Theme::parse(&v))
            .unwrap_or(Theme::System)
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Theme::System
    }
}

/// Whether the browser currently shows dark, for a person following the system.
pub fn system_prefers_dark() -> bool {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        leptos::prelude::window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .map(|q| q.matches())
            .unwrap_or(false)
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        false
    }
}

/// Shows `theme` now and remembers it for a year.
pub fn apply(theme: Theme) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        use leptos::wasm_bindgen::JsCast;
        let doc = leptos::prelude::document();
        if let Some(root) = doc.document_element() {
            let _ = match theme.attribute() {
                Some(v) => root.set_attribute("data-theme", v),
                None => root.remove_attribute("data-theme"),
            };
        }
        if let Ok(html) = doc.dyn_into::<leptos::web_sys::HtmlDocument>() {
            let value = theme.attribute().unwrap_or("system");
            let _ = html.set_cookie(&format!(
                "{COOKIE}={value}; Path=/; Max-Age=31536000; SameSite=Lax"
            ));
        }
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = theme;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_cookie_among_others() {
        assert_eq!(
            Theme::from_cookie_header("a=1; theme=dark; b=2"),
            Theme::Dark
        );
        assert_eq!(Theme::from_cookie_header("theme=light"), Theme::Light);
        assert_eq!(Theme::from_cookie_header("theme=neon"), Theme::System);
        assert_eq!(Theme::from_cookie_header("xtheme=dark"), Theme::System);
        assert_eq!(Theme::System.attribute(), None);
    }
}
