//! HTTP tests against the real router on a real SQLite store.

mod common;

mod activities;
mod api;
mod auth;
mod incident_pages;
mod incidents;
mod pages;
mod policy;
mod requests;
mod smtp_sink;
