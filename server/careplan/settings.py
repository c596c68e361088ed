"""Settings read once from the environment, validated, and passed in (never read ad hoc).

A bad value stops start-up with a message that names the variable, so a mistyped
deployment fails loudly instead of running half-configured.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

DEV_ACCOUNT_SID = "AC" + "0" * 30 + "de"
DEV_AUTH_TOKEN = "dev-phone-auth-token"  # noqa: S105 - fixed only for the local fake
DEV_FROM_NUMBER = "+447700900000"
DEV_SECRET_KEY = "dev-only-secret-key-change-me-in-production"  # noqa: S105


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


def _read(env: Mapping[str, str], name: str) -> str | None:
    """Value of NAME, or of the file named by NAME_FILE (for container secrets)."""
    value = env.get(name)
    file_name = env.get(f"{name}_FILE")
    if value is not None and file_name is not None:
        raise SettingsError(f"{name}: set either {name} or {name}_FILE, not both")
    if file_name is not None:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingsError(f"{name}_FILE: cannot read {file_name!r}: {exc.strerror}") from exc
    if value is None or value.strip() == "":
        return None
    return value.strip()


def _flag(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    raw = _read(env, name)
    if raw is None:
        return default
    lowered = raw.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name}: expected 1/0, true/false, yes/no or on/off, got {raw!r}")


def _int(env: Mapping[str, str], name: str, default: int, minimum: int, maximum: int) -> int:
    raw = _read(env, name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}: expected a whole number, got {raw!r}") from None
    if not minimum <= value <= maximum:
        raise SettingsError(f"{name}: must be between {minimum} and {maximum}, got {value}")
    return value


def _http_url(env: Mapping[str, str], name: str, default: str | None) -> str | None:
    raw = _read(env, name)
    if raw is None:
        return default
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise SettingsError(f"{name}: expected an http:// or https:// URL, got {raw!r}")
    return raw.rstrip("/")


def _database_url(env: Mapping[str, str]) -> str:
    name = "CAREPLAN_DATABASE_URL"
    raw = _read(env, name) or "sqlite:///careplan.db"
    scheme = raw.split(":", 1)[0]
    if scheme == "sqlite":
        if not raw.startswith("sqlite:///") or raw == "sqlite:///":
            raise SettingsError(f"{name}: SQLite URLs look like sqlite:///path/to/file.db")
        return raw
    if scheme in {"postgresql", "postgres"}:
        if not urlsplit(raw).netloc and "host=" not in raw:
            raise SettingsError(f"{name}: PostgreSQL URLs look like postgresql://user@host/db")
        return raw
    raise SettingsError(f"{name}: expected a sqlite:/// or postgresql:// URL, got {scheme!r}")


@dataclass(frozen=True, slots=True)
class TwilioSettings:
    account_sid: str
    auth_token: str
    from_number: str | None
    messaging_service_sid: str | None
    api_url: str | None


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    public_url: str
    secret_key: str
    twilio: TwilioSettings
    dev_phone: bool = False
    session_idle_minutes: int = 30
    session_absolute_hours: int = 12
    log_level: str = "INFO"
    pwa_dist: Path = field(default_factory=lambda: Path("pwa/dist"))
    # How long a check-in may wait to go out before it expires instead of arriving late.
    checkin_window_minutes: int = 240
    # The scheduler's tick period, and how long a claim is held before another worker may
    # take the work over (a crashed worker's claims are recovered after this).
    tick_seconds: int = 5
    lease_seconds: int = 60
    # Texts per second, per process (each scheduler process paces its own sends).
    sms_per_second: int = 10
    # No answer after this long: one reminder; after as long again, a non-response item.
    reminder_minutes: int = 120
    # Tests only: the scheduler SIGKILLs itself once at this point (after_claim, after_send).
    fault: str | None = None
    # Whether `careplan serve` ticks check-ins in its own process (--no-scheduler sets 0).
    serve_scheduler: bool = True
    # Web Push (VAPID keys and subject); None when not configured: push is then off.
    push: PushSettings | None = None
    # A check-in sent as an app notification is texted too if not opened in the app by then.
    push_fallback_minutes: int = 15

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def secure_cookies(self) -> bool:
        return self.public_url.startswith("https://")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        dev_phone = _flag(env, "CAREPLAN_DEV_PHONE")
        public_url = _http_url(env, "CAREPLAN_PUBLIC_URL", "http://127.0.0.1:8000")
        assert public_url is not None

        secret_key = _read(env, "CAREPLAN_SECRET_KEY")
        if secret_key is None:
            if not dev_phone:
                raise SettingsError("CAREPLAN_SECRET_KEY: required (at least 32 characters)")
            secret_key = DEV_SECRET_KEY
        if len(secret_key) < 32:
            raise SettingsError("CAREPLAN_SECRET_KEY: must be at least 32 characters long")

        return cls(
            database_url=_database_url(env),
            public_url=public_url,
            secret_key=secret_key,
            twilio=_twilio(env, dev_phone, public_url),
            dev_phone=dev_phone,
            session_idle_minutes=_int(env, "CAREPLAN_SESSION_IDLE_MINUTES", 30, 1, 24 * 60),
            session_absolute_hours=_int(env, "CAREPLAN_SESSION_ABSOLUTE_HOURS", 12, 1, 24 * 30),
            log_level=_log_level(env),
            pwa_dist=Path(_read(env, "CAREPLAN_PWA_DIST") or "pwa/dist"),
            checkin_window_minutes=_int(env, "CAREPLAN_CHECKIN_WINDOW_MINUTES", 240, 15, 24 * 60),
            tick_seconds=_int(env, "CAREPLAN_TICK_SECONDS", 5, 1, 3600),
            lease_seconds=_int(env, "CAREPLAN_LEASE_SECONDS", 60, 1, 3600),
            sms_per_second=_int(env, "CAREPLAN_SMS_PER_SECOND", 10, 1, 100_000),
            reminder_minutes=_int(env, "CAREPLAN_REMINDER_MINUTES", 120, 1, 7 * 24 * 60),
            fault=_fault(env),
            serve_scheduler=_flag(env, "CAREPLAN_SCHEDULER", default=True),
            push=_push(env),
            push_fallback_minutes=_int(env, "CAREPLAN_PUSH_FALLBACK_MINUTES", 15, 1, 24 * 60),
        )


FAULT_POINTS = ("after_claim", "after_send")


def _fault(env: Mapping[str, str]) -> str | None:
    raw = _read(env, "CAREPLAN_FAULT")
    if raw is not None and raw not in FAULT_POINTS:
        raise SettingsError(
            f"CAREPLAN_FAULT: expected one of {', '.join(FAULT_POINTS)}, got {raw!r}"
        )
    return raw


def _log_level(env: Mapping[str, str]) -> str:
    raw = (_read(env, "CAREPLAN_LOG_LEVEL") or "INFO").upper()
    if raw not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise SettingsError(
            f"CAREPLAN_LOG_LEVEL: expected DEBUG, INFO, WARNING or ERROR, got {raw!r}"
        )
    return raw


def _twilio(env: Mapping[str, str], dev_phone: bool, public_url: str) -> TwilioSettings:
    """With the dev phone on, every Twilio setting defaults to the built-in fake."""
    sid = _read(env, "TWILIO_ACCOUNT_SID")
    token = _read(env, "TWILIO_AUTH_TOKEN")
    from_number = _read(env, "TWILIO_FROM_NUMBER")
    service_sid = _read(env, "TWILIO_MESSAGING_SERVICE_SID")
    api_url = _http_url(env, "TWILIO_API_URL", None)
    if dev_phone:
        sid = sid or DEV_ACCOUNT_SID
        token = token or DEV_AUTH_TOKEN
        from_number = from_number or (None if service_sid else DEV_FROM_NUMBER)
        api_url = api_url or f"{public_url}/dev-phone"
    if sid is not None and not (sid.startswith("AC") and len(sid) == 34):
        raise SettingsError("TWILIO_ACCOUNT_SID: expected 34 characters starting with AC")
    if service_sid is not None and not (service_sid.startswith("MG") and len(service_sid) == 34):
        raise SettingsError("TWILIO_MESSAGING_SERVICE_SID: expected 34 characters starting with MG")
    if from_number is not None and not (from_number.startswith("+") and from_number[1:].isdigit()):
        raise SettingsError("TWILIO_FROM_NUMBER: expected an E.164 number such as +447700900123")
    if sid and not token:
        raise SettingsError("TWILIO_AUTH_TOKEN: required when TWILIO_ACCOUNT_SID is set")
    if sid and not (from_number or service_sid):
        raise SettingsError(
            "TWILIO_FROM_NUMBER: set it or TWILIO_MESSAGING_SERVICE_SID to send texts"
        )
    return TwilioSettings(
        account_sid=sid or "",
        auth_token=token or "",
        from_number=from_number,
        messaging_service_sid=service_sid,
        api_url=api_url,
    )


# Hosts of the browsers' push services (an endpoint elsewhere is refused: the server would
# otherwise POST wherever a client pointed it).
DEFAULT_PUSH_SERVICE_HOSTS = (
    "fcm.googleapis.com",
    "push.services.mozilla.com",
    "notify.windows.com",
    "push.apple.com",
)


@dataclass(frozen=True, slots=True)
class PushSettings:
    public_key: str  # base64url, uncompressed P-256 point (what browsers take)
    private_key: str  # base64url, the raw 32-byte P-256 private value
    subject: str  # mailto: or https: contact for push services
    service_hosts: tuple[str, ...] = DEFAULT_PUSH_SERVICE_HOSTS


def _push(env: Mapping[str, str]) -> PushSettings | None:
    names = ("CAREPLAN_VAPID_PUBLIC_KEY", "CAREPLAN_VAPID_PRIVATE_KEY", "CAREPLAN_VAPID_SUBJECT")
    values = {name: _read(env, name) for name in names}
    if not any(values.values()):
        return None
    if missing := [name for name, value in values.items() if not value]:
        raise SettingsError(f"{', '.join(missing)}: required for Web Push (set all three or none)")
    public_key, private_key, subject = (str(values[name]) for name in names)
    if _b64url_length(public_key) != 65 or not public_key.startswith("B"):
        raise SettingsError("CAREPLAN_VAPID_PUBLIC_KEY: expected a base64url P-256 public key")
    if _b64url_length(private_key) != 32:
        raise SettingsError("CAREPLAN_VAPID_PRIVATE_KEY: expected a base64url 32-byte key")
    if not subject.startswith(("mailto:", "https://")):
        raise SettingsError("CAREPLAN_VAPID_SUBJECT: expected a mailto: or https:// address")
    hosts = _read(env, "CAREPLAN_PUSH_SERVICE_HOSTS")
    service_hosts = (
        tuple(h.strip().lower() for h in hosts.split(",") if h.strip())
        if hosts
        else DEFAULT_PUSH_SERVICE_HOSTS
    )
    return PushSettings(public_key, private_key, subject, service_hosts)


def _b64url_length(text: str) -> int:
    """Bytes encoded by base64url TEXT (padding optional), or -1 if it is not base64url."""
    try:
        return len(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, binascii.Error):
        return -1
