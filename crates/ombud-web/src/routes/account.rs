//! A user's own account: changing the password.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::AppState;
use crate::auth;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::routes::pages::check_new_password;
use crate::views::{AccountTpl, FormErrors, Page, render};

pub async fn show(ctx: Ctx) -> Response {
    let p = Page::new(&ctx, "account.title", "/account");
    render(
        StatusCode::OK,
        &AccountTpl {
            p,
            errors: FormErrors::default(),
        },
    )
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// `POST /account/password`: every session of the user ends, so they sign in again.
pub async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<PasswordForm>,
) -> Result<Response, PageError> {
    let user = ctx.require_user()?;
    let t = ctx.tr();
    let mut errors = FormErrors::default();
    let stored = state
        .store
        .user_credentials(&user.email)
        .await
        .map_err(PageError::store(ctx.lang))?;
    if !stored.is_some_and(|(_, hash)| auth::verify_password(&f.current, &hash)) {
        errors.add("current", t.t("form.password_wrong"));
    }
    check_new_password(t, &mut errors, &f.password, &f.password_confirm);
    if !errors.is_empty() {
        let p = Page::new(&ctx, "account.title", "/account");
        return Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &AccountTpl { p, errors },
        ));
    }
    state
        .store
        .set_password(&ctx.actor(), user.id, &auth::hash_password(&f.password))
        .await
        .map_err(PageError::store(ctx.lang))?;
    Ok(Redirect::to("/login?notice=account.changed").into_response())
}
