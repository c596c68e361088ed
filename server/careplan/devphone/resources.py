"""The Messages resource in Twilio's JSON shapes (one message, and a page of them)."""

from __future__ import annotations

from email.utils import format_datetime
from typing import Any
from urllib.parse import urlencode

from careplan.devphone.store import DevMessage

API_VERSION = "2010-04-01"


def messages_path(account_sid: str) -> str:
    """The list path relative to the API base URL, as Twilio writes it in `uri` fields."""
    return f"/{API_VERSION}/Accounts/{account_sid}/Messages"


def message_json(message: DevMessage) -> dict[str, Any]:
    base = f"{messages_path(message.account_sid)}/{message.sid}"
    return {
        "account_sid": message.account_sid,
        "api_version": API_VERSION,
        "body": message.body,
        "date_created": format_datetime(message.date_created),
        "date_sent": format_datetime(message.date_sent) if message.date_sent else None,
        "date_updated": format_datetime(message.date_updated),
        "direction": message.direction,
        "error_code": message.error_code,
        "error_message": message.error_message,
        "from": message.from_,
        "messaging_service_sid": message.messaging_service_sid,
        "num_media": "0",
        "num_segments": str(message.num_segments),
        "price": None,
        "price_unit": "USD",
        "sid": message.sid,
        "status": message.status,
        "subresource_uris": {"media": f"{base}/Media.json", "feedback": f"{base}/Feedback.json"},
        "to": message.to,
        "uri": f"{base}.json",
    }


def message_page_json(
    account_sid: str,
    filters: list[tuple[str, str]],
    page: int,
    page_size: int,
    messages: list[DevMessage],
    has_more: bool,
) -> dict[str, Any]:
    """One page of a list; the page links repeat the filters so clients can follow them."""

    def page_uri(number: int) -> str:
        query = urlencode([*filters, ("PageSize", str(page_size)), ("Page", str(number))])
        return f"{messages_path(account_sid)}.json?{query}"

    start = page * page_size
    return {
        "end": start + max(len(messages) - 1, 0),
        "first_page_uri": page_uri(0),
        "messages": [message_json(message) for message in messages],
        "next_page_uri": page_uri(page + 1) if has_more else None,
        "page": page,
        "page_size": page_size,
        "previous_page_uri": page_uri(page - 1) if page > 0 else None,
        "start": start,
        "uri": page_uri(page),
    }
