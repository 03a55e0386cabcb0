//! Administrators manage accounts.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ombud_core::Role;
use ombud_core::user::{Email, check_password_policy};
use ombud_store::{NewUser, StoreError, UserUpdate};

use crate::AppState;
use crate::auth;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::views::{FormErrors, Page, UserFormTpl, UserFormValues, UsersTpl, render};

#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let users = state
        .store
        .list_users()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let p = Page::new(&ctx, "users.title", "/admin/users").with_notice(q.notice.as_deref());
    Ok(render(StatusCode::OK, &UsersTpl { p, users }))
}

fn roles(t: Tr) -> Vec<(&'static str, &'static str)> {
    Role::ALL.iter().map(|r| (r.as_str(), t.role(*r))).collect()
}

fn form(ctx: &Ctx, id: Option<i64>, v: UserFormValues, errors: FormErrors) -> UserFormTpl {
    let (title, here) = match id {
        Some(id) => ("users.edit", format!("/admin/users/{id}")),
        None => ("users.new", "/admin/users/new".to_owned()),
    };
    UserFormTpl {
        p: Page::new(ctx, title, &here),
        id,
        v,
        errors,
        roles: roles(ctx.tr()),
    }
}

pub async fn new_form(ctx: Ctx) -> Response {
    let v = UserFormValues {
        role: Role::Registrant.as_str().into(),
        active: Some("on".into()),
        ..Default::default()
    };
    render(StatusCode::OK, &form(&ctx, None, v, FormErrors::default()))
}

/// Checks the fields both forms share.
fn check_common(t: Tr, v: &UserFormValues, errors: &mut FormErrors) -> Option<Role> {
    if v.display_name.trim().is_empty() {
        errors.add("display_name", t.t("form.required"));
    }
    let role = v.role.parse::<Role>().ok();
    if role.is_none() {
        errors.add("role", t.t("form.role_invalid"));
    }
    role
}

fn check_password(t: Tr, password: &str, errors: &mut FormErrors) {
    match check_password_policy(password) {
        Err(ombud_core::user::WeakPassword::TooShort) => {
            errors.add("password", t.t("form.password_short"))
        }
        Err(ombud_core::user::WeakPassword::TooLong) => {
            errors.add("password", t.t("form.password_long"))
        }
        Ok(()) => {}
    }
}

fn unit(v: &UserFormValues) -> Option<String> {
    Some(v.unit.trim().to_owned()).filter(|u| !u.is_empty())
}

/// `POST /admin/users`: a rejected form comes back with everything typed but the password.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(mut v): Form<UserFormValues>,
) -> Result<Response, PageError> {
    let t = ctx.tr();
    let mut errors = FormErrors::default();
    let email = Email::parse(&v.email);
    if email.is_err() {
        errors.add("email", t.t("form.email_invalid"));
    }
    let role = check_common(t, &v, &mut errors);
    check_password(t, &v.password, &mut errors);
    if let (true, Ok(email), Some(role)) = (errors.is_empty(), email, role) {
        let new = NewUser {
            email,
            display_name: v.display_name.trim().to_owned(),
            role,
            unit: unit(&v),
            password_hash: auth::hash_password(&v.password),
        };
        match state.store.create_user(&ctx.actor(), new).await {
            Ok(_) => return Ok(Redirect::to("/admin/users?notice=users.created").into_response()),
            Err(StoreError::Conflict(_)) => errors.add("email", t.t("form.email_taken")),
            Err(e) => return Err(PageError::internal(ctx.lang, &e)),
        }
    }
    v.password.clear();
    Ok(render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form(&ctx, None, v, errors),
    ))
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let u = state
        .store
        .user_by_id(id)
        .await
        .map_err(PageError::store(ctx.lang))?
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    let v = UserFormValues {
        email: u.email.to_string(),
        display_name: u.display_name,
        role: u.role.as_str().into(),
        unit: u.unit.unwrap_or_default(),
        active: u.active.then(|| "on".into()),
        password: String::new(),
    };
    Ok(render(
        StatusCode::OK,
        &form(&ctx, Some(id), v, FormErrors::default()),
    ))
}

/// `POST /admin/users/{id}`: changes name, role, unit, active, and optionally the password.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(mut v): Form<UserFormValues>,
) -> Result<Response, PageError> {
    let t = ctx.tr();
    let existing = state
        .store
        .user_by_id(id)
        .await
        .map_err(PageError::store(ctx.lang))?
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    v.email = existing.email.to_string();
    let mut errors = FormErrors::default();
    let role = check_common(t, &v, &mut errors);
    if !v.password.is_empty() {
        check_password(t, &v.password, &mut errors);
    }
    if let (true, Some(role)) = (errors.is_empty(), role) {
        let up = UserUpdate {
            display_name: v.display_name.trim().to_owned(),
            role,
            unit: unit(&v),
            active: v.active.is_some(),
        };
        let actor = ctx.actor();
        state
            .store
            .update_user(&actor, id, up)
            .await
            .map_err(PageError::store(ctx.lang))?;
        if !v.password.is_empty() {
            state
                .store
                .set_password(&actor, id, &auth::hash_password(&v.password))
                .await
                .map_err(PageError::store(ctx.lang))?;
        }
        return Ok(Redirect::to("/admin/users?notice=users.saved").into_response());
    }
    v.password.clear();
    Ok(render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form(&ctx, Some(id), v, errors),
    ))
}
