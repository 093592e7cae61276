//! A destination in the app's navigation. Each module declares its own (`NAV` in its crate); the
//! shell arranges them in the sidebar, the "More" screen and the bottom bar.

use crate::icon::IconName;

/// The job a destination does, which is the sidebar group it appears in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Home, above every group.
    Home,
    /// Pages, sites and courses.
    Build,
    /// Bookings, invoices and templates.
    Sell,
    /// Contacts, deals, email and social.
    Grow,
    /// Analytics, automation and settings.
    Run,
    /// Platform administration, for platform admins only.
    Platform,
}

impl Section {
    /// The module groups, in the order the sidebar shows them.
    pub const GROUPS: [Section; 4] = [Section::Build, Section::Sell, Section::Grow, Section::Run];

    /// The group's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Home => "Home",
            Section::Build => "Build",
            Section::Sell => "Sell",
            Section::Grow => "Grow",
            Section::Run => "Run",
            Section::Platform => "Platform",
        }
    }
}

/// One destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    /// Where it is listed.
    pub section: Section,
    /// Visible name.
    pub label: &'static str,
    /// Route; `None` while the module is not yet available, shown as "Soon". `{ws}` stands for
    /// the workspace on screen.
    pub href: Option<&'static str>,
    /// Its icon.
    pub icon: IconName,
}

impl NavItem {
    /// A destination at `href` (`None`: coming soon).
    pub const fn new(
        section: Section,
        label: &'static str,
        href: Option<&'static str>,
        icon: IconName,
    ) -> Self {
        NavItem {
            section,
            label,
            href,
            icon,
        }
    }
}
