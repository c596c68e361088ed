-- Check-ins, messaging and the clinician inbox. Every piece of background work is a row with
-- a status; a tick claims rows with a lease (claimed_by, lease_until) so a crash is recovered.
-- Portable: TEXT ids, BIGINT epoch-ms UTC instants, INTEGER booleans, TEXT JSON.

-- Per patient: when not to text, and whether check-ins are paused (patient or clinician).
CREATE TABLE checkin_settings (
    patient_id TEXT PRIMARY KEY REFERENCES patients (id),
    quiet_start TEXT NOT NULL DEFAULT '21:00',
    quiet_end TEXT NOT NULL DEFAULT '08:00',
    paused_until BIGINT,
    paused_by TEXT,
    channel TEXT NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms', 'push_then_sms')),
    updated_at BIGINT NOT NULL
);

-- What a phone number told us or the provider told us about it. Opted-out numbers are
-- never texted; invalid ones are flagged for the team.
CREATE TABLE phone_status (
    phone TEXT PRIMARY KEY,
    opted_out INTEGER NOT NULL DEFAULT 0,
    opted_out_at BIGINT,
    opt_out_source TEXT,
    invalid_at BIGINT,
    invalid_code INTEGER,
    updated_at BIGINT NOT NULL
);

CREATE TABLE checkin_schedules (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    kind TEXT NOT NULL CHECK (kind IN
        ('number', 'yes_no', 'scale', 'reading', 'action_done', 'free_text')),
    question TEXT NOT NULL,
    -- Kind-specific settings as JSON: number {min, max, unit}, scale {min, max},
    -- reading {reading_type}, action_done {action_id}.
    options TEXT NOT NULL DEFAULT '{}',
    cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly', 'every_n_days')),
    weekdays TEXT,
    every_n_days INTEGER,
    local_time TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    recipient TEXT NOT NULL DEFAULT 'patient' CHECK (recipient IN ('patient', 'carer')),
    recipient_carer_id TEXT,
    channel TEXT NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms', 'push_then_sms')),
    active INTEGER NOT NULL DEFAULT 1,
    paused_until BIGINT,
    -- The next instant this schedule is due (UTC); NULL once it has ended or stopped.
    next_due_at BIGINT,
    -- The local day (YYYY-MM-DD) of the last occurrence that came due: after a change of
    -- time or quiet hours the next one is on a later day, so no day is asked twice.
    last_occurrence_day TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX checkin_schedules_by_patient ON checkin_schedules (patient_id);
CREATE INDEX checkin_schedules_due ON checkin_schedules (next_due_at)
    WHERE active = 1 AND next_due_at IS NOT NULL;

-- One occurrence of a schedule. (schedule_id, due_at) is unique so materialising is idempotent.
CREATE TABLE checkins (
    id TEXT PRIMARY KEY,
    schedule_id TEXT NOT NULL REFERENCES checkin_schedules (id),
    patient_id TEXT NOT NULL REFERENCES patients (id),
    due_at BIGINT NOT NULL,
    -- After this instant the question is stale: it expires instead of arriving late.
    window_ends_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN
        ('due', 'claimed', 'sent', 'reminded', 'answered', 'unanswered', 'expired', 'skipped')),
    skip_reason TEXT,
    claimed_by TEXT,
    lease_until BIGINT,
    message_id TEXT,
    sent_at BIGINT,
    reminder_due_at BIGINT,
    answered_at BIGINT,
    answer TEXT,
    answered_by_kind TEXT,
    answered_by_id TEXT,
    clarify_count INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (schedule_id, due_at)
);
CREATE INDEX checkins_open_by_status ON checkins (status, due_at)
    WHERE status IN ('due', 'claimed', 'sent', 'reminded');
CREATE INDEX checkins_by_patient ON checkins (patient_id, due_at);
-- What the tick claims (due, oldest first) and follows up (a reminder, then non-response).
-- Partial indexes are used only when the query repeats the WHERE exactly: keep them in step
-- with checkins/claims.py and checkins/reminders.py.
CREATE INDEX checkins_due ON checkins (due_at) WHERE status = 'due';
CREATE INDEX checkins_follow_up ON checkins (reminder_due_at)
    WHERE status IN ('sent', 'reminded');

-- Every message in a patient's thread, both ways, on every channel. An outbound text is an
-- intent (status queued) until an attempt hands it to the provider; receipts move it on.
CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    patient_id TEXT REFERENCES patients (id),
    direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'app', 'push')),
    purpose TEXT NOT NULL,
    phone TEXT,
    body TEXT NOT NULL,
    checkin_id TEXT,
    author_kind TEXT NOT NULL,
    author_id TEXT,
    on_behalf_of TEXT,
    status TEXT NOT NULL CHECK (status IN
        ('queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'skipped',
         'expired', 'received')),
    skip_reason TEXT,
    provider_sid TEXT UNIQUE,
    error_code INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    expires_at BIGINT,
    claimed_by TEXT,
    lease_until BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX messages_by_patient ON messages (patient_id, created_at);
CREATE INDEX messages_to_send ON messages (next_attempt_at)
    WHERE status IN ('queued', 'sending');

-- One try at handing a text to the provider (there may be several after retryable errors).
CREATE TABLE message_attempts (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES messages (id),
    attempt INTEGER NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    outcome TEXT CHECK (outcome IN ('accepted', 'retry', 'failed', 'reconciled')),
    provider_sid TEXT,
    error_code INTEGER,
    reason TEXT,
    UNIQUE (message_id, attempt)
);

-- Delivery receipts from the provider, once per (sid, status).
CREATE TABLE message_receipts (
    provider_sid TEXT NOT NULL,
    status TEXT NOT NULL,
    error_code INTEGER,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (provider_sid, status)
);

-- Clinician-set levels per patient and reading (component: e.g. systolic, or value).
CREATE TABLE alert_thresholds (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    reading_type TEXT NOT NULL,
    component TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('amber', 'red')),
    comparison TEXT NOT NULL CHECK (comparison IN ('above', 'below')),
    value DOUBLE PRECISION NOT NULL,
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE INDEX alert_thresholds_by_patient ON alert_thresholds (patient_id, reading_type);

-- Work for clinicians: replies, alerts, red flags, unclear replies, non-response, delivery
-- failures. urgency: 2 urgent (red flag, red threshold), 1 alert, 0 routine.
CREATE TABLE inbox_items (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    patient_id TEXT REFERENCES patients (id),
    kind TEXT NOT NULL,
    urgency INTEGER NOT NULL DEFAULT 0,
    summary TEXT NOT NULL,
    message_id TEXT,
    checkin_id TEXT,
    routed_to TEXT,
    assigned_to TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    created_at BIGINT NOT NULL,
    first_reply_at BIGINT,
    first_reply_by TEXT,
    resolved_at BIGINT,
    resolved_by TEXT,
    updated_at BIGINT NOT NULL
);
-- The inbox's own order (urgent first, then oldest, then id) so a page is an index range.
CREATE INDEX inbox_open ON inbox_items (organisation_id, status, urgency DESC, created_at, id);
CREATE INDEX inbox_resolved ON inbox_items (organisation_id, resolved_at, id)
    WHERE status = 'resolved';
CREATE INDEX inbox_by_patient ON inbox_items (patient_id, created_at);
-- The caseload counts each patient's open items and alerts without reading their history.
CREATE INDEX inbox_open_by_patient ON inbox_items (patient_id, urgency) WHERE status = 'open';

CREATE TABLE inbox_notes (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES inbox_items (id),
    clinician_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX inbox_notes_by_item ON inbox_notes (item_id, created_at);

-- A clinician marked away: their patients' items go to the team until then.
ALTER TABLE clinicians ADD COLUMN away_until BIGINT;

-- Web Push subscriptions of installed apps.
CREATE TABLE push_subscriptions (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_success_at BIGINT
);
CREATE INDEX push_subscriptions_by_patient ON push_subscriptions (patient_id);
