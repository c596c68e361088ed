"""Signing in through the real HTTP flow, reading codes off the dev phone like a person would."""

from __future__ import annotations

import re
from urllib.parse import quote

import httpx
from tests.support.world import PASSWORD

from careplan.people.identifiers import normalise_phone
from careplan.settings import DEV_ACCOUNT_SID, DEV_AUTH_TOKEN

_CODE = re.compile(r"\b(\d{6})\b")


async def texts_to(dev_phone: str, phone: str) -> list[dict]:
    """Every text the dev phone holds for PHONE, newest first (Twilio's list resource)."""
    to = normalise_phone(phone)
    url = f"{dev_phone}/2010-04-01/Accounts/{DEV_ACCOUNT_SID}/Messages.json?To={quote(to)}"
    async with httpx.AsyncClient(auth=(DEV_ACCOUNT_SID, DEV_AUTH_TOKEN)) as http:
        answer = await http.get(url)
    answer.raise_for_status()
    return answer.json()["messages"]


async def latest_code(dev_phone: str, phone: str) -> str:
    """The code in the newest text that holds one (a check-in may have arrived since)."""
    texts = await texts_to(dev_phone, phone)
    assert texts, f"no text reached {phone}"
    codes = (_CODE.search(text["body"]) for text in texts)
    match = next((code for code in codes if code), None)
    assert match, f"no text to {phone} holds a 6-digit code"
    return match[1]


async def sign_in_patient(client: httpx.AsyncClient, dev_phone: str, phone: str) -> dict:
    sent = await client.post("/api/auth/sms-code", json={"phone": phone})
    assert sent.status_code == 202, sent.text
    code = await latest_code(dev_phone, phone)
    verified = await client.post("/api/auth/sms-verify", json={"phone": phone, "code": code})
    assert verified.status_code == 200, verified.text
    return verified.json()


async def sign_in_clinician(client: httpx.AsyncClient, email: str) -> dict:
    answer = await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    return answer.json()
