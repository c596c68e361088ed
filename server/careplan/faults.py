"""Test-only fault injection: the scheduler kills itself at a named point, to prove recovery.

Set through `CAREPLAN_FAULT` (after_claim: texts claimed, nothing sent; after_send: a text
handed to the provider, its SID not yet recorded). SIGKILL, not an exception: nothing runs
after it, no `finally`, no rollback of what already committed — exactly like a power cut.
"""

from __future__ import annotations

import logging
import os
import signal

from careplan.settings import Settings

log = logging.getLogger(__name__)

AFTER_CLAIM = "after_claim"
AFTER_SEND = "after_send"


def crash_here(settings: Settings, point: str) -> None:
    if settings.fault == point:
        log.warning("fault injection: killing this process", extra={"fault": point})
        for handler in logging.getLogger().handlers:
            handler.flush()
        os.kill(os.getpid(), signal.SIGKILL)
