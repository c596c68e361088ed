"""The patient's side of carer access: inviting (and what is refused), changing scopes and the
end date, expiry, revoking; the carer's side: accepting or declining only their own."""

from __future__ import annotations

from tests.support.carers import CARER_PHONE, accept_all, carer_helping, invite, sign_in_carer
from tests.support.signin import sign_in_patient
from tests.support.world import World

OTHER_CARER_PHONE = "+447700900302"
MINUTE_MS = 60_000


def carers_url(patient_id: str) -> str:
    return f"/api/patients/{patient_id}/carers"


async def test_invitations_that_make_no_sense_are_refused_with_the_field_named(
    open_client, dev_phone, world: World
):
    patient = await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    good = {"display_name": "Sam Carer", "phone": CARER_PHONE, "scopes": ["view_plan"]}
    refusals = [
        ({"phone": world.alice.phone_or_email}, "phone"),
        ({"phone": "not a phone"}, "phone"),
        ({"phone": "123"}, "phone"),
        ({"scopes": ["log_self_care"]}, "view_plan"),
        ({"scopes": ["manage_schedules", "answer_checkins"]}, "view_plan"),
        ({"ends_on": "2026-11-21"}, "ends_on"),  # yesterday where Alice lives
        ({"ends_on": "2026-02-30"}, "ends_on"),
        ({"ends_on": "9999-12-31"}, "ends_on"),
        ({"scopes": ["view_plan", "drive_the_car"]}, "scopes"),
        ({"scopes": []}, "scopes"),
        ({"display_name": "   "}, "display_name"),
    ]
    for change, named in refusals:
        answer = await patient.post(carers_url(world.alice.id), json={**good, **change})
        assert answer.status_code == 400, (change, answer.text)
        assert named in answer.json()["detail"], (change, answer.json())
    listed = await patient.get(carers_url(world.alice.id))
    assert listed.json()["items"] == [], listed.text


async def test_a_second_live_invitation_is_409_and_after_revoking_they_can_be_invited_again(
    open_client, dev_phone, world: World
):
    patient = await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    first = await invite(patient, world.alice.id, ["view_plan"])
    again = await patient.post(
        carers_url(world.alice.id),
        json={"display_name": "Sam", "phone": CARER_PHONE, "scopes": ["view_plan"]},
    )
    assert again.status_code == 409 and "already invited" in again.json()["detail"]
    url = f"{carers_url(world.alice.id)}/{first['id']}/revoke"
    assert (await patient.post(url)).json()["status"] == "revoked"
    second = await invite(patient, world.alice.id, ["view_plan", "message_team"])
    assert second["id"] != first["id"] and second["status"] == "invited"
    assert second["carer_id"] == first["carer_id"]  # the same person, known by their phone
    listed = (await patient.get(carers_url(world.alice.id))).json()["items"]
    assert {d["id"]: d["status"] for d in listed} == {
        second["id"]: "invited",
        first["id"]: "revoked",
    }


async def test_the_patient_changes_scopes_and_end_date_quoting_the_version(
    open_client, dev_phone, world: World
):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    delegation = await carer_helping(patient, carer, dev_phone, world.alice.id, ["view_plan"])
    url = f"{carers_url(world.alice.id)}/{delegation['id']}"
    current = (await patient.get(carers_url(world.alice.id))).json()["items"][0]
    changed = await patient.patch(
        url,
        json={
            "version": current["version"],
            "scopes": ["view_plan", "log_self_care"],
            "ends_on": "2026-12-31",
        },
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["scopes"] == ["log_self_care", "view_plan"] and body["ends_on"] == "2026-12-31"
    assert body["version"] == current["version"] + 1 and body["status"] == "active"
    me = (await carer.get("/api/me")).json()
    assert me["patients"][0]["scopes"] == ["log_self_care", "view_plan"]

    stale = await patient.patch(url, json={"version": current["version"], "ends_on": None})
    assert stale.status_code == 409
    assert stale.json()["extra"]["current_version"] == body["version"]
    needs_view = await patient.patch(
        url, json={"version": body["version"], "scopes": ["log_self_care"]}
    )
    assert needs_view.status_code == 400 and "view_plan" in needs_view.json()["detail"]
    no_end = await patient.patch(url, json={"version": body["version"], "ends_on": None})
    assert no_end.status_code == 200 and no_end.json()["ends_on"] is None
    missing = await patient.patch(f"{carers_url(world.alice.id)}/nope", json={"version": 1})
    assert missing.status_code == 404


async def test_access_ends_with_its_end_date_at_the_carers_next_request(
    open_client, dev_phone, world: World, clock
):
    clock.advance(hours=13, minutes=50)  # 23:50 on 22 November in London
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    delegation = await carer_helping(
        patient, carer, dev_phone, world.alice.id, ["view_plan"], ends_on="2026-11-22"
    )
    plan = f"/api/patients/{world.alice.id}/plan"
    assert (await carer.get(plan)).status_code == 200
    assert [p["id"] for p in (await carer.get("/api/me")).json()["patients"]] == [world.alice.id]

    clock.advance(minutes=11)  # 00:01 on the 23rd: the last day has passed
    assert (await carer.get(plan)).status_code == 404
    assert (await carer.get("/api/me")).json()["patients"] == []
    assert (await carer.get("/api/carer/patients")).json() == {"patients": [], "invitations": []}
    listed = (await patient.get(carers_url(world.alice.id))).json()["items"]
    assert [(d["id"], d["status"]) for d in listed] == [(delegation["id"], "expired")]

    again = await invite(patient, world.alice.id, ["view_plan"])  # a new invitation may follow
    listed = (await patient.get(carers_url(world.alice.id))).json()["items"]
    assert {d["id"]: d["status"] for d in listed} == {
        again["id"]: "invited",
        delegation["id"]: "expired",
    }


async def test_the_carer_declines_and_nothing_is_shared(open_client, dev_phone, world: World):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    delegation = await invite(patient, world.alice.id, ["view_plan"])
    await sign_in_carer(carer, dev_phone)
    url = f"/api/carer/invitations/{delegation['id']}"
    declined = await carer.post(f"{url}/decline")
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    assert (await carer.post(f"{url}/decline")).status_code == 200  # harmless twice
    assert (await carer.post(f"{url}/accept")).status_code == 409
    assert (await carer.get(f"/api/patients/{world.alice.id}/plan")).status_code == 404
    assert (await carer.get("/api/carer/patients")).json() == {"patients": [], "invitations": []}
    listed = (await patient.get(carers_url(world.alice.id))).json()["items"]
    assert [d["status"] for d in listed] == ["declined"]


async def test_a_carer_cannot_answer_someone_elses_invitation(open_client, dev_phone, world: World):
    alice, bob = await open_client(), await open_client()
    sam, other = await open_client(), await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    await sign_in_patient(bob, dev_phone, world.bob.phone_or_email)
    for_sam = await invite(alice, world.alice.id, ["view_plan"])
    await invite(bob, world.bob.id, ["view_plan"], phone=OTHER_CARER_PHONE, display_name="Oli")
    await sign_in_carer(sam, dev_phone)
    await sign_in_carer(other, dev_phone, OTHER_CARER_PHONE)
    for verb in ("accept", "decline"):
        refused = await other.post(f"/api/carer/invitations/{for_sam['id']}/{verb}")
        assert refused.status_code == 404, refused.text
    assert (await other.get(f"/api/patients/{world.alice.id}/plan")).status_code == 404
    await accept_all(sam)
    assert (await sam.get(f"/api/patients/{world.alice.id}/plan")).status_code == 200
    assert (await sam.get(f"/api/patients/{world.bob.id}/plan")).status_code == 404


async def test_revoking_twice_is_harmless_and_a_revoked_invitation_cannot_be_accepted(
    open_client, dev_phone, world: World, db
):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    delegation = await invite(patient, world.alice.id, ["view_plan"])
    await sign_in_carer(carer, dev_phone)
    url = f"{carers_url(world.alice.id)}/{delegation['id']}/revoke"
    first = await patient.post(url)
    second = await patient.post(url)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json() and second.json()["status"] == "revoked"
    revokes = await db.fetch_value(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'carer.revoke' AND target_id = ?",
        delegation["id"],
    )
    assert revokes == 1
    accepted = await carer.post(f"/api/carer/invitations/{delegation['id']}/accept")
    assert accepted.status_code == 404
    changed = await patient.patch(
        f"{carers_url(world.alice.id)}/{delegation['id']}",
        json={"version": second.json()["version"], "scopes": ["view_plan", "message_team"]},
    )
    assert changed.status_code == 409 and "revoked" in changed.json()["detail"]
    assert (await patient.post(f"{carers_url(world.bob.id)}/x/revoke")).status_code == 404


async def test_the_patient_lists_their_carers_with_what_each_may_do(
    open_client, dev_phone, world: World
):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    active = await carer_helping(
        patient, carer, dev_phone, world.alice.id, ["view_plan", "message_team"], relationship="son"
    )
    waiting = await invite(
        patient,
        world.alice.id,
        ["view_plan"],
        phone=OTHER_CARER_PHONE,
        display_name="Oli Other",
        ends_on="2027-01-31",
    )
    listed = (await patient.get(carers_url(world.alice.id))).json()["items"]
    by_id = {d["id"]: d for d in listed}
    assert set(by_id) == {active["id"], waiting["id"]}
    assert by_id[active["id"]]["carer_name"] == "Sam Carer"
    assert by_id[active["id"]]["relationship"] == "son"
    assert by_id[active["id"]]["scopes"] == ["message_team", "view_plan"]
    assert by_id[active["id"]]["status"] == "active"
    assert by_id[active["id"]]["accepted_at"] is not None
    assert by_id[active["id"]]["granted_by_kind"] == "patient"
    assert (by_id[waiting["id"]]["status"], by_id[waiting["id"]]["ends_on"]) == (
        "invited",
        "2027-01-31",
    )
    assert (await patient.get(carers_url(world.bob.id))).status_code == 404
    assert (await carer.get(carers_url(world.alice.id))).status_code == 404
