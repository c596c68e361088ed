"""A patient's message thread (thin: rules in messaging/thread_service.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.openapi import ResponseSpec
from litestar.params import JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from careplan.dependencies import AppClock, AppSettings, CurrentActor, Db, Sms
from careplan.messaging import thread_service
from careplan.messaging.thread_schemas import MessageCreate, PostedMessage, Thread
from careplan.messaging.thread_service import OPTED_OUT, Sending
from careplan.openapi_docs import refusals
from careplan.people.routes import PatientId

MESSAGES = "/patients/{patient_id:str}/messages"


class ThreadController(Controller):
    path = "/"
    tags = ["messages"]

    @get(
        MESSAGES,
        summary="The patient's messages, oldest first, and the check-in waiting for an answer",
    )
    async def read(
        self,
        patient_id: PatientId,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
        before: Annotated[
            str | None,
            QueryParameter(max_length=100, description="next_before from the previous page"),
        ] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50,
    ) -> Thread:
        return await thread_service.read_thread(db, clock, actor, patient_id, before, limit)

    @post(
        MESSAGES,
        summary="Write in the thread: the patient's message is read like a texted reply; "
        "a clinician's is texted to the patient",
        description="201 with the message (and, for the patient's, what was made of it); 200 "
        "with the stored message when this client_id was already sent.",
        responses={
            HTTP_200_OK: ResponseSpec(PostedMessage, description="A replay: stored once"),
            **refusals(_409=f"{OPTED_OUT} (a clinician's message)"),
        },
    )
    async def post(
        self,
        patient_id: PatientId,
        data: JSONBody[MessageCreate],
        db: Db,
        clock: AppClock,
        settings: AppSettings,
        sms: Sms,
        actor: CurrentActor,
    ) -> Response[PostedMessage]:
        sending = Sending(db=db, sms=sms, settings=settings, clock=clock)
        posted, created = await thread_service.post_message(sending, actor, patient_id, data)
        return Response(posted, status_code=HTTP_201_CREATED if created else HTTP_200_OK)
