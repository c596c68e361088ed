"""The agenda prompts a patient sees before a review (Year of Care preparation).

Fixed, plain English, each with a stable `key`: the PWA translates by key, so a key never
changes meaning once published; reword the English freely, add new keys at the end.
"""

from __future__ import annotations

from careplan.careplans.reviews.schemas import AgendaPrompt

AGENDA_PROMPTS = (
    AgendaPrompt(key="matters_most", text="What matters most to you at the moment?"),
    AgendaPrompt(key="going_well", text="What has been going well since your last review?"),
    AgendaPrompt(key="difficult", text="What has been difficult?"),
    AgendaPrompt(key="medicines", text="Is there anything about your medicines you want to ask?"),
    AgendaPrompt(
        key="different_next_time", text="What would you like to be different by your next review?"
    ),
)
