"""Push first, text if not opened (ADR 0014): the tick notifies the patient's app through the
real pywebpush against a local push service, holds the text, and texts (through the dev
phone) only if the check-in was not opened or answered in the app in time."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from litestar import Litestar
from tests.integration.conftest import START_MS
from tests.scheduler.support import add_schedule, set_quiet_hours, texts_with, token
from tests.support.browsers import OpenBrowser, browsers
from tests.support.lifespan import running_lifespan
from tests.support.push import Device, PushService, push_env, running_push_service, vapid_keys
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.app import create_app
from careplan.checkins.claims import materialise, queue_due
from careplan.checkins.tick import run_tick
from careplan.clock import FixedClock
from careplan.settings import Settings
from careplan.storage.db import Database

MINUTE = 60_000
DUE_AT = START_MS + 30 * MINUTE  # the schedules below are due at 10:30 London
FALLBACK = 15


@pytest.fixture
async def push_service() -> AsyncIterator[PushService]:
    async with running_push_service() as service:
        yield service


@pytest.fixture
def settings(settings_env: dict[str, str]) -> Settings:
    """Push on, sending unthrottled; the fallback delay set as a deployment sets it."""
    env = {
        **settings_env,
        **push_env(vapid_keys()),
        "CAREPLAN_SMS_PER_SECOND": "100000",
        "CAREPLAN_PUSH_FALLBACK_MINUTES": str(FALLBACK),
        "CAREPLAN_SESSION_IDLE_MINUTES": str(24 * 60),  # the fixed clock jumps by hours
    }
    return Settings.from_env(env)


@pytest.fixture
async def browser(
    db: Database, settings: Settings, clock: FixedClock
) -> AsyncIterator[OpenBrowser]:
    application: Litestar = create_app(settings, clock=clock)
    async with running_lifespan(application), browsers(application) as open_one:
        yield open_one


@pytest.fixture
async def alice(browser: OpenBrowser, dev_phone: str, world: World) -> httpx.AsyncClient:
    http = await browser()
    await sign_in_patient(http, dev_phone, world.alice.phone_or_email)
    return http


async def choose_push(
    http: httpx.AsyncClient, patient_id: str, push_service: PushService, name: str = "phone"
) -> Device:
    """What the app does when the patient turns notifications on: subscribe, then choose."""
    device = Device()
    body = {"endpoint": push_service.endpoint(name), "keys": device.keys()}
    answer = await http.post(f"/api/patients/{patient_id}/push-subscriptions", json=body)
    assert answer.status_code == 201, answer.text
    await set_channel(http, patient_id, "push_then_sms")
    return device


async def set_channel(http: httpx.AsyncClient, patient_id: str, channel: str) -> None:
    answer = await http.put(
        f"/api/patients/{patient_id}/checkin-settings", json={"channel": channel}
    )
    assert answer.status_code == 200, answer.text


async def due_checkin(db: Database, clock: FixedClock, patient_id: str, word: str) -> str:
    """A daily check-in at 10:30 whose time has come; its schedule's id."""
    schedule_id = await add_schedule(db, patient_id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    return schedule_id


async def state(db: Database, schedule_id: str):
    return await db.fetch_one(
        "SELECT c.id AS checkin_id, c.status AS checkin_status, c.reminder_due_at, m.id, "
        "m.status, m.skip_reason, m.next_attempt_at FROM checkins c "
        "JOIN messages m ON m.id = c.message_id WHERE c.schedule_id = ?",
        schedule_id,
    )


async def seen(http: httpx.AsyncClient, patient_id: str, *checkin_ids: str) -> httpx.Response:
    body = {"checkin_ids": list(checkin_ids)}
    return await http.post(f"/api/patients/{patient_id}/checkins/seen", json=body)


async def shown_checkin(http: httpx.AsyncClient, patient_id: str) -> str:
    """The check-in the app's Messages screen shows waiting for an answer."""
    thread = (await http.get(f"/api/patients/{patient_id}/messages")).json()
    return thread["open_checkin"]["id"]


async def test_the_app_is_notified_first_and_the_text_goes_only_after_the_delay(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, push_service
):
    device = await choose_push(alice, world.alice.id, push_service)
    word = token()
    schedule_id = await due_checkin(db, clock, world.alice.id, word)
    pushed_at = clock.now_ms()

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.queued, report.pushed, report.sent) == (1, 1, 0)
    [(path, _, body)] = push_service.received
    assert path == "/push/phone"
    assert device.read(body) == {
        "title": "Check-in from Riverside",
        "body": f"Mood {word}? Tap to answer.",
        "url": "/#/messages",
    }
    held = await state(db, schedule_id)
    assert (held["checkin_status"], held["status"], held["next_attempt_at"]) == (
        "sent",
        "queued",
        pushed_at + FALLBACK * MINUTE,
    )
    # Its reminder counts from when the text would go.
    assert held["reminder_due_at"] == pushed_at + (FALLBACK + settings.reminder_minutes) * MINUTE
    thread = (await alice.get(f"/api/patients/{world.alice.id}/messages")).json()
    assert thread["open_checkin"]["id"] == held["checkin_id"]  # answerable in the app now
    clock.advance(minutes=FALLBACK - 1)
    assert (await run_tick(db, sms, settings, clock, "worker-a")).sent == 0
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []
    clock.advance(minutes=1)

    late = await run_tick(db, sms, settings, clock, "worker-a")

    assert (late.sent, late.pushed) == (1, 0)
    [text] = await texts_with(dev_phone, world.alice.phone_or_email, word)
    assert text["body"] == f"Riverside: Mood {word}? Reply with a number from 0 to 10."
    assert (await state(db, schedule_id))["status"] == "sent"
    assert len(push_service.received) == 1


async def test_opening_the_check_in_in_the_app_means_it_is_never_texted(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, push_service
):
    await choose_push(alice, world.alice.id, push_service)
    word = token()
    schedule_id = await due_checkin(db, clock, world.alice.id, word)
    await run_tick(db, sms, settings, clock, "worker-a")
    clock.advance(minutes=2)
    shown = await shown_checkin(alice, world.alice.id)
    # Another check-in (one the app has not shown) does not stand for this one.
    assert (await seen(alice, world.alice.id, "not-shown")).json() == {"texts_not_sent": 0}

    answer = await seen(alice, world.alice.id, shown)

    assert (answer.status_code, answer.json()) == (200, {"texts_not_sent": 1})
    skipped = await state(db, schedule_id)
    assert (skipped["status"], skipped["skip_reason"], skipped["checkin_status"]) == (
        "skipped",
        "opened_in_app",
        "sent",
    )
    thread = (await alice.get(f"/api/patients/{world.alice.id}/messages")).json()
    [text] = [m for m in thread["messages"] if m["id"] == skipped["id"]]
    assert (text["status"], text["skip_reason"]) == ("skipped", "opened_in_app")
    assert (await seen(alice, world.alice.id, shown)).json() == {"texts_not_sent": 0}
    audited = await db.fetch_value(
        "SELECT COUNT(*) FROM audit_events WHERE patient_id = ? AND action = 'checkin.seen'",
        world.alice.id,
    )
    assert audited == 3
    clock.advance(minutes=FALLBACK * 2)
    assert (await run_tick(db, sms, settings, clock, "worker-a")).sent == 0
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []
    # Still answerable in the app.
    posted = await alice.post(f"/api/patients/{world.alice.id}/messages", json={"body": "7"})
    assert posted.json()["outcome"]["kind"] == "answered"


async def test_answering_in_the_app_before_the_delay_means_it_is_never_texted(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, push_service
):
    await choose_push(alice, world.alice.id, push_service)
    word = token()
    schedule_id = await due_checkin(db, clock, world.alice.id, word)
    await run_tick(db, sms, settings, clock, "worker-a")

    posted = await alice.post(f"/api/patients/{world.alice.id}/messages", json={"body": "6"})

    assert posted.json()["outcome"]["kind"] == "answered"
    answered = await state(db, schedule_id)
    assert (answered["checkin_status"], answered["status"], answered["skip_reason"]) == (
        "answered",
        "skipped",
        "answered",
    )
    clock.advance(minutes=FALLBACK + settings.reminder_minutes * 2)
    report = await run_tick(db, sms, settings, clock, "worker-a")
    assert (report.sent, report.reminded, report.unanswered) == (0, 0, 0)
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []


async def test_with_no_device_subscribed_the_text_goes_at_once(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, push_service
):
    await set_channel(alice, world.alice.id, "push_then_sms")
    word = token()
    schedule_id = await due_checkin(db, clock, world.alice.id, word)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.pushed, report.sent) == (0, 1)
    assert push_service.received == []
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1
    assert (await state(db, schedule_id))["checkin_status"] == "sent"


@pytest.mark.parametrize(("status", "kept"), [(410, 0), (404, 0), (503, 1)])
async def test_a_refused_notification_means_the_text_goes_at_once_and_gone_devices_go(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, push_service, status, kept
):
    await choose_push(alice, world.alice.id, push_service)
    push_service.answers = {"/push/phone": status}
    word = token()
    schedule_id = await due_checkin(db, clock, world.alice.id, word)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.pushed, report.sent) == (0, 1)
    assert len(push_service.received) == 1
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1
    assert (await state(db, schedule_id))["checkin_status"] == "sent"
    subscriptions = await db.fetch_value(
        "SELECT COUNT(*) FROM push_subscriptions WHERE patient_id = ?", world.alice.id
    )
    assert subscriptions == kept


async def test_push_first_only_when_the_patient_or_the_schedule_chose_it(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, push_service
):
    await choose_push(alice, world.alice.id, push_service)
    await set_channel(alice, world.alice.id, "sms")  # chose texts again, device still known
    word = token()
    await due_checkin(db, clock, world.alice.id, word)

    texted = await run_tick(db, sms, settings, clock, "worker-a")

    assert (texted.pushed, texted.sent) == (0, 1)
    assert push_service.received == []
    other = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Pain {other}?", "10:40", clock.now_ms())
    await db.execute(
        "UPDATE checkin_schedules SET channel = 'push_then_sms' WHERE id = ?", schedule_id
    )
    clock.advance(minutes=10)

    pushed = await run_tick(db, sms, settings, clock, "worker-a")

    assert (pushed.pushed, pushed.sent) == (1, 0)
    assert await texts_with(dev_phone, world.alice.phone_or_email, other) == []


async def test_a_tick_run_twice_notifies_once(
    db, clock: FixedClock, world: World, sms, settings, alice, push_service
):
    await choose_push(alice, world.alice.id, push_service)
    await due_checkin(db, clock, world.alice.id, token())

    first = await run_tick(db, sms, settings, clock, "worker-a")
    second = await run_tick(db, sms, settings, clock, "worker-b")

    assert (first.pushed, second.pushed, second.queued) == (1, 0, 0)
    assert len(push_service.received) == 1


async def test_a_crash_before_the_push_still_texts_the_check_in(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, push_service
):
    await choose_push(alice, world.alice.id, push_service)
    word = token()
    schedule_id = await due_checkin(db, clock, world.alice.id, word)
    await materialise(db, settings, clock.now_ms(), 100)
    # Claimed and its text held (committed), then the process dies before pushing.
    queued, _, notifications = await queue_due(db, settings, clock.now_ms(), "dies", 100)
    assert (queued, len(notifications)) == (1, 1)
    clock.advance(minutes=FALLBACK)

    report = await run_tick(db, sms, settings, clock, "worker-b")

    assert (report.pushed, report.sent) == (0, 1)
    assert push_service.received == []
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1
    assert (await state(db, schedule_id))["checkin_status"] == "sent"


async def test_no_notification_in_quiet_hours_the_text_waits_for_the_morning(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, push_service
):
    await choose_push(alice, world.alice.id, push_service)
    word = token()
    schedule_id = await due_checkin(db, clock, world.alice.id, word)
    await set_quiet_hours(db, world.alice.id, schedule_id, "10:00", "12:00", clock.now_ms())

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.pushed, report.sent) == (0, 0)
    assert push_service.received == []
    waiting = await state(db, schedule_id)
    assert (waiting["status"], waiting["next_attempt_at"]) == ("queued", START_MS + 120 * MINUTE)


async def test_a_pushed_check_in_whose_text_cannot_go_stays_open_and_reaches_the_team(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, push_service
):
    await choose_push(alice, world.alice.id, push_service)
    await db.execute(
        "INSERT INTO phone_status (phone, opted_out, opted_out_at, opt_out_source, updated_at) "
        "VALUES (?, 1, ?, 'keyword', ?)",
        world.alice.phone_or_email,
        clock.now_ms(),
        clock.now_ms(),
    )
    word = token()
    schedule_id = await due_checkin(db, clock, world.alice.id, word)
    await run_tick(db, sms, settings, clock, "worker-a")
    clock.advance(minutes=FALLBACK)

    await run_tick(db, sms, settings, clock, "worker-a")

    skipped = await state(db, schedule_id)
    assert (skipped["status"], skipped["skip_reason"]) == ("skipped", "opted_out")
    assert skipped["checkin_status"] == "sent"  # still answerable in the app
    clock.advance(minutes=settings.checkin_window_minutes)
    assert (await run_tick(db, sms, settings, clock, "worker-a")).unanswered == 1
    items = await db.fetch_all(
        "SELECT kind FROM inbox_items WHERE checkin_id = ?", skipped["checkin_id"]
    )
    assert [item["kind"] for item in items] == ["non_response"]
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []


async def test_only_the_patient_marks_their_check_ins_seen(
    db, clock: FixedClock, world: World, sms, settings, dev_phone, alice, browser, push_service
):
    await choose_push(alice, world.alice.id, push_service)
    schedule_id = await due_checkin(db, clock, world.alice.id, token())
    await run_tick(db, sms, settings, clock, "worker-a")
    shown = await shown_checkin(alice, world.alice.id)
    bob, gp, stranger = await browser(), await browser(), await browser()
    await sign_in_patient(bob, dev_phone, world.bob.phone_or_email)
    await sign_in_clinician(gp, world.gp.phone_or_email)
    await sign_in_clinician(stranger, world.other_gp.phone_or_email)

    for http, status in ((bob, 404), (gp, 403), (stranger, 404)):
        assert (await seen(http, world.alice.id, shown)).status_code == status
    assert (await seen(alice, "no-such-patient", shown)).status_code == 404
    # Alice's check-in named in Bob's own request is not Bob's: nothing changes.
    assert (await seen(bob, world.bob.id, shown)).json() == {"texts_not_sent": 0}
    url = f"/api/patients/{world.alice.id}/checkins/seen"
    for body in ({"checkin_ids": []}, {}, {"checkin_ids": [shown], "all": True}):
        answer = await alice.post(url, json=body)
        assert answer.status_code == 400, body

    assert (await state(db, schedule_id))["status"] == "queued"
