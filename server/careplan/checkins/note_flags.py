"""Red-flag words in notes written in the app (on a reading or an action log): hazard H-040.

Notes are not monitored like replies, so a patient who writes "chest pain since lunch" under
a reading could wait for an answer that never comes. A note by the patient (or someone for
them) with red-flag words opens an urgent item and queues the safety-net text, exactly as a
reply would; the dispatcher sends it on its next run. Notes written by clinicians are not
checked: they describe, they do not ask for help ("no chest pain reported").
"""

from __future__ import annotations

import logging

from careplan.checkins.red_flags import red_flags
from careplan.checkins.reply_texts import SAFETY_NET
from careplan.clock import Clock
from careplan.inbox.items import URGENT, open_item
from careplan.messaging import inbound_repo
from careplan.messaging.outbox import queue_text
from careplan.people.actor import Actor, ActorKind
from careplan.storage.db import Executor

log = logging.getLogger(__name__)


async def flag_note(
    tx: Executor, clock: Clock, actor: Actor, patient_id: str, note: str | None, on_what: str
) -> str | None:
    """Open the urgent item (and queue the safety net) if NOTE has red-flag words; its id."""
    if not note or actor.kind is ActorKind.CLINICIAN:
        return None
    flags = red_flags(note)
    if not flags:
        return None
    now = clock.now_ms()
    phone = await tx.fetch_value("SELECT phone FROM patients WHERE id = ?", patient_id)
    texted = bool(phone) and not await inbound_repo.is_opted_out(tx, phone)
    if texted:
        await queue_text(
            tx, patient_id=patient_id, phone=phone, body=SAFETY_NET, purpose="safety_net", now=now
        )
    answered = "Safety-net text sent (999 / 111)." if texted else "No text: opted out."
    log.warning("red flag in a note", extra={"patient_id": patient_id, "flags": flags})
    return await open_item(
        tx,
        patient_id=patient_id,
        kind="red_flag",
        urgency=URGENT,
        summary=f"Red flag words in a note on {on_what}: {', '.join(flags)}. {answered}",
        now=now,
    )
