//! The page templates (askama, in `templates/`) and what every page shares.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use ombud_core::Role;
use ombud_core::audit::AuditEntry;
use ombud_core::user::User;

use crate::ctx::Ctx;
use crate::i18n::{Lang, Tr};

/// What the layout of every page needs.
pub struct Page {
    pub t: Tr,
    pub title: String,
    pub user: Option<User>,
    pub csrf: String,
    /// The current path, for the language switch to come back to.
    pub here: String,
    /// A confirmation shown at the top of the page.
    pub notice: Option<String>,
}

impl Page {
    pub fn new(ctx: &Ctx, title_key: &str, here: &str) -> Self {
        let t = ctx.tr();
        Page {
            t,
            title: t.t(title_key).to_owned(),
            user: ctx.user.clone(),
            csrf: ctx.csrf.clone(),
            here: here.to_owned(),
            notice: None,
        }
    }

    /// Shows the text of `key` as a confirmation, if it is a known notice.
    pub fn with_notice(mut self, key: Option<&str>) -> Self {
        const NOTICES: &[&str] = &[
            "users.created",
            "users.saved",
            "account.changed",
            "login.signed_out",
            "register.saved",
            "register.submitted",
            "register.done_approved",
            "register.done_changes",
            "register.done_rejected",
            "register.done_archived",
            "incident.reported",
            "incident.saved",
            "incident.recorded",
            "settings.mail_saved",
            "settings.mail_sent",
            "request.registered",
            "settings.requests_saved",
            "request.recorded",
        ];
        self.notice = key
            .filter(|k| NOTICES.contains(k))
            .map(|k| self.t.t(k).to_owned());
        self
    }

    pub fn other_lang(&self) -> &'static str {
        match self.t.lang {
            Lang::Sv => "en",
            Lang::En => "sv",
        }
    }

    /// The language-switch link, coming back to this page.
    pub fn lang_href(&self) -> String {
        let next: String = form_urlencoded::byte_serialize(self.here.as_bytes()).collect();
        format!("/lang/{}?next={next}", self.other_lang())
    }

    fn has_role(&self, roles: &[Role]) -> bool {
        self.user.as_ref().is_some_and(|u| roles.contains(&u.role))
    }

    pub fn can_manage_users(&self) -> bool {
        self.has_role(&[Role::Admin])
    }

    pub fn can_read_register(&self) -> bool {
        self.has_role(&[Role::Dpo, Role::Registrant, Role::Auditor])
    }

    pub fn can_edit_settings(&self) -> bool {
        self.has_role(&[Role::Admin, Role::Dpo])
    }

    pub fn can_read_audit(&self) -> bool {
        self.has_role(&[Role::Dpo, Role::Auditor])
    }

    pub fn signed_in_as(&self) -> String {
        match &self.user {
            Some(u) => self.t.f(
                "nav.signed_in_as",
                &[("name", &u.display_name), ("role", &self.t.role(u.role))],
            ),
            None => String::new(),
        }
    }
}

/// Field errors of a rejected form, in the order the fields appear.
#[derive(Debug, Default)]
pub struct FormErrors(pub Vec<(&'static str, String)>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, message: &str) {
        self.0.push((field, message.to_owned()));
    }
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A rule check as a page lists it: (CSS class, severity label, message with article).
pub fn check_line(
    severity: ombud_core::register::Severity,
    lang: Lang,
    message: &str,
    article: &str,
) -> (&'static str, String, String) {
    let class = match severity {
        ombud_core::register::Severity::Error => "error",
        _ => "warning",
    };
    (
        class,
        severity.label(lang).to_owned(),
        format!("{message} ({article})"),
    )
}

/// Renders a template as an HTML response with `status`.
pub fn render(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorTpl {
    pub p: Page,
    pub message: String,
}

/// A page showing an error message in `lang`.
pub fn error_page(status: StatusCode, lang: Lang, message: &str) -> Response {
    let t = Tr::new(lang);
    let p = Page {
        t,
        title: t.t("error.title").to_owned(),
        user: None,
        csrf: String::new(),
        here: "/".into(),
        notice: None,
    };
    render(
        status,
        &ErrorTpl {
            p,
            message: message.to_owned(),
        },
    )
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginTpl {
    pub p: Page,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "setup.html")]
pub struct SetupTpl {
    pub p: Page,
    pub token: String,
    pub email: String,
    pub name: String,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardTpl {
    pub p: Page,
    pub welcome: String,
    /// (role name, count) for administrators.
    pub users_by_role: Vec<(String, usize)>,
    /// Shown to those who read the audit trail.
    pub audit_total: Option<i64>,
    pub recent: Vec<AuditEntry>,
    /// Register counts as (label, count, link), for those who work with the register.
    pub register_counts: Vec<(String, usize, String)>,
    /// Activities waiting for review: (id, name).
    pub queue: Vec<(i64, String)>,
    /// Approved activities whose yearly review is overdue: (id, name, due date).
    pub overdue: Vec<(i64, String, String)>,
    /// Breaches whose 72-hour clock runs or has run out, the earliest deadline first
    /// (those ending within 24 hours and the overdue ones marked by their class).
    pub breaches: Vec<IncidentRow>,
    /// Open data-subject requests, the earliest deadline first.
    pub requests: Vec<RequestRow>,
}

#[derive(Template)]
#[template(path = "users.html")]
pub struct UsersTpl {
    pub p: Page,
    pub users: Vec<User>,
}

/// The values of the user form, kept when it is rejected.
#[derive(Debug, Default, serde::Deserialize)]
pub struct UserFormValues {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub active: Option<String>,
    #[serde(default)]
    pub password: String,
}

#[derive(Template)]
#[template(path = "user_form.html")]
pub struct UserFormTpl {
    pub p: Page,
    /// `None` for a new user.
    pub id: Option<i64>,
    pub v: UserFormValues,
    pub errors: FormErrors,
    pub roles: Vec<(&'static str, &'static str)>,
}

impl UserFormTpl {
    pub fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/admin/users/{id}"),
            None => "/admin/users".into(),
        }
    }
    pub fn is_active(&self) -> bool {
        self.v.active.is_some()
    }
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountTpl {
    pub p: Page,
    pub errors: FormErrors,
}

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditTpl {
    pub p: Page,
    pub entries: Vec<AuditEntry>,
    pub f: crate::routes::audit::AuditQuery,
    pub errors: FormErrors,
    pub total_text: String,
    pub page_text: String,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

#[derive(Template)]
#[template(path = "activity_form.html")]
pub struct ActivityFormTpl {
    pub p: Page,
    pub action: String,
    pub sections: Vec<crate::register_form::Section>,
    /// A message above the form (errors block, warnings to acknowledge).
    pub banner: Option<String>,
    /// (field, message) links to the fields with problems.
    pub problems: Vec<(String, String)>,
    pub ask_ack: bool,
}

/// One row of the register list.
pub struct RegisterRow {
    pub id: i64,
    pub name: String,
    pub unit: String,
    pub legal_basis: String,
    pub status: String,
    pub review_due: String,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "register_list.html")]
pub struct RegisterListTpl {
    pub p: Page,
    pub can_write: bool,
    pub q: String,
    /// (input name, label, options) of the filter selects.
    pub selects: Vec<(&'static str, String, Vec<crate::register_form::Opt>)>,
    pub count_text: String,
    pub rows: Vec<RegisterRow>,
}

/// A rule violation as the activity page shows it.
pub struct ViolationView {
    pub severity: &'static str,
    pub severity_label: &'static str,
    pub message: String,
    pub article: String,
    pub field: String,
    pub field_label: String,
}

#[derive(Template)]
#[template(path = "activity.html")]
pub struct ActivityTpl {
    pub p: Page,
    pub id: i64,
    pub status: String,
    pub version: i64,
    pub in_force: Option<String>,
    pub review_due: Option<String>,
    pub comment: Option<String>,
    pub can_edit: bool,
    pub can_review: bool,
    pub submitted: bool,
    pub archivable: bool,
    pub violations: Vec<ViolationView>,
    pub dpia_verdict: String,
    pub dpia_criteria: Vec<String>,
    pub sections: Vec<crate::register_form::Section>,
}

/// One version in the history page.
pub struct VersionView {
    pub version: i64,
    pub status: String,
    pub comment: Option<String>,
    /// (field label, before, after).
    pub changes: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "activity_history.html")]
pub struct HistoryTpl {
    pub p: Page,
    pub id: i64,
    pub name: String,
    pub versions: Vec<VersionView>,
}

#[derive(Template)]
#[template(path = "privacy.html")]
pub struct PrivacyTpl {
    pub p: Page,
    pub intro: String,
    pub org: ombud_core::register::Organisation,
    /// (id, name) of the published activities.
    pub items: Vec<(i64, String)>,
}

#[derive(Template)]
#[template(path = "privacy_activity.html")]
pub struct PrivacyActivityTpl {
    pub p: Page,
    pub org: ombud_core::register::Organisation,
    /// (label, values) of the Art. 13/14 items.
    pub rows: Vec<(String, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "record_form.html")]
pub struct RecordFormTpl {
    pub p: Page,
    pub action: String,
    pub sections: Vec<crate::register_form::Section>,
    pub problems: Vec<(String, String)>,
    pub submit_label: String,
    /// A second button in a form of its own: (action, label).
    pub secondary: Option<(String, String)>,
}

/// A breach as a line of a list.
pub struct IncidentRow {
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub aware_at: String,
    pub status: String,
    pub risk: String,
    /// The 72-hour clock in words, and its CSS class.
    pub clock: String,
    pub clock_class: &'static str,
}

#[derive(Template)]
#[template(path = "incident_list.html")]
pub struct IncidentListTpl {
    pub p: Page,
    pub can_report: bool,
    pub rows: Vec<IncidentRow>,
}

/// One of the DPO's forms on a breach or request page.
pub struct FormBlock {
    pub id: &'static str,
    pub action: String,
    pub sections: Vec<crate::register_form::Section>,
    pub problems: Vec<(String, String)>,
    pub submit_label: String,
}

impl FormBlock {
    /// Sub-form `f` of the record at `base` (it posts to `{base}/{key}`),
    /// showing `shown` (see [`crate::register_form::shown`]); its button reads
    /// `{labels}.save_{key}`.
    pub fn new(
        f: &crate::register_form::SubForm,
        base: &str,
        labels: &str,
        (posted, errors): (
            crate::register_form::Posted,
            crate::register_form::FieldErrors,
        ),
        t: Tr,
        choices: &crate::register_form::Choices,
    ) -> Self {
        let sections = crate::register_form::sections_of(f.spec, &posted, &errors, &[], t, choices);
        FormBlock {
            id: f.key,
            action: format!("{base}/{}", f.key),
            problems: crate::register_form::problems(&sections),
            sections,
            submit_label: t.t(&format!("{labels}.save_{}", f.key)).to_owned(),
        }
    }
}

#[derive(Template)]
#[template(path = "incident.html")]
pub struct IncidentTpl {
    pub p: Page,
    pub id: i64,
    pub status: String,
    pub risk: String,
    pub deadline: String,
    pub clock: String,
    pub clock_class: &'static str,
    /// (class, severity label, message with article).
    pub checks: Vec<(&'static str, String, String)>,
    /// The report as (label, value), empty values left out.
    pub details: Vec<(String, String)>,
    /// The DPO's record: (heading, rows) per assessment, decision and notification.
    pub record: Vec<(String, Vec<(String, String)>)>,
    pub can_edit: bool,
    /// A DPO form was refused and is shown again.
    pub refused: bool,
    pub forms: Vec<FormBlock>,
}

#[derive(Template)]
#[template(path = "incident_document.html")]
pub struct IncidentDocTpl {
    pub p: Page,
    pub id: i64,
    pub doc: ombud_core::incident::document::IncidentDocument,
    pub doc_lang: &'static str,
    pub other_lang_href: String,
    pub other_lang_label: String,
    pub json_href: String,
    pub missing: Vec<String>,
}

#[derive(Template)]
#[template(path = "record_list.html")]
pub struct RecordListTpl {
    pub p: Page,
    /// (href, label) of the "new" button, when the user may add.
    pub new_link: Option<(String, String)>,
    pub headers: Vec<String>,
    /// (link of the first cell, cells).
    pub rows: Vec<(Option<String>, Vec<String>)>,
}

/// One activity in the printable register.
pub struct PrintActivity {
    pub id: i64,
    pub name: String,
    pub version: i64,
    pub review_due: String,
    /// Prefix of element ids, unique per activity.
    pub prefix: String,
    pub sections: Vec<crate::register_form::Section>,
}

#[derive(Template)]
#[template(path = "register_print.html")]
pub struct RegisterPrintTpl {
    pub p: Page,
    pub org: ombud_core::register::Organisation,
    pub printed: String,
    pub other_lang_href: String,
    pub other_lang_label: String,
    pub activities: Vec<PrintActivity>,
}

/// A data-subject request as a line of a list.
pub struct RequestRow {
    pub id: i64,
    pub reference: String,
    pub right: String,
    pub received_on: String,
    pub deadline: String,
    pub status: String,
    /// Where the deadline stands in words, and its CSS class.
    pub clock: String,
    pub clock_class: &'static str,
}

#[derive(Template)]
#[template(path = "request_list.html")]
pub struct RequestListTpl {
    pub p: Page,
    pub can_register: bool,
    pub rows: Vec<RequestRow>,
}

/// One activity's line in the erasure table.
pub struct ErasureRow {
    pub index: usize,
    pub activity_id: i64,
    pub activity_name: String,
    /// What Ombud suggests, in words.
    pub suggested: String,
    pub decision: Vec<crate::register_form::Opt>,
    pub ground: Vec<crate::register_form::Opt>,
    pub explanation: String,
}

#[derive(Template)]
#[template(path = "request.html")]
pub struct RequestTpl {
    pub p: Page,
    pub id: i64,
    pub status: String,
    pub deadline: String,
    pub target_date: String,
    pub clock: String,
    pub clock_class: &'static str,
    pub checks: Vec<(&'static str, String, String)>,
    pub details: Vec<(String, String)>,
    /// Decisions and data found: (label, text).
    pub record: Vec<(String, String)>,
    /// Letters: (link, label).
    pub letters: Vec<(String, String)>,
    pub show_report: bool,
    pub minimised: bool,
    pub refused: bool,
    pub forms: Vec<FormBlock>,
    pub erasure: Vec<ErasureRow>,
    /// An erasure case where no approved activity matches the scope: the
    /// DPO can record that nothing concerns the requester.
    pub erasure_none: bool,
    pub erasure_error: Vec<String>,
}

#[derive(Template)]
#[template(path = "request_letter.html")]
pub struct LetterTpl {
    pub p: Page,
    pub back: String,
    pub json_href: String,
    pub doc_lang: &'static str,
    pub letter: ombud_core::request::Letter,
}

#[derive(Template)]
#[template(path = "rights_form.html")]
pub struct RightsFormTpl {
    pub p: Page,
    pub sections: Vec<crate::register_form::Section>,
    pub problems: Vec<(String, String)>,
    pub banner: Option<String>,
    pub honeypot: &'static str,
}

#[derive(Template)]
#[template(path = "rights_case.html")]
pub struct RightsCaseTpl {
    pub p: Page,
    pub reference: String,
    pub right: String,
    pub received_on: String,
    pub deadline: String,
    pub status: String,
    pub clock: String,
    pub extended: bool,
    pub answered_on: Option<String>,
    pub doc_lang: &'static str,
    pub letter: ombud_core::request::Letter,
}
