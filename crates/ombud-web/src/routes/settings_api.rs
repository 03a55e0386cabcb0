//! `/api/v1/organisation`, `/api/v1/processors`, `/api/v1/systems`: the
//! records the register refers to.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use ombud_core::register::{Organisation, Processor, System};

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::{ApiError, json_body};

/// The organisation's settings.
#[utoipa::path(get, path = "/api/v1/organisation", tag = "register", security(("bearer" = [])), responses((status = 200, body = Organisation)))]
pub async fn get_organisation(
    State(state): State<AppState>,
) -> Result<Json<Organisation>, ApiError> {
    Ok(Json(state.store.organisation().await?))
}

/// Replaces the organisation's settings (administrators and the DPO).
#[utoipa::path(put, path = "/api/v1/organisation", tag = "register", security(("bearer" = [])), request_body = Organisation,
    responses((status = 200, body = Organisation), (status = 422, body = crate::error::ErrorBody)))]
pub async fn put_organisation(
    State(state): State<AppState>,
    ctx: Ctx,
    b: Result<Json<Organisation>, JsonRejection>,
) -> Result<Json<Organisation>, ApiError> {
    let org = json_body(b)?;
    if org.name.trim().is_empty() {
        return Err(ApiError::invalid("name: the controller's name is required"));
    }
    state.store.set_organisation(&ctx.actor(), &org).await?;
    Ok(Json(org))
}

/// A list with its total.
#[derive(Debug, Serialize, ToSchema)]
pub struct Listing<T: ToSchema> {
    pub items: Vec<T>,
    pub total: usize,
}

fn listing<T: ToSchema>(items: Vec<T>) -> Json<Listing<T>> {
    Json(Listing {
        total: items.len(),
        items,
    })
}

/// Processors (Art. 28).
#[utoipa::path(get, path = "/api/v1/processors", tag = "register", security(("bearer" = [])), responses((status = 200, body = Listing<Processor>)))]
pub async fn list_processors(
    State(state): State<AppState>,
) -> Result<Json<Listing<Processor>>, ApiError> {
    Ok(listing(state.store.processors().await?))
}

/// Adds a processor (DPO); the `id` given is ignored.
#[utoipa::path(post, path = "/api/v1/processors", tag = "register", security(("bearer" = [])), request_body = Processor,
    responses((status = 201, body = Processor), (status = 422, body = crate::error::ErrorBody)))]
pub async fn create_processor(
    State(state): State<AppState>,
    ctx: Ctx,
    b: Result<Json<Processor>, JsonRejection>,
) -> Result<Response, ApiError> {
    let p = json_body(b)?;
    if p.name.trim().is_empty() {
        return Err(ApiError::invalid("name: the processor's name is required"));
    }
    let p = state.store.create_processor(&ctx.actor(), &p).await?;
    Ok((StatusCode::CREATED, Json(p)).into_response())
}

/// Replaces a processor (DPO).
#[utoipa::path(put, path = "/api/v1/processors/{id}", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Processor id")), request_body = Processor,
    responses((status = 200, body = Processor), (status = 404, body = crate::error::ErrorBody)))]
pub async fn update_processor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    b: Result<Json<Processor>, JsonRejection>,
) -> Result<Json<Processor>, ApiError> {
    let p = Processor {
        id,
        ..json_body(b)?
    };
    Ok(Json(state.store.update_processor(&ctx.actor(), &p).await?))
}

/// IT systems.
#[utoipa::path(get, path = "/api/v1/systems", tag = "register", security(("bearer" = [])), responses((status = 200, body = Listing<System>)))]
pub async fn list_systems(
    State(state): State<AppState>,
) -> Result<Json<Listing<System>>, ApiError> {
    Ok(listing(state.store.systems().await?))
}

/// Adds a system (DPO and registrants); the `id` given is ignored.
#[utoipa::path(post, path = "/api/v1/systems", tag = "register", security(("bearer" = [])), request_body = System,
    responses((status = 201, body = System), (status = 422, body = crate::error::ErrorBody)))]
pub async fn create_system(
    State(state): State<AppState>,
    ctx: Ctx,
    b: Result<Json<System>, JsonRejection>,
) -> Result<Response, ApiError> {
    let s = json_body(b)?;
    if s.name.trim().is_empty() {
        return Err(ApiError::invalid("name: the system's name is required"));
    }
    let s = state.store.create_system(&ctx.actor(), &s).await?;
    Ok((StatusCode::CREATED, Json(s)).into_response())
}

/// Replaces a system (DPO).
#[utoipa::path(put, path = "/api/v1/systems/{id}", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "System id")), request_body = System,
    responses((status = 200, body = System), (status = 404, body = crate::error::ErrorBody)))]
pub async fn update_system(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    b: Result<Json<System>, JsonRejection>,
) -> Result<Json<System>, ApiError> {
    let s = System {
        id,
        ..json_body(b)?
    };
    Ok(Json(state.store.update_system(&ctx.actor(), &s).await?))
}
