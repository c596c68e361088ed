"""The ASGI entry point for granian workers: each worker builds its app from the environment."""

from __future__ import annotations

from litestar import Litestar

from careplan.app import create_app
from careplan.logging import configure_logging
from careplan.settings import Settings


def app_from_env() -> Litestar:
    settings = Settings.from_env()
    configure_logging(settings.log_level)
    return create_app(settings, scheduler=settings.serve_scheduler)
