"""Status callbacks with real signatures: kept once per (SID, status), never moving a text
backwards, unknown SIDs answered 200, error codes handled like refused sends."""

from __future__ import annotations

import httpx
from tests.scheduler.support import add_patient, add_schedule, token
from tests.support.world import World

from careplan.checkins.tick import run_tick
from careplan.clock import FixedClock
from careplan.messaging.receipts import record_status
from careplan.messaging.signature import SIGNATURE_HEADER, sign
from careplan.messaging.webhooks import EMPTY_TWIML, STATUS_CALLBACK_PATH
from careplan.settings import DEV_ACCOUNT_SID, DEV_AUTH_TOKEN


async def post_status(
    client: httpx.AsyncClient, sid: str, status: str, error_code: int | None = None
) -> httpx.Response:
    params = {
        "AccountSid": DEV_ACCOUNT_SID,
        "ApiVersion": "2010-04-01",
        "MessageSid": sid,
        "MessageStatus": status,
        "SmsSid": sid,
        "SmsStatus": status,
    }
    if error_code is not None:
        params["ErrorCode"] = str(error_code)
    signature = sign(DEV_AUTH_TOKEN, f"http://testserver{STATUS_CALLBACK_PATH}", params)
    return await client.post(
        STATUS_CALLBACK_PATH, data=params, headers={SIGNATURE_HEADER: signature}
    )


async def sent_check_in(db, clock: FixedClock, patient_id: str, sms, settings) -> dict:
    schedule_id = await add_schedule(db, patient_id, f"Mood {token()}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    await run_tick(db, sms, settings, clock, "worker-a")
    row = await db.fetch_one(
        "SELECT m.id, m.provider_sid, m.status, c.id AS checkin_id FROM checkins c "
        "JOIN messages m ON m.id = c.message_id WHERE c.schedule_id = ?",
        schedule_id,
    )
    assert row["status"] == "sent"
    return dict(row)


async def status_of(db, message_id: str) -> str:
    return await db.fetch_value("SELECT status FROM messages WHERE id = ?", message_id)


async def test_receipts_are_kept_once_and_never_move_a_text_backwards(
    client, db, clock: FixedClock, world: World, sms, settings
):
    sent = await sent_check_in(db, clock, world.alice.id, sms, settings)
    sid = sent["provider_sid"]

    delivered = await post_status(client, sid, "delivered")
    late_sent = await post_status(client, sid, "sent")  # out of order: arrives after delivered
    repeated = await post_status(client, sid, "delivered")
    late_failure = await post_status(client, sid, "failed", 30008)

    for answer in (delivered, late_sent, repeated, late_failure):
        assert (answer.status_code, answer.text) == (200, EMPTY_TWIML)
    assert await status_of(db, sent["id"]) == "delivered"
    receipts = await db.fetch_all(
        "SELECT status FROM message_receipts WHERE provider_sid = ? ORDER BY status", sid
    )
    assert [row["status"] for row in receipts] == ["delivered", "failed", "sent"]
    assert await db.fetch_value("SELECT COUNT(*) FROM inbox_items") == 0
    checkin = await db.fetch_value("SELECT status FROM checkins WHERE id = ?", sent["checkin_id"])
    assert checkin == "sent"


async def test_an_unknown_sid_is_answered_200_and_changes_nothing(client, db):
    answer = await post_status(client, "SM" + "9" * 32, "delivered")

    assert (answer.status_code, answer.text) == (200, EMPTY_TWIML)
    assert await db.fetch_value("SELECT COUNT(*) FROM messages") == 0


async def test_undelivered_opens_a_delivery_failure_item_and_closes_the_check_in(
    client, db, clock: FixedClock, world: World, sms, settings
):
    sent = await sent_check_in(db, clock, world.alice.id, sms, settings)

    await post_status(client, sent["provider_sid"], "undelivered", 30003)
    await post_status(client, sent["provider_sid"], "undelivered", 30003)  # a repeat

    message = await db.fetch_one("SELECT status, error_code FROM messages WHERE id = ?", sent["id"])
    assert (message["status"], message["error_code"]) == ("undelivered", 30003)
    items = await db.fetch_all("SELECT kind, checkin_id FROM inbox_items")
    assert [tuple(row) for row in items] == [("delivery_failure", sent["checkin_id"])]
    checkin = await db.fetch_one(
        "SELECT status, skip_reason FROM checkins WHERE id = ?", sent["checkin_id"]
    )
    assert tuple(checkin) == ("skipped", "delivery_failure")


async def test_a_failed_receipt_with_21610_opts_the_number_out(
    client, db, clock: FixedClock, world: World, sms, settings
):
    phone = "+447700900277"
    patient_id = await add_patient(db, world.alice.organisation_id, phone, clock.now_ms())
    sent = await sent_check_in(db, clock, patient_id, sms, settings)

    await post_status(client, sent["provider_sid"], "failed", 21610)

    number = await db.fetch_one("SELECT opted_out, opt_out_source FROM phone_status")
    assert tuple(number) == (1, "provider")
    kinds = await db.fetch_all("SELECT kind FROM inbox_items WHERE patient_id = ?", patient_id)
    assert [row["kind"] for row in kinds] == ["opted_out"]


async def test_a_receipt_that_beats_the_record_is_applied_when_the_sid_is_recorded(
    db, clock: FixedClock, world: World, sms, settings
):
    """The provider can call back before our write of its SID commits."""
    word = token()
    await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    real_send = sms.send
    early: list[str] = []

    async def send_then_receipt(to: str, body: str, *, status_callback: str | None = None):
        accepted = await real_send(to, body, status_callback=status_callback)
        await record_status(db, clock, accepted.sid, "delivered", None)  # before the record
        early.append(accepted.sid)
        return accepted

    sms.send = send_then_receipt
    await run_tick(db, sms, settings, clock, "worker-a")

    [sid] = early
    assert await db.fetch_value("SELECT status FROM messages WHERE provider_sid = ?", sid) == (
        "delivered"
    )
