//! What the builder asks of the browser: the time, the page's style nonce, local date-times,
//! element positions and focus. On the server each answers something harmless.

/// Now as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now() -> String {
    #[cfg(feature = "hydrate")]
    {
        let iso: String = js_sys::Date::new_0().to_iso_string().into();
        format!("{}Z", &iso[..19])
    }
    #[cfg(all(feature = "ssr", not(feature = "hydrate")))]
    {
        crate::service::public::canonical_time(mongodb::bson::DateTime::now())
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        String::new()
    }
}

/// The nonce this page's inline styles carry, so the preview's `<style>` passes the page's CSP
/// (a `srcdoc` frame inherits it).
pub fn style_nonce() -> String {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        leptos::prelude::document()
            .query_selector("script[nonce]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|e| e.nonce())
            .unwrap_or_default()
    }
    #[cfg(all(feature = "ssr", not(feature = "hydrate")))]
    {
        leptos::nonce::use_nonce()
            .map(|n| n.to_string())
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        String::new()
    }
}

/// A stored UTC time as the `datetime-local` value of the person's own time zone.
pub fn to_local_input(utc: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        let d = js_sys::Date::new(&utc.into());
        if d.get_time().is_nan() {
            return String::new();
        }
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes()
        )
    }
    #[cfg(not(feature = "hydrate"))]
    {
        utc.get(..16).unwrap_or_default().to_owned()
    }
}

/// A `datetime-local` value (the person's time zone) as stored UTC; empty stays empty.
pub fn from_local_input(local: &str) -> Option<String> {
    if local.is_empty() {
        return None;
    }
    #[cfg(feature = "hydrate")]
    {
        let d = js_sys::Date::new(&local.into());
        if d.get_time().is_nan() {
            return Some(local.to_owned());
        }
        let iso: String = d.to_iso_string().into();
        Some(format!("{}Z", &iso[..19]))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Some(format!("{local}:00Z"))
    }
}
