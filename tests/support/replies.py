"""Texting Careplan as Twilio would (signed webhooks) and arranging check-ins waiting for a
reply, for the inbound and reply tests."""

from __future__ import annotations

import json
import uuid
from urllib.parse import urlencode

import httpx
from tests.support.signin import texts_to
from twilio.request_validator import RequestValidator

from careplan.clock import Clock
from careplan.messaging.webhooks import INBOUND_SMS_PATH
from careplan.settings import DEV_ACCOUNT_SID, DEV_AUTH_TOKEN, DEV_FROM_NUMBER
from careplan.storage.db import Database, Row

PUBLIC_URL = "http://testserver"  # CAREPLAN_PUBLIC_URL in the integration settings
WINDOW_MS = 4 * 3_600_000


def new_sid() -> str:
    return "SM" + uuid.uuid4().hex


def inbound_params(phone: str, body: str, sid: str | None = None, **extra: str) -> dict[str, str]:
    return {
        "MessageSid": sid or new_sid(),
        "SmsSid": sid or new_sid(),
        "AccountSid": DEV_ACCOUNT_SID,
        "From": phone,
        "To": DEV_FROM_NUMBER,
        "Body": body,
        "NumMedia": "0",
        "NumSegments": "1",
        "ApiVersion": "2010-04-01",
        **extra,
    }


def signed(params: dict[str, str], token: str = DEV_AUTH_TOKEN) -> str:
    return RequestValidator(token).compute_signature(PUBLIC_URL + INBOUND_SMS_PATH, params)


async def post_inbound(
    http: httpx.AsyncClient, params: dict[str, str], signature: str | None
) -> httpx.Response:
    headers = {"content-type": "application/x-www-form-urlencoded"}
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    return await http.post(INBOUND_SMS_PATH, content=urlencode(params), headers=headers)


async def text_in(
    http: httpx.AsyncClient, phone: str, body: str, sid: str | None = None, **extra: str
) -> httpx.Response:
    """A text from PHONE, signed as Twilio signs it; asserts Careplan answered 200."""
    params = inbound_params(phone, body, sid, **extra)
    answer = await post_inbound(http, params, signed(params))
    assert answer.status_code == 200, answer.text
    return answer


async def waiting_checkin(
    db: Database,
    clock: Clock,
    patient_id: str,
    kind: str,
    question: str = "How are you?",
    options: dict | None = None,
    sent_minutes_ago: int = 5,
) -> str:
    """A check-in of KIND sent to the patient and waiting for an answer; its id."""
    now = clock.now_ms()
    schedule_id, checkin_id = uuid.uuid4().hex, uuid.uuid4().hex
    due_at = now - sent_minutes_ago * 60_000
    await db.execute(
        "INSERT INTO checkin_schedules (id, patient_id, kind, question, options, cadence, "
        "local_time, start_date, created_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, 'daily', '09:00', '2026-11-01', ?, ?, ?)",
        schedule_id,
        patient_id,
        kind,
        question,
        json.dumps(options or {}),
        patient_id,
        now,
        now,
    )
    await db.execute(
        "INSERT INTO checkins (id, schedule_id, patient_id, due_at, window_ends_at, status, "
        "sent_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'sent', ?, ?, ?)",
        checkin_id,
        schedule_id,
        patient_id,
        due_at,
        due_at + WINDOW_MS,
        due_at,
        due_at,
        due_at,
    )
    return checkin_id


async def items(db: Database, kind: str | None = None) -> list[Row]:
    """Inbox items, oldest first (of one kind, if given)."""
    sql = "SELECT * FROM inbox_items" + (" WHERE kind = ?" if kind else "")
    return await db.fetch_all(sql + " ORDER BY created_at, id", *([kind] if kind else []))


async def outbound(db: Database, purpose: str | None = None) -> list[Row]:
    sql = "SELECT * FROM messages WHERE direction = 'outbound'"
    sql += " AND purpose = ?" if purpose else ""
    return await db.fetch_all(sql + " ORDER BY created_at, id", *([purpose] if purpose else []))


class Phone:
    """What the dev phone shows for one number, from a starting point (the dev phone is
    shared by the whole test session, so earlier tests' texts are left out)."""

    def __init__(self, dev_phone: str, number: str) -> None:
        self.dev_phone, self.number = dev_phone, number
        self._seen: set[str] = set()

    async def mark(self) -> Phone:
        self._seen = {text["sid"] for text in await texts_to(self.dev_phone, self.number)}
        return self

    async def new_texts(self) -> list[str]:
        """Bodies of the texts that arrived since `mark`, oldest first."""
        texts = await texts_to(self.dev_phone, self.number)
        return [text["body"] for text in reversed(texts) if text["sid"] not in self._seen]
