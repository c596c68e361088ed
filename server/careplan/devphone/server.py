"""Running the dev phone on its own (`careplan dev-phone`), outside the main app.

One granian worker: the texts live in that worker's memory, so a second worker would be a
second phone that sees half the texts.
"""

from __future__ import annotations

from functools import partial

from granian import Granian
from granian.constants import Interfaces
from litestar import Litestar

from careplan.devphone.router import create_dev_phone_router
from careplan.settings import Settings


def create_dev_phone_app(settings: Settings) -> Litestar:
    return Litestar(route_handlers=[create_dev_phone_router(settings)], openapi_config=None)


def serve_dev_phone(settings: Settings, host: str, port: int) -> None:
    """Serve only the dev phone until interrupted (blocking)."""
    server = Granian(
        target="careplan.devphone.server:create_dev_phone_app",
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=1,
    )
    # The loader runs in the worker process; a partial of a module-level function pickles.
    server.serve(target_loader=partial(create_dev_phone_app, settings), wrap_loader=False)
