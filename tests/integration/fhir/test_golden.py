"""Golden exports of two demo patients (`careplan demo`), byte for byte, on both databases.

Margaret Jones has blood pressure, glucose and peak flow readings, a measurable goal and a
weekday action; Grace Campbell has SpO2 and weight readings and a carer (RelatedPerson,
Consent). Both are exported by their named clinician through HTTP and compared with
tests/golden/fhir-<name>.json. The demo is deterministic under the test clock, so times are
kept as they are; only the UUIDs (derived from database ids made at random) are replaced, in
order of first appearance, by 00000000-0000-0000-0000-000000000001, …002 and so on.

A deliberate change to the export: regenerate with
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/integration/fhir/test_golden.py -k sqlite
then read the diff of tests/golden/ before keeping it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from tests.support.fhir import dangling, validated

from careplan.people.demo import CLINICIANS, DEMO_PASSWORD, load_demo

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
PATIENTS = {"9990000018": "margaret-jones", "9990000050": "grace-campbell"}


def normalised(bundle: dict) -> str:
    text = json.dumps(bundle, indent=1, ensure_ascii=False) + "\n"
    seen: dict[str, str] = {}

    def stable(match: re.Match[str]) -> str:
        return seen.setdefault(match[0], f"00000000-0000-0000-0000-{len(seen) + 1:012d}")

    return UUID.sub(stable, text)


@pytest.mark.parametrize("nhs_number", sorted(PATIENTS))
async def test_a_demo_patients_export_matches_its_golden_file(nhs_number, open_client, db, clock):
    await load_demo(db, clock)
    patient_id = await db.fetch_value("SELECT id FROM patients WHERE nhs_number = ?", nhs_number)
    clinician = await open_client()
    email = CLINICIANS[0][0]  # Dr Amira Hassan, named clinician of both
    login = await clinician.post(
        "/api/auth/login", json={"email": email, "password": DEMO_PASSWORD}
    )
    assert login.status_code == 200, login.text
    answer = await clinician.get(f"/api/patients/{patient_id}/fhir")
    assert answer.status_code == 200, answer.text
    bundle = answer.json()
    validated(bundle)
    assert dangling(bundle) == []
    path = GOLDEN / f"fhir-{PATIENTS[nhs_number]}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(normalised(bundle), encoding="utf-8")
    assert normalised(bundle) == path.read_text(encoding="utf-8"), (
        f"the export differs from {path.name}; if the change is meant, regenerate it "
        "(see this module's docstring) and review the diff"
    )
