-- The care plan: one per patient across all conditions, goals, actions and their logs,
-- readings, the version history of every change, reviews, and offline-sync receipts.
-- Portable as 0001: TEXT ids, BIGINT epoch-ms UTC instants, ISO dates as TEXT, JSON as TEXT.

-- Plan-level fields (about me, conditions with their "if I get worse" plans, support, review
-- date) live in one JSON document: they are read and versioned together. `version` is the
-- optimistic-concurrency counter a writer must quote.
CREATE TABLE care_plans (
    patient_id TEXT PRIMARY KEY REFERENCES patients (id),
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    review_date TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE goals (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    version INTEGER NOT NULL,
    description TEXT NOT NULL,
    condition_ids TEXT NOT NULL,
    target TEXT,
    target_date TEXT,
    importance INTEGER,
    confidence INTEGER,
    status TEXT NOT NULL CHECK (status IN
        ('proposed', 'active', 'paused', 'achieved', 'abandoned')),
    progress TEXT NOT NULL CHECK (progress IN
        ('not_started', 'in_progress', 'improving', 'worsening', 'no_change', 'achieved')),
    position INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE INDEX goals_by_patient ON goals (patient_id, position);

CREATE TABLE plan_actions (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    goal_id TEXT REFERENCES goals (id),
    version INTEGER NOT NULL,
    what TEXT NOT NULL,
    frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'times_per_week', 'weekdays')),
    times_per_week INTEGER,
    weekdays TEXT NOT NULL,
    time_of_day TEXT NOT NULL,
    start_date TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE INDEX plan_actions_by_patient ON plan_actions (patient_id, position);

-- One live log per action and local day; a newer log for the same day replaces the outcome.
CREATE TABLE action_logs (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    action_id TEXT NOT NULL REFERENCES plan_actions (id),
    day TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'not_today')),
    note TEXT,
    source TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    on_behalf_of TEXT,
    logged_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE UNIQUE INDEX action_logs_one_per_day ON action_logs (action_id, day)
    WHERE deleted_at IS NULL;
CREATE INDEX action_logs_by_patient_day ON action_logs (patient_id, day);

CREATE TABLE readings (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    reading_type TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    value2 DOUBLE PRECISION,
    unit TEXT NOT NULL,
    taken_at BIGINT NOT NULL,
    note TEXT,
    source TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    on_behalf_of TEXT,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE INDEX readings_by_patient_type_time ON readings (patient_id, reading_type, taken_at);

-- Every change to the plan, a goal or an action: the whole entity after the change, which
-- fields changed, who (and on whose behalf), when, and the review that agreed it if any.
CREATE TABLE plan_versions (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    entity_kind TEXT NOT NULL CHECK (entity_kind IN ('plan', 'goal', 'action')),
    entity_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('created', 'updated', 'deleted')),
    changed_fields TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    on_behalf_of TEXT,
    review_id TEXT,
    at BIGINT NOT NULL,
    UNIQUE (entity_kind, entity_id, version)
);
CREATE INDEX plan_versions_by_patient ON plan_versions (patient_id, at);

CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    clinician_id TEXT NOT NULL REFERENCES clinicians (id),
    scheduled_for TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled')),
    agenda TEXT NOT NULL,
    agenda_updated_at BIGINT,
    agreed TEXT,
    next_review_date TEXT,
    completed_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX reviews_by_patient ON reviews (patient_id, scheduled_for);

-- Results shared before a review (Year of Care), each with a plain-language note.
CREATE TABLE review_results (
    id TEXT PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES reviews (id),
    patient_id TEXT NOT NULL REFERENCES patients (id),
    label TEXT NOT NULL,
    value TEXT NOT NULL,
    plain_note TEXT NOT NULL,
    shared_by TEXT NOT NULL,
    shared_at BIGINT NOT NULL
);
CREATE INDEX review_results_by_review ON review_results (review_id, shared_at);

-- Offline mutations already answered, by the client-made id: a replay gets "duplicate".
CREATE TABLE sync_receipts (
    mutation_id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
