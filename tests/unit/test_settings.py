"""Settings are validated at start; a bad value names its variable."""

from __future__ import annotations

import pytest

from careplan.settings import DEV_ACCOUNT_SID, Settings, SettingsError

KEY = "k" * 32


def test_defaults_with_the_dev_phone():
    settings = Settings.from_env({"CAREPLAN_DEV_PHONE": "1"})
    assert settings.database_url == "sqlite:///careplan.db"
    assert settings.twilio.account_sid == DEV_ACCOUNT_SID
    assert settings.twilio.api_url == "http://127.0.0.1:8000/dev-phone"
    assert not settings.secure_cookies


def test_https_public_url_makes_cookies_secure():
    env = {"CAREPLAN_SECRET_KEY": KEY, "CAREPLAN_PUBLIC_URL": "https://care.example/"}
    settings = Settings.from_env(env)
    assert settings.secure_cookies and settings.public_url == "https://care.example"


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({}, "CAREPLAN_SECRET_KEY"),
        ({"CAREPLAN_SECRET_KEY": "short"}, "CAREPLAN_SECRET_KEY"),
        ({"CAREPLAN_DATABASE_URL": "mysql://x"}, "CAREPLAN_DATABASE_URL"),
        ({"CAREPLAN_DATABASE_URL": "sqlite://relative.db"}, "CAREPLAN_DATABASE_URL"),
        ({"CAREPLAN_PUBLIC_URL": "care.example"}, "CAREPLAN_PUBLIC_URL"),
        ({"CAREPLAN_DEV_PHONE": "maybe"}, "CAREPLAN_DEV_PHONE"),
        ({"TWILIO_ACCOUNT_SID": "AC123"}, "TWILIO_ACCOUNT_SID"),
        ({"TWILIO_ACCOUNT_SID": "AC" + "1" * 32}, "TWILIO_AUTH_TOKEN"),
        ({"TWILIO_ACCOUNT_SID": "AC" + "1" * 32, "TWILIO_AUTH_TOKEN": "t"}, "TWILIO_FROM_NUMBER"),
        ({"TWILIO_FROM_NUMBER": "07700900000"}, "TWILIO_FROM_NUMBER"),
        ({"TWILIO_MESSAGING_SERVICE_SID": "XX1"}, "TWILIO_MESSAGING_SERVICE_SID"),
        ({"TWILIO_API_URL": "ftp://fake"}, "TWILIO_API_URL"),
        ({"CAREPLAN_SESSION_IDLE_MINUTES": "0"}, "CAREPLAN_SESSION_IDLE_MINUTES"),
        ({"CAREPLAN_SESSION_IDLE_MINUTES": "ten"}, "CAREPLAN_SESSION_IDLE_MINUTES"),
        ({"CAREPLAN_LOG_LEVEL": "LOUD"}, "CAREPLAN_LOG_LEVEL"),
    ],
)
def test_bad_values_name_the_variable(env, variable):
    base = (
        {}
        if "CAREPLAN_SECRET_KEY" in env or variable == "CAREPLAN_SECRET_KEY"
        else {"CAREPLAN_SECRET_KEY": KEY}
    )
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({**base, **env})
    assert str(raised.value).startswith(variable)


def test_secrets_can_come_from_files(tmp_path):
    secret = tmp_path / "key"
    secret.write_text(KEY + "\n")
    assert Settings.from_env({"CAREPLAN_SECRET_KEY_FILE": str(secret)}).secret_key == KEY


def test_secret_file_that_cannot_be_read_is_named(tmp_path):
    with pytest.raises(SettingsError, match="^CAREPLAN_SECRET_KEY_FILE"):
        Settings.from_env({"CAREPLAN_SECRET_KEY_FILE": str(tmp_path / "missing")})


def test_value_and_file_together_are_refused(tmp_path):
    with pytest.raises(SettingsError, match="not both"):
        Settings.from_env({"CAREPLAN_SECRET_KEY": KEY, "CAREPLAN_SECRET_KEY_FILE": "x"})
