"""Sign-in rules: SMS codes for patients, passwords for clinicians, sessions for both."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from litestar.exceptions import ClientException, NotAuthorizedException

from careplan.auth import rate_limit, repo
from careplan.auth.passwords import verify_password
from careplan.auth.schemas import ActsFor, Me, OrganisationRef
from careplan.auth.tokens import (
    codes_match,
    hash_session_token,
    hash_sign_in_code,
    new_session_token,
    new_sign_in_code,
    rate_limit_key,
)
from careplan.carers import repo as carers_repo
from careplan.clock import Clock
from careplan.errors import Conflict
from careplan.people import repo as people_repo
from careplan.people import scopes as scope_names
from careplan.people.actor import Actor, ActorKind
from careplan.people.service import checked_phone
from careplan.settings import Settings
from careplan.storage.db import Database

log = logging.getLogger(__name__)

CODE_TTL_SECONDS = 600
MAX_CODE_ATTEMPTS = 5
TOUCH_EVERY_MS = 60_000  # idle expiry needs last_seen_at, but not a write on every request
WRONG_CODE = "That code is not right or has expired. Check the text or ask for a new code."
WRONG_LOGIN = "Email or password not recognised"


@dataclass(frozen=True, slots=True)
class CodeToSend:
    phone: str
    body: str


@dataclass(frozen=True, slots=True)
class NewSession:
    token: str
    me: Me


async def request_sms_code(
    db: Database, clock: Clock, settings: Settings, raw_phone: str, client_address: str
) -> CodeToSend | None:
    """Store a code whether or not the phone is known; return a text only for a patient's
    phone or a carer's with a live invitation or access (a former carer gets nothing).

    The caller answers identically either way, so the answer never reveals who is registered.
    """
    phone = checked_phone(raw_phone)
    now = clock.now_ms()
    await rate_limit.hit(
        db,
        rate_limit.SMS_CODE_PER_ADDRESS,
        rate_limit_key(settings.secret_key, client_address),
        now,
    )
    await rate_limit.hit(
        db, rate_limit.SMS_CODE_PER_PHONE, rate_limit_key(settings.secret_key, phone), now
    )
    code = new_sign_in_code()
    async with db.transaction() as tx:
        await repo.retire_codes(tx, phone, now)
        await repo.insert_code(
            tx,
            uuid.uuid4().hex,
            phone,
            hash_sign_in_code(settings.secret_key, phone, code),
            now,
            now + CODE_TTL_SECONDS * 1000,
        )
    known = await people_repo.patient_ids_by_phone(db, phone)
    if not known and not await carers_repo.carer_signs_in(db, phone, now):
        return None
    return CodeToSend(phone, sign_in_text(code, settings.public_url))


def sign_in_text(code: str, public_url: str) -> str:
    """The last line lets the browser offer the code (WebOTP), bound to our own host."""
    host = urlsplit(public_url).netloc
    return (
        f"Your Careplan sign-in code is {code}. It expires in 10 minutes. "
        f"Never share it; we will never ask you for it.\n\n@{host} #{code}"
    )


async def verify_sms_code(
    db: Database,
    clock: Clock,
    settings: Settings,
    raw_phone: str,
    code: str,
    patient_id: str | None,
    client_address: str,
    as_carer: bool = False,
) -> NewSession:
    phone = checked_phone(raw_phone)
    now = clock.now_ms()
    await rate_limit.hit(
        db,
        rate_limit.SMS_VERIFY_PER_ADDRESS,
        rate_limit_key(settings.secret_key, client_address),
        now,
    )
    live = await repo.latest_live_code(db, phone, now)
    if live is None or live["attempts"] >= MAX_CODE_ATTEMPTS:
        raise ClientException(WRONG_CODE)
    if not codes_match(live["code_hash"], hash_sign_in_code(settings.secret_key, phone, code)):
        await repo.count_failed_attempt(db, live["id"])
        raise ClientException(WRONG_CODE)
    patient_ids = await people_repo.patient_ids_by_phone(db, phone)
    carer_id = await carers_repo.carer_signs_in(db, phone, now)
    kind, user_id = _who_signs_in(patient_ids, carer_id, patient_id, as_carer)
    if not await repo.consume_code(db, live["id"], now):
        raise ClientException(WRONG_CODE)
    return await _start_session(db, clock, settings, kind, user_id)


def _who_signs_in(
    patient_ids: list[str], carer_id: str | None, wanted: str | None, as_carer: bool
) -> tuple[ActorKind, str]:
    """The person a phone signs in as. A phone that is a patient's and a carer's, or several
    patients', gets a 409 listing the choices; nobody is guessed."""
    if as_carer:
        if carer_id is None:
            raise ClientException(WRONG_CODE)
        return ActorKind.CARER, carer_id
    if not patient_ids and carer_id is not None and wanted is None:
        return ActorKind.CARER, carer_id
    if not patient_ids:
        raise ClientException(WRONG_CODE)  # a code for an unknown phone never opens anything
    chosen = _choose_patient(patient_ids, wanted)
    if chosen is None or (wanted is None and carer_id is not None):
        raise Conflict(
            "Several people share this phone. Choose who is signing in.",
            extra={"patient_ids": patient_ids, "carer": carer_id is not None},
        )
    return ActorKind.PATIENT, chosen


def _choose_patient(patient_ids: list[str], wanted: str | None) -> str | None:
    if wanted is not None:
        return wanted if wanted in patient_ids else None
    return patient_ids[0] if len(patient_ids) == 1 else None


async def login(
    db: Database, clock: Clock, settings: Settings, email: str, password: str, client_address: str
) -> NewSession:
    email = email.strip().lower()
    now = clock.now_ms()
    await rate_limit.hit(
        db, rate_limit.LOGIN_PER_ADDRESS, rate_limit_key(settings.secret_key, client_address), now
    )
    await rate_limit.hit(
        db, rate_limit.LOGIN_PER_EMAIL, rate_limit_key(settings.secret_key, email), now
    )
    clinician = await people_repo.clinician_by_email(db, email)
    stored = clinician["password_hash"] if clinician and clinician["active"] else None
    if not await verify_password(stored, password):
        raise NotAuthorizedException(WRONG_LOGIN)
    assert clinician is not None
    return await _start_session(db, clock, settings, ActorKind.CLINICIAN, clinician["id"])


async def _start_session(
    db: Database, clock: Clock, settings: Settings, kind: ActorKind, user_id: str
) -> NewSession:
    token = new_session_token()
    token_hash = hash_session_token(token)
    now = clock.now_ms()
    expires_at = now + settings.session_absolute_hours * 3_600_000
    await repo.insert_session(db, token_hash, kind.value, user_id, now, expires_at)
    actor = await authenticate(db, clock, settings, token)
    assert actor is not None
    log.info("session started", extra={"user_kind": kind.value})
    return NewSession(token, await me_of(db, actor))


async def authenticate(db: Database, clock: Clock, settings: Settings, token: str) -> Actor | None:
    """The actor behind a session cookie, or None if it is unknown, revoked or expired."""
    token_hash = hash_session_token(token)
    row = await repo.session_actor(db, token_hash)
    if row is None:
        return None
    now = clock.now_ms()
    idle_ms = settings.session_idle_minutes * 60_000
    if now >= row["expires_at"] or now - row["last_seen_at"] >= idle_ms:
        return None
    if now - row["last_seen_at"] >= TOUCH_EVERY_MS:
        await repo.touch_session(db, token_hash, now)
    if row["user_kind"] == ActorKind.PATIENT:
        return Actor(
            kind=ActorKind.PATIENT,
            id=row["user_id"],
            display_name=f"{row['given_name']} {row['family_name']}",
            role="patient",
            organisation_id=row["organisation_id"],
            organisation_name=row["organisation_name"],
            preferred_language=row["preferred_language"],
            session_hash=token_hash,
            request_at=now,
        )
    if row["user_kind"] == ActorKind.CARER:
        return Actor(
            kind=ActorKind.CARER,
            id=row["user_id"],
            display_name=row["carer_name"],
            role="carer",
            organisation_id="",
            organisation_name="",
            preferred_language=row["carer_language"],
            session_hash=token_hash,
            request_at=now,
        )
    if row["clinician_name"] is None:
        return None  # deactivated since sign-in
    return Actor(
        kind=ActorKind.CLINICIAN,
        id=row["user_id"],
        display_name=row["clinician_name"],
        role=row["clinician_role"],
        organisation_id=row["organisation_id"],
        organisation_name=row["organisation_name"],
        preferred_language="en",
        session_hash=token_hash,
        request_at=now,
    )


async def logout(db: Database, clock: Clock, token: str | None) -> None:
    if token:
        await repo.revoke_session(db, hash_session_token(token), clock.now_ms())


async def me_of(db: Database, actor: Actor) -> Me:
    """Who you are and whom you may act for: yourself, or the patients you help as a carer
    (with what each lets you do)."""
    if actor.kind is ActorKind.CARER:
        rows = await carers_repo.helped_by(db, actor.id, actor.request_at)
        patients = [
            ActsFor(
                id=row["patient_id"],
                display_name=row["patient_name"],
                relationship="carer",
                scopes=sorted(scope_names.decode(row["scopes"])),
            )
            for row in rows
            if row["status"] == "active"
        ]
    elif actor.kind is ActorKind.PATIENT:
        patients = [ActsFor(id=actor.id, display_name=actor.display_name, relationship="self")]
    else:
        patients = []
    return Me(
        kind=actor.kind.value,
        id=actor.id,
        display_name=actor.display_name,
        role=actor.role,
        organisation=OrganisationRef(id=actor.organisation_id, name=actor.organisation_name),
        preferred_language=actor.preferred_language,
        patients=patients,
    )
