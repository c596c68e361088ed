"""Every audited action has plain words for the patient's access log."""

import re
from pathlib import Path

from careplan.audit.service import _PLAIN_WORDS

SERVER = Path(__file__).resolve().parents[2] / "server" / "careplan"
# record_audit(db, clock, actor, "thing.verb", …) with a literal action name
_LITERAL = re.compile(r'record(?:_audit)?\(\s*\w+,\s*\w+,\s*\w+,\s*"([a-z_]+\.[a-z_]+)"')


def test_every_literal_audit_action_has_plain_words():
    used = {match for path in SERVER.rglob("*.py") for match in _LITERAL.findall(path.read_text())}
    assert used, "the pattern found no audit calls: it is out of date"
    assert sorted(used - _PLAIN_WORDS.keys()) == []
