"""Bodies for Web Push subscriptions (what `PushSubscription.toJSON()` gives, snake_case)."""

from __future__ import annotations

from typing import Annotated

import msgspec


class PushKeys(msgspec.Struct, forbid_unknown_fields=True):
    p256dh: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    auth: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]


class PushSubscriptionCreate(msgspec.Struct, forbid_unknown_fields=True):
    endpoint: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]
    keys: PushKeys
    expiration_time: Annotated[
        int | None, msgspec.Meta(description="From the browser; not used")
    ] = None


class PushSubscription(msgspec.Struct):
    id: str
    endpoint: str
    created_at: int


class PushConfig(msgspec.Struct):
    enabled: bool
    public_key: Annotated[
        str | None, msgspec.Meta(description="applicationServerKey for pushManager.subscribe")
    ]
