"""The figures of the supervisor's dashboard, computed by the database (SQL aggregates over indexes).

Contact-centre definitions used for the phone queue (the exchange's call events):

- *offered*: inbound calls that started today; *waiting*: started, not answered, not ended.
- *answered within 20 s* / *service level*: answered no later than 20 s after the call started,
  over the calls offered today less those abandoned within 5 s (a caller who hangs up at once was
  never really waiting; the usual exclusion).
- *abandoned*: ended without being answered; *abandon rate*: abandoned over offered.
- *average speed of answer*: mean of answer time minus start time, over answered calls.
- *average handle time*: mean of end minus answer, over answered calls that have ended (talk and
  hold; the exchange does not report after-call work, so it is not included).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, case, column, func, select, text
from sqlalchemy.orm import Session

from operator_console.domain.interchange import HCMC_TIME
from operator_console.server.models import (
    OPEN_CONDITION,
    CallRow,
    CaseRow,
    ContactRow,
    HeartbeatRow,
    UTCDateTime,
)

SERVICE_LEVEL_S = 20
SHORT_ABANDON_S = 5
ON_SHIFT = timedelta(minutes=5)
"""A console that sent a heartbeat this recently counts as on shift."""


def _seconds(session: Session, later: Any, earlier: Any) -> ColumnElement[float]:
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", later - earlier).cast(Float)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def start_of_day(now: datetime) -> datetime:
    local = now.astimezone(HCMC_TIME)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def queue_stats(
    session: Session, now: datetime, unit_names: dict[str, str], ward_name: Any
) -> dict[str, Any]:
    today = start_of_day(now)
    hour_ago = now - timedelta(hours=1)

    def received_since(since: datetime) -> dict[str, Any]:
        rows = session.execute(
            select(CaseRow.channel, func.count())
            .where(CaseRow.received_at >= since)
            .group_by(CaseRow.channel)
        ).all()
        by_channel = dict(rows)
        return {"total": sum(by_channel.values()), "by_channel": by_channel}

    open_by_status = dict(
        session.execute(
            select(CaseRow.status, func.count()).where(OPEN_CONDITION).group_by(CaseRow.status)
        ).all()
    )
    # SQLite is told which index to read: without fresh statistics it prefers the status index and
    # then visits every open case's row (0.27 s a query at 100,000 open cases), where the partial
    # index alone answers. PostgreSQL finds the partial index by itself.
    by_unit = _open_by(session, "handling_unit", "ix_cases_open_unit")
    by_ward = _open_by(session, "ward_code", "ix_cases_open_ward")
    oldest_open = min((oldest for _u, _n, oldest in by_unit if oldest is not None), default=None)
    contacts_today = session.scalar(select(func.count()).where(ContactRow.received_at >= today)) or 0
    cases_today = received_since(today)
    return {
        "generated_at": now.astimezone(HCMC_TIME).isoformat(),
        "received_today": cases_today,
        "received_last_hour": received_since(hour_ago),
        "open_by_status": open_by_status,
        "open_total": sum(open_by_status.values()),
        "oldest_open_received_at": _aware(oldest_open),
        "repeat_contacts_today": contacts_today,
        "repeat_rate_today": _ratio(contacts_today, contacts_today + cases_today["total"]),
        "backlog_by_unit": sorted(
            (
                {
                    "unit": unit,
                    "name": unit_names.get(unit, ""),
                    "open": count,
                    "oldest_received_at": _aware(oldest),
                }
                for unit, count, oldest in by_unit
            ),
            key=lambda item: (-item["open"], item["unit"]),
        ),
        "backlog_by_ward": sorted(
            (
                {
                    "ward_code": code,
                    "ward_name": ward_name(code),
                    "open": count,
                    "oldest_received_at": _aware(oldest),
                }
                for code, count, oldest in by_ward
            ),
            key=lambda item: (-item["open"], item["ward_code"] or 0),
        ),
        "consoles": _consoles(session, now, today, hour_ago),
        "calls": _calls(session, now, today),
    }


def _open_by(session: Session, key: str, index: str) -> list[Any]:
    """Open cases by the column ``key``: how many, and the oldest one's time."""
    hint = f" INDEXED BY {index}" if session.get_bind().dialect.name == "sqlite" else ""
    query = text(
        f"SELECT {key} AS key, count(*) AS n, min(received_at) AS oldest FROM cases{hint} "
        f"WHERE {OPEN_CONDITION.text} GROUP BY {key}"
    ).columns(column("key"), column("n"), column("oldest", UTCDateTime))
    return list(session.execute(query).all())


def _consoles(session: Session, now: datetime, today: datetime, hour_ago: datetime) -> dict[str, Any]:
    beats = session.scalars(select(HeartbeatRow).where(HeartbeatRow.seen_at >= now - ON_SHIFT)).all()
    # Grouped by ``created_by || ''``, not the bare column: SQLite would otherwise walk the whole
    # table in ix_cases_source's order (0.5 s at a million cases) instead of today's few rows
    # through ix_cases_created_at.
    who = CaseRow.created_by.concat("")
    made = dict(
        session.execute(select(who, func.count()).where(CaseRow.created_at >= hour_ago).group_by(who)).all()
    )
    made_today = dict(
        session.execute(select(who, func.count()).where(CaseRow.created_at >= today).group_by(who)).all()
    )
    return {
        "on_shift": len(beats),
        "outbox_waiting": sum(b.outbox_size for b in beats),
        "outbox_oldest_waiting_s": max((b.oldest_waiting_s or 0 for b in beats), default=0),
        "operators": [
            {
                "username": b.username,
                "operator": b.operator,
                "version": b.version,
                "outbox_size": b.outbox_size,
                "last_seen": _aware(b.seen_at),
                "cases_last_hour": made.get(b.username, 0),
                "cases_today": made_today.get(b.username, 0),
            }
            for b in sorted(beats, key=lambda b: b.username)
        ],
    }


def _calls(session: Session, now: datetime, today: datetime) -> dict[str, Any]:
    wait = _seconds(session, CallRow.answered_at, CallRow.started_at)
    talk = _seconds(session, CallRow.ended_at, CallRow.answered_at)
    rang = _seconds(session, CallRow.ended_at, CallRow.started_at)
    inbound_today = and_(CallRow.direction == "in", CallRow.started_at >= today)
    answered = CallRow.answered_at.is_not(None)
    abandoned = and_(CallRow.answered_at.is_(None), CallRow.ended_at.is_not(None))
    row = session.execute(
        select(
            func.count(),
            func.count(case((answered, 1))),
            func.count(case((and_(answered, wait <= SERVICE_LEVEL_S), 1))),
            func.count(case((abandoned, 1))),
            func.count(case((and_(abandoned, rang < SHORT_ABANDON_S), 1))),
            func.avg(case((answered, wait))),
            func.avg(case((and_(answered, CallRow.ended_at.is_not(None)), talk))),
        ).where(inbound_today)
    ).one()
    offered, answered_n, within, abandoned_n, short, asa, aht = row
    waiting = session.execute(
        select(func.count(), func.min(CallRow.started_at)).where(
            CallRow.direction == "in",
            CallRow.answered_at.is_(None),
            CallRow.ended_at.is_(None),
            CallRow.started_at >= now - timedelta(hours=12),
        )
    ).one()
    on_call = session.scalar(
        select(func.count(func.distinct(CallRow.operator))).where(
            answered, CallRow.ended_at.is_(None), CallRow.started_at >= now - timedelta(hours=12)
        )
    )
    return {
        "waiting": waiting[0],
        "oldest_wait_s": int((now - _aware_utc(waiting[1])).total_seconds()) if waiting[1] else 0,
        "offered_today": offered,
        "answered_today": answered_n,
        "answered_within_20s": within,
        "service_level": _ratio(within, offered - short),
        "abandoned_today": abandoned_n,
        "abandon_rate": _ratio(abandoned_n, offered),
        "average_answer_s": round(float(asa), 1) if asa is not None else None,
        "average_handle_s": round(float(aht), 1) if aht is not None else None,
        "operators_on_call": on_call or 0,
    }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole > 0 else None


def _aware_utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _aware(value: datetime | None) -> str | None:
    return _aware_utc(value).astimezone(HCMC_TIME).isoformat() if value is not None else None
