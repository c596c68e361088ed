"""The dev phone's pure parts: SMS segment counting and Twilio's list filters."""

from datetime import UTC, datetime

import pytest

from careplan.devphone.errors import TwilioApiError
from careplan.devphone.filters import parse_message_filter
from careplan.devphone.segments import count_segments
from careplan.devphone.store import OUTBOUND, DevMessage, MessageStore


@pytest.mark.parametrize(
    ("body", "segments"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # extension characters take two septets
        ("€" * 81, 2),
        ("é" * 160, 1),  # in the GSM-7 basic set
        ("ł" * 70, 1),  # not GSM-7: UCS-2
        ("ł" * 71, 2),
        ("🙂" * 35, 1),  # two UTF-16 units each
        ("🙂" * 36, 2),
    ],
)
def test_segments_follow_gsm7_and_ucs2_limits(body, segments):
    assert count_segments(body) == segments


def _sent_at(when: datetime | None, to: str = "+447700900101") -> DevMessage:
    created = when or datetime(2025, 3, 1, tzinfo=UTC)
    return DevMessage(
        sid="SM" + "0" * 32,
        account_sid="AC",
        to=to,
        from_="+447700900000",
        body="hi",
        direction=OUTBOUND,
        status="sent",
        num_segments=1,
        date_created=created,
        date_updated=created,
        date_sent=when,
    )


MIDDAY = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("query", "matches"),
    [
        ({"DateSent": "2025-03-10"}, True),
        ({"DateSent": "2025-03-11"}, False),
        ({"DateSent": "2025-03-10T00:00:00Z"}, True),  # what the twilio client sends
        ({"DateSent<": "2025-03-10"}, True),  # on or before that day
        ({"DateSent<": "2025-03-09"}, False),
        ({"DateSent>": "2025-03-10"}, True),  # on or after that day
        ({"DateSent>": "2025-03-11"}, False),
        ({"DateSent<": "2025-03-10T11:59:59Z"}, False),  # a timestamp compares to the instant
        ({"DateSent>": "2025-03-10T11:59:59Z"}, True),
        ({"To": "+447700900101"}, True),
        ({"To": "+447700900999"}, False),
        ({"From": "+447700900000", "DateSent>": "2025-03-01", "DateSent<": "2025-03-31"}, True),
    ],
)
def test_list_filters(query, matches):
    assert parse_message_filter(query).matches(_sent_at(MIDDAY)) is matches


def test_an_unsent_text_matches_no_date_filter():
    assert not parse_message_filter({"DateSent>": "2000-01-01"}).matches(_sent_at(None))


def test_a_malformed_date_is_twilio_error_20001():
    with pytest.raises(TwilioApiError) as caught:
        parse_message_filter({"DateSent": "10/03/2025"})

    assert (caught.value.status, caught.value.code) == (400, 20001)


def test_the_store_keeps_only_the_most_recent_texts():
    store = MessageStore(capacity=2)
    texts = [_sent_at(MIDDAY) for _ in range(3)]
    for index, text in enumerate(texts):
        text.sid = f"SM{index:032d}"
        store.add(text)

    assert [text.sid for text in store.newest_first()] == [texts[2].sid, texts[1].sid]
    assert store.get(texts[0].sid) is None
