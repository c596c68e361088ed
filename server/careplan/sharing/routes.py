"""Share link endpoints (thin: rules in sharing/service.py, the page in sharing/page.py).

The patient's links live under /api/ (session and CSRF as everywhere). The story page is
mounted at the app's root, outside the /api/ router and so outside its session and CSRF
middleware: the token in the path is the only credential, and the page never reads cookies.
"""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.openapi import ResponseSpec
from litestar.params import JSONBody, PathParameter

from careplan.auth.middleware import PUBLIC
from careplan.dependencies import AppClock, AppSettings, CurrentActor, Db
from careplan.sharing import service
from careplan.sharing.page import HEADERS, not_found_page, story_page
from careplan.sharing.schemas import ShareLink, ShareLinkCreate, ShareLinkCreated, ShareLinkList

PatientId = Annotated[str, PathParameter(max_length=64, description="The patient's id")]
LinkId = Annotated[str, PathParameter(max_length=64, description="The share link's id")]
# No length or pattern here: any malformed token must get the same not-found page, not a 400.
Token = Annotated[str, PathParameter(description="The token from the link's address")]
HTML = "text/html; charset=utf-8"


class ShareLinkController(Controller):
    """The patient's "my story" links: make one, see them, stop one."""

    path = "/patients/{patient_id:str}/share-links"
    tags = ["sharing"]

    @post(summary="Make a read-only link to your story (its address is shown only now)")
    async def create(
        self,
        patient_id: PatientId,
        data: JSONBody[ShareLinkCreate],
        db: Db,
        clock: AppClock,
        settings: AppSettings,
        actor: CurrentActor,
    ) -> Response[ShareLinkCreated]:
        created = await service.create_link(db, clock, settings, actor, patient_id, data)
        return Response(created, status_code=201, headers={"Cache-Control": "no-store"})

    @get(summary="Your share links, newest first, with views (never their addresses)")
    async def list(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> ShareLinkList:
        return await service.list_links(db, clock, actor, patient_id)

    @post(
        "/{link_id:str}/revoke",
        status_code=200,
        summary="Stop a share link now: its next view gets the not-found page",
    )
    async def revoke(
        self, patient_id: PatientId, link_id: LinkId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> ShareLink:
        return await service.revoke_link(db, clock, actor, patient_id, link_id)


_PAGE_RESPONSES = {
    404: ResponseSpec(
        str,
        description="The link is unknown, has ended or was stopped (one page for all three)",
        media_type=HTML,
        generate_examples=False,
    )
}


@get(
    "/story/{token:str}",
    tags=["sharing"],
    opt={PUBLIC: True},
    summary="The patient's story, for whoever holds the link (HTML, no sign-in)",
    media_type=HTML,
    responses=_PAGE_RESPONSES,
)
async def story(token: Token, db: Db, clock: AppClock) -> Response[str]:
    found = await service.open_story(db, clock, token)
    if found is None:
        return Response(not_found_page(), status_code=404, media_type=HTML, headers=HEADERS)
    return Response(story_page(found), media_type=HTML, headers=HEADERS)
