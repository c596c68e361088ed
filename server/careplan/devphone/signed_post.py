"""Posting a form the way Twilio posts webhooks: signed with the account's auth token."""

from __future__ import annotations

import httpx

from careplan.messaging.signature import SIGNATURE_HEADER, sign

WEBHOOK_TIMEOUT_SECONDS = 10.0


async def post_signed_form(
    http: httpx.AsyncClient, auth_token: str, url: str, params: dict[str, str]
) -> httpx.Response:
    headers = {SIGNATURE_HEADER: sign(auth_token, url, params)}
    return await http.post(url, data=params, headers=headers)
