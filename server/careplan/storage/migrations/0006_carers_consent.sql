-- Carers and consent (ADR 0015): a carer is a person known by their own phone; what they may
-- do for a patient is a delegation the patient (or, when the patient lacks capacity, a
-- clinician) grants, with scopes and an optional end, revocable at once.

CREATE TABLE carers (
    id TEXT PRIMARY KEY,
    phone TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    preferred_language TEXT NOT NULL DEFAULT 'en',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One row per carer and patient. status: invited -> active (accepted) | declined;
-- invited | active -> revoked. Scopes are a space-separated list of people/scopes.py names.
-- ends_at: the first instant the access no longer holds (the day after the end date, in
-- the patient's zone); NULL for no end.
CREATE TABLE carer_delegations (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    carer_id TEXT NOT NULL REFERENCES carers (id),
    relationship TEXT NOT NULL DEFAULT '',
    scopes TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('invited', 'active', 'declined', 'revoked')),
    ends_on TEXT,
    ends_at BIGINT,
    granted_by_kind TEXT NOT NULL CHECK (granted_by_kind IN ('patient', 'clinician')),
    granted_by_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    accepted_at BIGINT,
    revoked_at BIGINT,
    revoked_by_kind TEXT,
    revoked_by_id TEXT,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
-- At most one live (invited or active) delegation per carer and patient.
CREATE UNIQUE INDEX carer_delegations_one_live ON carer_delegations (carer_id, patient_id)
    WHERE status IN ('invited', 'active');
CREATE INDEX carer_delegations_by_patient ON carer_delegations (patient_id, created_at);

-- A clinician's record that a patient lacks capacity to manage their own carers' access.
ALTER TABLE patients ADD COLUMN lacks_capacity INTEGER NOT NULL DEFAULT 0;
ALTER TABLE patients ADD COLUMN capacity_reason TEXT;
ALTER TABLE patients ADD COLUMN capacity_recorded_by TEXT;
ALTER TABLE patients ADD COLUMN capacity_recorded_at BIGINT;

-- Sessions may now belong to carers: the kind check is widened by rebuilding the table.
CREATE TABLE sessions_v2 (
    token_hash TEXT PRIMARY KEY,
    user_kind TEXT NOT NULL CHECK (user_kind IN ('patient', 'clinician', 'carer')),
    user_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
INSERT INTO sessions_v2 (token_hash, user_kind, user_id, created_at, last_seen_at, expires_at,
    revoked_at)
SELECT token_hash, user_kind, user_id, created_at, last_seen_at, expires_at, revoked_at
FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v2 RENAME TO sessions;
CREATE INDEX sessions_by_user ON sessions (user_kind, user_id);
