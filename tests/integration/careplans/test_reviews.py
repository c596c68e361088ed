"""The review cycle (Year of Care) through HTTP: a clinician schedules a review and shares
results with plain notes, the patient reads the prompts and writes their agenda, the clinician
reads it, and completing the review agrees the plan and sets the next review date.

The test clock starts at 2026-11-22T10:00Z: "today" is 2026-11-22 for patients in London.
"""

from __future__ import annotations

import asyncio

import pytest
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.storage.db import Database

REVIEW_DAY = "2026-12-01"
NEXT_REVIEW = "2027-06-01"
HBA1C = {"label": "HbA1c", "value": "58 mmol/mol", "plain_note": "A little higher than last time."}
BP = {"label": "Blood pressure", "value": "138/84", "plain_note": "Close to your target."}
AGENDA = {
    "items": ["My feet have been sore", "Can I stop one of my tablets?"],
    "other": "I would like my daughter to come next time.",
}


@pytest.fixture
async def gp(open_client, world: World):
    http = await open_client()
    await sign_in_clinician(http, world.gp.phone_or_email)
    return http


@pytest.fixture
async def alice(open_client, dev_phone, world: World):
    http = await open_client()
    await sign_in_patient(http, dev_phone, world.alice.phone_or_email)
    return http


def reviews_url(patient_id: str, *rest: str) -> str:
    return "/".join([f"/api/patients/{patient_id}/reviews", *rest])


async def schedule(http, patient_id: str, **body) -> dict:
    answer = await http.post(reviews_url(patient_id), json={"scheduled_for": REVIEW_DAY, **body})
    assert answer.status_code == 201, answer.text
    return answer.json()


async def plan_version(http, patient_id: str) -> int:
    """The version the clinician quotes: the one they last read."""
    answer = await http.get(f"/api/patients/{patient_id}/plan")
    assert answer.status_code == 200, answer.text
    return answer.json()["version"]


def completion(version: int, **changes) -> dict:
    return {
        "agreed": "Walk after lunch three times a week; check feet daily.",
        "next_review_date": NEXT_REVIEW,
        "plan_version": version,
        **changes,
    }


async def test_the_whole_review_cycle(gp, alice, world: World, db: Database, clock):
    review = await schedule(gp, world.alice.id)
    assert (review["status"], review["scheduled_for"]) == ("scheduled", REVIEW_DAY)
    assert review["clinician"]["id"] == world.gp.id  # the caller, by default
    assert review["clinician"]["display_name"] == "Dr Ada Gee"
    url = reviews_url(world.alice.id, review["id"])
    for result in (HBA1C, BP):
        clock.advance(minutes=1)
        shared = await gp.post(f"{url}/results", json=result)
        assert shared.status_code == 201, shared.text

    clock.advance(minutes=5)  # sessions end after 30 idle minutes: time moves gently here
    seen = (await alice.get(url)).json()
    assert [(r["label"], r["value"], r["plain_note"]) for r in seen["results"]] == [
        tuple(HBA1C.values()),
        tuple(BP.values()),
    ]
    assert seen["results"][0]["shared_by"]["display_name"] == "Dr Ada Gee"
    prompts = {p["key"]: p["text"] for p in seen["agenda_prompts"]}
    assert prompts["matters_most"] == "What matters most to you at the moment?"
    assert len(prompts) == len(seen["agenda_prompts"]) >= 5  # keys are distinct
    assert seen["agenda"] == {"items": [], "other": ""} and seen["agenda_updated_at"] is None
    written = await alice.put(f"{url}/agenda", json=AGENDA)
    assert written.status_code == 200, written.text
    assert written.json()["agenda"] == AGENDA

    listed = (await gp.get(reviews_url(world.alice.id))).json()
    assert [(r["id"], r["results_shared"]) for r in listed] == [(review["id"], 2)]
    assert listed[0]["agenda_updated_at"] == clock.now_ms()  # the clinician sees one waiting
    before = (await gp.get(url)).json()
    assert before["agenda"] == AGENDA

    clock.advance(minutes=5)
    version = await plan_version(gp, world.alice.id)
    done = await gp.post(f"{url}/complete", json=completion(version))
    assert done.status_code == 200, done.text
    completed = done.json()
    assert completed["status"] == "completed"
    assert completed["completed_at"] == clock.now_ms()
    assert completed["next_review_date"] == NEXT_REVIEW
    assert completed["agreed"].startswith("Walk after lunch")
    plan = (await alice.get(f"/api/patients/{world.alice.id}/plan")).json()
    assert (plan["version"], plan["review_date"]) == (version + 1, NEXT_REVIEW)
    agreed_version = await db.fetch_one(
        "SELECT actor_id, version FROM plan_versions WHERE review_id = ?", review["id"]
    )
    assert (agreed_version["actor_id"], agreed_version["version"]) == (world.gp.id, version + 1)
    # Once done, the next review can be scheduled.
    assert (await schedule(gp, world.alice.id, scheduled_for="2027-05-20"))["status"] == "scheduled"


async def test_the_patient_may_read_and_write_the_agenda_but_not_run_the_review(
    gp, alice, world: World, db: Database
):
    review = await schedule(gp, world.alice.id)
    url = reviews_url(world.alice.id, review["id"])
    refused = [
        await alice.post(reviews_url(world.alice.id), json={"scheduled_for": "2026-12-02"}),
        await alice.post(f"{url}/results", json=HBA1C),
        await alice.post(f"{url}/complete", json=completion(1)),
    ]
    assert [answer.status_code for answer in refused] == [403, 403, 403]
    assert await db.fetch_value("SELECT COUNT(*) FROM reviews") == 1
    assert await db.fetch_value("SELECT COUNT(*) FROM review_results") == 0
    assert (await alice.get(url)).json()["status"] == "scheduled"
    assert (await alice.get(reviews_url(world.alice.id))).status_code == 200


async def test_a_clinician_of_another_practice_gets_404_everywhere(gp, open_client, world: World):
    review = await schedule(gp, world.alice.id)
    stranger = await open_client()
    await sign_in_clinician(stranger, world.other_gp.phone_or_email)
    url = reviews_url(world.alice.id, review["id"])
    answers = [
        await stranger.get(reviews_url(world.alice.id)),
        await stranger.post(reviews_url(world.alice.id), json={"scheduled_for": REVIEW_DAY}),
        await stranger.get(url),
        await stranger.post(f"{url}/results", json=HBA1C),
        await stranger.put(f"{url}/agenda", json=AGENDA),
        await stranger.post(f"{url}/complete", json=completion(1)),
    ]
    assert [answer.status_code for answer in answers] == [404] * 6
    assert "Ada" not in "".join(answer.text for answer in answers)


async def test_another_patient_gets_404(gp, open_client, dev_phone, world: World):
    review = await schedule(gp, world.alice.id)
    bob = await open_client()
    await sign_in_patient(bob, dev_phone, world.bob.phone_or_email)
    url = reviews_url(world.alice.id, review["id"])
    answers = [
        await bob.get(reviews_url(world.alice.id)),
        await bob.get(url),
        await bob.put(f"{url}/agenda", json=AGENDA),
        # Alice's review id under Bob's own record is not his either.
        await bob.get(reviews_url(world.bob.id, review["id"])),
        await bob.put(reviews_url(world.bob.id, review["id"], "agenda"), json=AGENDA),
    ]
    assert [answer.status_code for answer in answers] == [404] * 5


async def test_a_review_is_found_only_under_its_own_patient(gp, world: World, db: Database):
    review = await schedule(gp, world.alice.id)
    wrong = reviews_url(world.bob.id, review["id"])
    assert (await gp.get(wrong)).status_code == 404
    assert (await gp.post(f"{wrong}/results", json=HBA1C)).status_code == 404
    assert (await gp.post(f"{wrong}/complete", json=completion(1))).status_code == 404
    assert await db.fetch_value("SELECT COUNT(*) FROM review_results") == 0


@pytest.mark.parametrize(
    ("agenda", "field"),
    [
        ({"items": ["x" * 501]}, "items"),
        ({"items": [f"thing {n}" for n in range(11)]}, "items"),
        ({"items": [""]}, "items"),
        ({"items": "sore feet"}, "items"),
        ({"other": "y" * 2001}, "other"),
        ({"items": [], "mood": "fine"}, "mood"),
    ],
)
async def test_bad_agendas_get_a_400_naming_the_field_and_keep_the_stored_one(
    gp, alice, world: World, agenda, field
):
    review = await schedule(gp, world.alice.id)
    url = reviews_url(world.alice.id, review["id"])
    assert (await alice.put(f"{url}/agenda", json=AGENDA)).status_code == 200
    answer = await alice.put(f"{url}/agenda", json=agenda)
    assert answer.status_code == 400, answer.text
    assert field in answer.json()["detail"]
    assert (await alice.get(url)).json()["agenda"] == AGENDA


async def test_agenda_items_that_are_only_spaces_are_dropped(gp, alice, world: World):
    review = await schedule(gp, world.alice.id)
    url = reviews_url(world.alice.id, review["id"])
    answer = await alice.put(f"{url}/agenda", json={"items": ["   ", " My knees "]})
    assert answer.json()["agenda"] == {"items": [" My knees "], "other": ""}


async def test_a_clinician_may_write_the_agenda_with_the_patient(gp, world: World, db: Database):
    review = await schedule(gp, world.alice.id)
    answer = await gp.put(reviews_url(world.alice.id, review["id"], "agenda"), json=AGENDA)
    assert answer.status_code == 200 and answer.json()["agenda"] == AGENDA
    actor = await db.fetch_value(
        "SELECT actor_id FROM audit_events WHERE action = 'review.agenda_update'"
    )
    assert actor == world.gp.id


async def test_nothing_changes_after_the_review_has_happened(gp, alice, world: World):
    review = await schedule(gp, world.alice.id)
    url = reviews_url(world.alice.id, review["id"])
    await alice.put(f"{url}/agenda", json=AGENDA)
    done = await gp.post(f"{url}/complete", json=completion(await plan_version(gp, world.alice.id)))
    assert done.status_code == 200, done.text

    late_agenda = await alice.put(f"{url}/agenda", json={"items": ["Something new"]})
    assert late_agenda.status_code == 409
    assert "already happened" in late_agenda.json()["detail"]
    assert (await gp.post(f"{url}/results", json=HBA1C)).status_code == 409
    again = await gp.post(
        f"{url}/complete", json=completion(await plan_version(gp, world.alice.id))
    )
    assert again.status_code == 409
    after = (await alice.get(url)).json()
    assert after["agenda"] == AGENDA and after["results"] == []
    assert after["completed_at"] == done.json()["completed_at"]


async def test_a_stale_plan_version_is_a_409_and_the_review_stays_scheduled(
    gp, world: World, db: Database
):
    review = await schedule(gp, world.alice.id)
    url = reviews_url(world.alice.id, review["id"])
    current = await plan_version(gp, world.alice.id)
    answer = await gp.post(f"{url}/complete", json=completion(current + 3))
    assert answer.status_code == 409, answer.text
    assert answer.json()["extra"]["current_version"] == current
    kept = (await gp.get(url)).json()
    assert (kept["status"], kept["completed_at"], kept["agreed"]) == ("scheduled", None, None)
    assert await plan_version(gp, world.alice.id) == current
    assert await db.fetch_value("SELECT COUNT(*) FROM plan_versions") == 0
    audited = await db.fetch_value(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'review.complete'"
    )
    assert audited == 0
    # Reloaded, the clinician completes it.
    assert (await gp.post(f"{url}/complete", json=completion(current))).status_code == 200


async def test_only_one_review_is_scheduled_at_a_time(gp, world: World, db: Database):
    await schedule(gp, world.alice.id)
    second = await gp.post(reviews_url(world.alice.id), json={"scheduled_for": "2027-01-10"})
    assert second.status_code == 409
    assert "already has a scheduled review" in second.json()["detail"]
    assert await db.fetch_value("SELECT COUNT(*) FROM reviews") == 1
    await schedule(gp, world.bob.id)  # another patient is unaffected


async def test_two_clinicians_scheduling_at_once_make_one_review(
    gp, open_client, world: World, db: Database
):
    nurse = await open_client()
    await sign_in_clinician(nurse, world.nurse.phone_or_email)
    body = {"scheduled_for": REVIEW_DAY}
    answers = await asyncio.gather(
        *(http.post(reviews_url(world.alice.id), json=body) for http in (gp, nurse, gp, nurse))
    )
    assert sorted(answer.status_code for answer in answers) == [201, 409, 409, 409]
    assert await db.fetch_value("SELECT COUNT(*) FROM reviews") == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"scheduled_for": "2026-11-21"}, "scheduled_for"),  # yesterday
        ({"scheduled_for": "2026-02-30"}, "scheduled_for"),
        ({"scheduled_for": "1 Dec 2026"}, "scheduled_for"),
        ({"scheduled_for": "2036-12-01"}, "scheduled_for"),  # a slip of the year
        ({"scheduled_for": REVIEW_DAY, "clinician_id": "nobody"}, "clinician_id"),
        ({"scheduled_for": REVIEW_DAY, "room": "3"}, "room"),
        ({}, "scheduled_for"),
    ],
)
async def test_bad_schedules_get_a_400_naming_the_field(
    gp, world: World, db: Database, body, field
):
    answer = await gp.post(reviews_url(world.alice.id), json=body)
    assert answer.status_code == 400, answer.text
    assert field in answer.json()["detail"]
    assert await db.fetch_value("SELECT COUNT(*) FROM reviews") == 0


async def test_the_review_is_held_by_a_clinician_of_the_same_practice(
    gp, world: World, db: Database
):
    by_nurse = await schedule(gp, world.alice.id, clinician_id=world.nurse.id)
    assert by_nurse["clinician"]["display_name"] == "Nia Nurse"
    elsewhere = await gp.post(
        reviews_url(world.bob.id),
        json={"scheduled_for": REVIEW_DAY, "clinician_id": world.other_gp.id},
    )
    assert elsewhere.status_code == 400 and "clinician_id" in elsewhere.json()["detail"]
    # An administrator cannot complete a review, so the agenda must not wait with one.
    await db.execute("UPDATE clinicians SET role = 'admin' WHERE id = ?", world.nurse.id)
    admin = await gp.post(
        reviews_url(world.bob.id),
        json={"scheduled_for": REVIEW_DAY, "clinician_id": world.nurse.id},
    )
    assert admin.status_code == 400 and "clinician_id" in admin.json()["detail"]
    assert await db.fetch_value("SELECT COUNT(*) FROM reviews") == 1


async def test_today_is_judged_in_the_patients_time_zone(gp, world: World, db: Database):
    # 10:00 UTC on 22 November is already midnight of 23 November on Kiritimati (UTC+14).
    await db.execute(
        "UPDATE patients SET time_zone = 'Pacific/Kiritimati' WHERE id = ?", world.alice.id
    )
    answer = await gp.post(reviews_url(world.alice.id), json={"scheduled_for": "2026-11-22"})
    assert answer.status_code == 400 and "2026-11-23" in answer.json()["detail"]
    assert (await schedule(gp, world.bob.id, scheduled_for="2026-11-22"))["status"] == "scheduled"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"next_review_date": "2026-11-22"}, "next_review_date"),  # today is not after today
        ({"next_review_date": "2026-06-31"}, "next_review_date"),
        ({"agreed": ""}, "agreed"),
        ({"agreed": "   "}, "agreed"),
        ({"agreed": "z" * 4001}, "agreed"),
        ({"agreed": "Walk\u0000"}, "agreed"),
        ({"plan_version": 0}, "plan_version"),
        ({"plan_version": 10**20}, "plan_version"),  # beyond the INTEGER column
        ({"signed": True}, "signed"),
    ],
)
async def test_bad_completions_get_a_400_and_leave_the_review_scheduled(
    gp, world: World, changes, field
):
    plan = await gp.patch(
        f"/api/patients/{world.alice.id}/plan", json={"version": 1, "about_me": "Hi"}
    )
    assert plan.status_code == 200, plan.text
    review = await schedule(gp, world.alice.id)
    url = reviews_url(world.alice.id, review["id"])
    answer = await gp.post(f"{url}/complete", json=completion(2, **changes))
    assert answer.status_code == 400, answer.text
    assert field in answer.json()["detail"]
    assert (await gp.get(url)).json()["status"] == "scheduled"


@pytest.mark.parametrize(
    ("result", "field"),
    [
        ({**HBA1C, "plain_note": ""}, "plain_note"),
        ({**HBA1C, "plain_note": "  "}, "plain_note"),
        ({**HBA1C, "value": "58\u0000"}, "value"),  # PostgreSQL cannot store NUL
        ({"label": "HbA1c", "value": "58"}, "plain_note"),
        ({**HBA1C, "label": "l" * 201}, "label"),
        ({**HBA1C, "units": "mmol/mol"}, "units"),
    ],
)
async def test_a_result_needs_a_plain_note(gp, world: World, db: Database, result, field):
    review = await schedule(gp, world.alice.id)
    answer = await gp.post(reviews_url(world.alice.id, review["id"], "results"), json=result)
    assert answer.status_code == 400, answer.text
    assert field in answer.json()["detail"]
    assert await db.fetch_value("SELECT COUNT(*) FROM review_results") == 0


async def test_reviews_are_listed_newest_first(gp, world: World, clock):
    first = await schedule(gp, world.alice.id)
    url = reviews_url(world.alice.id, first["id"])
    await gp.post(f"{url}/complete", json=completion(await plan_version(gp, world.alice.id)))
    clock.advance(minutes=1)
    second = await schedule(gp, world.alice.id, scheduled_for="2027-05-20")
    listed = (await gp.get(reviews_url(world.alice.id))).json()
    assert [(r["id"], r["status"]) for r in listed] == [
        (second["id"], "scheduled"),
        (first["id"], "completed"),
    ]


async def test_clinician_reads_and_writes_are_audited_and_the_patients_reads_are_not(
    gp, alice, world: World, db: Database
):
    review = await schedule(gp, world.alice.id)
    url = reviews_url(world.alice.id, review["id"])
    await gp.post(f"{url}/results", json=HBA1C)
    await alice.get(url)
    await alice.get(reviews_url(world.alice.id))
    await alice.put(f"{url}/agenda", json=AGENDA)
    await gp.get(reviews_url(world.alice.id))
    await gp.get(url)
    await gp.post(f"{url}/complete", json=completion(await plan_version(gp, world.alice.id)))
    rows = await db.fetch_all(
        "SELECT action, actor_id, target_kind, target_id FROM audit_events "
        "WHERE action LIKE 'review.%' ORDER BY at, action"
    )
    assert sorted((r["action"], r["actor_id"]) for r in rows) == sorted(
        [
            ("review.create", world.gp.id),
            ("review.result_share", world.gp.id),
            ("review.agenda_update", world.alice.id),
            ("review.list", world.gp.id),
            ("review.read", world.gp.id),
            ("review.complete", world.gp.id),
        ]
    )
    read = next(r for r in rows if r["action"] == "review.read")
    assert (read["target_kind"], read["target_id"]) == ("review", review["id"])
    log = (await alice.get(f"/api/patients/{world.alice.id}/access-log")).json()
    summaries = {entry["summary"] for entry in log["items"]}
    assert {
        "scheduled your review",
        "shared a result before your review",
        "wrote the agenda for your review",
        "viewed your review and its agenda",
        "completed your review",
    } <= summaries
