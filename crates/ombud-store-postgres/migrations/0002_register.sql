-- The register of processing activities (GDPR Art. 30).
-- Content is stored as JSON text: the fields are defined and checked in ombud-core,
-- and filtering happens there too (a register holds hundreds, not millions, of rows).
-- Text rather than jsonb keeps the JSON byte for byte, as the audit snapshots are.

CREATE TABLE organisation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    data       TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE processors (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    data       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE systems (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    data       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- One row per activity; its versions are in activity_versions. Activities are
-- archived, never deleted.
CREATE TABLE activities (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    current_version  BIGINT NOT NULL,
    approved_version BIGINT,
    review_due       DATE,
    created_by       BIGINT REFERENCES users (id),
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE activity_versions (
    activity_id  BIGINT NOT NULL REFERENCES activities (id),
    version      BIGINT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'changes_requested', 'approved', 'rejected', 'archived')),
    content      TEXT NOT NULL,
    created_by   BIGINT REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    submitted_at TIMESTAMPTZ,
    approved_at  TIMESTAMPTZ,
    reviewed_by  BIGINT REFERENCES users (id),
    reviewed_at  TIMESTAMPTZ,
    comment      TEXT,
    PRIMARY KEY (activity_id, version)
);
