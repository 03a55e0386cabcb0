-- Personal data breaches (GDPR Art. 33–34). Every breach is kept, notified or
-- not (Art. 33(5)); rows are never deleted.
-- `data` is the JSON of ombud_core::incident::Incident as text (byte for byte,
-- like the audit snapshots), with instants in the offsets they were given in;
-- status, aware_at and imy_deadline are copies for listing and the dashboard.

CREATE TABLE incidents (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    data         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('reported', 'assessed', 'decided', 'notified')),
    aware_at     TIMESTAMPTZ NOT NULL,
    imy_deadline TIMESTAMPTZ NOT NULL,
    reported_by  BIGINT REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX incidents_aware_at ON incidents (aware_at);
