"""What every dev phone handler shares: the settings it fakes Twilio for, and its texts."""

from __future__ import annotations

from dataclasses import dataclass, field

from careplan.devphone.store import MessageStore
from careplan.settings import DEV_FROM_NUMBER, Settings

# Long enough to watch a text go queued -> sent -> delivered, short enough for tests.
STATUS_STEP_SECONDS = 0.25


@dataclass(slots=True)
class DevPhone:
    settings: Settings
    store: MessageStore = field(default_factory=MessageStore)
    status_step_seconds: float = STATUS_STEP_SECONDS

    @property
    def service_number(self) -> str:
        """The number patients text: Careplan's sender, or the dev default with a service."""
        return self.settings.twilio.from_number or DEV_FROM_NUMBER
