"""``/info`` and ``/health``: what this server is, and whether its database answers."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

import operator_console
from operator_console.server.deps import API, RuntimeDep
from operator_console.server.problems import responses
from operator_console.server.schemas import Ack, ServerInfo

router = APIRouter(tags=["server"])


@router.get(f"{API}/info", response_model=ServerInfo, responses=responses(429))
def info(rt: RuntimeDep) -> ServerInfo:
    """What this server is; ``demo`` is true when it runs with the demo accounts."""
    return ServerInfo(
        name="1022 central server",
        version=operator_console.__version__,
        api="v1",
        demo=rt.config.demo,
        database=rt.engine.dialect.name,
    )


@router.get(f"{API}/health", response_model=Ack, responses=responses(429, 503))
def health(rt: RuntimeDep) -> Ack:
    with rt.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return Ack()
