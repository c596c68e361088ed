"""The "my story" page: opened without signing in, read fresh, every view in the access log;
an unknown, expired or stopped link gets one and the same not-found page."""

from __future__ import annotations

import logging
import secrets
import uuid

import pytest
from tests.integration.careplans.test_plan import COPD
from tests.integration.conftest import START_MS
from tests.support.sharing import listed, make_link, pass_time
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

BP = {"reading_type": "blood_pressure", "value": 132, "value2": 84, "unit": "mmHg"}
TEST_CLIENT_LOGGERS = ("httpx", "httpcore")  # this test's own client, not the server
PAGE_HEADERS = {
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-robots-tag": "noindex, nofollow, noarchive",
    "x-content-type-options": "nosniff",
}


async def _alices_plan(open_client, world: World, dev_phone):
    """Alice signed in, with conditions written by her GP and her own words, goal, action and
    a reading."""
    gp = await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    written = await gp.patch(
        f"/api/patients/{world.alice.id}/plan", json={"version": 1, "conditions": [COPD]}
    )
    assert written.status_code == 200, written.text
    alice = await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    base = f"/api/patients/{world.alice.id}"
    mine = await alice.patch(
        f"{base}/plan", json={"version": 2, "what_matters": "Seeing my grandchildren"}
    )
    assert mine.status_code == 200, mine.text
    for path, body in (
        ("/goals", {"description": "Walk to the park"}),
        ("/goals", {"description": "Old goal", "status": "achieved"}),
        ("/actions", {"what": "Walk after lunch"}),
        ("/readings", {"id": uuid.uuid4().hex, **BP}),
    ):
        made = await alice.post(base + path, json=body)
        assert made.status_code == 201, made.text
    return alice


def _assert_page_headers(answer) -> None:
    assert answer.headers["content-type"].startswith("text/html")
    for name, value in PAGE_HEADERS.items():
        assert answer.headers[name] == value, name
    policy = answer.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'") and "frame-ancestors 'none'" in policy


async def test_anyone_with_the_link_reads_the_summary_and_the_patient_sees_each_view(
    open_client, world: World, dev_phone, clock
):
    alice = await _alices_plan(open_client, world, dev_phone)
    link, path = await make_link(alice, world.alice.id, label="Hospital admission")
    stranger = await open_client()  # no session at all
    clock.advance(minutes=3)
    page = await stranger.get(path)
    assert page.status_code == 200, page.text
    _assert_page_headers(page)
    html = page.text
    for expected in (
        "My story: Alice Able",
        "17 May 1950",
        "999 000 0018",
        "Riverside",
        "Seeing my grandchildren",
        "COPD",
        "Green or yellow phlegm",
        "Start rescue pack",
        "Practice nurse 01632 960000",
        "Walk to the park",
        "Walk after lunch – every day",
        "Named clinician: Dr Ada Gee (GP)",
        "Care coordinator: Nia Nurse (Nurse)",
        "132/84 mmHg",
    ):
        assert expected in html, expected
    assert "Old goal" not in html  # achieved: not a current goal
    assert "<script" not in html and "<img" not in html and "http" not in html

    seen = (await listed(alice, world.alice.id))[link["id"]]
    assert seen["view_count"] == 1 and seen["last_viewed_at"] == START_MS + 3 * 60_000
    log = (await alice.get(f"/api/patients/{world.alice.id}/access-log")).json()["items"]
    view = log[0]
    assert view["action"] == "story.view"
    assert view["summary"] == "viewed your story through a share link"
    assert (view["actor_kind"], view["actor_id"]) == ("share_link", link["id"])
    assert view["actor_name"] == "Share link: Hospital admission"
    assert view["target_kind"] == "story"
    by_link = await alice.get(
        f"/api/patients/{world.alice.id}/access-log", params={"actor_id": link["id"]}
    )
    assert len(by_link.json()["items"]) == 1

    await stranger.get(path)
    assert (await listed(alice, world.alice.id))[link["id"]]["view_count"] == 2


async def test_the_page_is_read_fresh_from_the_record_each_time(
    open_client, world: World, dev_phone
):
    alice = await _alices_plan(open_client, world, dev_phone)
    _, path = await make_link(alice, world.alice.id)
    reader = await open_client()
    assert "Seeing my grandchildren" in (await reader.get(path)).text
    plan = (await alice.get(f"/api/patients/{world.alice.id}/plan")).json()
    changed = await alice.patch(
        f"/api/patients/{world.alice.id}/plan",
        json={"version": plan["version"], "what_matters": "Getting back to choir"},
    )
    assert changed.status_code == 200
    again = (await reader.get(path)).text
    assert "Getting back to choir" in again and "Seeing my grandchildren" not in again


async def test_expired_stopped_and_unknown_links_all_get_the_same_not_found_page(
    open_client, world: World, dev_phone, clock, db
):
    alice = await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    short, short_path = await make_link(alice, world.alice.id, hours=1)
    stopped, stopped_path = await make_link(alice, world.alice.id, hours=24)
    reader = await open_client()
    assert (await reader.get(short_path)).status_code == 200
    assert (await reader.get(stopped_path)).status_code == 200

    await pass_time(clock, alice, 60)  # the first instant the short link no longer opens
    revoked = await alice.post(f"/api/patients/{world.alice.id}/share-links/{stopped['id']}/revoke")
    assert revoked.status_code == 200
    views_before = await db.fetch_value(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'story.view'"
    )
    paths = {
        "expired": short_path,
        "revoked": stopped_path,
        "unknown": f"/story/{secrets.token_urlsafe(32)}",
        "malformed": "/story/not-a-token",
        "too long": "/story/" + "A" * 500,
        "odd characters": "/story/%00%27%3Cscript%3E",
    }
    answers = {why: await reader.get(path) for why, path in paths.items()}
    for why, answer in answers.items():
        assert answer.status_code == 404, why
        _assert_page_headers(answer)
    assert len({answer.text for answer in answers.values()}) == 1
    assert "This link does not work" in answers["expired"].text
    assert (
        await db.fetch_value("SELECT COUNT(*) FROM audit_events WHERE action = 'story.view'")
        == views_before
    )
    links = await listed(alice, world.alice.id)
    assert links[short["id"]]["status"] == "expired" and links[short["id"]]["view_count"] == 1
    assert links[stopped["id"]]["status"] == "revoked"


async def test_the_page_ignores_sessions_and_is_never_the_app_shell(
    open_client, world: World, dev_phone
):
    alice = await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    _, path = await make_link(alice, world.alice.id)
    # Signed in as the patient, as a stranger with a made-up session, or with none: the same.
    forged = await open_client()
    forged.cookies.set("careplan_session", "made-up")
    for who in (alice, forged):
        page = await who.get(path)
        assert page.status_code == 200 and "My story: Alice Able" in page.text
    assert (await forged.get(path + "/more")).status_code == 404
    assert (await forged.post(path)).status_code in (403, 405)


async def test_the_token_never_reaches_the_logs(
    open_client, world: World, dev_phone, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    alice = await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    link, path = await make_link(alice, world.alice.id)
    reader = await open_client()
    await reader.get(path)
    await alice.post(f"/api/patients/{world.alice.id}/share-links/{link['id']}/revoke")
    await reader.get(path)
    token = path.rsplit("/", 1)[1]
    server = [r for r in caplog.records if not r.name.startswith(TEST_CLIENT_LOGGERS)]
    logged = "\n".join(f"{r.getMessage()} {vars(r)}" for r in server)
    assert token not in logged


async def test_everything_from_the_record_is_escaped(open_client, world: World, dev_phone):
    alice = await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    written = await alice.patch(
        f"/api/patients/{world.alice.id}/plan",
        json={"version": 1, "what_matters": "<script>alert('x')</script> & <b>Tom</b>"},
    )
    assert written.status_code == 200, written.text
    _, path = await make_link(alice, world.alice.id)
    page = (await (await open_client()).get(path)).text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;Tom&lt;/b&gt;" in page
    assert "<script" not in page and "<b>" not in page
