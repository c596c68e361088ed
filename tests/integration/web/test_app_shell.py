"""The built PWA is served at / with the right caching; deep links fall back, /api/ never does."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest
from tests.support.lifespan import running_lifespan

from careplan.app import create_app
from careplan.settings import Settings


@pytest.fixture
async def shell(tmp_path: Path, settings_env, db) -> httpx.AsyncClient:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Careplan</title>" + " " * 600)
    (dist / "sw.js").write_text("self.addEventListener('fetch', () => {});")
    (dist / "push-sw.js").write_text("self.addEventListener('push', () => {});")
    (dist / "assets" / "index-3f9a1c.js").write_text("console.log('app');" * 100)
    (dist / "manifest.webmanifest").write_text('{"name": "Careplan"}')
    app = create_app(Settings.from_env({**settings_env, "CAREPLAN_PWA_DIST": str(dist)}))
    async with (
        running_lifespan(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as http,
    ):
        yield http


async def test_index_and_service_worker_are_never_cached_stale(shell):
    for path in ("/", "/sw.js", "/push-sw.js", "/manifest.webmanifest"):
        answer = await shell.get(path)
        assert answer.status_code == 200, path
        assert answer.headers["cache-control"] == "no-cache", path


async def test_hashed_assets_are_immutable_and_gzipped(shell):
    answer = await shell.get("/assets/index-3f9a1c.js", headers={"accept-encoding": "gzip"})
    assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert answer.headers["content-type"].startswith("text/javascript")
    assert answer.headers["content-encoding"] == "gzip"
    assert answer.text.startswith("console.log")  # httpx decoded the gzip
    raw = await shell.get("/assets/index-3f9a1c.js", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in raw.headers and gzip.compress(raw.content)


async def test_deep_links_fall_back_to_the_app(shell):
    answer = await shell.get("/sign-in/code")
    assert answer.status_code == 200 and "<title>Careplan</title>" in answer.text


async def test_api_and_missing_files_never_fall_back(shell):
    assert (await shell.get("/assets/missing.js")).status_code == 404
    assert (await shell.get("/webhooks/nothing")).status_code in (404, 405)
    answer = await shell.get("/api/no-such-thing")
    assert answer.status_code in (401, 404)
    assert answer.headers["content-type"].startswith("application/json")


async def test_health_check(shell):
    assert (await shell.get("/healthz")).json() == {"status": "ok"}
