"""Web Push settings: all three VAPID values or none; each checked, named when wrong; and the
delay before a notified check-in is texted too."""

from __future__ import annotations

import base64

import pytest

from careplan.settings import DEFAULT_PUSH_SERVICE_HOSTS, Settings, SettingsError

BASE = {"CAREPLAN_SECRET_KEY": "s" * 40}
PUBLIC = base64.urlsafe_b64encode(b"\x04" + b"\x01" * 64).rstrip(b"=").decode()
PRIVATE = base64.urlsafe_b64encode(b"\x02" * 32).rstrip(b"=").decode()
GOOD = {
    "CAREPLAN_VAPID_PUBLIC_KEY": PUBLIC,
    "CAREPLAN_VAPID_PRIVATE_KEY": PRIVATE,
    "CAREPLAN_VAPID_SUBJECT": "mailto:team@practice.test",
}


def test_push_is_off_without_keys_and_on_with_all_three():
    assert Settings.from_env(BASE).push is None
    push = Settings.from_env({**BASE, **GOOD}).push
    assert push is not None
    assert (push.public_key, push.private_key, push.subject) == (
        PUBLIC,
        PRIVATE,
        GOOD["CAREPLAN_VAPID_SUBJECT"],
    )
    assert push.service_hosts == DEFAULT_PUSH_SERVICE_HOSTS
    hosts = Settings.from_env({**BASE, **GOOD, "CAREPLAN_PUSH_SERVICE_HOSTS": " A.test, b.test ,"})
    assert hosts.push is not None and hosts.push.service_hosts == ("a.test", "b.test")


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"CAREPLAN_VAPID_PRIVATE_KEY": ""}, "CAREPLAN_VAPID_PRIVATE_KEY"),
        (
            {"CAREPLAN_VAPID_PUBLIC_KEY": "", "CAREPLAN_VAPID_SUBJECT": ""},
            "CAREPLAN_VAPID_PUBLIC_KEY",
        ),
        ({"CAREPLAN_VAPID_PUBLIC_KEY": PRIVATE}, "CAREPLAN_VAPID_PUBLIC_KEY"),
        ({"CAREPLAN_VAPID_PUBLIC_KEY": "not base64!"}, "CAREPLAN_VAPID_PUBLIC_KEY"),
        ({"CAREPLAN_VAPID_PRIVATE_KEY": PUBLIC}, "CAREPLAN_VAPID_PRIVATE_KEY"),
        ({"CAREPLAN_VAPID_SUBJECT": "team@practice.test"}, "CAREPLAN_VAPID_SUBJECT"),
    ],
)
def test_a_bad_or_missing_value_stops_start_up_naming_it(change, named):
    with pytest.raises(SettingsError, match=named):
        Settings.from_env({**BASE, **GOOD, **change})


def test_the_text_after_a_notification_waits_fifteen_minutes_unless_set():
    assert Settings.from_env(BASE).push_fallback_minutes == 15
    chosen = Settings.from_env({**BASE, **GOOD, "CAREPLAN_PUSH_FALLBACK_MINUTES": "30"})
    assert chosen.push_fallback_minutes == 30


@pytest.mark.parametrize("raw", ["0", "1441", "soon", "-5"])
def test_a_bad_fallback_delay_stops_start_up_naming_it(raw):
    with pytest.raises(SettingsError, match="CAREPLAN_PUSH_FALLBACK_MINUTES"):
        Settings.from_env({**BASE, **GOOD, "CAREPLAN_PUSH_FALLBACK_MINUTES": raw})
