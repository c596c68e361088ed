"""How the authorisation matrix calls each operation: real ids of alice's in the path and a
valid body, so an allowed actor gets a 2xx (a refusal is then a refusal, not a bad request or
a missing row). Operations not listed here need no body and take their ids by name.

Bodies are made per call: versions are read just before, and anything a call destroys
(a goal, an action, a reading, a threshold) is made fresh for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from litestar import Litestar
from tests.support.world import PASSWORD, World

from careplan.careplans.local_time import local_day
from careplan.clock import FixedClock
from careplan.people.access import NOT_FOUND
from careplan.storage.db import Database

P = "/api/patients/{patient_id}"
BP = {"reading_type": "blood_pressure", "value": 132, "value2": 84, "unit": "mmHg"}
CSRF_COOKIE, SESSION_COOKIE = "csrftoken", "careplan_session"


@dataclass(frozen=True, slots=True)
class Session:
    """What one browser sends: its cookies (no session cookie: anonymous) and CSRF header."""

    cookies: dict[str, str]

    @classmethod
    def of(cls, browser: httpx.AsyncClient) -> Session:
        return cls({k: v for k, v in browser.cookies.items() if k in (CSRF_COOKIE, SESSION_COOKIE)})


@dataclass(slots=True)
class Call:
    ids: dict[str, str] = field(default_factory=dict)  # path parameters besides the defaults
    params: dict[str, Any] | None = None
    json: Any = None
    ok_status: set[int] = field(default_factory=set)  # a non-2xx answer that still means "let in"
    judge: Callable[[httpx.Response], int] | None = None  # the status that counts


@dataclass(slots=True)
class Arrange:
    app: Litestar
    db: Database
    clock: FixedClock
    world: World
    sessions: dict[str, Session]
    ids: dict[str, str]

    async def send(
        self, who: Session, method: str, url: str, *, params=None, json=None
    ) -> httpx.Response:
        """A fresh client per call, so sign-in and sign-out answers change no actor's cookies."""
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app),
            base_url="http://testserver",
            cookies=who.cookies,
            headers={"X-CSRFToken": who.cookies[CSRF_COOKIE]},
        ) as http:
            return await http.request(method, url, params=params, json=json)

    async def made(self, actor: str, url: str, body: dict) -> dict:
        """Something made through the API for alice by ACTOR (must succeed)."""
        answer = await self.send(self.sessions[actor], "POST", url.format(**self.ids), json=body)
        assert answer.status_code == 201, answer.text
        return answer.json()

    async def version(self, table: str, row_id: str) -> int:
        return await self.db.fetch_value(f"SELECT version FROM {table} WHERE id = ?", row_id)  # noqa: S608

    def today(self) -> str:
        return local_day(self.clock.now_ms(), "Europe/London").isoformat()


Maker = Callable[[Arrange, int], Awaitable[Call]]
CALLS: dict[str, Maker] = {}


def calls(*operations: str) -> Callable[[Maker], Maker]:
    def register(maker: Maker) -> Maker:
        for operation in operations:
            CALLS[operation] = maker
        return maker

    return register


def fixed(operation: str, **call: Any) -> None:
    async def maker(_a: Arrange, _n: int) -> Call:
        return Call(**call)

    CALLS[operation] = maker


def nhs_number(n: int) -> str:
    """A valid (mod 11) NHS number in the 999 test range, the Nth such."""
    while True:
        base = f"{999_200_000 + n:09d}"
        check = 11 - sum(int(d) * (10 - i) for i, d in enumerate(base)) % 11
        if check != 10:
            return base + str(check % 11)
        n += 1000


def _sync_item(answer: httpx.Response) -> int:
    """A refused mutation is an "invalid" item of a 200: count it as the refusal it is."""
    if answer.status_code != 200:
        return answer.status_code
    [result] = answer.json()["results"]
    if result["status"] == "invalid":
        return 404 if result["detail"] == NOT_FOUND else 403
    return 409 if result["status"] == "stale" else 200


# --- auth: public, each call with its own phone or a clinician not otherwise signed in ----
@calls("POST /api/auth/login")
async def _login(a: Arrange, n: int) -> Call:
    return Call(json={"email": "nurse@riverside.test", "password": PASSWORD})


@calls("POST /api/auth/sms-code")
async def _sms_code(a: Arrange, n: int) -> Call:
    return Call(json={"phone": f"+4477009005{40 + n}"})


@calls("POST /api/auth/sms-verify")
async def _sms_verify(a: Arrange, n: int) -> Call:
    # No code was sent to this phone: the 400 is the code's answer, past any session check.
    return Call(json={"phone": f"+4477009005{60 + n}", "code": "000000"}, ok_status={400})


# --- patients -------------------------------------------------------------------------------
@calls("POST /api/patients")
async def _register(a: Arrange, n: int) -> Call:
    body = {
        "given_name": "Dee",
        "family_name": f"New{n}",
        "birth_date": "1961-03-04",
        "nhs_number": nhs_number(n),
        "phone": f"+4477009005{n:02d}",
    }
    return Call(json=body)


fixed(f"PATCH {P}", json={"preferred_language": "en"})


@calls(f"PUT {P}/care-team")
async def _care_team(a: Arrange, n: int) -> Call:  # the team alice already has
    return Call(json={"named_clinician_id": a.world.gp.id, "care_coordinator_id": a.world.nurse.id})


# --- the care plan --------------------------------------------------------------------------
@calls(f"PATCH {P}/plan")
async def _plan(a: Arrange, n: int) -> Call:
    plan = await a.send(a.sessions["patient"], "GET", f"/api/patients/{a.world.alice.id}/plan")
    return Call(json={"version": plan.json()["version"], "about_me": f"I like walking ({n})"})


GOAL = {"description": "Walk to the park"}
ACTION = {"what": "Walk after lunch"}
fixed(f"POST {P}/goals", json=GOAL)
fixed(f"POST {P}/actions", json=ACTION)


@calls(f"PATCH {P}/goals/{{goal_id}}")
async def _goal(a: Arrange, n: int) -> Call:
    version = await a.version("goals", a.ids["goal_id"])
    return Call(json={"version": version, "description": f"Walk to the park and back ({n})"})


@calls(f"PATCH {P}/actions/{{action_id}}")
async def _action(a: Arrange, n: int) -> Call:
    version = await a.version("plan_actions", a.ids["action_id"])
    return Call(json={"version": version, "what": f"Walk after lunch ({n})"})


@calls(f"DELETE {P}/goals/{{goal_id}}")
async def _fresh_goal(a: Arrange, n: int) -> Call:
    goal = await a.made("patient", f"{P}/goals", {"description": "Swim"})
    return Call(ids={"goal_id": goal["id"]}, params={"version": goal["version"]})


@calls(f"DELETE {P}/actions/{{action_id}}")
async def _fresh_action(a: Arrange, n: int) -> Call:
    action = await a.made("patient", f"{P}/actions", {"what": "Swim"})
    return Call(ids={"action_id": action["id"]}, params={"version": action["version"]})


@calls(f"POST {P}/action-logs")
async def _log(a: Arrange, n: int) -> Call:
    body = {"id": uuid.uuid4().hex, "action_id": a.ids["action_id"], "day": a.today()}
    return Call(json={**body, "outcome": "done"})


@calls("POST /api/sync")
async def _sync(a: Arrange, n: int) -> Call:
    reading = {
        "id": uuid.uuid4().hex,
        "kind": "record_reading",
        "patient_id": a.world.alice.id,
        "data": BP,
    }
    return Call(json={"mutations": [reading]}, judge=_sync_item)


# --- readings -------------------------------------------------------------------------------
def reading() -> dict:
    return {"id": uuid.uuid4().hex, **BP}


fixed(f"GET {P}/readings/series", params={"reading_type": "blood_pressure"})


@calls(f"POST {P}/readings")
async def _reading(a: Arrange, n: int) -> Call:
    return Call(json=reading())


@calls(f"DELETE {P}/readings/{{reading_id}}")
async def _fresh_reading(a: Arrange, n: int) -> Call:
    made = await a.made("patient", f"{P}/readings", reading())
    return Call(ids={"reading_id": made["id"]})


# --- reviews --------------------------------------------------------------------------------
REVIEW = {"scheduled_for": "2026-12-01"}
# One scheduled review at a time, and alice has one: past access the answer is that 409.
fixed(f"POST {P}/reviews", json=REVIEW, ok_status={409})
fixed(
    f"POST {P}/reviews/{{review_id}}/results",
    json={"label": "Blood pressure", "value": "138/84", "plain_note": "Close to your target."},
)
fixed(f"PUT {P}/reviews/{{review_id}}/agenda", json={"items": ["My feet"], "other": ""})


@calls(f"POST {P}/reviews/{{review_id}}/complete")
async def _complete(a: Arrange, n: int) -> Call:
    plan = await a.send(a.sessions["gp"], "GET", f"/api/patients/{a.world.alice.id}/plan")
    body = {"agreed": "Walk after lunch.", "next_review_date": "2027-06-01"}
    return Call(json={**body, "plan_version": plan.json()["version"]})


# --- check-ins and thresholds ---------------------------------------------------------------
SCHEDULE = {
    "kind": "reading",
    "question": "What was your blood pressure this morning? Reply like BP 140/90",
    "options": {"reading_type": "blood_pressure"},
    "cadence": "daily",
    "local_time": "09:00",
}
THRESHOLD = {
    "reading_type": "blood_pressure",
    "component": "systolic",
    "level": "amber",
    "comparison": "above",
    "value": 160,
}
fixed(f"POST {P}/checkin-schedules", json=SCHEDULE)
fixed(f"PUT {P}/checkin-settings", json={"quiet_start": "21:00", "quiet_end": "08:00"})
fixed(f"POST {P}/thresholds", json=THRESHOLD)


@calls("PATCH /api/checkin-schedules/{schedule_id}")
async def _schedule(a: Arrange, n: int) -> Call:
    version = await a.version("checkin_schedules", a.ids["schedule_id"])
    return Call(json={"version": version, "local_time": f"09:{n:02d}"})


@calls("DELETE /api/thresholds/{threshold_id}")
async def _fresh_threshold(a: Arrange, n: int) -> Call:
    threshold = await a.made("gp", f"{P}/thresholds", {**THRESHOLD, "value": 150 + n})
    return Call(ids={"threshold_id": threshold["id"]})


# --- the thread and push --------------------------------------------------------------------
fixed(f"POST {P}/messages", json={"body": "Is it fine to walk in the cold?"})
_DEVICE = "https://fcm.googleapis.com/fcm/send/matrix"
_KEYS = {"p256dh": "B" + "A" * 86, "auth": "A" * 22}
# Push is off in these tests: the patient's subscription is let in, then told so (409).
fixed(f"POST {P}/push-subscriptions", json={"endpoint": _DEVICE, "keys": _KEYS}, ok_status={409})
fixed(f"DELETE {P}/push-subscriptions", params={"endpoint": _DEVICE})
# None of alice's check-ins is open here: the patient is let in and nothing changes.
fixed(f"POST {P}/checkins/seen", json={"checkin_ids": ["no-open-checkin"]})


# --- carers and capacity --------------------------------------------------------------------
@calls(f"POST {P}/carers")
async def _invite(a: Arrange, n: int) -> Call:
    body = {"display_name": "Pat Helper", "phone": f"+4477009005{20 + n}", "scopes": ["view_plan"]}
    return Call(json=body)


@calls(f"PATCH {P}/carers/{{delegation_id}}")
async def _delegation(a: Arrange, n: int) -> Call:
    version = await a.version("carer_delegations", a.ids["spare_delegation"])
    scopes = ["view_plan", "log_self_care"][: 1 + n % 2]
    body = {"version": version, "scopes": scopes}
    return Call(ids={"delegation_id": a.ids["spare_delegation"]}, json=body)


@calls(f"POST {P}/carers/{{delegation_id}}/revoke")
async def _revoke(a: Arrange, n: int) -> Call:  # revoking twice is harmless
    return Call(ids={"delegation_id": a.ids["spare_delegation"]})


fixed(f"PUT {P}/capacity", json={"lacks_capacity": False, "reason": ""})

fixed("POST /api/carer/invitations/{delegation_id}/accept")
# The full carer accepted already: declining now is a 409 from the invitation, past access.
fixed("POST /api/carer/invitations/{delegation_id}/decline", ok_status={409})


# --- "my story" share links -----------------------------------------------------------------
fixed(f"POST {P}/share-links", json={"expires_in_hours": 24, "label": "Matrix"})


@calls(f"POST {P}/share-links/{{link_id}}/revoke")
async def _stop_link(a: Arrange, n: int) -> Call:  # a fresh live link each time
    made = await a.made("patient", f"{P}/share-links", {"expires_in_hours": 1})
    return Call(ids={"link_id": made["link"]["id"]})


@calls("GET /story/{token}")
async def _story(a: Arrange, n: int) -> Call:  # a fresh live link's token each time
    made = await a.made("patient", f"{P}/share-links", {"expires_in_hours": 1})
    return Call(ids={"token": made["url"].rsplit("/", 1)[1]})


# --- staff work -----------------------------------------------------------------------------
@calls("POST /api/inbox/{item_id}/assign")
async def _assign(a: Arrange, n: int) -> Call:
    return Call(json={"clinician_id": a.world.gp.id})


fixed("POST /api/inbox/{item_id}/notes", json={"body": "Call her tomorrow."})
fixed("POST /api/inbox/{item_id}/reply", json={"body": "Yes, wrap up warm."})
fixed("POST /api/inbox/{item_id}/resolve", json={})
fixed("PUT /api/clinicians/me/away", json={"until": None})


async def first_status(app: Litestar, who: Session, path: str) -> int:
    """The status of an endless response (an event stream), then hang up."""
    loop = asyncio.get_running_loop()
    started: asyncio.Future[int] = loop.create_future()
    hung_up = asyncio.Event()
    requested = False

    async def receive() -> dict:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await hung_up.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start" and not started.done():
            started.set_result(message["status"])

    cookie = "; ".join(f"{k}={v}" for k, v in who.cookies.items()).encode()
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), (b"cookie", cookie)],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    answering = asyncio.create_task(app(scope, receive, send))  # type: ignore[arg-type]
    try:
        return await asyncio.wait_for(asyncio.shield(started), timeout=10)
    finally:
        hung_up.set()
        answering.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await answering
