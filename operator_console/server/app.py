"""The HTTP API (FastAPI): ``/api/v1`` for consoles, units and supervisors, ``/open311/v2`` for channels.

This module only composes the application: the routes, one module per resource, are in
``server/routes/`` (the other channels' in ``server/open311/``, the exchange's in
``telephony.py``); the errors' format in ``errors.py``; what the handlers share in ``runtime.py``.
Every handler is a plain function run in the worker's thread pool: the database calls are
synchronous (SQLAlchemy sessions), and a slow one never blocks the event loop.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response

import operator_console
from operator_console.server import open311, routes, telephony
from operator_console.server.config import ServerConfig
from operator_console.server.deps import API
from operator_console.server.errors import (
    OPEN311_ROOT,
    error_response,
    install_error_handlers,
    problem_response,
)
from operator_console.server.limits import BodyLimit, RateLimiter, WriteGate, credential_key
from operator_console.server.openapi import with_required_keys
from operator_console.server.problems import Problem, ProblemError
from operator_console.server.runtime import Runtime, build_runtime

log = logging.getLogger("operator_console.server")
BUSY_RETRY_S = 2
"""When a write turned away as busy may come back."""
UNGATED = (telephony.PREFIX, f"{API}/auth/")


def create_app(config: ServerConfig, rt: Runtime | None = None) -> FastAPI:
    app = FastAPI(
        title="1022 central server",
        version=operator_console.__version__,
        summary="Requests for help to Ho Chi Minh City's 1022 hotline: one queue for every channel.",
        description=(
            "The reference server of the 1022 Operator Console. Errors are RFC 9457 problem "
            "documents (``application/problem+json``) with a machine ``code``; validation errors "
            "list each field. Messages follow ``Accept-Language`` (Vietnamese by default)."
        ),
        license_info={"name": "GPL-3.0-or-later", "identifier": "GPL-3.0-or-later"},
        openapi_url=f"{API}/openapi.json",
        # No Swagger UI: it loads its scripts from a CDN, which a city's closed network cannot reach.
        docs_url=None,
        redoc_url=None,
    )
    app.state.runtime = rt or build_runtime(config)
    limiter = RateLimiter(config.limits.requests_per_minute)
    address_limiter = RateLimiter(config.limits.requests_per_minute_per_address)
    login_limiter = RateLimiter(config.limits.logins_per_minute)
    writes = WriteGate(config.limits.writes_in_flight)
    install_error_handlers(app)

    def too_large(scope: Any) -> Any:
        path = str(scope.get("path", ""))
        if path.startswith(OPEN311_ROOT):
            return open311.error_response(413, "Request body too large", path=path)
        return problem_response(ProblemError("payload_too_large"), "vi")

    @app.middleware("http")
    async def access_log_and_rate(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        path = request.url.path
        client = request.client.host if request.client else "-"
        is_login = path == f"{API}/auth/token" and request.method == "POST"
        key = (
            "login:" + client
            if is_login
            else credential_key(
                request.headers.get("authorization") or request.headers.get(telephony.KEY_HEADER), client
            )
        )
        wait = address_limiter.check(client) or (login_limiter if is_login else limiter).check(key)
        # Never turned away: the exchange's call events (a phone call is not posted again), and
        # logins (the operators coming on shift are what a surge needs most).
        gated = request.method not in ("GET", "HEAD", "OPTIONS") and not path.startswith(UNGATED)
        if wait is not None:
            response: Response = error_response(
                request, ProblemError("rate_limited", headers={"Retry-After": str(wait)})
            )
        elif gated and not writes.enter():
            response = error_response(
                request, ProblemError("busy", headers={"Retry-After": str(BUSY_RETRY_S)})
            )
        else:
            try:
                response = await call_next(request)
            finally:
                if gated:
                    writes.leave()
        # Path only, never the query string: a query may carry a phone number.
        route = request.scope.get("route")
        shown = getattr(route, "path", None) or "(unrouted)"
        log.info(
            "%s %s %d %.1f ms",
            request.method,
            shown,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response

    app.add_middleware(BodyLimit, limit=config.limits.max_body_bytes, too_large=too_large)
    routes.add_routes(app)
    open311.add_routes(app)
    telephony.add_routes(app)
    with_required_keys(app)
    return app


__all__ = ["Problem", "build_runtime", "create_app"]
