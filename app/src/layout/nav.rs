//! The navigation, in one list for the sidebar, the "More" screen and the bottom bar: each
//! module's own destinations (`NAV` in its crate), and the modules still to come as "Soon".

use crate::ui::{IconName, NavItem, Section};

/// Every module's destinations, in the order they appear within their group.
const MODULES: &[&[NavItem]] = &[
    bio::NAV,
    sites::NAV,
    booking::NAV,
    crm::NAV,
    email::NAV,
    identity::NAV,
];

/// Modules not built yet, listed after the available ones of their group.
const SOON: &[NavItem] = &[
    soon(Section::Build, "Courses", IconName::Book),
    soon(Section::Sell, "Invoices", IconName::Receipt),
    soon(Section::Sell, "Templates", IconName::Store),
    soon(Section::Grow, "Social", IconName::Share),
    soon(Section::Grow, "Community", IconName::Users),
    soon(Section::Run, "Analytics", IconName::Chart),
    soon(Section::Run, "Automation", IconName::Bolt),
];

const fn soon(section: Section, label: &'static str, icon: IconName) -> NavItem {
    NavItem::new(section, label, None, icon)
}

/// Home, always first.
pub const HOME: NavItem = NavItem::new(Section::Home, "Home", Some("/app"), IconName::Home);

/// Platform administration (shown to platform admins only).
pub const ADMIN: &[NavItem] = &[
    NavItem::new(
        Section::Platform,
        "Plans",
        Some("/admin/plans"),
        IconName::Shield,
    ),
    NavItem::new(
        Section::Platform,
        "Subscriptions",
        Some("/admin/subscriptions"),
        IconName::Receipt,
    ),
    NavItem::new(
        Section::Platform,
        "Jobs",
        Some("/admin/jobs"),
        IconName::Bolt,
    ),
];

/// Every group with its destinations, available ones first.
pub fn groups() -> impl Iterator<Item = (Section, Vec<NavItem>)> {
    Section::GROUPS.into_iter().map(|section| {
        let items = MODULES
            .iter()
            .flat_map(|m| m.iter())
            .chain(SOON)
            .filter(|item| item.section == section)
            .copied()
            .collect();
        (section, items)
    })
}

/// The phone's bottom bar around its middle "Create" button: the thumb's most frequent
/// destinations, two on each side.
pub const BOTTOM: [&[NavItem]; 2] = [
    &[
        HOME,
        NavItem {
            label: "Bio",
            ..bio::NAV[0]
        },
    ],
    &[
        crm::NAV[0],
        NavItem::new(Section::Home, "More", Some("/app/more"), IconName::Menu),
    ],
];

/// What can be created, each module's entries in tier order; a new module adds its `CREATE`.
pub const CREATE: &[&[NavItem]] = &[
    bio::CREATE,
    booking::CREATE,
    sites::CREATE,
    crm::CREATE,
    email::CREATE,
    workspaces::CREATE,
];

/// `href` with `{ws}` replaced by the workspace on screen at `path`; home (which picks one)
/// when no workspace is on screen.
pub fn workspace_href(href: &str, path: &str) -> String {
    workspaces::model::route_handle(path)
        .map_or_else(|| "/app".to_owned(), |h| href.replace("{ws}", h))
}
