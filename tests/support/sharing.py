"""Share links through the real HTTP flow: the patient makes one, anyone opens its address."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from careplan.clock import FixedClock


async def make_link(
    patient: httpx.AsyncClient, patient_id: str, hours: int = 72, label: str = ""
) -> tuple[dict, str]:
    """(the link as listed, the path of its page)."""
    answer = await patient.post(
        f"/api/patients/{patient_id}/share-links",
        json={"expires_in_hours": hours, "label": label},
    )
    assert answer.status_code == 201, answer.text
    created = answer.json()
    return created["link"], urlsplit(created["url"]).path


async def listed(patient: httpx.AsyncClient, patient_id: str) -> dict[str, dict]:
    answer = await patient.get(f"/api/patients/{patient_id}/share-links")
    assert answer.status_code == 200, answer.text
    return {link["id"]: link for link in answer.json()["items"]}


async def pass_time(clock: FixedClock, signed_in: httpx.AsyncClient, minutes: int) -> None:
    """Move the clock on while the browser stays in use (sessions end after 30 idle minutes)."""
    while minutes > 0:
        step = min(minutes, 20)
        clock.advance(minutes=step)
        minutes -= step
        assert (await signed_in.get("/api/me")).status_code == 200
