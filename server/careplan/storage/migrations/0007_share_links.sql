-- "My story" share links (ADR 0017): a read-only, time-limited page of the patient's summary
-- that needs no sign-in. Only a hash of the token is kept; the token itself is shown once.
-- expires_at: the first instant the link no longer opens. revoked_at: ended by the patient.

CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL DEFAULT '',
    created_by_kind TEXT NOT NULL,
    created_by_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    view_count INTEGER NOT NULL DEFAULT 0,
    last_viewed_at BIGINT
);
CREATE INDEX share_links_by_patient ON share_links (patient_id, created_at);
