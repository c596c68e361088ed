"""Twilio's Messages resource: create (POST), list (GET with filters) and fetch one.

Only what Careplan and its tests use is implemented, in Twilio's paths, shapes and error
codes, so the real twilio client can be pointed at it unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath

from careplan.devphone.auth import require_account
from careplan.devphone.delivery import start_delivery
from careplan.devphone.errors import (
    TwilioApiError,
    invalid_parameter,
    invalid_to,
    not_found,
    rejected_test_number,
)
from careplan.devphone.filters import parse_message_filter
from careplan.devphone.phone_numbers import is_e164
from careplan.devphone.resources import API_VERSION, message_json, message_page_json
from careplan.devphone.segments import count_segments
from careplan.devphone.state import DevPhone
from careplan.devphone.store import OUTBOUND, DevMessage, new_message_sid, utc_now

MESSAGES_PATH = f"/{API_VERSION}/Accounts/{{account_sid:str}}/Messages"
MAX_BODY_CHARACTERS = 1600
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000


@post(f"{MESSAGES_PATH}.json", status_code=201)
async def create_message(
    request: Request, dev_phone: NamedDependency[DevPhone], account_sid: FromPath[str]
) -> Response[dict[str, Any]]:
    require_account(request, dev_phone.settings.twilio, account_sid)
    form = {name: str(value) for name, value in (await request.form()).items()}
    message = _new_outbound_message(dev_phone, account_sid, form)
    dev_phone.store.add(message)
    start_delivery(dev_phone, message)
    return Response(message_json(message), status_code=201)


@get(f"{MESSAGES_PATH}.json")
async def list_messages(
    request: Request, dev_phone: NamedDependency[DevPhone], account_sid: FromPath[str]
) -> dict[str, Any]:
    """Newest first, filtered, one page at a time (Page and PageSize)."""
    require_account(request, dev_phone.settings.twilio, account_sid)
    query = dict(request.query_params.items())
    message_filter = parse_message_filter(query)
    page_size = _int_param(query, "PageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    page = _int_param(query, "Page", 0, 0, None)
    matching = [
        message
        for message in dev_phone.store.newest_first()
        if message.account_sid == account_sid and message_filter.matches(message)
    ]
    start = page * page_size
    return message_page_json(
        account_sid,
        list(message_filter.raw),
        page,
        page_size,
        matching[start : start + page_size],
        has_more=len(matching) > start + page_size,
    )


@get(f"{MESSAGES_PATH}/{{resource:str}}")
async def fetch_message(
    request: Request,
    dev_phone: NamedDependency[DevPhone],
    account_sid: FromPath[str],
    resource: FromPath[str],
) -> dict[str, Any]:
    require_account(request, dev_phone.settings.twilio, account_sid)
    message = dev_phone.store.get(resource.removesuffix(".json"))
    if not resource.endswith(".json") or message is None or message.account_sid != account_sid:
        raise not_found(request.url.path)
    return message_json(message)


def _new_outbound_message(phone: DevPhone, account_sid: str, form: Mapping[str, str]) -> DevMessage:
    """The accepted text, or the error Twilio answers for this request (in Twilio's order)."""
    to = form.get("To", "")
    sender = form.get("From") or None
    service_sid = form.get("MessagingServiceSid") or None
    body = form.get("Body", "")
    if not to:
        raise TwilioApiError(400, 21604, "A 'To' phone number is required.")
    if not is_e164(to):
        raise invalid_to(to)
    if not sender and not service_sid:
        raise TwilioApiError(400, 21603, "A 'From' phone number is required.")
    if not body:
        raise TwilioApiError(400, 21602, "Message body is required.")
    if len(body) > MAX_BODY_CHARACTERS:
        raise TwilioApiError(
            400, 21617, "The concatenated message body exceeds the 1600 character limit."
        )
    rejection = rejected_test_number(to)
    if rejection is not None:
        raise rejection
    now = utc_now()
    return DevMessage(
        sid=new_message_sid(),
        account_sid=account_sid,
        to=to,
        from_=sender or phone.service_number,
        body=body,
        direction=OUTBOUND,
        status="queued",
        num_segments=count_segments(body),
        date_created=now,
        date_updated=now,
        messaging_service_sid=service_sid,
        status_callback=form.get("StatusCallback") or None,
    )


def _int_param(
    query: Mapping[str, str], name: str, default: int, minimum: int, maximum: int | None
) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise invalid_parameter(name, raw) from None
    if value < minimum or (maximum is not None and value > maximum):
        raise invalid_parameter(name, raw)
    return value
