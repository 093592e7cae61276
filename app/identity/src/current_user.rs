use super::api::current_user;
use super::model::UserView;
use app_core::error::AppError;
use leptos::prelude::*;

/// The signed-in user, loaded once per signed-in layout and shared through context.
#[derive(Clone, Copy)]
pub struct CurrentUser(pub ui::Data<Result<Option<UserView>, AppError>>);

/// Loads the current user for the screens below.
pub fn provide_current_user() -> CurrentUser {
    let user = CurrentUser(ui::resource(|| (), |_| current_user()));
    provide_context(user);
    user
}

/// The current user, from the signed-in layout.
pub fn use_current_user() -> CurrentUser {
    expect_context::<CurrentUser>()
}
