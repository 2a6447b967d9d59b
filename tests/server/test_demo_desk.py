"""Demo mode's simulated desk: a call rings, a colleague answers, talks, writes it up and saves a
case, all seen in the supervisor's figures; a caller left waiting hangs up; a restart leaves no
call ringing forever. On a real SQLite database, with the clock given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from operator_console.paths import resource
from operator_console.server.app import build_runtime
from operator_console.server.config import ServerConfig
from operator_console.server.db import transaction
from operator_console.server.demo import seed_demo
from operator_console.server.demo_desk import DemoDesk
from operator_console.server.models import CallRow, CaseEventRow, CaseRow, UserRow
from operator_console.server.stats import queue_stats
from tests.server.harness import fresh_database, prepare


def test_a_simulated_colleague_takes_a_call_writes_it_up_and_saves_its_case(tmp_path: Path) -> None:
    url = fresh_database("sqlite", tmp_path)
    prepare(url)
    runtime = build_runtime(
        ServerConfig(database_url=url, routing_rules=str(resource("data", "routing_rules.json")))
    )
    desk = DemoDesk(runtime.factory, runtime.reference)

    def figures(at: datetime) -> dict[str, Any]:  # the figures' JSON document
        with transaction(runtime.reads) as session:
            names = runtime.reference.unit_names(session)
            return queue_stats(session, at, names, runtime.reference.ward_name, runtime.reference.deadlines)

    def cases() -> int:
        with transaction(runtime.reads) as session:
            return int(session.scalar(select(func.count()).select_from(CaseRow)) or 0)

    now = datetime.now(UTC)
    with transaction(runtime.factory) as session:
        desk._ring(session, now)
        desk._ring(session, now)
    assert figures(now)["calls"]["waiting"] == 2
    desk.tick(now + timedelta(seconds=1))  # two colleagues answer
    stats = figures(now + timedelta(seconds=1))
    assert stats["calls"]["waiting"] == 0
    assert stats["consoles"]["agents"] == {"available": 1, "on_call": 2, "after_call_work": 0}
    later = now + timedelta(seconds=200)  # past the longest talk: both hang up, writing up
    desk.tick(later)
    assert figures(later)["consoles"]["agents"]["after_call_work"] == 2
    before = cases()
    done = later + timedelta(seconds=61)  # past the longest write-up: the cases are saved
    desk.tick(done)
    assert cases() == before + 2
    assert figures(done)["consoles"]["agents"]["after_call_work"] == 0

    # A caller nobody answers gives up; a restart ends what the last run left ringing.
    with transaction(runtime.factory) as session:
        desk._ring(session, done)
    desk._waiting.clear()  # as if the server had stopped with the call ringing
    assert figures(done)["calls"]["waiting"] == 1
    DemoDesk(runtime.factory, runtime.reference).hang_up_leftovers(done + timedelta(seconds=5))
    assert figures(done + timedelta(seconds=5))["calls"]["waiting"] == 0
    with transaction(runtime.reads) as session:
        assert session.scalar(select(func.count()).where(CallRow.ended_at.is_(None))) == 0
    runtime.engine.dispose()


def test_the_simulated_ward_units_move_their_cases_and_leave_unit1s_alone(tmp_path: Path) -> None:
    url = fresh_database("sqlite", tmp_path)
    prepare(url)
    runtime = build_runtime(
        ServerConfig(database_url=url, routing_rules=str(resource("data", "routing_rules.json")))
    )
    now = datetime.now(UTC)
    seed_demo(runtime.factory, runtime.reference, now)

    def statuses() -> dict[str, str]:
        with transaction(runtime.reads) as session:
            return {c.id: c.status for c in session.scalars(select(CaseRow))}

    with transaction(runtime.reads) as session:
        staffed = session.scalars(select(UserRow.unit_code).where(UserRow.username == "unit1")).one()
        unit1_cases = {c.id for c in session.scalars(select(CaseRow).where(CaseRow.handling_unit == staffed))}
    assert unit1_cases  # unit1 logs in to a worklist with cases in it
    before = statuses()
    desk = DemoDesk(runtime.factory, runtime.reference, seed=7)
    for step in range(30):
        with transaction(runtime.factory) as session:
            desk._unit_step(session, now + timedelta(seconds=step))
    after = statuses()
    moved = {case_id for case_id in before if before[case_id] != after[case_id]}
    assert len(moved) >= 20  # each step moves one case (dispatched → accepted → in progress → closed)
    assert not moved & unit1_cases
    assert {after[c] for c in moved} >= {"accepted", "in_progress", "resolved"}
    with transaction(runtime.reads) as session:
        history = session.scalars(
            select(CaseEventRow).where(CaseEventRow.by == "ubnd-demo", CaseEventRow.kind == "status")
        ).all()
    assert {e.case_id for e in history} == moved
    assert all(e.from_status for e in history)  # each step in the history, from what to what
    runtime.engine.dispose()
