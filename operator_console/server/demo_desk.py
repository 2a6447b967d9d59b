"""Demo mode's colleagues: three simulated operators and the exchange's calls, so that a supervisor
trying the demo sees a desk at work (calls waiting, answered, abandoned; operators on a call,
writing up, available; cases arriving) rather than zeros.

Only a server started with ``--demo`` runs this; it writes straight to the demo database what the
exchange (calls), the consoles (heartbeats) and the operators (cases) would send. The calls' and
cases' history of the last three days is seeded once (:func:`seed_calls`); :class:`DemoDesk` then
keeps the desk going every few seconds while the server runs.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from operator_console.samples import rows
from operator_console.server import cases
from operator_console.server.cases import Reference
from operator_console.server.db import insert_for, transaction
from operator_console.server.models import CallRow, CaseRow, HeartbeatRow, UserRow
from operator_console.server.problems import ProblemError
from operator_console.server.schemas import CaseIn, CasePatch
from operator_console.server.security import Principal, Role

log = logging.getLogger(__name__)
EXCHANGE = "demo-pbx"
COLLEAGUES = (
    ("operator2", "Tổng đài viên 2"),
    ("operator3", "Tổng đài viên 3"),
    ("operator4", "Tổng đài viên 4"),
)
"""Simulated desks (no accounts: nobody logs in as them); ``operator1`` is the demo's real login."""
UNIT_HANDS = Principal(user_id=0, username="ubnd-demo", role=Role.ADMIN, unit_code=None)
"""The simulated ward units' focal points (no account either)."""
TICK_S = 5.0
NEW_CALL_CHANCE = 0.22
"""Per tick: about 2.6 calls a minute for three operators who each take about 2 minutes a call,
so a queue forms now and then, as it did in 2021."""
UNIT_STEP_CHANCE = 0.35
"""Per tick: a simulated ward unit moves one of its cases a step (accepts, notes, resolves), so that
statuses move on the consoles; the units that demo accounts log in to are left to the people."""
UNIT_STEPS = (
    ("dispatched", CasePatch(status="accepted")),
    ("accepted", CasePatch(status="in_progress", note="Tổ dân phố đang đến nhà")),
    ("in_progress", CasePatch(status="resolved", note="Đã trao gạo và nhu yếu phẩm")),
)
NOT_ELIGIBLE = CasePatch(status="not_eligible", reason="Đã nhận hỗ trợ đợt 2 tại phường")


def case_body(row: dict[str, str], received_at: datetime, operator: str, duration_s: int) -> CaseIn:
    return CaseIn(
        received_at=received_at,
        channel=row["channel"],  # type: ignore[arg-type]
        caller_phone=row["caller_phone"],
        caller_name=row["caller_name"],
        caller_relation="neighbour" if row["subject_name"] else "self",
        subject_name=row["subject_name"],
        address=row["address"],
        ward=row["ward"],
        district=row["district"],
        category=row["category"],
        household_size=int(row["household_size"]),
        description=row["description"],
        operator=operator,
        call_duration_s=duration_s,
    )


def seed_calls(session: Session, rng: random.Random, now: datetime) -> None:
    """The exchange's record of the seeded phone cases (answered) and of callers who hung up."""
    phoned = session.execute(
        select(CaseRow.received_at, CaseRow.call_duration_s, CaseRow.created_by).where(
            CaseRow.channel == "phone", CaseRow.received_at >= now - timedelta(days=3)
        )
    ).all()
    calls = []
    for i, (received, duration, who) in enumerate(phoned):
        wait = timedelta(seconds=rng.choice([3, 5, 8, 10, 12, 15, 18, 25, 40, 70]))
        talk = timedelta(seconds=(duration or 60) + rng.randrange(0, 40))
        calls.append(_call(f"seed-{i}", received - wait, received, min(received + talk, now), who))
    for i in range(len(phoned) // 12):  # about one caller in thirteen hangs up before an answer
        started = now - timedelta(seconds=rng.randrange(60, 3 * 86400))
        calls.append(
            _call(f"seed-gone-{i}", started, None, started + timedelta(seconds=rng.randrange(3, 90)))
        )
    session.add_all(calls)


def _call(
    call_id: str, started: datetime, answered: datetime | None, ended: datetime | None, who: str | None = None
) -> CallRow:
    return CallRow(
        exchange=EXCHANGE,
        call_id=call_id,
        direction="in",
        from_phone="",
        to_number="1022",
        started_at=started,
        answered_at=answered,
        ended_at=ended,
        operator=who if answered else None,
        ringing="",
        cause="normalClearing" if answered else "cancel",
    )


@dataclass
class _Colleague:
    username: str
    name: str
    call: str | None = None
    answered_at: datetime | None = None
    busy_until: datetime | None = None
    writing_until: datetime | None = None


class DemoDesk(threading.Thread):
    def __init__(self, factory: sessionmaker[Session], reference: Reference, seed: int = 1022) -> None:
        super().__init__(name="demo-desk", daemon=True)
        self._factory, self._reference = factory, reference
        self._rng = random.Random(seed)
        self._samples = rows(500, seed=seed + 1, days=1)
        self._colleagues = [_Colleague(u, n) for u, n in COLLEAGUES]
        self._waiting: list[tuple[str, datetime, datetime]] = []
        """Calls ringing: id, start, when the caller gives up."""
        self._made = 0
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            self.hang_up_leftovers(datetime.now(UTC))
        except Exception:
            log.exception("demo desk: the last run's calls could not be ended")
        while not self._stop.wait(TICK_S):
            try:
                self.tick(datetime.now(UTC))
            except Exception:  # a demo must not take the server down; the next tick tries again
                log.exception("demo desk: a tick failed")

    def hang_up_leftovers(self, now: datetime) -> None:
        """Calls the last run left ringing or talking (the server stopped): ended, or they would
        wait on the dashboard for hours."""
        with transaction(self._factory) as session:
            for call in session.scalars(
                select(CallRow).where(CallRow.exchange == EXCHANGE, CallRow.ended_at.is_(None))
            ):
                call.ended_at = now

    def tick(self, now: datetime) -> None:
        with transaction(self._factory) as session:
            self._heartbeats(session, now)
            if self._rng.random() < NEW_CALL_CHANCE:
                self._ring(session, now)
            self._give_up(session, now)
            for colleague in self._colleagues:
                self._work(session, colleague, now)
            if self._rng.random() < UNIT_STEP_CHANCE:
                self._unit_step(session, now)

    def _heartbeats(self, session: Session, now: datetime) -> None:
        for i, colleague in enumerate(self._colleagues, start=2):
            values = {
                "username": colleague.username,
                "operator": colleague.name,
                "version": "demo",
                "outbox_size": 0,
                "oldest_waiting_s": None,
                "seen_at": now,
            }
            upsert = insert_for(session, HeartbeatRow).values(console_id=f"demo-desk-{i}", **values)
            session.execute(upsert.on_conflict_do_update(index_elements=["console_id"], set_=values))

    def _ring(self, session: Session, now: datetime) -> None:
        call_id = f"live-{now.timestamp():.0f}-{self._rng.randrange(10**6)}"
        patience = timedelta(seconds=self._rng.randrange(25, 150))
        self._waiting.append((call_id, now, now + patience))
        session.add(_call(call_id, now, None, None))

    def _give_up(self, session: Session, now: datetime) -> None:
        gone = [w for w in self._waiting if w[2] <= now]
        self._waiting = [w for w in self._waiting if w[2] > now]
        for call_id, _started, _gives_up in gone:
            self._update(session, call_id, ended_at=now)

    def _work(self, session: Session, colleague: _Colleague, now: datetime) -> None:
        if colleague.call is not None and colleague.busy_until is not None and now >= colleague.busy_until:
            self._update(session, colleague.call, ended_at=now)  # the call ends: writing up
            colleague.call, colleague.busy_until = None, None
            colleague.writing_until = now + timedelta(seconds=self._rng.randrange(15, 60))
        elif colleague.writing_until is not None and now >= colleague.writing_until:
            self._save_case(session, colleague, now)
            colleague.writing_until = None
        elif colleague.call is None and colleague.writing_until is None and self._waiting:
            call_id, _started, _gives_up = self._waiting.pop(0)
            colleague.call, colleague.answered_at = call_id, now
            colleague.busy_until = now + timedelta(seconds=self._rng.randrange(45, 180))
            self._update(session, call_id, answered_at=now, operator=colleague.username)

    def _unit_step(self, session: Session, now: datetime) -> None:
        """A simulated ward unit works its oldest case a step (never a unit a person logs in to)."""
        staffed = select(UserRow.unit_code).where(UserRow.unit_code.is_not(None))
        step = self._rng.choice(UNIT_STEPS)
        case = session.scalars(
            select(CaseRow)
            .where(
                CaseRow.status == step[0],
                CaseRow.handling_unit.like("ubnd-%"),
                CaseRow.handling_unit.not_in(staffed),
            )
            .order_by(CaseRow.received_at)
            .limit(1)
        ).first()
        if case is None:
            return
        change = step[1]
        if step[0] == "in_progress" and self._rng.random() < 0.3:
            change = NOT_ELIGIBLE  # the seeds' most common outcome in 2021
        with contextlib.suppress(ProblemError):
            cases.patch_case(session, UNIT_HANDS, case.id, change, now, "vi")

    def _save_case(self, session: Session, colleague: _Colleague, now: datetime) -> None:
        row = dict(self._samples[self._made % len(self._samples)])
        row["channel"] = "phone"
        self._made += 1
        received = colleague.answered_at or now
        duration = int((now - received).total_seconds())
        body = case_body(row, received, colleague.name, min(duration, 86_400))
        key = f"demo-live-{now.timestamp():.0f}-{self._made}"
        # A generated row the rules refuse makes no case; validation comes before any write.
        with contextlib.suppress(ProblemError):
            cases.create_case(session, self._reference, colleague.username, key, body, now, "vi")

    @staticmethod
    def _update(session: Session, call_id: str, **values: object) -> None:
        call = session.scalars(
            select(CallRow).where(CallRow.exchange == EXCHANGE, CallRow.call_id == call_id)
        ).first()
        if call is not None:
            for name, value in values.items():
                setattr(call, name, value)
