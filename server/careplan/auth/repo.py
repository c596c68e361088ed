"""SQL for sign-in codes and sessions. No HTTP here."""

from __future__ import annotations

from careplan.storage.db import Executor, Row


async def insert_code(
    db: Executor, code_id: str, phone: str, code_hash: str, now_ms: int, expires_at: int
) -> None:
    await db.execute(
        "INSERT INTO sms_codes (id, phone, code_hash, attempts, created_at, expires_at) "
        "VALUES (?, ?, ?, 0, ?, ?)",
        code_id,
        phone,
        code_hash,
        now_ms,
        expires_at,
    )


async def latest_live_code(db: Executor, phone: str, now_ms: int) -> Row | None:
    return await db.fetch_one(
        "SELECT id, code_hash, attempts FROM sms_codes "
        "WHERE phone = ? AND consumed_at IS NULL AND expires_at > ? "
        "ORDER BY created_at DESC LIMIT 1",
        phone,
        now_ms,
    )


async def count_failed_attempt(db: Executor, code_id: str) -> None:
    await db.execute("UPDATE sms_codes SET attempts = attempts + 1 WHERE id = ?", code_id)


async def consume_code(db: Executor, code_id: str, now_ms: int) -> bool:
    """Compare-and-set, so one code opens at most one session even under a race."""
    changed = await db.execute(
        "UPDATE sms_codes SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL", now_ms, code_id
    )
    return changed == 1


async def retire_codes(db: Executor, phone: str, now_ms: int) -> None:
    """A new code replaces any older live one for the phone."""
    await db.execute(
        "UPDATE sms_codes SET consumed_at = ? WHERE phone = ? AND consumed_at IS NULL",
        now_ms,
        phone,
    )


async def insert_session(
    db: Executor, token_hash: str, user_kind: str, user_id: str, now_ms: int, expires_at: int
) -> None:
    await db.execute(
        "INSERT INTO sessions (token_hash, user_kind, user_id, created_at, last_seen_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
        token_hash,
        user_kind,
        user_id,
        now_ms,
        now_ms,
        expires_at,
    )


# One query from cookie to everything an Actor needs: this runs on every API request.
_SESSION_ACTOR = """
SELECT s.user_kind, s.user_id, s.last_seen_at, s.expires_at,
       o.id AS organisation_id, o.name AS organisation_name,
       c.display_name AS clinician_name, c.role AS clinician_role,
       p.given_name, p.family_name, p.preferred_language,
       k.display_name AS carer_name, k.preferred_language AS carer_language
FROM sessions s
LEFT JOIN patients p ON s.user_kind = 'patient' AND p.id = s.user_id
LEFT JOIN clinicians c ON s.user_kind = 'clinician' AND c.id = s.user_id AND c.active = 1
LEFT JOIN carers k ON s.user_kind = 'carer' AND k.id = s.user_id
LEFT JOIN organisations o ON o.id = COALESCE(p.organisation_id, c.organisation_id)
WHERE s.token_hash = ? AND s.revoked_at IS NULL
"""


async def session_actor(db: Executor, token_hash: str) -> Row | None:
    return await db.fetch_one(_SESSION_ACTOR, token_hash)


async def touch_session(db: Executor, token_hash: str, now_ms: int) -> None:
    await db.execute(
        "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", now_ms, token_hash
    )


async def revoke_session(db: Executor, token_hash: str, now_ms: int) -> None:
    await db.execute(
        "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
        now_ms,
        token_hash,
    )
