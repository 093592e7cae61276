//! Where the modules live in the navigation, in one list for the sidebar, the "More" screen and
//! the bottom bar.

use crate::ui::IconName;

/// One destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    /// Visible name.
    pub label: &'static str,
    /// Route; `None` while the module is not yet available, shown as "Soon". `{ws}` stands for
    /// the workspace on screen.
    pub href: Option<&'static str>,
    /// Its icon.
    pub icon: IconName,
}

/// A titled group of destinations in the sidebar.
#[derive(Debug, Clone, Copy)]
pub struct NavGroup {
    /// Group heading.
    pub title: &'static str,
    /// Its destinations.
    pub items: &'static [NavItem],
}

const fn item(label: &'static str, href: Option<&'static str>, icon: IconName) -> NavItem {
    NavItem { label, href, icon }
}

/// Home, always first.
pub const HOME: NavItem = item("Home", Some("/app"), IconName::Home);

/// Platform administration (shown to platform admins only).
pub const ADMIN: &[NavItem] = &[
    item("Plans", Some("/admin/plans"), IconName::Shield),
    item(
        "Subscriptions",
        Some("/admin/subscriptions"),
        IconName::Receipt,
    ),
];

/// Every module, grouped by the job it does.
pub const GROUPS: &[NavGroup] = &[
    NavGroup {
        title: "Build",
        items: &[
            item("Link in bio", Some("/app/{ws}/bio"), IconName::Link),
            item("Website", None, IconName::Globe),
            item("Courses", None, IconName::Book),
        ],
    },
    NavGroup {
        title: "Sell",
        items: &[
            item("Bookings", None, IconName::Calendar),
            item("Invoices", None, IconName::Receipt),
            item("Templates", None, IconName::Store),
        ],
    },
    NavGroup {
        title: "Grow",
        items: &[
            item("Contacts", Some("/app/{ws}/crm"), IconName::Users),
            item("Deals", Some("/app/{ws}/crm/deals"), IconName::Chart),
            item("Email", None, IconName::Mail),
            item("Social", None, IconName::Share),
            item("Community", None, IconName::Users),
        ],
    },
    NavGroup {
        title: "Run",
        items: &[
            item("Analytics", None, IconName::Chart),
            item("Automation", None, IconName::Bolt),
            item("Settings", Some("/settings"), IconName::Settings),
        ],
    },
];

/// The phone's bottom bar: at most five, the thumb's most frequent destinations.
pub const BOTTOM: &[NavItem] = &[
    HOME,
    item("Bio", Some("/app/{ws}/bio"), IconName::Link),
    item("Create", None, IconName::Plus),
    item("Contacts", Some("/app/{ws}/crm"), IconName::Users),
    item("More", Some("/app/more"), IconName::Menu),
];
