"""Bounds on what a client can make the server do: body size and request rate.

The rate limit is a fixed one-minute window per client address (generous: a call centre's
consoles may share one address behind NAT) and, within it, per credential (token, key) or, for
logins, per address again (tighter). Forged credentials each get a bucket, but all of them share
their address's. It is kept in each worker's memory: with N workers a client gets at most N times
the limit, which is still bounded; the login throttle that matters (per user name) is in the
database and shared (``security.begin_attempt``).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_MAX_TRACKED = 50_000


class RateLimiter:
    """At most ``per_minute`` requests per key in each clock minute; the keys tracked are bounded
    (least recently seen dropped first), so a flood of distinct keys costs constant memory."""

    def __init__(self, per_minute: int) -> None:
        self._per_minute = per_minute
        self._windows: OrderedDict[str, tuple[int, int]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, key: str) -> int | None:
        """None when allowed, else the seconds to wait."""
        now = time.monotonic()
        window = int(now // 60)
        with self._lock:
            start, count = self._windows.pop(key, (window, 0))
            if start != window:
                start, count = window, 0
            allowed = count < self._per_minute
            self._windows[key] = (start, count + 1 if allowed else count)
            while len(self._windows) > _MAX_TRACKED:
                self._windows.popitem(last=False)
        return None if allowed else max(1, int(60 - now % 60))


class WriteGate:
    """How many writes this worker is making; refuses one more past ``limit`` (the event loop's own
    counter: the middleware that holds it runs on the loop's thread only)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.in_flight = 0

    def enter(self) -> bool:
        if self.in_flight >= self.limit:
            return False
        self.in_flight += 1
        return True

    def leave(self) -> None:
        self.in_flight -= 1


def credential_key(authorization: str | None, fallback: str) -> str:
    if authorization:
        return "auth:" + hashlib.sha256(authorization.encode()).hexdigest()[:32]
    return "addr:" + fallback


class BodyLimit:
    """Refuses a request body larger than ``limit`` bytes with 413, without reading more of it."""

    def __init__(self, app: ASGIApp, limit: int, too_large: Callable[[Scope], ASGIApp]) -> None:
        self._app = app
        self._limit = limit
        self._too_large = too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self._limit):
            await self._too_large(scope)(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self._limit:
                await self._too_large(scope)(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self._app(scope, replay, send)
