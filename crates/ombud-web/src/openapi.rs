//! The OpenAPI 3 document of `/api/v1`, generated from the handlers' annotations.

pub use crate::routes::api::ApiDoc;

/// The document as JSON text.
pub fn document_json() -> String {
    use utoipa::OpenApi;
    ApiDoc::openapi()
        .to_pretty_json()
        .expect("the OpenAPI document serialises")
}
