"""What supervisors watch: the queue's figures (``/stats/queue``), and the heartbeats the consoles
send so that the figures know who is on shift."""

from __future__ import annotations

from fastapi import APIRouter

from operator_console.server.consoles import record_heartbeat
from operator_console.server.db import transaction
from operator_console.server.deps import API, AUTH_ERRORS, Overseer, RuntimeDep, Writer, now_utc
from operator_console.server.figures_schemas import QueueStats
from operator_console.server.problems import responses
from operator_console.server.schemas import Ack, HeartbeatIn
from operator_console.server.stats import queue_stats

router = APIRouter(tags=["supervision"])


@router.get(f"{API}/stats/queue", response_model=QueueStats, responses=responses(*AUTH_ERRORS))
def stats_queue(rt: RuntimeDep, _who: Overseer) -> QueueStats:
    """The supervisor's figures: arrivals, open cases, backlog by unit and ward, consoles, calls."""
    with transaction(rt.reads) as session:
        names = rt.reference.unit_names(session)
        figures = queue_stats(session, now_utc(), names, rt.reference.ward_name, rt.reference.deadlines)
    return QueueStats.model_validate(figures)


@router.post(f"{API}/heartbeat", response_model=Ack, responses=responses(*AUTH_ERRORS))
def heartbeat(rt: RuntimeDep, who: Writer, body: HeartbeatIn) -> Ack:
    """A console says it is alive: who is on it, its version, how much waits in its outbox."""
    with transaction(rt.factory) as session:
        record_heartbeat(session, who.username, body, now_utc())
    return Ack()
