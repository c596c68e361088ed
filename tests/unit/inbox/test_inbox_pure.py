"""Pure parts of the inbox and caseload: cursors, item figures, continuity arithmetic."""

from __future__ import annotations

import pytest

from careplan.caseload.service import continuity_figures
from careplan.errors import InvalidField
from careplan.inbox.service import item_view, parse_open_cursor, parse_resolved_cursor

ROW = {
    "id": "i1",
    "patient_id": "p1",
    "given_name": "Alice",
    "family_name": "Able",
    "kind": "reply",
    "urgency": 0,
    "summary": "Hi",
    "status": "open",
    "routed_to": "team",
    "routed_to_name": None,
    "assigned_to": None,
    "assigned_to_name": None,
    "created_at": 1_000,
    "first_reply_at": None,
    "first_reply_by": None,
    "resolved_at": None,
    "resolved_by": None,
    "note_count": 0,
    "message_id": None,
    "checkin_id": None,
    "message_author_kind": None,
    "message_author_name": None,
}


def test_cursors_round_trip_and_refuse_anything_else():
    assert parse_open_cursor("2.1795341600000.abc") == (2, 1_795_341_600_000, "abc")
    assert parse_open_cursor("0.5.id.with.dots") == (0, 5, "id.with.dots")
    assert parse_resolved_cursor("1795341600000.abc") == (1_795_341_600_000, "abc")
    assert parse_open_cursor(None) is None and parse_resolved_cursor(None) is None
    for bad in ("", "x", "1.2", "a.2.id", "1.b.id", "1.2.", "-1.2.id", "1" * 19 + ".2.id"):
        with pytest.raises(InvalidField, match="after"):
            parse_open_cursor(bad)
    for bad in ("", "1", "1.", "x.id", "1.2.3", "1" * 19 + ".id"):
        with pytest.raises(InvalidField, match="after"):
            parse_resolved_cursor(bad)


def test_an_item_shows_its_age_and_time_to_first_reply():
    waiting = item_view(ROW, now=61_000)
    assert (waiting.age_ms, waiting.time_to_first_reply_ms) == (60_000, None)
    assert (waiting.patient_name, waiting.routed_to_name) == ("Alice Able", "Team")
    answered = item_view({**ROW, "first_reply_at": 31_000, "resolved_at": 41_000}, now=99_000)
    assert (answered.age_ms, answered.time_to_first_reply_ms) == (40_000, 30_000)
    unknown = item_view({**ROW, "patient_id": None, "given_name": None}, now=1_000)
    assert unknown.patient_name is None and unknown.age_ms == 0


def test_continuity_pools_contacts_and_averages_patients():
    figures = continuity_figures([(3, 2), (1, 1), (0, 0)])
    assert (figures.patients, figures.patients_with_contacts) == (3, 2)
    assert (figures.contacts, figures.by_named_clinician) == (4, 3)
    assert figures.share == 0.75  # 3 of 4 contacts
    assert figures.mean_patient_upc == round((2 / 3 + 1) / 2, 3)  # 0.833
    nobody = continuity_figures([(0, 0)])
    assert (nobody.share, nobody.mean_patient_upc, nobody.patients) == (None, None, 1)
