-- Data-subject requests (GDPR Art. 12, 15–22), one row per case.
-- `data` is the JSON of ombud_core::request::Request; status, deadline
-- (`YYYY-MM-DD`), closed_on and the SHA-256 (hex) of the requester's private
-- link are copies for listing, the dashboard, the public page and purging.
-- closed_on is set exactly when the case is closed; closed cases are deleted
-- after the retention period (`request.purge`).
-- The audit trail holds Request::audit_view() only: never the requester's
-- contact details, identity number or the copies of their data.

CREATE TABLE requests (
    id         INTEGER PRIMARY KEY,
    data       TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('received', 'verified', 'extended', 'answered', 'closed')),
    deadline   TEXT NOT NULL,
    link_hash  TEXT UNIQUE,
    closed_on  TEXT,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);

CREATE INDEX requests_deadline ON requests (deadline);
