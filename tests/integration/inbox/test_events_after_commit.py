"""An opened item is announced only once its transaction has committed, and never if it
rolled back: listeners re-read the inbox on each event, so an early one would find nothing."""

from __future__ import annotations

import asyncio
import json

import pytest
from tests.support.world import World

from careplan.clock import FixedClock
from careplan.inbox.events import InboxEvents
from careplan.inbox.items import ROUTINE, open_item
from careplan.storage.db import Database, Executor


async def _open(tx: Executor, clock: FixedClock, patient_id: str) -> str:
    return await open_item(
        tx, patient_id=patient_id, kind="reply", urgency=ROUTINE, summary="Hi", now=clock.now_ms()
    )


class Rollback(Exception):
    pass


async def test_opened_items_are_announced_after_commit_and_never_after_rollback(
    db: Database, world: World, clock: FixedClock
):
    hub = InboxEvents(lambda: db)
    async with hub.lifespan(None):
        stream = hub.stream(world.alice.organisation_id)
        assert (await anext(stream)).event == "ready"
        waiting = asyncio.ensure_future(anext(stream))
        with pytest.raises(Rollback):
            async with db.transaction() as tx:
                await _open(tx, clock, world.alice.id)
                raise Rollback
        async with db.transaction() as tx:
            committed = await _open(tx, clock, world.alice.id)
            await asyncio.sleep(0.3)  # the hub is looking for it all this time
            assert not waiting.done()
        message = await asyncio.wait_for(waiting, 5)
        assert message.event == "item"
        assert json.loads(message.data) == {
            "id": committed,
            "kind": "reply",
            "urgency": ROUTINE,
            "patient_id": world.alice.id,
            "change": "opened",
        }
        async with db.transaction() as tx:
            other_practice = await _open(tx, clock, world.carol.id)
        async with db.transaction() as tx:
            second = await _open(tx, clock, world.bob.id)
        message = await asyncio.wait_for(anext(stream), 5)
        assert json.loads(message.data)["id"] == second != other_practice
        await stream.aclose()
