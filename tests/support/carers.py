"""Carers through the real HTTP flow: the patient invites, the carer signs in with the code
texted to their own phone (read off the dev phone) and accepts."""

from __future__ import annotations

import httpx
from tests.support.signin import latest_code, texts_to

CARER_PHONE = "+447700900301"


async def invite(patient: httpx.AsyncClient, patient_id: str, scopes: list[str], **more) -> dict:
    body = {"display_name": "Sam Carer", "phone": CARER_PHONE, "scopes": scopes, **more}
    answer = await patient.post(f"/api/patients/{patient_id}/carers", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def sign_in_carer(carer: httpx.AsyncClient, dev_phone: str, phone: str = CARER_PHONE) -> dict:
    sent = await carer.post("/api/auth/sms-code", json={"phone": phone})
    assert sent.status_code == 202, sent.text
    code = await latest_code(dev_phone, phone)
    verified = await carer.post("/api/auth/sms-verify", json={"phone": phone, "code": code})
    assert verified.status_code == 200, verified.text
    return verified.json()


async def accept_all(carer: httpx.AsyncClient) -> None:
    waiting = (await carer.get("/api/carer/patients")).json()["invitations"]
    for invitation in waiting:
        answer = await carer.post(f"/api/carer/invitations/{invitation['delegation_id']}/accept")
        assert answer.status_code == 200, answer.text


async def carer_helping(
    patient: httpx.AsyncClient,
    carer: httpx.AsyncClient,
    dev_phone: str,
    patient_id: str,
    scopes: list[str],
    **more,
) -> dict:
    """Invite, sign in, accept: the delegation as the patient sees it afterwards."""
    delegation = await invite(patient, patient_id, scopes, **more)
    await sign_in_carer(carer, dev_phone)
    await accept_all(carer)
    return delegation


__all__ = ["texts_to"]
