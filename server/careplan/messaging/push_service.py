"""The rules for Web Push subscriptions: only the patient, for their own device; endpoints
only at the browsers' push services (the server POSTs to them); keys of the right size."""

from __future__ import annotations

import base64
import binascii
import uuid
from urllib.parse import urlsplit

from careplan.audit.service import record as record_audit
from careplan.clock import Clock
from careplan.errors import Conflict, InvalidField
from careplan.messaging import push_repo
from careplan.messaging.push_schemas import PushConfig, PushSubscription, PushSubscriptionCreate
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.settings import PushSettings, Settings
from careplan.storage.db import Database

PUSH_OFF = "Notifications are not set up on this server; texts are used instead"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def config(settings: Settings) -> PushConfig:
    push = settings.push
    return PushConfig(enabled=push is not None, public_key=push.public_key if push else None)


async def subscribe(
    db: Database,
    clock: Clock,
    settings: Settings,
    actor: Actor,
    patient_id: str,
    data: PushSubscriptionCreate,
) -> PushSubscription:
    actor = await authorise(db, actor, patient_id, Action.MANAGE_PUSH)
    if settings.push is None:
        raise Conflict(PUSH_OFF)
    endpoint = checked_endpoint(data.endpoint, settings.push)
    _check_key("keys.p256dh", data.keys.p256dh, 65)
    _check_key("keys.auth", data.keys.auth, 16)
    now = clock.now_ms()
    async with db.transaction() as tx:
        subscription_id = await push_repo.upsert(
            tx,
            {
                "id": uuid.uuid4().hex,
                "patient_id": patient_id,
                "endpoint": endpoint,
                "p256dh": data.keys.p256dh,
                "auth": data.keys.auth,
                "created_at": now,
            },
        )
        await record_audit(
            tx, clock, actor, "push_subscription.create", [patient_id], "push_subscription"
        )
    return PushSubscription(id=subscription_id, endpoint=endpoint, created_at=now)


async def unsubscribe(
    db: Database, clock: Clock, actor: Actor, patient_id: str, endpoint: str
) -> None:
    """Idempotent: signing out on a device that never subscribed is fine."""
    actor = await authorise(db, actor, patient_id, Action.MANAGE_PUSH)
    async with db.transaction() as tx:
        if await push_repo.delete(tx, patient_id, endpoint):
            await record_audit(
                tx, clock, actor, "push_subscription.delete", [patient_id], "push_subscription"
            )


def checked_endpoint(endpoint: str, push: PushSettings) -> str:
    """An https URL at a configured push service (http only for one on this machine)."""
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" and not (parts.scheme == "http" and host in LOOPBACK):
        raise InvalidField("endpoint", "must be an https:// URL from the browser's push service")
    if not any(host == known or host.endswith(f".{known}") for known in push.service_hosts):
        raise InvalidField("endpoint", f"{host or 'this'} is not a known push service")
    return endpoint


def _check_key(field: str, value: str, size: int) -> None:
    try:
        decoded = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, binascii.Error):
        decoded = b""
    if len(decoded) != size:
        raise InvalidField(field, f"must be base64url for {size} bytes, as the browser gives it")
