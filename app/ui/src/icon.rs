use leptos::prelude::*;

/// The icons the app draws; strokes in `currentColor` so they follow the text colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconName {
    Home,
    Link,
    Plus,
    Users,
    Menu,
    Moon,
    Mail,
    Calendar,
    Globe,
    Book,
    Chart,
    Bolt,
    Receipt,
    Share,
    Store,
    Settings,
    Close,
    ArrowLeft,
    LogOut,
    Shield,
    Grip,
    ArrowUp,
    ArrowDown,
    Copy,
    Trash,
    Eye,
    Upload,
    Check,
    Undo,
    Redo,
}

impl IconName {
    fn path(self) -> &'static str {
        match self {
            IconName::Home => "M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z",
            IconName::Link => "M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1",
            IconName::Plus => "M12 5v14M5 12h14",
            IconName::Check => "M20 6 9 17l-5-5",
            IconName::Users => "M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8M22 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8",
            IconName::Menu => "M4 6h16M4 12h16M4 18h16",
            IconName::Moon => "M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z",
            IconName::Mail => "M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM22 6l-10 7L2 6",
            IconName::Calendar => "M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM16 2v4M8 2v4M3 10h18",
            IconName::Globe => "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20",
            IconName::Book => "M4 19.5A2.5 2.5 0 0 1 6.5 17H20V3H6.5A2.5 2.5 0 0 0 4 5.5zM4 19.5A2.5 2.5 0 0 0 6.5 22H20v-5",
            IconName::Chart => "M3 3v18h18M7 15l4-4 3 3 5-6",
            IconName::Bolt => "M13 2 3 14h9l-1 8 10-12h-9z",
            IconName::Receipt => "M5 2h14v20l-3-2-2 2-2-2-2 2-2-2-3 2zM9 7h6M9 11h6M9 15h4",
            IconName::Share => "M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4",
            IconName::Store => "M3 9l2-6h14l2 6M3 9h18v12H3zM9 21v-6h6v6",
            IconName::Settings => "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-2.8 1.2V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-2.8-1.2l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1A1.7 1.7 0 0 0 3.2 14H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.2-2.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1A1.7 1.7 0 0 0 10 3.2V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 2.8 1.2l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0 1.2 2.8H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z",
            IconName::Close => "M18 6 6 18M6 6l12 12",
            IconName::Grip => "M9 5h.01M9 12h.01M9 19h.01M15 5h.01M15 12h.01M15 19h.01",
            IconName::ArrowUp => "M12 19V5M5 12l7-7 7 7",
            IconName::ArrowDown => "M12 5v14M19 12l-7 7-7-7",
            IconName::Copy => "M9 9h11v11H9zM5 15H4V4h11v1",
            IconName::Undo => "M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3",
            IconName::Redo => "m15 14 5-5-5-5M20 9H9a5 5 0 0 0 0 10h3",
            IconName::Trash => "M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6",
            IconName::Eye => "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
            IconName::ArrowLeft => "M19 12H5M12 19l-7-7 7-7",
            IconName::LogOut => "M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9",
            IconName::Upload => "M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M17 8l-5-5-5 5M12 3v12",
            IconName::Shield => "M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z",
        }
    }
}

/// A decorative icon: hidden from assistive technology, so its control must carry a name.
#[component]
pub fn Icon(name: IconName) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=name.path()/>
        </svg>
    }
}
