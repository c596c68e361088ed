"""The list filters Twilio accepts on Messages: To, From, DateSent, DateSent< and DateSent>.

DateSent matches the UTC day of its value (the twilio client sends dates as midnight
timestamps). The bounds are inclusive, as Twilio documents ("on or before", "on or after"):
by UTC day for a date (YYYY-MM-DD), to the instant for a timestamp. Texts not yet sent have
no date and never match a date filter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from careplan.devphone.errors import invalid_parameter
from careplan.devphone.store import DevMessage

DATE_FILTERS = ("DateSent", "DateSent<", "DateSent>")


@dataclass(frozen=True, slots=True)
class MessageFilter:
    to: str | None = None
    from_: str | None = None
    dates: tuple[tuple[str, date | datetime], ...] = ()
    raw: tuple[tuple[str, str], ...] = ()

    def matches(self, message: DevMessage) -> bool:
        if self.to is not None and message.to != self.to:
            return False
        if self.from_ is not None and message.from_ != self.from_:
            return False
        return all(_date_matches(message.date_sent, name, bound) for name, bound in self.dates)


def parse_message_filter(query: Mapping[str, str]) -> MessageFilter:
    """The filter named by the query parameters; a malformed date is a Twilio 20001 error."""
    raw = tuple((name, query[name]) for name in ("To", "From", *DATE_FILTERS) if name in query)
    dates = tuple((name, _parse_date(name, query[name])) for name in DATE_FILTERS if name in query)
    return MessageFilter(to=query.get("To"), from_=query.get("From"), dates=dates, raw=raw)


def _parse_date(name: str, value: str) -> date | datetime:
    try:
        if len(value) == len("YYYY-MM-DD"):
            return date.fromisoformat(value)
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise invalid_parameter(name, value) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _date_matches(sent: datetime | None, name: str, bound: date | datetime) -> bool:
    if sent is None:
        return False
    sent = sent.astimezone(UTC)
    if name == "DateSent":
        day = bound.astimezone(UTC).date() if isinstance(bound, datetime) else bound
        return sent.date() == day
    value: date | datetime = sent if isinstance(bound, datetime) else sent.date()
    return value <= bound if name == "DateSent<" else value >= bound
