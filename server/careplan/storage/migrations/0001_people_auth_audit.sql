-- People, sign-in and the audit trail. Portable: TEXT ids, BIGINT epoch-ms UTC instants,
-- INTEGER booleans, ISO dates as TEXT. Runs unchanged on SQLite and PostgreSQL.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    sms_sender TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE clinicians (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN
        ('gp', 'nurse', 'care_coordinator', 'pharmacist', 'health_coach', 'admin')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX clinicians_by_organisation ON clinicians (organisation_id);

CREATE TABLE patients (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    nhs_number TEXT NOT NULL,
    phone TEXT NOT NULL,
    preferred_language TEXT NOT NULL DEFAULT 'en',
    time_zone TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (organisation_id, nhs_number)
);
CREATE INDEX patients_by_phone ON patients (phone);
CREATE INDEX patients_by_organisation_name ON patients (organisation_id, family_name, given_name);

-- Who is on each patient's care team. At most one named clinician and one care coordinator.
CREATE TABLE care_team_members (
    patient_id TEXT NOT NULL REFERENCES patients (id),
    clinician_id TEXT NOT NULL REFERENCES clinicians (id),
    team_role TEXT NOT NULL CHECK (team_role IN ('named_clinician', 'care_coordinator', 'member')),
    added_at BIGINT NOT NULL,
    PRIMARY KEY (patient_id, clinician_id, team_role)
);
CREATE UNIQUE INDEX care_team_one_named_clinician ON care_team_members (patient_id, team_role)
    WHERE team_role IN ('named_clinician', 'care_coordinator');
CREATE INDEX care_team_by_clinician ON care_team_members (clinician_id);

-- One-time sign-in codes, stored only as an HMAC. Kept for unknown phones too, so the
-- answer and its timing never reveal whether a phone belongs to a patient.
CREATE TABLE sms_codes (
    id TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    consumed_at BIGINT
);
CREATE INDEX sms_codes_by_phone ON sms_codes (phone, created_at);

-- Fixed-window counters, in the database so limits hold across workers and nodes.
CREATE TABLE rate_limit_hits (
    bucket TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_kind TEXT NOT NULL CHECK (user_kind IN ('patient', 'clinician')),
    user_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX sessions_by_user ON sessions (user_kind, user_id);

-- Append-only: the application only ever inserts. The patient can read their rows.
CREATE TABLE audit_events (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    on_behalf_of TEXT,
    action TEXT NOT NULL,
    patient_id TEXT,
    target_kind TEXT NOT NULL,
    target_id TEXT,
    request_id TEXT NOT NULL
);
CREATE INDEX audit_by_patient ON audit_events (patient_id, at);
