//! Every route, registered through [`RouteTable`] so that the list of routes
//! can be walked by the policy test.

pub mod account;
pub mod activities_api;
pub mod api;
pub mod audit;
pub mod incident_pages;
pub mod incidents_api;
pub mod mail_settings;
pub mod pages;
pub mod privacy;
pub mod register_pages;
pub mod request_pages;
pub mod requests_api;
pub mod rights_public;
pub mod settings_api;
pub mod settings_pages;
pub mod users;

use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{MethodFilter, on};
use tower_http::trace::TraceLayer;

use crate::{AppState, ctx, policy, security};

/// The router under construction and the (method, path) pairs it holds.
pub struct RouteTable {
    router: Router<AppState>,
    routes: Vec<(Method, &'static str)>,
}

impl RouteTable {
    fn new() -> Self {
        RouteTable {
            router: Router::new(),
            routes: Vec::new(),
        }
    }

    fn add<H, T>(mut self, method: Method, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = MethodFilter::try_from(method.clone()).expect("a standard method");
        self.router = self.router.route(path, on(filter, handler));
        self.routes.push((method, path));
        self
    }

    fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::GET, path, h)
    }

    fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::POST, path, h)
    }

    fn put<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::PUT, path, h)
    }

    /// Every registered route.
    pub fn routes(&self) -> &[(Method, &'static str)] {
        &self.routes
    }

    /// The finished application: policy on every route, then the request
    /// context, security headers and tracing around everything.
    pub fn into_router(self, state: AppState) -> Router {
        let mut router = self
            .router
            .route_layer(from_fn(policy::authorize))
            .fallback(pages::not_found)
            .layer(from_fn_with_state(state.clone(), ctx::context));
        for layer in security::layers() {
            router = router.layer(layer);
        }
        router.layer(TraceLayer::new_for_http()).with_state(state)
    }
}

/// All of Ombud's routes.
pub fn table() -> RouteTable {
    RouteTable::new()
        .get("/healthz", pages::healthz)
        .get("/static/ombud.css", pages::stylesheet)
        .get("/lang/{code}", pages::set_language)
        .get("/login", pages::login_form)
        .post("/login", pages::login)
        .post("/logout", pages::logout)
        .get("/setup/{token}", pages::setup_form)
        .post("/setup/{token}", pages::setup)
        .get("/", pages::dashboard)
        .get("/account", account::show)
        .post("/account/password", account::change_password)
        .get("/admin/users", users::list)
        .post("/admin/users", users::create)
        .get("/admin/users/new", users::new_form)
        .get("/admin/users/{id}", users::edit_form)
        .post("/admin/users/{id}", users::update)
        .get("/audit", audit::list)
        .get("/settings/organisation", settings_pages::organisation_form)
        .post("/settings/organisation", settings_pages::organisation_save)
        .get("/processors", settings_pages::processors)
        .post("/processors", settings_pages::processor_create)
        .get("/processors/new", settings_pages::processor_new)
        .get("/processors/{id}", settings_pages::processor_edit)
        .post("/processors/{id}", settings_pages::processor_update)
        .get("/systems", settings_pages::systems)
        .post("/systems", settings_pages::system_create)
        .get("/systems/new", settings_pages::system_new)
        .get("/systems/{id}", settings_pages::system_edit)
        .post("/systems/{id}", settings_pages::system_update)
        .get("/privacy", privacy::index)
        .get("/privacy/{id}", privacy::activity)
        .get("/register", register_pages::list)
        .post("/register", register_pages::create)
        .get("/register/new", register_pages::new_form)
        .get("/register/print", register_pages::print)
        .get("/register/export.json", register_pages::export_json)
        .get("/register/export.csv", register_pages::export_csv)
        .get("/register/{id}", register_pages::show)
        .post("/register/{id}", register_pages::update)
        .get("/register/{id}/edit", register_pages::edit_form)
        .get("/register/{id}/history", register_pages::history)
        .post("/register/{id}/review", register_pages::review)
        .get("/api/v1/openapi.json", api::openapi_json)
        .get("/api/v1/me", api::me)
        .get("/api/v1/users", api::list_users)
        .post("/api/v1/users", api::create_user)
        .get("/api/v1/audit", api::audit_entries)
        .get("/api/v1/audit/verify", api::audit_verify)
        .get("/api/v1/activities", activities_api::list)
        .post("/api/v1/activities", activities_api::create)
        .get("/api/v1/activities/{id}", activities_api::get)
        .put("/api/v1/activities/{id}", activities_api::update)
        .get("/api/v1/activities/{id}/checks", activities_api::checks)
        .get("/api/v1/activities/{id}/history", activities_api::history)
        .post("/api/v1/activities/{id}/submit", activities_api::submit)
        .post(
            "/api/v1/activities/{id}/request-changes",
            activities_api::request_changes,
        )
        .post("/api/v1/activities/{id}/approve", activities_api::approve)
        .post("/api/v1/activities/{id}/reject", activities_api::reject)
        .post("/api/v1/activities/{id}/archive", activities_api::archive)
        .get("/api/v1/organisation", settings_api::get_organisation)
        .put("/api/v1/organisation", settings_api::put_organisation)
        .get("/api/v1/processors", settings_api::list_processors)
        .post("/api/v1/processors", settings_api::create_processor)
        .put("/api/v1/processors/{id}", settings_api::update_processor)
        .get("/api/v1/systems", settings_api::list_systems)
        .post("/api/v1/systems", settings_api::create_system)
        .put("/api/v1/systems/{id}", settings_api::update_system)
        .get("/api/v1/incidents", incidents_api::list)
        .post("/api/v1/incidents", incidents_api::create)
        .get("/api/v1/incidents/{id}", incidents_api::get)
        .put("/api/v1/incidents/{id}", incidents_api::update)
        .get("/api/v1/incidents/{id}/checks", incidents_api::checks)
        .post("/api/v1/incidents/{id}/assessment", incidents_api::assess)
        .post(
            "/api/v1/incidents/{id}/imy-decision",
            incidents_api::decide_imy,
        )
        .post(
            "/api/v1/incidents/{id}/subjects-decision",
            incidents_api::decide_subjects,
        )
        .post(
            "/api/v1/incidents/{id}/notifications",
            incidents_api::notify,
        )
        .get(
            "/api/v1/incidents/{id}/documents/{document}",
            incidents_api::document,
        )
        .get("/incidents", incident_pages::list)
        .post("/incidents", incident_pages::create)
        .get("/incidents/new", incident_pages::new_form)
        .get("/incidents/{id}", incident_pages::show)
        .post("/incidents/{id}", incident_pages::update)
        .get("/incidents/{id}/edit", incident_pages::edit_form)
        .get("/incidents/{id}/{name}", incident_pages::document_page)
        .post("/incidents/{id}/{name}", incident_pages::act)
        .get("/api/v1/requests", requests_api::list)
        .post("/api/v1/requests", requests_api::create)
        .get("/api/v1/requests/{id}", requests_api::get)
        .get("/api/v1/requests/{id}/checks", requests_api::checks)
        .post("/api/v1/requests/{id}/scope", requests_api::scope)
        .post("/api/v1/requests/{id}/identity-check", requests_api::verify)
        .post("/api/v1/requests/{id}/extension", requests_api::extend)
        .post(
            "/api/v1/requests/{id}/erasure-decisions",
            requests_api::decide_erasure,
        )
        .post("/api/v1/requests/{id}/rectification", requests_api::rectify)
        .post("/api/v1/requests/{id}/restriction", requests_api::restrict)
        .post("/api/v1/requests/{id}/objection", requests_api::object)
        .post(
            "/api/v1/requests/{id}/automated-decision",
            requests_api::review_automated,
        )
        .post(
            "/api/v1/requests/{id}/portability",
            requests_api::portability,
        )
        .post(
            "/api/v1/requests/{id}/data-found",
            requests_api::attach_data,
        )
        .post("/api/v1/requests/{id}/answer", requests_api::answer)
        .post("/api/v1/requests/{id}/close", requests_api::close)
        .get(
            "/api/v1/requests/{id}/access-report",
            requests_api::access_report,
        )
        .get(
            "/api/v1/requests/{id}/erasure-suggestions",
            requests_api::erasure_suggestions,
        )
        .get("/api/v1/requests/{id}/letters/{kind}", requests_api::letter)
        .get("/requests", request_pages::list)
        .post("/requests", request_pages::create)
        .get("/requests/new", request_pages::new_form)
        .get("/requests/{id}", request_pages::show)
        .post("/requests/{id}/{form}", request_pages::act)
        .get("/requests/{id}/letters/{kind}", request_pages::letter_page)
        .get("/rights", rights_public::show)
        .post("/rights", rights_public::submit)
        .get("/rights/case/{token}", rights_public::case)
        .get("/settings/requests", mail_settings::requests_form)
        .post("/settings/requests", mail_settings::requests_save)
        .get("/settings/email", mail_settings::form)
        .post("/settings/email", mail_settings::save)
        .post("/settings/email/test", mail_settings::test)
}

/// Keeps a redirect target on this site: a local path, never `//host` or a URL.
pub fn local_path(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}
