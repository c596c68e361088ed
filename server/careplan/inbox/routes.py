"""Inbox endpoints (thin: rules in inbox/service.py, live updates in inbox/events.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get, post, put
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import ResponseSpec
from litestar.params import Body, JSONBody, PathParameter, QueryParameter
from litestar.response import ServerSentEvent
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from careplan.dependencies import AppClock, AppSettings, CurrentActor, Db, Sms
from careplan.inbox import service
from careplan.inbox.events import InboxEvents
from careplan.inbox.schemas import (
    Assign,
    Away,
    AwayStatus,
    InboxItem,
    InboxPage,
    ItemDetail,
    Note,
    NoteCreate,
    Reply,
    ReplyResult,
    Resolve,
    Status,
)
from careplan.messaging.thread_service import OPTED_OUT, Sending
from careplan.openapi_docs import refusals
from careplan.people.access import Action, authorise_staff

STAFF_ONLY = "Only clinical staff work the inbox (not patients or practice administrators)"
ItemId = Annotated[str, PathParameter(max_length=64, description="The inbox item's id")]


class InboxController(Controller):
    path = "/inbox"
    tags = ["inbox"]

    @get(
        "/",
        summary="Inbox items: urgent first, then oldest first (clinical staff)",
        description="scope: mine (routed or assigned to you), team (routed to the team, or "
        "to someone no longer present), all. Resolved items come most recently resolved first.",
        responses=refusals(_403=STAFF_ONLY),
    )
    async def list(
        self,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
        # `scope` is a reserved name in Litestar (the ASGI scope), hence the alias; the
        # service checks the value so a bad one is a 400 that names `scope`.
        which: Annotated[
            str, QueryParameter(name="scope", max_length=20, description="mine | team | all")
        ] = "mine",
        status: Annotated[Status, QueryParameter()] = "open",
        after: Annotated[
            str | None, QueryParameter(max_length=200, description="next_after of the last page")
        ] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 100,
    ) -> InboxPage:
        return await service.list_items(db, clock, actor, which, status, after, limit)

    @get("/{item_id:str}", summary="One item with its notes")
    async def read(
        self, item_id: ItemId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> ItemDetail:
        return await service.read_item(db, clock, actor, item_id)

    @post(
        "/{item_id:str}/assign",
        summary="Give the item to a clinician of your practice",
        status_code=HTTP_200_OK,
    )
    async def assign(
        self,
        item_id: ItemId,
        data: JSONBody[Assign],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> InboxItem:
        return await service.assign(db, clock, actor, item_id, data)

    @post("/{item_id:str}/notes", summary="Add a note for colleagues (not sent to the patient)")
    async def note(
        self,
        item_id: ItemId,
        data: JSONBody[NoteCreate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Note:
        return await service.add_note(db, clock, actor, item_id, data)

    @post(
        "/{item_id:str}/reply",
        summary="Reply to the patient: a text, shown in their thread in the app too",
        description="201 with the item and the queued message; 200 with the stored message "
        "when this client_id was already sent. The first reply sets first_reply_at.",
        responses={
            HTTP_200_OK: ResponseSpec(ReplyResult, description="A replay: nothing sent again"),
            **refusals(_409=OPTED_OUT),
        },
    )
    async def reply(
        self,
        item_id: ItemId,
        data: JSONBody[Reply],
        db: Db,
        clock: AppClock,
        settings: AppSettings,
        sms: Sms,
        actor: CurrentActor,
    ) -> Response[ReplyResult]:
        sending = Sending(db=db, sms=sms, settings=settings, clock=clock)
        result, created = await service.reply(sending, actor, item_id, data)
        return Response(result, status_code=HTTP_201_CREATED if created else HTTP_200_OK)

    @post(
        "/{item_id:str}/resolve",
        summary="Mark the item dealt with (again: no change)",
        status_code=HTTP_200_OK,
    )
    async def resolve(
        self,
        item_id: ItemId,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
        data: Annotated[Resolve | None, Body(description="Empty, or {}")] = None,
    ) -> InboxItem:
        return await service.resolve(db, clock, actor, item_id)


@get(
    "/clinicians/me/away",
    tags=["inbox"],
    summary="Whether you are marked away",
    responses=refusals(_403=STAFF_ONLY),
)
async def read_away(db: Db, actor: CurrentActor) -> AwayStatus:
    return await service.away_status(db, actor)


@put(
    "/clinicians/me/away",
    tags=["inbox"],
    summary="Mark yourself away until a time (null: back now)",
    description="While away, your patients' new items go to the team; going away also hands "
    "the open items routed or assigned to you to the team.",
)
async def set_away(
    data: JSONBody[Away], db: Db, clock: AppClock, actor: CurrentActor
) -> AwayStatus:
    return await service.set_away(db, clock, actor, data.until)


def inbox_event_stream(hub: InboxEvents) -> HTTPRouteHandler:
    """`GET /api/inbox/events`, bound to this app's hub."""

    @get(
        "/inbox/events",
        tags=["inbox"],
        summary="Live updates for your practice's inbox (Server-Sent Events)",
        description="`event: ready` once listening (re-read the inbox then), then `event: "
        'item` with data {"id", "kind", "urgency", "patient_id", "change"} whenever an item '
        "is opened, assigned, noted, replied to, resolved or rerouted; a comment every 15 s. "
        "The stream ends after 5 minutes; EventSource reconnects by itself.",
        media_type="text/event-stream",
        responses=refusals(_403=STAFF_ONLY),
    )
    async def inbox_events(actor: CurrentActor) -> ServerSentEvent:
        authorise_staff(actor, Action.WORK_INBOX)
        return ServerSentEvent(hub.stream(actor.organisation_id))

    return inbox_events
