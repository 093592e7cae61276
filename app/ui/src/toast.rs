//! Results and failures announced politely: a context that any component can push to.

use app_core::error::AppError;
use leptos::prelude::*;

/// How a toast looks and how urgently it is announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    /// Something worked.
    Success,
    /// Something failed and the person may act on it.
    Error,
    /// Neutral information.
    Info,
}

/// One message on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    /// Stable key for the list.
    pub id: u64,
    /// Its look.
    pub kind: ToastKind,
    /// What it says.
    pub message: String,
}

/// The toasts on screen, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

/// How long a toast stays unless dismissed.
#[cfg(feature = "hydrate")]
const VISIBLE_FOR: std::time::Duration = std::time::Duration::from_secs(6);

impl Toasts {
    /// The toasts on screen now.
    pub fn items(&self) -> Vec<Toast> {
        self.items.get()
    }

    /// Whether no toast is on screen.
    pub fn is_empty(&self) -> bool {
        self.items.with(Vec::is_empty)
    }

    /// Shows a message; it leaves by itself after a few seconds.
    pub fn show(&self, kind: ToastKind, message: impl Into<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.items.update(|items| {
            items.push(Toast {
                id,
                kind,
                message: message.into(),
            })
        });
        #[cfg(feature = "hydrate")]
        {
            let this = *self;
            set_timeout(move || this.dismiss(id), VISIBLE_FOR);
        }
    }

    /// Shows an error that does not belong to a single field.
    pub fn error(&self, err: &AppError) {
        self.show(ToastKind::Error, err.to_string());
    }

    /// Removes one toast.
    pub fn dismiss(&self, id: u64) {
        self.items.update(|items| items.retain(|t| t.id != id));
    }
}

/// Creates the toast context for the app.
pub fn provide_toasts() -> Toasts {
    let toasts = Toasts {
        items: RwSignal::new(Vec::new()),
        next_id: StoredValue::new(0),
    };
    provide_context(toasts);
    toasts
}

/// The app's toasts.
pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}
