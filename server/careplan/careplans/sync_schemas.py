"""Bodies for `POST /api/sync`: a batch of offline mutations, answered item by item.

Each mutation carries a client-made UUID. The server answers every item on its own —
applied, duplicate (already seen: a replay is harmless), stale (its base version is behind;
the current version is returned), or invalid (with a message naming the field) — and never
fails the batch for one bad item.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

MutationKind = Literal[
    "log_action",  # data: ActionLogCreate fields except id (the mutation id is the log id)
    "delete_action_log",  # data: {"action_id", "day"}
    "record_reading",  # data: ReadingCreate fields except id (the mutation id is the reading id)
    "delete_reading",  # data: {"reading_id"}
    "update_goal",  # data: GoalUpdate, with "goal_id"
    "update_plan",  # data: PlanUpdate
]
SyncStatus = Literal["applied", "duplicate", "stale", "invalid"]


class Mutation(msgspec.Struct, forbid_unknown_fields=True):
    id: Annotated[str, msgspec.Meta(min_length=8, max_length=64, description="Client-made UUID")]
    kind: MutationKind
    patient_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    data: dict[str, Any]
    made_at: int | None = None


class SyncRequest(msgspec.Struct, forbid_unknown_fields=True):
    mutations: Annotated[list[Mutation], msgspec.Meta(max_length=200)]


class SyncResult(msgspec.Struct):
    id: str
    status: SyncStatus
    detail: str | None = None
    current_version: int | None = None


class SyncResponse(msgspec.Struct):
    results: list[SyncResult]
