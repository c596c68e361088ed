"""Communication: every message in the patient's thread, both ways, on every channel.

A check-in question, the person's reply, a clinician's message, an automatic safety-net
reply. Who sent it and to whom are references (the practice for the system's own texts, a
carer when a check-in went to their phone); a reply to a check-in points at the question.
A text that never reached the person is `not-done`, with the reason, never `completed`.
"""

from __future__ import annotations

from careplan.fhir.codes import COMMUNICATION_STATUS, MEDIUM, UnmappedValue, lookup
from careplan.fhir.datatypes import Json, Links, instant, text

NOT_DONE_WORDS = {
    "undelivered": "The text was not delivered",
    "failed": "The text could not be sent",
    "skipped": "Not sent",
    "expired": "Not sent before it was out of date",
}


def communication(row: Json, question_id: str | None, links: Links) -> Json:
    status = lookup("message statuses", COMMUNICATION_STATUS, row["status"])
    resource: Json = {
        "resourceType": "Communication",
        "id": links.id_of("Communication", row["id"]),
        "status": status,
    }
    if status == "not-done":
        resource["statusReason"] = text(_why_not(row))
    if question_id is not None:
        resource["inResponseTo"] = [links.to("Communication", question_id)]
    resource |= {
        "medium": [text(lookup("channels", MEDIUM, row["channel"]))],
        "subject": links.patient(),
    }
    if row["direction"] == "inbound":
        resource |= {
            "received": instant(row["created_at"]),
            "recipient": [links.care_team()],
            "sender": links.actor(row["author_kind"], row["author_id"]),
        }
    elif row["direction"] == "outbound":
        to = links.carer(row["to_carer"]) if row["to_carer"] else links.patient()
        if status == "completed":
            resource["sent"] = instant(row["created_at"])
        resource |= {
            "recipient": [to],
            "sender": links.actor(row["author_kind"], row["author_id"]),
        }
    else:
        raise UnmappedValue("message directions", row["direction"])
    resource["payload"] = [{"contentString": row["body"]}]
    return resource


def _why_not(row: Json) -> str:
    words = lookup("undelivered statuses", NOT_DONE_WORDS, row["status"])
    reason = (row["skip_reason"] or "").replace("_", " ").strip()
    return f"{words}: {reason}" if reason else words
