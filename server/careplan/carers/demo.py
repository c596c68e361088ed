"""A demo carer: Grace's daughter helps her, so the carer's side can be tried on the dev
phone too. Granted by Grace and already accepted; left alone when it exists."""

from __future__ import annotations

import uuid

from careplan.carers import repo
from careplan.clock import Clock
from careplan.people import repo as people_repo
from careplan.people import scopes
from careplan.people.scopes import Scope
from careplan.storage.db import Database

CARER_NAME = "Ruth Campbell"
CARER_PHONE = "+447700900111"  # an Ofcom drama number, like the demo patients'
HELPS_NHS_NUMBER = "9990000050"  # Grace Campbell
SCOPES = frozenset(
    {Scope.VIEW_PLAN, Scope.LOG_SELF_CARE, Scope.ANSWER_CHECKINS, Scope.MESSAGE_TEAM}
)


async def load_demo_carer(db: Database, clock: Clock, organisation_id: str) -> str | None:
    """The console line describing the demo carer, or None if nothing was created."""
    if await repo.carer_by_phone(db, CARER_PHONE) is not None:
        return None
    patient = await people_repo.patient_by_nhs_number(db, organisation_id, HELPS_NHS_NUMBER)
    if patient is None:
        return None
    now = clock.now_ms()
    carer_id, delegation_id = uuid.uuid4().hex, uuid.uuid4().hex
    async with db.transaction() as tx:
        await repo.insert_carer(tx, carer_id, CARER_PHONE, CARER_NAME, now)
        await repo.insert_delegation(
            tx,
            {
                "id": delegation_id,
                "patient_id": patient["id"],
                "carer_id": carer_id,
                "relationship": "daughter",
                "scopes": scopes.encode(SCOPES),
                "ends_on": None,
                "ends_at": None,
                "granted_by_kind": "patient",
                "granted_by_id": patient["id"],
                "created_at": now,
            },
        )
        await repo.update_delegation(
            tx, delegation_id, 1, {"status": "active", "accepted_at": now}, now
        )
    return f"Carer: {CARER_NAME} helps her mother Grace Campbell: {CARER_PHONE}"
