"""The rules for "my story" share links (FEATURES E, ADR 0017).

- Only the patient makes, lists and stops their links (access.SHARE_STORY, VIEW_SHARE_LINKS):
  sharing beyond the practice is their decision; carers and clinicians are refused.
- A link opens for 1 hour to 30 days; the patient may stop it at once.
- The token is 256 random bits, shown once; only its SHA-256 is stored, found by that hash
  and compared in constant time. Nothing logs it: the link's id names it everywhere else.
- Every view is counted and written to the patient's access log, in the same transaction
  that checks the link is still open; an unknown, ended or stopped link reads the same.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid

from litestar.exceptions import NotFoundException

from careplan.audit.service import record as record_audit
from careplan.clock import Clock
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor, ActorKind
from careplan.settings import Settings
from careplan.sharing import repo
from careplan.sharing.schemas import (
    ShareLink,
    ShareLinkCreate,
    ShareLinkCreated,
    ShareLinkList,
    ShareLinkStatus,
)
from careplan.sharing.story import Story, gather_story
from careplan.storage.db import Database, Row

HOUR_MS = 3_600_000
STORY_PATH = "/story/"
LINK_NOT_FOUND = "No share link with that id for this patient"
# secrets.token_urlsafe(32): 43 characters of the URL-safe alphabet. Anything else is not ours.
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Plain SHA-256 is enough: the token has 256 bits of entropy (as session tokens)."""
    return hashlib.sha256(token.encode()).hexdigest()


async def create_link(
    db: Database,
    clock: Clock,
    settings: Settings,
    actor: Actor,
    patient_id: str,
    data: ShareLinkCreate,
) -> ShareLinkCreated:
    actor = await authorise(db, actor, patient_id, Action.SHARE_STORY)
    now = clock.now_ms()
    token, link_id = new_token(), uuid.uuid4().hex
    async with db.transaction() as tx:
        await repo.insert_link(
            tx,
            {
                "id": link_id,
                "patient_id": patient_id,
                "token_hash": hash_token(token),
                "label": " ".join(data.label.split()),
                "created_by_kind": actor.kind.value,
                "created_by_id": actor.id,
                "created_at": now,
                "expires_at": now + data.expires_in_hours * HOUR_MS,
            },
        )
        await record_audit(
            tx, clock, actor, "share_link.create", [patient_id], "share_link", link_id
        )
        row = await repo.link(tx, link_id)
    assert row is not None
    url = f"{settings.public_url.rstrip('/')}{STORY_PATH}{token}"
    return ShareLinkCreated(link=_link(row, now), url=url)


async def list_links(db: Database, clock: Clock, actor: Actor, patient_id: str) -> ShareLinkList:
    """Newest first. Only the patient reads this, and their own reads are not logged."""
    await authorise(db, actor, patient_id, Action.VIEW_SHARE_LINKS)
    now = clock.now_ms()
    return ShareLinkList(
        items=[_link(r, now) for r in await repo.links_for_patient(db, patient_id)]
    )


async def revoke_link(
    db: Database, clock: Clock, actor: Actor, patient_id: str, link_id: str
) -> ShareLink:
    """Stops the link at once: its next view is the not-found page. Twice is harmless."""
    actor = await authorise(db, actor, patient_id, Action.SHARE_STORY)
    now = clock.now_ms()
    async with db.transaction() as tx:
        row = await repo.link(tx, link_id)
        if row is None or row["patient_id"] != patient_id:
            raise NotFoundException(LINK_NOT_FOUND)
        if await repo.revoke(tx, link_id, now):
            await record_audit(
                tx, clock, actor, "share_link.revoke", [patient_id], "share_link", link_id
            )
        changed = await repo.link(tx, link_id)
    assert changed is not None
    return _link(changed, now)


async def open_story(db: Database, clock: Clock, token: str) -> Story | None:
    """The story behind a token still open now, its view counted and logged; else None."""
    if not _TOKEN.match(token):
        return None
    digest = hash_token(token)
    now = clock.now_ms()
    async with db.transaction() as tx:
        row = await repo.link_by_hash(tx, digest)
        if row is None or not hmac.compare_digest(row["token_hash"], digest):
            return None
        if not await repo.count_view(tx, row["id"], now):
            return None
        patient_id = row["patient_id"]
        viewer = _link_actor(row)
        await record_audit(tx, clock, viewer, "story.view", [patient_id], "story", row["id"])
        return await gather_story(tx, patient_id, now, row["expires_at"])


def _link_actor(row: Row) -> Actor:
    """Who the access log names for a view: the link itself (audit/repo.py names it by its
    label). Nobody signed in, so nothing else about the viewer is known or kept."""
    return Actor(
        kind=ActorKind.SHARE_LINK,
        id=row["id"],
        display_name=row["label"],
        role=ActorKind.SHARE_LINK.value,
        organisation_id="",
        organisation_name="",
        preferred_language="en",
        session_hash="",
    )


def _status(row: Row, now: int) -> ShareLinkStatus:
    if row["revoked_at"] is not None:
        return "revoked"
    return "active" if row["expires_at"] > now else "expired"


def _link(row: Row, now: int) -> ShareLink:
    return ShareLink(
        id=row["id"],
        label=row["label"],
        status=_status(row, now),
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        revoked_at=row["revoked_at"],
        view_count=row["view_count"],
        last_viewed_at=row["last_viewed_at"],
    )
