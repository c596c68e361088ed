"""The names under which the app injects shared objects; handlers annotate with these.

Injected values are ours and already typed, so Litestar skips re-validating them per request.
"""

from __future__ import annotations

from litestar.di import NamedDependency
from litestar.params import SkipValidation

from careplan.clock import Clock
from careplan.messaging.sms.provider import SmsProvider
from careplan.people.actor import Actor
from careplan.settings import Settings
from careplan.storage.db import Database

Db = NamedDependency[SkipValidation[Database]]
AppClock = NamedDependency[SkipValidation[Clock]]
AppSettings = NamedDependency[SkipValidation[Settings]]
CurrentActor = NamedDependency[SkipValidation[Actor]]
Sms = NamedDependency[SkipValidation[SmsProvider]]
