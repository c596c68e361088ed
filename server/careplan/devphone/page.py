"""The page a developer uses as the patient's phone, and the JSON it polls."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from litestar import MediaType, get
from litestar.di import NamedDependency

from careplan.devphone.state import DevPhone
from careplan.devphone.store import INBOUND, DevMessage


@cache
def _page_html() -> str:
    return resources.files(__package__).joinpath("page.html").read_text(encoding="utf-8")


@get("/", media_type=MediaType.HTML)
async def dev_phone_page() -> str:
    return _page_html()


@get("/api/conversations")
async def conversations(dev_phone: NamedDependency[DevPhone]) -> dict[str, Any]:
    """Every phone number with its texts oldest first; the most recently active number first."""
    by_phone: dict[str, list[DevMessage]] = {}
    for message in dev_phone.store.newest_first():
        by_phone.setdefault(message.phone, []).append(message)
    return {
        "service_number": dev_phone.service_number,
        "conversations": [
            {"phone": phone, "messages": [_bubble(message) for message in reversed(messages)]}
            for phone, messages in by_phone.items()
        ],
    }


def _bubble(message: DevMessage) -> dict[str, Any]:
    return {
        "sid": message.sid,
        "from_phone": message.direction == INBOUND,
        "body": message.body,
        "status": message.status,
        "error_code": message.error_code,
        "date_created": message.date_created.isoformat(),
    }
