"""Bodies for "my story" share links. New fields always get a default (old PWAs replay)."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

MAX_HOURS = 30 * 24

ShareLinkStatus = Literal["active", "expired", "revoked"]


class ShareLinkCreate(msgspec.Struct, forbid_unknown_fields=True):
    expires_in_hours: Annotated[
        int,
        msgspec.Meta(
            ge=1,
            le=MAX_HOURS,
            description="How long the link opens: from 1 hour to 30 days (720 hours)",
            examples=[72],
        ),
    ]
    label: Annotated[
        str,
        msgspec.Meta(
            max_length=80,
            description="Who or what it is for, in the patient's words",
            examples=["Hospital admission"],
        ),
    ] = ""


class ShareLink(msgspec.Struct):
    """A link as the patient sees it afterwards: never its token."""

    id: str
    label: str
    status: ShareLinkStatus
    created_at: int
    expires_at: int
    revoked_at: int | None
    view_count: int
    last_viewed_at: int | None


class ShareLinkCreated(msgspec.Struct):
    """The new link and its address, shown this once: only a hash of the token is kept."""

    link: ShareLink
    url: str


class ShareLinkList(msgspec.Struct):
    items: list[ShareLink]
