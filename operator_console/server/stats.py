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
- operators *on a call*: with an answered inbound call not yet ended; *after-call work*: on shift,
  not on a call, their last call ended less than 10 minutes ago and no case saved by them since
  (writing up the call); *available*: on shift and neither.

The desk's own figures:

- an operator's *handling time*: from the first key typed in the intake form to the case saved
  (the case's ``call_duration_s``), averaged over the cases they saved today;
- *past deadline*: open longer than its category's and priority's deadline
  (``domain/deadlines.py``); *ageing*: open cases by time since received.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, bindparam, case, column, func, select, text
from sqlalchemy.orm import Session

from operator_console.domain.deadlines import Deadlines
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
AFTER_CALL_LIMIT = timedelta(minutes=10)
"""After-call work ends with the case saved, or after this long (a call that needed no case)."""
AGE_BOUNDS_H = (4, 24, 72, 168)
"""The ageing histogram's bars: under 4 h, 4–24 h, 1–3 days, 3–7 days, over 7 days."""
ARRIVAL_HOURS = 7 * 24


def _seconds(session: Session, later: Any, earlier: Any) -> ColumnElement[float]:
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", later - earlier).cast(Float)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def start_of_day(now: datetime) -> datetime:
    local = now.astimezone(HCMC_TIME)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def queue_stats(
    session: Session, now: datetime, unit_names: dict[str, str], ward_name: Any, deadlines: Deadlines
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
    contacts_today, cases_repeated = session.execute(
        select(func.count(), func.count(func.distinct(ContactRow.case_id))).where(
            ContactRow.received_at >= today
        )
    ).one()
    cases_today = received_since(today)
    return {
        "generated_at": now.astimezone(HCMC_TIME).isoformat(),
        "received_today": cases_today,
        "received_last_hour": received_since(hour_ago),
        "open_by_status": open_by_status,
        "open_total": sum(open_by_status.values()),
        "oldest_open_received_at": _aware(oldest_open),
        "repeat_contacts_today": contacts_today,
        "repeated_cases_today": cases_repeated,
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
        **_open_by_age(session, now, deadlines),
        "arrivals": _arrivals(session, now),
        "consoles": _consoles(session, now, today, hour_ago),
        "calls": _calls(session, now, today),
    }


def _open_by_age(session: Session, now: datetime, deadlines: Deadlines) -> dict[str, Any]:
    """The ageing histogram and the cases past their deadline, by category and priority.

    One pass over the open cases' partial index (category, priority, received_at) counts each
    group's ages; then each group's past-deadline count is a range count in that same index.
    """
    hint = " INDEXED BY ix_cases_open_category" if session.get_bind().dialect.name == "sqlite" else ""
    bounds = [now - timedelta(hours=h) for h in AGE_BOUNDS_H]
    younger = ", ".join(f"count(CASE WHEN received_at >= :b{i} THEN 1 END)" for i in range(len(bounds)))
    groups = list(
        session.execute(
            text(
                f"SELECT category, priority, count(*), min(received_at), {younger} FROM cases{hint} "
                f"WHERE {OPEN_CONDITION.text} GROUP BY category, priority"
            )
            .bindparams(*(bindparam(f"b{i}", b, type_=UTCDateTime) for i, b in enumerate(bounds)))
            .columns(column("category"), column("priority"), column("n"), column("oldest", UTCDateTime))
        ).all()
    )
    # Cumulative "received since bound i" per group → open cases per age bar.
    under = [sum(int(g[4 + i]) for g in groups) for i in range(len(bounds))]
    total = sum(int(g[2]) for g in groups)
    edges = [0, *AGE_BOUNDS_H, None]
    counts = [under[0]] + [under[i] - under[i - 1] for i in range(1, len(under))] + [total - under[-1]]
    ageing = [{"from_h": edges[i], "to_h": edges[i + 1], "open": counts[i]} for i in range(len(counts))]
    past = _past_deadline(session, now, deadlines, [(g[0], g[1]) for g in groups], hint)
    oldest = {(g[0], g[1]): g[3] for g in groups}
    late = sorted(((-n, c, p) for (c, p), n in past.items() if n))
    by_group = [
        {
            "category": category,
            "priority": priority,
            "deadline_h": deadlines.hours(category, priority),
            "past": -minus_n,
            "oldest_received_at": _aware(oldest[(category, priority)]),
        }
        for minus_n, category, priority in late
    ]
    return {
        "ageing": ageing,
        "past_deadline": {"total": sum(past.values()), "by_category": by_group},
        "deadlines": deadlines.as_json(),
    }


def _past_deadline(
    session: Session, now: datetime, deadlines: Deadlines, groups: list[tuple[str, str]], hint: str
) -> dict[tuple[str, str], int]:
    if not groups:
        return {}
    parts, params = [], []
    for i, (category, priority) in enumerate(groups):
        parts.append(
            f"SELECT {i} AS g, count(*) AS n FROM cases{hint} WHERE {OPEN_CONDITION.text} "
            f"AND category = :c{i} AND priority = :p{i} AND received_at < :t{i}"
        )
        cutoff = now - timedelta(hours=deadlines.hours(category, priority))
        params += [
            bindparam(f"c{i}", category),
            bindparam(f"p{i}", priority),
            bindparam(f"t{i}", cutoff, type_=UTCDateTime),
        ]
    rows = session.execute(text(" UNION ALL ".join(parts)).bindparams(*params)).all()
    return {groups[int(g)]: int(n) for g, n in rows}


def _arrivals(session: Session, now: datetime) -> dict[str, Any]:
    """Cases received in each of the last 168 hours (this hour last), by channel."""
    this_hour = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    first = this_hour - timedelta(hours=ARRIVAL_HOURS - 1)
    if session.get_bind().dialect.name == "postgresql":
        query = text(
            "SELECT to_char(date_trunc('hour', received_at), 'YYYY-MM-DD HH24') AS h, channel, count(*) "
            "FROM cases WHERE received_at >= :first GROUP BY 1, 2"
        )
    else:
        # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC): the first 13 characters are the hour. The
        # index on (received_at, channel) answers alone.
        query = text(
            "SELECT substr(received_at, 1, 13) AS h, channel, count(*) "
            "FROM cases INDEXED BY ix_cases_received_channel WHERE received_at >= :first GROUP BY 1, 2"
        )
    rows = session.execute(query.bindparams(bindparam("first", first, type_=UTCDateTime))).all()
    hours: list[dict[str, int]] = [{} for _ in range(ARRIVAL_HOURS)]
    for hour, channel, count in rows:
        start = datetime.strptime(str(hour), "%Y-%m-%d %H").replace(tzinfo=UTC)
        slot = int((start - first).total_seconds() // 3600)
        if 0 <= slot < ARRIVAL_HOURS:
            hours[slot][channel] = int(count)
    return {
        "first_hour": first.astimezone(HCMC_TIME).isoformat(),
        "by_hour": hours,
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
    # One pass over the cases saved since today began or an hour ago, whichever is earlier: each
    # operator's count in the last hour, today's count and handling time, and the last save (which
    # ends after-call work).
    saved = session.execute(
        select(
            who,
            func.count(case((CaseRow.created_at >= hour_ago, 1))),
            func.count(case((CaseRow.created_at >= today, 1))),
            func.avg(case((CaseRow.created_at >= today, CaseRow.call_duration_s))),
            func.max(CaseRow.created_at),
        )
        .where(CaseRow.created_at >= min(today, hour_ago))
        .group_by(who)
    ).all()
    made = {name: (last_hour, n_today, handling) for name, last_hour, n_today, handling, _last in saved}
    states = _operator_states(session, now, {b.username for b in beats}, {r[0]: r[4] for r in saved})
    return {
        "on_shift": len(beats),
        "outbox_waiting": sum(b.outbox_size for b in beats),
        "outbox_oldest_waiting_s": max((b.oldest_waiting_s or 0 for b in beats), default=0),
        "agents": {
            state: sum(1 for s in states.values() if s == state)
            for state in ("available", "on_call", "after_call_work")
        },
        "operators": [
            {
                "username": b.username,
                "operator": b.operator,
                "version": b.version,
                "outbox_size": b.outbox_size,
                "last_seen": _aware(b.seen_at),
                "state": states.get(b.username, "available"),
                "cases_last_hour": made.get(b.username, (0, 0, None))[0],
                "cases_today": made.get(b.username, (0, 0, None))[1],
                "average_handling_s": _rounded(made.get(b.username, (0, 0, None))[2]),
            }
            for b in sorted(beats, key=lambda b: b.username)
        ],
    }


def _operator_states(
    session: Session, now: datetime, on_shift: set[str], last_saved: dict[str, datetime]
) -> dict[str, str]:
    """Each operator's state: on an inbound call (the exchange), after-call work, or available."""
    recent = and_(CallRow.direction == "in", CallRow.started_at >= now - timedelta(hours=12))
    talking = set(
        session.scalars(
            select(CallRow.operator).where(
                recent,
                CallRow.answered_at.is_not(None),
                CallRow.ended_at.is_(None),
                CallRow.operator.is_not(None),
            )
        ).all()
    )
    since = now - AFTER_CALL_LIMIT
    last_ended = dict(
        session.execute(
            select(CallRow.operator, func.max(CallRow.ended_at))
            .where(recent, CallRow.answered_at.is_not(None), CallRow.ended_at >= since)
            .group_by(CallRow.operator)
        ).all()
    )
    states: dict[str, str] = {}
    for name in on_shift | {t for t in talking if t}:
        if name in talking:
            states[name] = "on_call"
            continue
        ended, saved = last_ended.get(name), last_saved.get(name)
        if saved is not None and _aware_utc(saved) < since:
            saved = None  # a save before the call window does not end its write-up
        writing_up = ended is not None and (saved is None or _aware_utc(saved) < _aware_utc(ended))
        states[name] = "after_call_work" if writing_up else "available"
    return states


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
        "counted_for_service_level": offered - short,
        "abandoned_today": abandoned_n,
        "abandon_rate": _ratio(abandoned_n, offered),
        "average_answer_s": _rounded(asa),
        "average_handle_s": _rounded(aht),
        "operators_on_call": on_call or 0,
    }


def _rounded(value: Any) -> float | None:
    return round(float(value), 1) if value is not None else None


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole > 0 else None


def _aware_utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _aware(value: datetime | None) -> str | None:
    return _aware_utc(value).astimezone(HCMC_TIME).isoformat() if value is not None else None
