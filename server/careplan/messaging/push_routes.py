"""Web Push: the server's public key and a patient's device subscriptions (thin)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, delete, get, post
from litestar.params import JSONBody, QueryParameter

from careplan.dependencies import AppClock, AppSettings, CurrentActor, Db
from careplan.messaging import push_service
from careplan.messaging.push_schemas import PushConfig, PushSubscription, PushSubscriptionCreate
from careplan.openapi_docs import refusals
from careplan.people.routes import PatientId

SUBSCRIPTIONS = "/patients/{patient_id:str}/push-subscriptions"


class PushController(Controller):
    path = "/"
    tags = ["messages"]

    @get("/push/config", summary="Whether notifications are on, and the key to subscribe with")
    async def config(self, settings: AppSettings) -> PushConfig:
        return push_service.config(settings)

    @post(
        SUBSCRIPTIONS,
        summary="Notify this device (the patient's own, from pushManager.subscribe)",
        description="An endpoint already known moves to this patient: a shared device "
        "notifies only whoever subscribed on it last.",
        responses=refusals(_409=push_service.PUSH_OFF),
    )
    async def subscribe(
        self,
        patient_id: PatientId,
        data: JSONBody[PushSubscriptionCreate],
        db: Db,
        clock: AppClock,
        settings: AppSettings,
        actor: CurrentActor,
    ) -> PushSubscription:
        return await push_service.subscribe(db, clock, settings, actor, patient_id, data)

    @delete(SUBSCRIPTIONS, summary="Stop notifying this device (on sign-out too)")
    async def unsubscribe(
        self,
        patient_id: PatientId,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
        endpoint: Annotated[
            str, QueryParameter(min_length=1, max_length=2000, description="The device's endpoint")
        ],
    ) -> None:
        await push_service.unsubscribe(db, clock, actor, patient_id, endpoint)
