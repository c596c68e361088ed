"""SQL for what arrives: inbound messages (deduplicated by the provider's id), who a number
belongs to, and whether it has opted out. No HTTP here."""

from __future__ import annotations

import uuid
from typing import Any

from careplan.storage.db import Executor, Row


async def insert_inbound_sms(ex: Executor, row: dict[str, Any]) -> bool:
    """Store a received text unless its MessageSid is already stored; True if stored now.

    `ON CONFLICT DO NOTHING` rather than catching the violation: on PostgreSQL a unique
    violation aborts the whole transaction, and a duplicate webhook is normal (Twilio retries).
    """
    inserted = await ex.execute(
        "INSERT INTO messages (id, patient_id, direction, channel, purpose, phone, body, "
        "checkin_id, author_kind, author_id, on_behalf_of, status, provider_sid, created_at, "
        "updated_at) VALUES (?, ?, 'inbound', 'sms', ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?) "
        "ON CONFLICT (provider_sid) DO NOTHING",
        row["id"],
        row["patient_id"],
        row["purpose"],
        row["phone"],
        row["body"],
        row["checkin_id"],
        row["author_kind"],
        row["author_id"],
        row["on_behalf_of"],
        row["provider_sid"],
        row["created_at"],
        row["created_at"],
    )
    return inserted == 1


async def insert_app_reply(
    ex: Executor, patient_id: str, body: str, purpose: str, checkin_id: str | None, now: int
) -> str:
    """An automatic answer shown in the app thread (to a message written in the app)."""
    message_id = uuid.uuid4().hex
    await ex.execute(
        "INSERT INTO messages (id, patient_id, direction, channel, purpose, body, checkin_id, "
        "author_kind, status, created_at, updated_at) "
        "VALUES (?, ?, 'outbound', 'app', ?, ?, ?, 'system', 'sent', ?, ?)",
        message_id,
        patient_id,
        purpose,
        body,
        checkin_id,
        now,
        now,
    )
    return message_id


async def link_to_checkin(ex: Executor, message_id: str, checkin_id: str, now: int) -> None:
    await ex.execute(
        "UPDATE messages SET checkin_id = ?, updated_at = ? WHERE id = ?",
        checkin_id,
        now,
        message_id,
    )


async def patients_with_phone(ex: Executor, phone: str) -> list[Row]:
    """Oldest registration first (index patients_by_phone)."""
    return await ex.fetch_all(
        "SELECT p.id, p.organisation_id, o.name AS practice FROM patients p "
        "JOIN organisations o ON o.id = p.organisation_id WHERE p.phone = ? "
        "ORDER BY p.created_at, p.id",
        phone,
    )


async def waiting_for_answer(ex: Executor, patient_ids: list[str], now: int) -> list[str]:
    """Which of these patients have a check-in of their own (not one sent to their carer)
    sent and still open (see replies_repo)."""
    marks = ", ".join("?" for _ in patient_ids)
    rows = await ex.fetch_all(
        "SELECT DISTINCT c.patient_id FROM checkins c "
        f"JOIN checkin_schedules s ON s.id = c.schedule_id WHERE c.patient_id IN ({marks}) "
        "AND c.status IN ('sent', 'reminded') AND c.window_ends_at > ? AND s.recipient = 'patient'",
        *patient_ids,
        now,
    )
    return [row["patient_id"] for row in rows]


_PATIENT = "SELECT DISTINCT p.id, p.organisation_id, o.name AS practice, p.created_at "
_PRACTICE = "JOIN organisations o ON o.id = p.organisation_id "
_LIVE = "d.status = 'active' AND (d.ends_at IS NULL OR d.ends_at > ?)"


async def carer_with_phone(ex: Executor, phone: str) -> Row | None:
    return await ex.fetch_one("SELECT id, display_name FROM carers WHERE phone = ?", phone)


async def answered_for_by_carer(ex: Executor, carer_id: str, now: int) -> list[Row]:
    """Patients with a check-in sent to this carer and still open, whom the carer may still
    answer for (live access; the caller checks it includes answer_checkins: `scopes`)."""
    return await ex.fetch_all(
        "SELECT DISTINCT p.id, p.organisation_id, o.name AS practice, p.created_at, d.scopes "
        "FROM checkins c JOIN checkin_schedules s ON s.id = c.schedule_id "
        f"JOIN patients p ON p.id = c.patient_id {_PRACTICE}"
        "JOIN carer_delegations d ON d.carer_id = s.recipient_carer_id "
        f"AND d.patient_id = c.patient_id AND {_LIVE} "
        "WHERE s.recipient = 'carer' AND s.recipient_carer_id = ? "
        "AND c.status IN ('sent', 'reminded') AND c.window_ends_at > ? "
        "ORDER BY p.created_at, p.id",
        now,
        carer_id,
        now,
    )


async def checkins_sent_to_carer(ex: Executor, carer_id: str) -> list[Row]:
    """Patients whose active check-in schedules go to this carer's phone."""
    return await ex.fetch_all(
        f"{_PATIENT}FROM checkin_schedules s JOIN patients p ON p.id = s.patient_id {_PRACTICE}"
        "WHERE s.recipient = 'carer' AND s.recipient_carer_id = ? AND s.active = 1 "
        "ORDER BY p.created_at, p.id",
        carer_id,
    )


async def helped_by_carer(ex: Executor, carer_id: str, now: int) -> list[Row]:
    """Patients this carer actively helps (live accepted access, any scopes)."""
    return await ex.fetch_all(
        f"{_PATIENT}FROM carer_delegations d JOIN patients p ON p.id = d.patient_id {_PRACTICE}"
        f"WHERE d.carer_id = ? AND {_LIVE} ORDER BY p.created_at, p.id",
        carer_id,
        now,
    )


async def is_opted_out(ex: Executor, phone: str) -> bool:
    return bool(await ex.fetch_value("SELECT opted_out FROM phone_status WHERE phone = ?", phone))


async def set_opted_out(ex: Executor, phone: str, opted_out: bool, now: int) -> None:
    """Record a STOP (opted_out) or START for the number; the dispatcher reads it at send."""
    if opted_out:
        await ex.execute(
            "INSERT INTO phone_status (phone, opted_out, opted_out_at, opt_out_source, "
            "updated_at) VALUES (?, 1, ?, 'keyword', ?) ON CONFLICT (phone) DO UPDATE SET "
            "opted_out = 1, opted_out_at = excluded.opted_out_at, opt_out_source = 'keyword', "
            "updated_at = excluded.updated_at",
            phone,
            now,
            now,
        )
        return
    await ex.execute(
        "INSERT INTO phone_status (phone, opted_out, opt_out_source, updated_at) "
        "VALUES (?, 0, 'keyword', ?) ON CONFLICT (phone) DO UPDATE SET opted_out = 0, "
        "opted_out_at = NULL, opt_out_source = 'keyword', updated_at = excluded.updated_at",
        phone,
        now,
    )
