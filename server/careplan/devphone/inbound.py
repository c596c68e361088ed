"""The phone replies: store the text and post Twilio's signed inbound webhook to Careplan.

The answer carries Careplan's own HTTP status, so a rejected signature or a crash shows up
where the developer pressed "send" (502 when Careplan could not be reached at all).
"""

from __future__ import annotations

from typing import Any

import httpx
import msgspec
from litestar import Response, post
from litestar.di import NamedDependency
from litestar.exceptions import ClientException
from litestar.params import JSONBody

from careplan.devphone.messages_api import MAX_BODY_CHARACTERS
from careplan.devphone.phone_numbers import is_e164
from careplan.devphone.resources import API_VERSION
from careplan.devphone.segments import count_segments
from careplan.devphone.signed_post import WEBHOOK_TIMEOUT_SECONDS, post_signed_form
from careplan.devphone.state import DevPhone
from careplan.devphone.store import INBOUND, DevMessage, new_message_sid, utc_now
from careplan.messaging.signature import public_request_url
from careplan.messaging.webhooks import INBOUND_SMS_PATH


class PhoneReply(msgspec.Struct, forbid_unknown_fields=True):
    from_: str = msgspec.field(name="from")
    body: str


@post("/api/reply", status_code=200)
async def phone_replies(
    data: JSONBody[PhoneReply], dev_phone: NamedDependency[DevPhone]
) -> Response[dict[str, Any]]:
    if not is_e164(data.from_):
        raise ClientException(detail="from: expected an E.164 number such as +447700900101")
    if not data.body.strip() or len(data.body) > MAX_BODY_CHARACTERS:
        raise ClientException(detail=f"body: 1 to {MAX_BODY_CHARACTERS} characters")
    message = _inbound_message(dev_phone, data)
    dev_phone.store.add(message)
    url = public_request_url(dev_phone.settings.public_url, INBOUND_SMS_PATH)
    answer: dict[str, Any] = {"sid": message.sid, "webhook_url": url}
    try:
        async with httpx.AsyncClient(timeout=WEBHOOK_TIMEOUT_SECONDS) as http:
            response = await post_signed_form(
                http,
                dev_phone.settings.twilio.auth_token,
                url,
                inbound_webhook_params(dev_phone, message),
            )
    except httpx.HTTPError as exc:
        detail = f"Careplan could not be reached: {type(exc).__name__}"
        return Response({**answer, "webhook_status": None, "detail": detail}, status_code=502)
    return Response(
        {**answer, "webhook_status": response.status_code}, status_code=response.status_code
    )


def inbound_webhook_params(phone: DevPhone, message: DevMessage) -> dict[str, str]:
    params = {
        "AccountSid": message.account_sid,
        "ApiVersion": API_VERSION,
        "Body": message.body,
        "From": message.from_,
        "MessageSid": message.sid,
        "NumMedia": "0",
        "NumSegments": str(message.num_segments),
        "SmsMessageSid": message.sid,
        "SmsSid": message.sid,
        "SmsStatus": message.status,
        "To": message.to,
    }
    service_sid = phone.settings.twilio.messaging_service_sid
    if service_sid:
        params["MessagingServiceSid"] = service_sid
    return params


def _inbound_message(phone: DevPhone, reply: PhoneReply) -> DevMessage:
    now = utc_now()
    return DevMessage(
        sid=new_message_sid(),
        account_sid=phone.settings.twilio.account_sid,
        to=phone.service_number,
        from_=reply.from_,
        body=reply.body,
        direction=INBOUND,
        status="received",
        num_segments=count_segments(reply.body),
        date_created=now,
        date_updated=now,
        date_sent=now,
        messaging_service_sid=phone.settings.twilio.messaging_service_sid,
    )
