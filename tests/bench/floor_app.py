"""The floor for `make bench`: a bare Litestar handler, served exactly as `careplan serve` serves.

One `@get` handler returning a small dict, no middleware, no database: whatever the real
`GET /api/me` costs above this is the price of our own request path.
"""

from __future__ import annotations

import argparse

from granian import Granian
from granian.constants import Interfaces
from litestar import Litestar, get


@get("/floor")
async def floor() -> dict[str, str]:
    return {"status": "ok"}


def create_app() -> Litestar:
    return Litestar(route_handlers=[floor], logging_config=None, debug=False)


def main() -> None:
    """The same Granian arguments as `careplan.cli.cmd_serve`, so only the app differs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    Granian(
        "tests.bench.floor_app:create_app",
        factory=True,
        interface=Interfaces.ASGI,
        address=args.host,
        port=args.port,
        workers=1,
        log_access=False,
    ).serve()


if __name__ == "__main__":
    main()
