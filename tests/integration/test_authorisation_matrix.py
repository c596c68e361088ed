"""The authorisation matrix: every operation in the app's own /schema/openapi.json, called by
each of nine actors (tests/support/authorisation_policy.py), must get the outcome the access
rule gives. An operation with no policy entry fails the test, and so does an entry naming no
operation, so a new route cannot ship without someone deciding who may call it.

Everyone signs in through the real flows (SMS codes read off the dev phone, passwords); each
carer is invited by alice through the API with their own phone and accepts; the revoked one
is revoked through the API, and the expired one's access ends at midnight: the clock starts
at 23:45 and moves past midnight before the matrix runs. Path ids are alice's real rows, so
a 404 is a refusal, not a missing row; reads run first, then changes, then what destroys or
finishes something (each delete gets a fresh row), and signing out last.

"Let in" means a 2xx (bodies are valid), or the one non-2xx a call declares with its reason
(tests/support/authorisation_calls.py); a 400 or 5xx is a mismatch like a wrong refusal.
Runs on both databases: about 10 s on SQLite and 13 s on PostgreSQL here.
"""

from __future__ import annotations

import time

import pytest
from tests.integration.conftest import START_MS
from tests.support.authorisation_calls import (
    ACTION,
    CALLS,
    GOAL,
    REVIEW,
    SCHEDULE,
    THRESHOLD,
    Arrange,
    Call,
    P,
    Session,
    first_status,
    reading,
)
from tests.support.authorisation_policy import ACTORS, EXEMPT, LACKING_CARERS, OK, POLICY
from tests.support.carers import accept_all, invite, sign_in_carer
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.clock import FixedClock

ALL_SCOPES = ["view_plan", "log_self_care", "answer_checkins", "message_team", "manage_schedules"]
CARERS = {  # session name: (phone, scopes)
    "carer": ("+447700900361", ALL_SCOPES),
    **{name: (f"+44770090036{2 + i}", s) for i, (name, s) in enumerate(LACKING_CARERS.items())},
    "carer_revoked": ("+447700900364", ALL_SCOPES),
    "carer_expired": ("+447700900365", ALL_SCOPES),
}
SPARE_PHONE = "+447700900366"  # an invitation never answered, for changing and revoking
METHODS = ("get", "post", "put", "patch", "delete")
STREAMS = {"GET /api/inbox/events"}
FINISHING = ("/revoke", "/resolve", "/complete")


@pytest.fixture
def clock() -> FixedClock:
    """23:45 on Sunday 22 November in London (GMT): 15 minutes before the expiring carer's
    last day ends, well inside every session's idle limit."""
    return FixedClock(START_MS + (13 * 60 + 45) * 60_000)


def operations(schema: dict) -> set[str]:
    return {
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method in item
        if method in METHODS
    }


def phase(operation: str) -> tuple[int, str]:
    """Reads, then changes, then what destroys or finishes something, then signing out."""
    method, path = operation.split(" ", 1)
    if operation == "POST /api/auth/logout":
        return 3, operation
    if method == "DELETE" or path.endswith(FINISHING):
        return 2, operation
    return (0 if method == "GET" else 1), operation


async def _arrange(app, db, clock, world: World, open_client, dev_phone) -> Arrange:
    """Everyone signed in, the carers in their states, and a row of alice's of each kind."""
    browsers = {name: await open_client() for name in ("patient", "other_patient", "anonymous")}
    await sign_in_patient(browsers["patient"], dev_phone, world.alice.phone_or_email)
    await sign_in_patient(browsers["other_patient"], dev_phone, world.bob.phone_or_email)
    for name, person in (("gp", world.gp), ("other_gp", world.other_gp)):
        browsers[name] = await open_client()
        await sign_in_clinician(browsers[name], person.phone_or_email)
    alice, delegations = browsers["patient"], {}
    for name, (phone, scopes) in CARERS.items():
        ends = {"ends_on": "2026-11-22"} if name == "carer_expired" else {}
        delegation = await invite(alice, world.alice.id, scopes, phone=phone, **ends)
        delegations[name] = delegation["id"]
        browsers[name] = await open_client()
        await sign_in_carer(browsers[name], dev_phone, phone)
        await accept_all(browsers[name])
    base = f"/api/patients/{world.alice.id}"
    revoked = await alice.post(f"{base}/carers/{delegations['carer_revoked']}/revoke")
    assert revoked.status_code == 200, revoked.text
    spare = await invite(alice, world.alice.id, ["view_plan"], phone=SPARE_PHONE)

    a = Arrange(
        app=app,
        db=db,
        clock=clock,
        world=world,
        sessions={name: Session.of(browser) for name, browser in browsers.items()},
        ids={
            "patient_id": world.alice.id,
            "delegation_id": delegations["carer"],  # the full carer's own, for /api/carer/
            "spare_delegation": spare["id"],
        },
    )
    made = {
        "goal_id": ("patient", "/goals", GOAL),
        "action_id": ("patient", "/actions", ACTION),
        "reading_id": ("patient", "/readings", reading()),
        "schedule_id": ("patient", "/checkin-schedules", SCHEDULE),
        "review_id": ("gp", "/reviews", REVIEW),
        "threshold_id": ("gp", "/thresholds", THRESHOLD),
    }
    for key, (actor, path, body) in made.items():
        a.ids[key] = (await a.made(actor, P + path, body))["id"]
    posted = await alice.post(f"{base}/messages", json={"body": "Can I ask about my tablets?"})
    assert posted.status_code == 201, posted.text
    a.ids["item_id"] = posted.json()["outcome"]["item_id"]
    assert a.ids["item_id"], posted.text

    clock.advance(minutes=20)  # past midnight: the expiring carer's access has ended
    answer = await alice.get(f"{base}/carers")
    assert answer.status_code == 200, answer.text
    listed = answer.json()["items"]
    states = {d["id"]: d["status"] for d in listed}
    assert states[delegations["carer_expired"]] == "expired"
    assert states[delegations["carer_revoked"]] == "revoked"
    return a


async def _outcome(a: Arrange, operation: str, actor: str) -> tuple[object, int, str]:
    """(outcome, status, detail) of ACTOR calling OPERATION."""
    policy = POLICY[operation]
    who = a.sessions[policy.lacking if actor == "carer_lacking" else actor]
    maker = CALLS.get(operation)
    call = await maker(a, ACTORS.index(actor)) if maker else Call()
    method, path = operation.split(" ", 1)
    url = path.format(**{**a.ids, **call.ids})
    if operation in STREAMS:
        status, detail = await first_status(a.app, who, url), ""
    else:
        answer = await a.send(who, method, url, params=call.params, json=call.json)
        status = call.judge(answer) if call.judge else answer.status_code
        detail = answer.text[:120]
    if status in (401, 403, 404):
        return status, status, detail
    if 200 <= status < 300 or status in call.ok_status:
        return OK, status, detail
    return f"got {status}", status, detail


async def test_every_operation_answers_every_actor_as_the_access_rule_says(
    app, client, db, clock, world: World, open_client, dev_phone
):
    schema = (await client.get("/schema/openapi.json")).json()
    found = operations(schema)
    unlisted = sorted(found - POLICY.keys() - EXEMPT.keys())
    stale = sorted((POLICY.keys() | EXEMPT.keys() | CALLS.keys()) - found)
    assert not unlisted, f"operations with no authorisation policy: {unlisted}"
    assert not stale, f"policy or call entries for operations that do not exist: {stale}"

    a = await _arrange(app, db, clock, world, open_client, dev_phone)
    started = time.monotonic()
    mismatches = []
    checked = sorted(found - EXEMPT.keys(), key=phase)
    for operation in checked:
        for actor in ACTORS:
            got, status, detail = await _outcome(a, operation, actor)
            expected = POLICY[operation].expected[actor]
            if got != expected:
                mismatches.append((operation, actor, expected, status, detail))
    table = "\n".join(
        f"{op:<58} {actor:<14} expected {expected!s:<4} got {status}: {detail}"
        for op, actor, expected, status, detail in mismatches
    )
    took = time.monotonic() - started
    cells = len(checked) * len(ACTORS)
    assert not mismatches, f"{len(mismatches)} of {cells} cells wrong ({took:.1f} s):\n{table}"
