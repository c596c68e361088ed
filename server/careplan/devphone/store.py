"""The dev phone's texts, kept in memory: a dev tool needs no database, only a bound."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import uuid4

OUTBOUND = "outbound-api"
INBOUND = "inbound"


def new_message_sid() -> str:
    """A Twilio-shaped message id: "SM" and 32 hex digits."""
    return "SM" + uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class DevMessage:
    sid: str
    account_sid: str
    to: str
    from_: str
    body: str
    direction: str
    status: str
    num_segments: int
    date_created: datetime
    date_updated: datetime
    date_sent: datetime | None = None
    messaging_service_sid: str | None = None
    status_callback: str | None = None
    error_code: int | None = None
    error_message: str | None = None

    @property
    def phone(self) -> str:
        """The number on the patient's side of the conversation."""
        return self.from_ if self.direction == INBOUND else self.to

    def advance(
        self, status: str, *, error_code: int | None = None, error_message: str | None = None
    ) -> None:
        now = utc_now()
        self.status = status
        self.date_updated = now
        if status == "sent":
            self.date_sent = now
        self.error_code = error_code
        self.error_message = error_message


class MessageStore:
    """The most recent `capacity` texts; the oldest is dropped when a new one arrives."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._messages: OrderedDict[str, DevMessage] = OrderedDict()

    def add(self, message: DevMessage) -> None:
        self._messages[message.sid] = message
        while len(self._messages) > self._capacity:
            self._messages.popitem(last=False)

    def get(self, sid: str) -> DevMessage | None:
        return self._messages.get(sid)

    def newest_first(self) -> list[DevMessage]:
        return list(reversed(self._messages.values()))
