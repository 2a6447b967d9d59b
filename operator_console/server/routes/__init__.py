"""The HTTP API's routes, one module per resource; ``create_app`` (``server/app.py``) composes them.

Each handler checks who asks (``deps``), turns the request into a call of a service module
(``server/cases.py``, ``accounts.py``, ``feed.py``, ``stats.py``, ``consoles.py``) and the answer
into a response model (``schemas.py``, ``figures_schemas.py``). The other channels' routes are in
``server/open311/`` and the telephone exchange's in ``server/telephony.py``.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from operator_console.server.routes import admin, auth, cases, changes, reference, server_info, supervision

ROUTERS: tuple[APIRouter, ...] = (
    server_info.router,
    auth.router,
    cases.router,
    changes.router,
    reference.router,
    admin.router,
    supervision.router,
)


def add_routes(app: FastAPI) -> None:
    for router in ROUTERS:
        app.include_router(router)
