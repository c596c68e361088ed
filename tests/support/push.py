"""A browser's push service on a local port (the network edge), and a browser's side of a
subscription: what the Web Push tests send through the real pywebpush."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import http_ece
from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from multidict import CIMultiDict
from tests.support.processes import free_port

SUBJECT = "mailto:practice@riverside.test"


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def vapid_keys() -> tuple[str, str]:
    """(public, private) as a deployment would configure them."""
    key = ec.generate_private_key(ec.SECP256R1())
    private = key.private_numbers().private_value.to_bytes(32, "big")
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64url(public), b64url(private)


def push_env(vapid: tuple[str, str]) -> dict[str, str]:
    """Settings that turn Web Push on, with the local push service allowed."""
    public, private = vapid
    return {
        "CAREPLAN_VAPID_PUBLIC_KEY": public,
        "CAREPLAN_VAPID_PRIVATE_KEY": private,
        "CAREPLAN_VAPID_SUBJECT": SUBJECT,
        "CAREPLAN_PUSH_SERVICE_HOSTS": "127.0.0.1, localhost",
    }


@dataclass
class Device:
    """A browser's side of a subscription: its key pair and auth secret."""

    key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    def keys(self) -> dict[str, str]:
        public = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"p256dh": b64url(public), "auth": b64url(self.auth)}

    def read(self, body: bytes) -> dict:
        return json.loads(http_ece.decrypt(body, private_key=self.key, auth_secret=self.auth))


@dataclass
class PushService:
    """Records each push and answers with the status set for its path (default 201)."""

    port: int
    received: list[tuple[str, CIMultiDict[str], bytes]] = field(default_factory=list)
    answers: dict[str, int] = field(default_factory=dict)

    def endpoint(self, name: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}/push/{name}"

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        self.received.append((request.path, request.headers.copy(), body))
        return web.Response(status=self.answers.get(request.path, 201))


@asynccontextmanager
async def running_push_service() -> AsyncIterator[PushService]:
    service = PushService(free_port())
    app = web.Application()
    app.router.add_post("/push/{name}", service.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", service.port).start()
    try:
        yield service
    finally:
        await runner.cleanup()
