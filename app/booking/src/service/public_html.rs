//! The HTML of the public booking pages: the list of services, a service's open times by day
//! in the visitor's zone, the details form of a held time and the confirmation.

use super::store::ServiceDoc;
use app_core::text::escape_html as escape;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use platform::public_page::PublicPage;
use std::sync::LazyLock;

const STYLE: &str = "main{max-width:40rem;margin-top:4vh}\
.services{list-style:none;padding:0;margin:0}.services li{border-top:1px solid var(--border);padding:12px 0}\
.services a{color:var(--text);font-weight:600;font-size:18px}.meta{color:var(--muted);margin:0 0 8px}\
.day h2{font-size:16px;margin:20px 0 8px}.times{display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5rem,1fr));gap:8px}\
.times button{margin:0;background:var(--surface);color:var(--accent);border:1px solid var(--accent)}\
.times button small{display:block;font-weight:400;color:var(--muted)}\
.pager{display:flex;justify-content:space-between;margin-top:20px}.pager a{color:var(--accent)}\
.zone{display:flex;gap:8px;align-items:end;margin:16px 0}.zone label{flex:1;margin:0}.zone button{width:auto;margin:0;padding:0 16px}\
select,textarea{width:100%;min-height:44px;padding:8px 12px;font:inherit;border:1px solid var(--border);border-radius:8px;background:var(--surface);color:var(--text)}\
.field{margin-top:12px}.alert{border:1px solid var(--danger);color:var(--danger);border-radius:8px;padding:8px 12px}";

/// Sends a visitor who has no zone in the address yet to the same page in their browser's
/// zone (once: the address then carries it; without script the host's zone is shown).
const DETECT: &str = "if(!/[?&]tz=/.test(location.search)){var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(z){var u=new URL(location.href);u.searchParams.set('tz',z);location.replace(u)}}";

/// Pages without script.
pub static PAGE: LazyLock<PublicPage> = LazyLock::new(|| PublicPage::new(STYLE, None));
/// The times page, which detects the visitor's zone.
pub static TIMES_PAGE: LazyLock<PublicPage> =
    LazyLock::new(|| PublicPage::new(STYLE, Some(DETECT)));

/// Zones offered besides the visitor's own.
const ZONES: &[&str] = &[
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Athens",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
];

/// `t` in `tz` with a jiff strftime `format`.
pub fn local(t: Timestamp, tz: &TimeZone, format: &str) -> String {
    t.to_zoned_datetime(tz.clone()).strftime(format).to_string()
}

/// "30 min · Free · Video call" for a service.
pub fn meta(s: &ServiceDoc, currency: &str) -> String {
    let c = &s.settings;
    let lengths = c
        .durations
        .iter()
        .map(|d| format!("{d} min"))
        .collect::<Vec<_>>()
        .join(" / ");
    let price = match c.price_cents {
        0 => "Free".to_owned(),
        p => app_core::money::money(p, currency),
    };
    let mut out = format!("{lengths} · {price} · {}", c.location_label());
    if c.seats > 1 {
        out.push_str(&format!(" · group of up to {}", c.seats));
    }
    out
}

/// The workspace's bookable services.
pub fn services(name: &str, handle: &str, list: &[ServiceDoc], currency: &str) -> String {
    let items: String = list
        .iter()
        .map(|s| {
            format!(
                "<li><a href=\"/@{}/book/{}\">{}</a><p class=\"meta\">{}</p><p>{}</p></li>",
                escape(handle),
                escape(&s.settings.slug),
                escape(&s.settings.name),
                escape(&meta(s, currency)),
                escape(&s.settings.description)
            )
        })
        .collect();
    let body = if list.is_empty() {
        "<p>Nothing can be booked here yet.</p>".to_owned()
    } else {
        format!("<ul class=\"services\">{items}</ul>")
    };
    format!("<h1>Book with {}</h1>{body}", escape(name))
}

/// Where a times page leads: the booking page of a service, or the page that moves a booking.
pub struct Target {
    /// The page's own path (its links add a query).
    pub path: String,
    /// Where a chosen time posts.
    pub post_to: String,
    /// The booking being moved, whose own time counts as free.
    pub moving: Option<String>,
    /// The token of the package paying for the booking, carried through the pages.
    pub package: Option<String>,
    /// A line above the times (the package's balance).
    pub banner: Option<String>,
    /// Whether the page offers the service's package for sale.
    pub sells_package: bool,
}

impl Target {
    /// Hidden fields that carry the package along.
    fn carried(&self) -> String {
        match &self.package {
            Some(t) => format!(
                "<input type=\"hidden\" name=\"package\" value=\"{}\">",
                escape(t)
            ),
            None => String::new(),
        }
    }
}

/// What the times page shows.
pub struct TimesPage<'a> {
    /// Workspace handle.
    pub handle: &'a str,
    /// Where its links (zone, length, weeks) lead and where a chosen time posts.
    pub target: &'a Target,
    /// The service.
    pub service: &'a ServiceDoc,
    /// Workspace currency.
    pub currency: &'a str,
    /// The visitor's zone.
    pub tz: &'a str,
    /// Chosen length.
    pub minutes: u32,
    /// The first day shown, `YYYY-MM-DD`, and the week before and after (when they can hold
    /// times).
    pub days: (String, Option<String>, Option<String>),
    /// Open times with seats left.
    pub times: &'a [(Timestamp, u32)],
    /// Why the last choice failed.
    pub error: Option<&'a str>,
}

/// A service's open times, a day per heading, each time a button of one form.
pub fn times(p: &TimesPage) -> String {
    let s = &p.service.settings;
    let tz = super::store::zone(p.tz);
    let base = escape(&p.target.path);
    let package = p
        .target
        .package
        .as_ref()
        .map(|t| format!("&package={}", app_core::url::encode_query_value(t)))
        .unwrap_or_default();
    let query = |from: &str, d: u32| {
        format!(
            "{base}?tz={}&d={d}&from={from}{}",
            app_core::url::encode_query_value(p.tz),
            escape(&package)
        )
    };
    let mut html = format!(
        "<p class=\"meta\"><a href=\"/@{}/book\">All services</a></p><h1>{}{}</h1><p class=\"meta\">{}</p>",
        escape(p.handle),
        if p.target.moving.is_some() { "Move: " } else { "" },
        escape(&s.name),
        escape(&meta(p.service, p.currency))
    );
    if !s.description.is_empty() {
        html.push_str(&format!("<p>{}</p>", escape(&s.description)));
    }
    if p.target.sells_package && p.target.package.is_none() {
        html.push_str(&format!(
            "<p><a href=\"{base}/package\">Buy {} sessions for {}</a>, then book them one by one.</p>",
            s.package_sessions,
            escape(&app_core::money::money(s.package_price_cents, p.currency))
        ));
    }
    if s.durations.len() > 1 {
        let links: Vec<String> = s
            .durations
            .iter()
            .map(|d| match *d == p.minutes {
                true => format!("<strong>{d} min</strong>"),
                false => format!("<a href=\"{}\">{d} min</a>", query(&p.days.0, *d)),
            })
            .collect();
        html.push_str(&format!("<p>Length: {}</p>", links.join(" · ")));
    }
    let mut zones: Vec<&str> = ZONES.to_vec();
    if !zones.contains(&p.tz) {
        zones.insert(0, p.tz);
    }
    let options: String = zones
        .iter()
        .map(|z| {
            let sel = if *z == p.tz { " selected" } else { "" };
            format!("<option{sel}>{}</option>", escape(z))
        })
        .collect();
    html.push_str(&format!(
        "<form method=\"get\" action=\"{base}\" class=\"zone\"><input type=\"hidden\" name=\"d\" value=\"{}\">{}\
         <label>Times in<select name=\"tz\" aria-label=\"Time zone\">{options}</select></label>\
         <button type=\"submit\">Change</button></form>",
        p.minutes,
        p.target.carried()
    ));
    if let Some(b) = &p.target.banner {
        html.push_str(&format!(
            "<p class=\"ok\" role=\"status\">{}</p>",
            escape(b)
        ));
    }
    if let Some(e) = p.error {
        html.push_str(&format!(
            "<p class=\"alert\" role=\"alert\">{}</p>",
            escape(e)
        ));
    }
    let mut days = String::new();
    let mut current = String::new();
    for (t, left) in p.times {
        let day = local(*t, &tz, "%A %-d %B");
        if day != current {
            if !current.is_empty() {
                days.push_str("</div></section>");
            }
            days.push_str(&format!(
                "<section class=\"day\"><h2>{}</h2><div class=\"times\">",
                escape(&day)
            ));
            current = day;
        }
        let seats = if s.seats > 1 {
            format!("<small>{left} left</small>")
        } else {
            String::new()
        };
        days.push_str(&format!(
            "<button type=\"submit\" name=\"start\" value=\"{t}\">{}{seats}</button>",
            local(*t, &tz, "%H:%M")
        ));
    }
    if current.is_empty() {
        html.push_str("<p>No open times this week.</p>");
    } else {
        days.push_str("</div></section>");
        html.push_str(&format!(
            "<form method=\"post\" action=\"{}\"><input type=\"hidden\" name=\"tz\" value=\"{}\">\
             <input type=\"hidden\" name=\"d\" value=\"{}\">{}{days}</form>",
            escape(&p.target.post_to),
            escape(p.tz),
            p.minutes,
            p.target.carried()
        ));
    }
    let prev = p
        .days
        .1
        .as_ref()
        .map(|d| format!("<a href=\"{}\">← Earlier</a>", query(d, p.minutes)))
        .unwrap_or_default();
    let next = p
        .days
        .2
        .as_ref()
        .map(|d| format!("<a href=\"{}\">Later →</a>", query(d, p.minutes)))
        .unwrap_or_default();
    html.push_str(&format!(
        "<nav class=\"pager\" aria-label=\"Weeks\"><span>{prev}</span><span>{next}</span></nav>"
    ));
    if p.target.moving.is_none() {
        let typed = super::public_waitlist::WaitlistForm {
            date: p.days.0.clone(),
            ..Default::default()
        };
        html.push_str(&super::public_waitlist::form(
            &p.target.path,
            p.tz,
            &typed,
            &[],
        ));
    }
    html
}
