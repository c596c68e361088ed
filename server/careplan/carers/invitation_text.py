"""The text that invites a carer: says who asked and how to accept, and nothing clinical."""

from __future__ import annotations


def invitation_text(patient_given_name: str, public_url: str) -> str:
    return (
        f"{patient_given_name} has asked you to help with their care plan on Careplan. "
        f"To accept, sign in at {public_url.rstrip('/')}/ with this phone number. "
        "If you do not know them, ignore this text."
    )
