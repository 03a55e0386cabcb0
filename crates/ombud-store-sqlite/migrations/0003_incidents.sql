-- Personal data breaches (GDPR Art. 33–34). Every breach is kept, notified or
-- not (Art. 33(5)); rows are never deleted.
-- `data` is the JSON of ombud_core::incident::Incident, with instants in the
-- offsets they were given in; status, aware_at and imy_deadline (UTC) are
-- copies for listing and the dashboard.

CREATE TABLE incidents (
    id           INTEGER PRIMARY KEY,
    data         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('reported', 'assessed', 'decided', 'notified')),
    aware_at     TEXT NOT NULL,
    imy_deadline TEXT NOT NULL,
    reported_by  INTEGER REFERENCES users (id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE INDEX incidents_aware_at ON incidents (aware_at);
