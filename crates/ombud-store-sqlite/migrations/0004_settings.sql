-- Named settings (ombud_store::SettingsStore): one JSON document per key,
-- e.g. `smtp`. Changes are audited with secrets masked.

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
