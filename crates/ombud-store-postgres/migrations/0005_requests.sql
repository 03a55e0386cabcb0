-- Data-subject requests (GDPR Art. 12, 15–22), one row per case.
-- `data` is the JSON of ombud_core::request::Request as text (byte for byte,
-- like the audit snapshots); status, deadline, closed_on and the SHA-256
-- (hex) of the requester's private link are copies for listing, the
-- dashboard, the public page and purging. Closed cases are deleted after the
-- retention period (`request.purge`); closed_on is set exactly when the case
-- is closed.
-- The audit trail holds Request::audit_view() only: never the requester's
-- contact details, identity number or the copies of their data.

CREATE TABLE requests (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    data       TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('received', 'verified', 'extended', 'answered', 'closed')),
    deadline   DATE NOT NULL,
    link_hash  TEXT UNIQUE,
    closed_on  DATE,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);

CREATE INDEX requests_deadline ON requests (deadline);
