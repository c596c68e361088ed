"""Sign-in endpoints (thin: the rules live in auth/service.py)."""

from __future__ import annotations

import logging

from litestar import Controller, Request, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.datastructures import Cookie
from litestar.params import JSONBody
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from careplan.auth import service
from careplan.auth.cookies import cookie_value
from careplan.auth.csrf import CSRF_COOKIE, csrf_token_valid, new_csrf_token
from careplan.auth.middleware import PUBLIC, SESSION_COOKIE, session_token
from careplan.auth.schemas import (
    CsrfToken,
    LoginRequest,
    Me,
    SmsCodeRequest,
    SmsCodeSent,
    SmsVerifyRequest,
)
from careplan.dependencies import AppClock, AppSettings, CurrentActor, Db, Sms
from careplan.messaging.sms.provider import SmsProvider, SmsSendError
from careplan.openapi_docs import refusals

log = logging.getLogger(__name__)


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _session_cookie(settings: AppSettings, token: str | None) -> Cookie:
    """HttpOnly, SameSite=Lax, Secure behind https; an empty value with max_age=0 clears it."""
    return Cookie(
        key=SESSION_COOKIE,
        value=token or "",
        path="/",
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        max_age=settings.session_absolute_hours * 3600 if token else 0,
    )


async def _send_code(sms: SmsProvider, to: str, body: str) -> None:
    try:
        sent = await sms.send(to, body)
    except SmsSendError as exc:
        log.warning("sign-in code not sent", extra={"error_code": exc.code, "reason": exc.reason})
        return
    log.info("sign-in code sent", extra={"message_sid": sent.sid})


class AuthController(Controller):
    path = "/auth"
    tags = ["auth"]
    opt = {PUBLIC: True}

    @get("/csrf", summary="Get a CSRF token (also set as the csrftoken cookie)")
    async def csrf(self, request: Request, settings: AppSettings) -> Response[CsrfToken]:
        """Send the value back in the `X-CSRFToken` header on every state-changing request.

        A valid token already held is kept, so several open tabs never invalidate each other.
        """
        held = cookie_value(request.scope, CSRF_COOKIE)
        token = held if csrf_token_valid(settings.secret_key, held, held) else None
        token = token or new_csrf_token(settings.secret_key)
        cookie = Cookie(
            key=CSRF_COOKIE,
            value=token,
            path="/",
            httponly=False,  # the app reads it to echo it
            samesite="lax",
            secure=settings.secure_cookies,
        )
        return Response(CsrfToken(csrf_token=token), cookies=[cookie])

    @post(
        "/sms-code",
        status_code=HTTP_202_ACCEPTED,
        summary="Text a sign-in code to a phone",
        responses=refusals(_429="Too many codes asked for this phone or from this address"),
    )
    async def sms_code(
        self,
        request: Request,
        data: JSONBody[SmsCodeRequest],
        db: Db,
        clock: AppClock,
        settings: AppSettings,
        sms: Sms,
    ) -> Response[SmsCodeSent]:
        """The same answer whether or not the phone belongs to a patient."""
        to_send = await service.request_sms_code(
            db, clock, settings, data.phone, client_address(request)
        )
        task = BackgroundTask(_send_code, sms, to_send.phone, to_send.body) if to_send else None
        body = SmsCodeSent(status="sent", expires_in_seconds=service.CODE_TTL_SECONDS)
        return Response(body, status_code=HTTP_202_ACCEPTED, background=task)

    @post(
        "/sms-verify",
        status_code=200,
        summary="Exchange a texted code for a session",
        responses=refusals(
            _409="Several patients share this phone: send again with one of their patient_ids",
            _429="Too many attempts for this phone or from this address",
        ),
    )
    async def sms_verify(
        self,
        request: Request,
        data: JSONBody[SmsVerifyRequest],
        db: Db,
        clock: AppClock,
        settings: AppSettings,
    ) -> Response[Me]:
        session = await service.verify_sms_code(
            db,
            clock,
            settings,
            data.phone,
            data.code.strip(),
            data.patient_id,
            client_address(request),
            as_carer=data.as_carer,
        )
        return Response(
            session.me, status_code=200, cookies=[_session_cookie(settings, session.token)]
        )

    @post(
        "/login",
        status_code=200,
        summary="Clinician sign-in with email and password",
        responses=refusals(
            _401="Wrong email or password", _429="Too many attempts for this email or address"
        ),
    )
    async def login(
        self,
        request: Request,
        data: JSONBody[LoginRequest],
        db: Db,
        clock: AppClock,
        settings: AppSettings,
    ) -> Response[Me]:
        session = await service.login(
            db, clock, settings, data.email, data.password, client_address(request)
        )
        return Response(
            session.me, status_code=200, cookies=[_session_cookie(settings, session.token)]
        )

    @post("/logout", status_code=HTTP_204_NO_CONTENT, summary="End this session")
    async def logout(
        self, request: Request, db: Db, clock: AppClock, settings: AppSettings
    ) -> Response[None]:
        await service.logout(db, clock, session_token(request.scope))
        return Response(
            None, status_code=HTTP_204_NO_CONTENT, cookies=[_session_cookie(settings, None)]
        )


@get("/me", tags=["auth"], summary="Who you are and the patients you may act for")
async def me(db: Db, actor: CurrentActor) -> Me:
    return await service.me_of(db, actor)
