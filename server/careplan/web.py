"""Serves the built PWA at `/`.

index.html and the service worker (with the scripts it imports) are `no-cache` (a new
release must reach phones); hashed files under /assets/ are immutable. Deep links fall back
to index.html so the app's own router can answer; /api/, /webhooks/, /dev-phone/, /schema/
and /story/ (share links' pages) never fall back. Files are read once at start-up and kept
(with a gzip copy) in memory: the shell is small.
"""

from __future__ import annotations

import gzip
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from litestar import Request, Response, get
from litestar.exceptions import NotFoundException

from careplan.auth.middleware import PUBLIC

NEVER_THE_APP = ("api/", "webhooks/", "dev-phone/", "schema/", "story/", "healthz", "metrics")
NO_CACHE = "no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE_DAILY = "public, max-age=86400"


@dataclass(frozen=True, slots=True)
class StaticFile:
    body: bytes
    gzipped: bytes | None
    media_type: str
    cache_control: str


def cache_control_for(relative: str) -> str:
    if (
        relative == "index.html"
        or relative.startswith(("sw.js", "workbox-", "push-sw.js"))
        or relative.endswith(".webmanifest")
    ):
        return NO_CACHE
    if relative.startswith("assets/"):
        return IMMUTABLE
    return REVALIDATE_DAILY


def load_dist(dist: Path) -> dict[str, StaticFile]:
    files: dict[str, StaticFile] = {}
    if not dist.is_dir():
        return files
    for path in dist.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(dist).as_posix()
        body = path.read_bytes()
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".webmanifest":
            media_type = "application/manifest+json"
        compressible = media_type.startswith("text/") or media_type.endswith(
            ("javascript", "json", "svg+xml")
        )
        gzipped = gzip.compress(body, 9) if compressible and len(body) > 512 else None
        files[relative] = StaticFile(body, gzipped, media_type, cache_control_for(relative))
    return files


def app_shell_handler(dist: Path):  # noqa: ANN201 - returns a Litestar route handler
    files = load_dist(dist)

    @get(["/", "/{path:path}"], include_in_schema=False, opt={PUBLIC: True}, sync_to_thread=False)
    def app_shell(request: Request) -> Response[bytes]:
        relative = request.path_params.get("path", "").lstrip("/") or "index.html"
        if relative.startswith(NEVER_THE_APP):
            raise NotFoundException(f"Nothing at /{relative}")
        found = files.get(relative)
        if found is None:
            if "." in relative.rsplit("/", 1)[-1]:
                raise NotFoundException(f"No file /{relative}")
            found = files.get("index.html")
            if found is None:
                return Response(
                    b"The app is not built yet: run `make install`.",
                    status_code=503,
                    media_type="text/plain",
                )
        headers = {"Cache-Control": found.cache_control, "Vary": "Accept-Encoding"}
        if found.gzipped and "gzip" in request.headers.get("accept-encoding", ""):
            headers["Content-Encoding"] = "gzip"
            return Response(found.gzipped, media_type=found.media_type, headers=headers)
        return Response(found.body, media_type=found.media_type, headers=headers)

    return app_shell
