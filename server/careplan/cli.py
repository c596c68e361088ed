"""The `careplan` command: serve, scheduler, migrate, create-clinician, demo, dev-phone, backup,
restore, openapi."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from careplan.clock import SystemClock
from careplan.logging import configure_logging
from careplan.settings import Settings, SettingsError
from careplan.storage.db import Database, connect
from careplan.storage.migrate import MigrationError, ensure_current, migrate

T = TypeVar("T")


def _with_db(settings: Settings, work: Callable[[Database], Awaitable[T]]) -> T:
    async def run() -> T:
        db = await connect(settings.database_url)
        try:
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(run())


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    from granian import Granian
    from granian.constants import Interfaces

    _with_db(settings, ensure_current)  # refuse to start on an unmigrated or altered schema
    if args.no_scheduler:
        os.environ["CAREPLAN_SCHEDULER"] = "0"  # read by every worker's app_from_env
    Granian(
        "careplan.asgi:app_from_env",
        factory=True,
        interface=Interfaces.ASGI,
        address=args.host,
        port=args.port,
        workers=args.workers,
        log_access=False,
    ).serve()
    return 0


def cmd_scheduler(settings: Settings, args: argparse.Namespace) -> int:
    from careplan.scheduler import run_standalone

    return asyncio.run(run_standalone(settings, once=args.once))


def cmd_migrate(settings: Settings, _args: argparse.Namespace) -> int:
    from careplan.careplans.logs import backfill_recent_outcomes

    async def work(db: Database) -> tuple[list[str], int]:
        return await migrate(db), await backfill_recent_outcomes(db)

    applied, filled = _with_db(settings, work)
    print("\n".join(f"applied {name}" for name in applied) or "database is up to date")
    if filled:
        print(f"filled the recent outcomes of {filled} actions")
    return 0


def cmd_create_clinician(settings: Settings, args: argparse.Namespace) -> int:
    from careplan.people.clinicians import create_clinician

    if not args.password_stdin:
        print("careplan: pass --password-stdin and the password on standard input", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\n")

    async def work(db: Database) -> str:
        await ensure_current(db)
        return await create_clinician(
            db,
            SystemClock(),
            email=args.email,
            name=args.name,
            role=args.role,
            password=password,
            organisation_name=args.organisation,
        )

    print(f"created clinician {_with_db(settings, work)}")
    return 0


def cmd_demo(settings: Settings, _args: argparse.Namespace) -> int:
    from careplan.people.demo import load_demo

    async def work(db: Database) -> list[str]:
        await ensure_current(db)
        return await load_demo(db, SystemClock())

    print("\n".join(_with_db(settings, work)))
    return 0


def cmd_dev_phone(settings: Settings, args: argparse.Namespace) -> int:
    from careplan.devphone import serve_dev_phone

    serve_dev_phone(settings, args.host, args.port)
    return 0


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    from careplan.storage.backup import backup

    backup(settings.database_url, Path(args.path))
    print(f"backed up to {args.path}")
    return 0


def cmd_restore(settings: Settings, args: argparse.Namespace) -> int:
    from careplan.storage.backup import restore

    restore(settings.database_url, Path(args.path))
    print(f"restored from {args.path}")
    return 0


def cmd_openapi(settings: Settings, _args: argparse.Namespace) -> int:
    from careplan.app import create_app

    print(json.dumps(create_app(settings).openapi_schema.to_schema(), indent=2, sort_keys=True))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careplan", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API and the app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument(
        "--no-scheduler",
        action="store_true",
        help="do not tick check-ins in this process (run `careplan scheduler` elsewhere); "
        "each granian worker otherwise runs its own tick, which is safe",
    )
    serve.set_defaults(run=cmd_serve)

    scheduler = commands.add_parser(
        "scheduler", help="tick check-ins and send texts, without serving HTTP"
    )
    scheduler.add_argument("--once", action="store_true", help="run one tick and exit")
    scheduler.set_defaults(run=cmd_scheduler)

    commands.add_parser("migrate", help="apply pending database migrations").set_defaults(
        run=cmd_migrate
    )

    clinician = commands.add_parser("create-clinician", help="add a clinician account")
    clinician.add_argument("--email", required=True)
    clinician.add_argument("--name", required=True)
    clinician.add_argument(
        "--role",
        required=True,
        choices=["gp", "nurse", "care_coordinator", "pharmacist", "health_coach", "admin"],
    )
    clinician.add_argument("--organisation", help="practice name (default: the only practice)")
    clinician.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    clinician.set_defaults(run=cmd_create_clinician)

    commands.add_parser("demo", help="load demo practice, clinicians and patients").set_defaults(
        run=cmd_demo
    )

    phone = commands.add_parser("dev-phone", help="run the Twilio-compatible dev phone alone")
    phone.add_argument("--host", default="127.0.0.1")
    phone.add_argument("--port", type=int, default=8001)
    phone.set_defaults(run=cmd_dev_phone)

    backup = commands.add_parser(
        "backup", help="copy the database to PATH while the service runs (a new file)"
    )
    backup.add_argument("path")
    backup.set_defaults(run=cmd_backup)

    restore = commands.add_parser(
        "restore", help="load a backup into an empty database (stop the service first)"
    )
    restore.add_argument("path")
    restore.set_defaults(run=cmd_restore)

    commands.add_parser("openapi", help="print the OpenAPI schema as JSON").set_defaults(
        run=cmd_openapi
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"careplan: bad setting: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    try:
        return args.run(settings, args)
    except (MigrationError, ValueError) as exc:
        print(f"careplan: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
