-- The register of processing activities (GDPR Art. 30).
-- Content is stored as JSON text: the fields are defined and checked in ombud-core,
-- and filtering happens there too (a register holds hundreds, not millions, of rows).

CREATE TABLE organisation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE processors (
    id         INTEGER PRIMARY KEY,
    data       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE systems (
    id         INTEGER PRIMARY KEY,
    data       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One row per activity; its versions are in activity_versions. Activities are
-- archived, never deleted.
CREATE TABLE activities (
    id               INTEGER PRIMARY KEY,
    current_version  INTEGER NOT NULL,
    approved_version INTEGER,
    review_due       TEXT,
    created_by       INTEGER REFERENCES users (id),
    created_at       TEXT NOT NULL
);

CREATE TABLE activity_versions (
    activity_id  INTEGER NOT NULL REFERENCES activities (id),
    version      INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'changes_requested', 'approved', 'rejected', 'archived')),
    content      TEXT NOT NULL,
    created_by   INTEGER REFERENCES users (id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    submitted_at TEXT,
    approved_at  TEXT,
    reviewed_by  INTEGER REFERENCES users (id),
    reviewed_at  TEXT,
    comment      TEXT,
    PRIMARY KEY (activity_id, version)
);
