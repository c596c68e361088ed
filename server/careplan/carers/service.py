"""The rules for carers (FEATURES D, ADR 0015).

- Only the patient chooses carers; a clinician may, once they have recorded (with a reason)
  that the patient lacks capacity to (access.CAPACITY_ACTIONS). Either is audited.
- An invitation names a phone; the carer signs in with that phone and accepts. Nothing is
  shared until they do, and the patient can change scopes, end date or revoke at any time:
  access.authorise re-reads the delegation on every request.
- Acting on the plan means seeing it: scopes in NEEDS_VIEW_PLAN need VIEW_PLAN too.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
from litestar.exceptions import NotFoundException

from careplan.audit.service import record as record_audit
from careplan.careplans.local_time import local_day
from careplan.careplans.versions import stale
from careplan.carers import repo
from careplan.carers.invitation_text import invitation_text
from careplan.carers.schemas import (
    Capacity,
    CapacityRecord,
    CarerInvite,
    CaringFor,
    Delegation,
    DelegationList,
    DelegationUpdate,
    HelpedPatient,
)
from careplan.clock import Clock
from careplan.errors import Conflict, InvalidField
from careplan.messaging.outbox import queue_text
from careplan.people import scopes as scope_names
from careplan.people.access import Action, authorise, authorise_carer_self
from careplan.people.actor import Actor
from careplan.people.repo import patient_time_zone
from careplan.people.scopes import NEEDS_VIEW_PLAN, Scope
from careplan.people.service import checked_phone
from careplan.settings import Settings
from careplan.storage.db import Database, Executor, Row

DELEGATION_NOT_FOUND = "No carer with that id for this patient"
INVITATION_NOT_FOUND = "No invitation with that id for you"


async def list_carers(db: Database, clock: Clock, actor: Actor, patient_id: str) -> DelegationList:
    actor = await authorise(db, actor, patient_id, Action.VIEW_CARERS)
    rows = await repo.delegations_for_patient(db, patient_id)
    await record_audit(db, clock, actor, "carer.list", [patient_id], "carers")
    now = clock.now_ms()
    return DelegationList(items=[_delegation(row, now) for row in rows])


async def invite(
    db: Database, clock: Clock, settings: Settings, actor: Actor, patient_id: str, data: CarerInvite
) -> tuple[Delegation, str | None]:
    """The new delegation and the id of the invitation text to send once committed. A carer
    whose earlier access has passed its end date can be invited again."""
    actor = await authorise(db, actor, patient_id, Action.MANAGE_CARERS)
    scopes = checked_scopes(data.scopes)
    phone = checked_phone(data.phone)
    name = data.display_name.strip()
    if not name:
        raise InvalidField("display_name", "must not be blank")
    now = clock.now_ms()
    async with db.transaction() as tx:
        patient = await tx.fetch_one(
            "SELECT given_name, phone, time_zone FROM patients WHERE id = ?", patient_id
        )
        assert patient is not None  # authorise found it
        if phone == patient["phone"]:
            raise InvalidField("phone", "this is the patient's own number: give the carer's")
        ends_on, ends_at = checked_end(data.ends_on, patient["time_zone"], now)
        carer = await repo.carer_by_phone(tx, phone)
        carer_id = carer["id"] if carer else uuid.uuid4().hex
        if carer is None:
            await repo.insert_carer(tx, carer_id, phone, name, now)
        else:
            await repo.close_ended(tx, carer_id, patient_id, (actor.kind.value, actor.id), now)
            if await repo.live_delegation_exists(tx, carer_id, patient_id):
                raise Conflict(
                    "This person is already invited or helping: change what they may do instead"
                )
        delegation_id = uuid.uuid4().hex
        await repo.insert_delegation(
            tx,
            {
                "id": delegation_id,
                "patient_id": patient_id,
                "carer_id": carer_id,
                "relationship": data.relationship.strip(),
                "scopes": scope_names.encode(scopes),
                "ends_on": ends_on,
                "ends_at": ends_at,
                "granted_by_kind": actor.kind.value,
                "granted_by_id": actor.id,
                "created_at": now,
            },
        )
        text_id = await queue_text(
            tx,
            patient_id=None,  # not part of the patient's own conversation
            phone=phone,
            body=invitation_text(patient["given_name"], settings.public_url),
            purpose="carer_invitation",
            now=now,
        )
        await record_audit(tx, clock, actor, "carer.invite", [patient_id], "carer", delegation_id)
        row = await repo.delegation(tx, delegation_id)
    assert row is not None
    return _delegation(row, now), text_id


async def update(
    db: Database,
    clock: Clock,
    actor: Actor,
    patient_id: str,
    delegation_id: str,
    data: DelegationUpdate,
) -> Delegation:
    """Scopes or end date of live (invited or active) access. Moving the end date of access
    that has just ended to a later day renews it: the patient chose so."""
    actor = await authorise(db, actor, patient_id, Action.MANAGE_CARERS)
    now = clock.now_ms()
    columns: dict[str, Any] = {}
    if data.scopes is not msgspec.UNSET:
        columns["scopes"] = scope_names.encode(checked_scopes(data.scopes))
    async with db.transaction() as tx:
        row = await _patients_delegation(tx, patient_id, delegation_id)
        if data.ends_on is not msgspec.UNSET:
            time_zone = await patient_time_zone(tx, patient_id) or "Europe/London"
            columns["ends_on"], columns["ends_at"] = checked_end(data.ends_on, time_zone, now)
        if row["status"] not in ("invited", "active"):
            raise Conflict(f"This access is {row['status']}: invite them again instead")
        version = row["version"]
        moved_on = data.version != version
        if moved_on or not await repo.update_delegation(tx, delegation_id, version, columns, now):
            raise stale(version, "carer's access")
        await record_audit(tx, clock, actor, "carer.update", [patient_id], "carer", delegation_id)
        changed = await repo.delegation(tx, delegation_id)
    assert changed is not None
    return _delegation(changed, now)


async def revoke(
    db: Database, clock: Clock, actor: Actor, patient_id: str, delegation_id: str
) -> Delegation:
    """Ends the access at once (the carer's next request is refused). Revoking twice is
    harmless: the first revocation stands."""
    actor = await authorise(db, actor, patient_id, Action.MANAGE_CARERS)
    now = clock.now_ms()
    async with db.transaction() as tx:
        await _patients_delegation(tx, patient_id, delegation_id)
        if await repo.revoke(tx, delegation_id, (actor.kind.value, actor.id), now):
            await record_audit(
                tx, clock, actor, "carer.revoke", [patient_id], "carer", delegation_id
            )
        changed = await repo.delegation(tx, delegation_id)
    assert changed is not None
    return _delegation(changed, now)


async def caring_for(db: Database, clock: Clock, actor: Actor) -> CaringFor:
    authorise_carer_self(actor)
    rows = await repo.helped_by(db, actor.id, clock.now_ms())
    return CaringFor(
        patients=[_helped(row) for row in rows if row["status"] == "active"],
        invitations=[_helped(row) for row in rows if row["status"] == "invited"],
    )


async def answer_invitation(
    db: Database, clock: Clock, actor: Actor, delegation_id: str, accept: bool
) -> HelpedPatient:
    """Accept or decline; answering twice the same way is harmless. Someone else's, a
    revoked or an ended invitation is not found."""
    authorise_carer_self(actor)
    now = clock.now_ms()
    wanted = "active" if accept else "declined"
    async with db.transaction() as tx:
        row = await repo.invitation_for(tx, delegation_id, actor.id)
        if row is None or row["status"] == "revoked" or _ended(row, now):
            raise NotFoundException(INVITATION_NOT_FOUND)
        if row["status"] != wanted:
            if row["status"] != "invited":
                raise Conflict(f"This invitation was already answered ({row['status']})")
            if not await repo.answer(tx, delegation_id, actor.id, accept, now):
                raise NotFoundException(INVITATION_NOT_FOUND)  # revoked meanwhile
            acting = replace(actor, on_behalf_of=row["patient_id"])
            action = "carer.accept" if accept else "carer.decline"
            patients = [row["patient_id"]]
            await record_audit(tx, clock, acting, action, patients, "carer", delegation_id)
        answered = await repo.invitation_for(tx, delegation_id, actor.id)
    assert answered is not None
    return _helped(answered)


async def read_capacity(db: Database, clock: Clock, actor: Actor, patient_id: str) -> Capacity:
    actor = await authorise(db, actor, patient_id, Action.VIEW_CARERS)
    row = await repo.capacity(db, patient_id)
    assert row is not None
    await record_audit(db, clock, actor, "capacity.read", [patient_id], "capacity")
    return _capacity(row)


async def record_capacity(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: CapacityRecord
) -> Capacity:
    actor = await authorise(db, actor, patient_id, Action.RECORD_CAPACITY)
    reason = data.reason.strip()
    if data.lacks_capacity and len(reason) < 10:
        raise InvalidField("reason", "say why the patient lacks capacity (at least 10 characters)")
    now = clock.now_ms()
    async with db.transaction() as tx:
        await repo.set_capacity(tx, patient_id, data.lacks_capacity, reason or None, actor.id, now)
        await record_audit(tx, clock, actor, "capacity.record", [patient_id], "capacity")
        row = await repo.capacity(tx, patient_id)
    assert row is not None
    return _capacity(row)


def checked_scopes(scopes: list[Scope]) -> frozenset[Scope]:
    chosen = frozenset(scopes)
    needing = sorted(chosen & NEEDS_VIEW_PLAN)
    if needing and Scope.VIEW_PLAN not in chosen:
        raise InvalidField(
            "scopes", f"{', '.join(needing)} also needs view_plan: a carer must see what they do"
        )
    return chosen


def checked_end(ends_on: str | None, time_zone: str, now: int) -> tuple[str | None, int | None]:
    """(ends_on, ends_at): the access holds to the end of `ends_on` in the patient's zone."""
    if ends_on is None:
        return None, None
    try:
        last_day = date.fromisoformat(ends_on)
    except ValueError:
        raise InvalidField("ends_on", f"{ends_on!r} is not a real date (use YYYY-MM-DD)") from None
    if last_day < local_day(now, time_zone):
        raise InvalidField("ends_on", "is in the past: the access would never start")
    if last_day >= date.max:
        raise InvalidField("ends_on", "is too far ahead: leave it out for no end date")
    zone = ZoneInfo(time_zone)
    next_midnight = datetime.combine(last_day + timedelta(days=1), time(), tzinfo=zone)
    return ends_on, int(next_midnight.timestamp() * 1000)


async def _patients_delegation(tx: Executor, patient_id: str, delegation_id: str) -> Row:
    row = await repo.delegation(tx, delegation_id)
    if row is None or row["patient_id"] != patient_id:
        raise NotFoundException(DELEGATION_NOT_FOUND)
    return row


def _ended(row: Row, now: int) -> bool:
    return row["ends_at"] is not None and row["ends_at"] <= now


def delegation_status(row: Row, now: int) -> str:
    """'expired' for access past its end date, including one revoked only after it ended."""
    if row["status"] in ("invited", "active") and _ended(row, now):
        return "expired"
    if row["status"] == "revoked" and _ended(row, row["revoked_at"]):
        return "expired"
    return row["status"]


def _delegation(row: Row, now: int) -> Delegation:
    return Delegation(
        id=row["id"],
        patient_id=row["patient_id"],
        carer_id=row["carer_id"],
        carer_name=row["carer_name"],
        carer_phone=row["carer_phone"],
        relationship=row["relationship"],
        scopes=sorted(scope_names.decode(row["scopes"])),
        status=delegation_status(row, now),  # type: ignore[arg-type]
        ends_on=row["ends_on"],
        granted_by_kind=row["granted_by_kind"],
        created_at=row["created_at"],
        accepted_at=row["accepted_at"],
        revoked_at=row["revoked_at"],
        version=row["version"],
    )


def _helped(row: Row) -> HelpedPatient:
    return HelpedPatient(
        delegation_id=row["id"],
        patient_id=row["patient_id"],
        patient_name=row["patient_name"],
        practice=row["practice"],
        relationship=row["relationship"],
        scopes=sorted(scope_names.decode(row["scopes"])),
        status=row["status"],
        ends_on=row["ends_on"],
        created_at=row["created_at"],
    )


def _capacity(row: Row) -> Capacity:
    return Capacity(
        lacks_capacity=bool(row["lacks_capacity"]),
        reason=row["capacity_reason"],
        recorded_by=row["recorded_by"],
        recorded_at=row["capacity_recorded_at"],
    )
