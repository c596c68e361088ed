"""The scheduler's and dispatcher's settings: defaults, and bad values named at start."""

from __future__ import annotations

import pytest

from careplan.settings import Settings, SettingsError

DEV = {"CAREPLAN_DEV_PHONE": "1"}


def test_defaults():
    settings = Settings.from_env(DEV)
    assert (settings.tick_seconds, settings.lease_seconds) == (5, 60)
    assert (settings.sms_per_second, settings.reminder_minutes) == (10, 120)
    assert settings.fault is None and settings.serve_scheduler


def test_values_are_read():
    settings = Settings.from_env(
        {
            **DEV,
            "CAREPLAN_TICK_SECONDS": "2",
            "CAREPLAN_LEASE_SECONDS": "30",
            "CAREPLAN_SMS_PER_SECOND": "1",
            "CAREPLAN_REMINDER_MINUTES": "45",
            "CAREPLAN_FAULT": "after_send",
            "CAREPLAN_SCHEDULER": "0",
        }
    )
    assert (settings.tick_seconds, settings.lease_seconds, settings.sms_per_second) == (2, 30, 1)
    assert (settings.reminder_minutes, settings.fault) == (45, "after_send")
    assert not settings.serve_scheduler


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("CAREPLAN_TICK_SECONDS", "0"),
        ("CAREPLAN_LEASE_SECONDS", "soon"),
        ("CAREPLAN_SMS_PER_SECOND", "0"),
        ("CAREPLAN_REMINDER_MINUTES", "-5"),
        ("CAREPLAN_FAULT", "before_lunch"),
        ("CAREPLAN_SCHEDULER", "sometimes"),
    ],
)
def test_bad_values_name_their_variable(variable, value):
    with pytest.raises(SettingsError, match=variable):
        Settings.from_env({**DEV, variable: value})
