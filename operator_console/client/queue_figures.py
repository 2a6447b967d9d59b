"""The supervisor's figures as the server sends them (``GET /stats/queue``), read into typed values.

Anything missing or of the wrong type is garbage (:class:`ValueError`): the dashboard keeps the
figures it had and says the server's answer was not understood, rather than showing half a view.
The fields read here are held to the server's published schema (``QueueStats`` in
``docs/openapi.json``) by ``tests/test_figures_contract.py``: a field read that the schema does not
promise, or a type it allows that this reader refuses, fails there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from operator_console.domain.interchange import HCMC_TIME


@dataclass(frozen=True)
class Backlog:
    """Open cases of one unit or ward."""

    key: str
    """The unit's code, or the ward's code as text ('' when the ward is not known)."""
    name: str
    open: int
    oldest: datetime | None


@dataclass(frozen=True)
class AgeBar:
    from_h: int
    to_h: int | None
    open: int


@dataclass(frozen=True)
class Overdue:
    category: str
    priority: str
    deadline_h: float
    past: int
    oldest: datetime | None


@dataclass(frozen=True)
class OperatorLine:
    username: str
    operator: str
    state: str
    """``available``, ``on_call`` or ``after_call_work``."""
    cases_last_hour: int
    cases_today: int
    average_handling_s: float | None
    outbox_size: int
    version: str
    last_seen: datetime | None


@dataclass(frozen=True)
class PhoneQueue:
    waiting: int
    oldest_wait_s: int
    offered_today: int
    answered_today: int
    answered_within_20s: int
    counted_for_service_level: int
    """Offered less those abandoned within 5 s: the service level's denominator."""
    service_level: float | None
    abandoned_today: int
    abandon_rate: float | None
    average_answer_s: float | None
    average_handle_s: float | None
    on_call: int
    available: int
    after_call_work: int


@dataclass(frozen=True)
class QueueFigures:
    generated_at: datetime
    received_today: dict[str, int]
    received_last_hour: dict[str, int]
    open_by_status: dict[str, int]
    open_total: int
    oldest_open: datetime | None
    repeat_contacts_today: int
    repeated_cases_today: int
    repeat_rate_today: float | None
    backlog_by_unit: list[Backlog]
    backlog_by_ward: list[Backlog]
    ageing: list[AgeBar]
    past_deadline: int
    overdue: list[Overdue]
    first_hour: datetime
    arrivals: list[dict[str, int]]
    """Cases received in each hour from ``first_hour`` on, by channel (168 hours, this one last)."""
    on_shift: int
    outbox_waiting: int
    outbox_oldest_waiting_s: int
    operators: list[OperatorLine]
    phone: PhoneQueue

    @property
    def day_started(self) -> datetime:
        """Midnight in Ho Chi Minh City of the figures' day: where the server's "today" starts."""
        return self.generated_at.astimezone(HCMC_TIME).replace(hour=0, minute=0, second=0, microsecond=0)

    def hours_since(self, when: datetime | None) -> float | None:
        """How long before the figures' time ``when`` was, in hours (an age the thresholds read)."""
        return None if when is None else (self.generated_at - when).total_seconds() / 3600

    def arrivals_since(self, hours: int) -> tuple[datetime, list[dict[str, int]]]:
        """The last ``hours`` hours of arrivals and the first one's start."""
        hours = min(hours, len(self.arrivals))
        return self.first_hour + timedelta(hours=len(self.arrivals) - hours), self.arrivals[-hours:]


def _time(value: Any) -> datetime | None:
    return None if value is None else _required_time(value)


def _required_time(value: Any) -> datetime:
    parsed = datetime.fromisoformat(_str(value))
    if parsed.tzinfo is None:
        raise ValueError("a time without its offset")
    return parsed


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"not a whole number: {type(value).__name__}")
    return value


def _float(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"not a number: {value!r}")
    return float(value)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"not text: {type(value).__name__}")
    return value


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ValueError("not a table of counts")
    return {_str(k): _int(v) for k, v in value.items()}


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


def parse_queue_figures(body: dict[str, Any]) -> QueueFigures:
    """Raises ValueError (or KeyError, TypeError) on anything the server would not send."""
    consoles, calls = body["consoles"], body["calls"]
    agents = _counts(consoles["agents"])
    return QueueFigures(
        generated_at=_required_time(body["generated_at"]),
        received_today=_counts(body["received_today"]["by_channel"]),
        received_last_hour=_counts(body["received_last_hour"]["by_channel"]),
        open_by_status=_counts(body["open_by_status"]),
        open_total=_int(body["open_total"]),
        oldest_open=_time(body["oldest_open_received_at"]),
        repeat_contacts_today=_int(body["repeat_contacts_today"]),
        repeated_cases_today=_int(body["repeated_cases_today"]),
        repeat_rate_today=_float(body["repeat_rate_today"]),
        backlog_by_unit=[
            Backlog(_str(u["unit"]), _str(u["name"]), _int(u["open"]), _time(u["oldest_received_at"]))
            for u in _list(body["backlog_by_unit"])
        ],
        backlog_by_ward=[
            Backlog(
                "" if w["ward_code"] is None else str(_int(w["ward_code"])),
                _str(w["ward_name"]),
                _int(w["open"]),
                _time(w["oldest_received_at"]),
            )
            for w in _list(body["backlog_by_ward"])
        ],
        ageing=[
            AgeBar(_int(a["from_h"]), None if a["to_h"] is None else _int(a["to_h"]), _int(a["open"]))
            for a in _list(body["ageing"])
        ],
        past_deadline=_int(body["past_deadline"]["total"]),
        overdue=[
            Overdue(
                _str(g["category"]),
                _str(g["priority"]),
                _float(g["deadline_h"]) or 0.0,  # never 0 from the server: hours above 0
                _int(g["past"]),
                _time(g["oldest_received_at"]),
            )
            for g in _list(body["past_deadline"]["by_category"])
        ],
        first_hour=_required_time(body["arrivals"]["first_hour"]),
        arrivals=[_counts(h) for h in _list(body["arrivals"]["by_hour"])],
        on_shift=_int(consoles["on_shift"]),
        outbox_waiting=_int(consoles["outbox_waiting"]),
        outbox_oldest_waiting_s=_int(consoles["outbox_oldest_waiting_s"]),
        operators=[
            OperatorLine(
                username=_str(o["username"]),
                operator=_str(o["operator"]),
                state=_str(o["state"]),
                cases_last_hour=_int(o["cases_last_hour"]),
                cases_today=_int(o["cases_today"]),
                average_handling_s=_float(o["average_handling_s"]),
                outbox_size=_int(o["outbox_size"]),
                version=_str(o["version"]),
                last_seen=_time(o["last_seen"]),
            )
            for o in _list(consoles["operators"])
        ],
        phone=PhoneQueue(
            waiting=_int(calls["waiting"]),
            oldest_wait_s=_int(calls["oldest_wait_s"]),
            offered_today=_int(calls["offered_today"]),
            answered_today=_int(calls["answered_today"]),
            answered_within_20s=_int(calls["answered_within_20s"]),
            counted_for_service_level=_int(calls["counted_for_service_level"]),
            service_level=_float(calls["service_level"]),
            abandoned_today=_int(calls["abandoned_today"]),
            abandon_rate=_float(calls["abandon_rate"]),
            average_answer_s=_float(calls["average_answer_s"]),
            average_handle_s=_float(calls["average_handle_s"]),
            on_call=agents.get("on_call", _int(calls["operators_on_call"])),
            available=agents.get("available", 0),
            after_call_work=agents.get("after_call_work", 0),
        ),
    )
