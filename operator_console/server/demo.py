"""Demo mode: one account per role and a few hundred realistic cases, for a first look and for tests.

Only ``--demo`` creates these; the accounts' shared password is published in the README, so a
server in demo mode must never hold real cases (it says so loudly at start).
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from operator_console.samples import rows
from operator_console.server import accounts, cases
from operator_console.server.cases import Reference
from operator_console.server.db import transaction
from operator_console.server.demo_desk import COLLEAGUES, case_body, seed_calls
from operator_console.server.models import CaseRow, ClientKeyRow, UserRow
from operator_console.server.problems import ProblemError
from operator_console.server.schemas import CasePatch, ContactIn, UserIn
from operator_console.server.security import Principal, Role, digest

log = logging.getLogger(__name__)
PASSWORD = "demo1022"
ACCOUNTS = (
    ("operator1", Role.OPERATOR, "Tổng đài viên 1"),
    ("supervisor1", Role.SUPERVISOR, "Giám sát ca"),
    ("unit1", Role.UNIT, "Cán bộ đầu mối"),
    ("monitor1", Role.MONITOR, "Giám sát HĐND / MTTQ"),
    ("admin1", Role.ADMIN, "Quản trị"),
)
# The web form's key sits in a public page: it posts, and reads only what is public. The Zalo bot's
# and the app's backends keep theirs on a server: they read back in full what they posted.
CHANNEL_KEYS = (
    ("demo-web", "web", "demo-web-1022", False),
    ("demo-zalo", "zalo", "demo-zalo-1022", True),
    ("demo-app", "app", "demo-app-1022", True),
)
EXCHANGE_KEY = ("demo-pbx", "demo-pbx-1022")
DEMO_CASES = 300
BANNER = """
************************************************************************
*  DEMO MODE: accounts operator1, supervisor1, unit1, monitor1, admin1 *
*  share the published password "demo1022". Never put real cases here. *
************************************************************************"""


def seed_demo(factory: sessionmaker[Session], ref: Reference, now: datetime | None = None) -> None:
    """Create what is missing of the demo (a second start adds nothing)."""
    now = now or datetime.now(UTC)
    with transaction(factory) as session:
        have_cases = session.scalar(select(func.count()).select_from(CaseRow)) or 0
    if not have_cases:
        _seed_cases(factory, ref, now)
    with transaction(factory) as session:
        busiest = session.execute(
            select(CaseRow.handling_unit, func.count())
            .where(CaseRow.handling_unit.like("ubnd-%"))
            .group_by(CaseRow.handling_unit)
            .order_by(func.count().desc(), CaseRow.handling_unit)
        ).first()
        unit = busiest[0] if busiest else "1022-triage"
        for username, role, name in ACCOUNTS:
            if session.scalars(select(UserRow).where(UserRow.username == username)).first() is None:
                accounts.create_user(
                    session,
                    UserIn(
                        username=username,
                        password=PASSWORD,
                        role=role.value,
                        unit_code=unit if role is Role.UNIT else None,
                        display_name=name,
                    ),
                    now,
                )
        for name, channel, secret, full_reads in CHANNEL_KEYS:
            if session.get(ClientKeyRow, digest(secret)) is None:
                accounts.create_client_key(
                    session, name, "channel", channel, now, secret, full_reads=full_reads
                )
        if session.get(ClientKeyRow, digest(EXCHANGE_KEY[1])) is None:
            accounts.create_client_key(session, EXCHANGE_KEY[0], "exchange", None, now, EXCHANGE_KEY[1])


def _seed_cases(factory: sessionmaker[Session], ref: Reference, now: datetime) -> None:
    rng = random.Random(1022)
    start = now - timedelta(days=3)
    created: list[str] = []
    desks = (("operator1", "Tổng đài viên 1"), *COLLEAGUES)
    with transaction(factory) as session:
        for i, row in enumerate(rows(DEMO_CASES, seed=1022, start=start, days=3)):
            who, name = desks[i % len(desks)]
            received = datetime.fromisoformat(row["received_at"])
            # Typed while the caller talks: saved a minute or two after the call came in.
            duration = rng.randrange(35, 150)
            saved = min(received + timedelta(seconds=duration), now)
            try:
                case = cases.create_case(
                    session, ref, who, f"demo-{i:04d}", case_body(row, received, name, duration), saved, "en"
                )
            except ProblemError:
                continue  # a generated row the rules refuse (a phone the generator got wrong): skip it
            created.append(case.id)
        session.flush()
        seed_calls(session, rng, now)
    # Move some cases along, as units would have.
    handler = Principal(user_id=0, username="unit-demo", role=Role.ADMIN, unit_code=None)
    with transaction(factory) as session:
        for case_id in created:
            roll = rng.random()
            steps: list[CasePatch] = []
            if roll < 0.45:
                steps.append(CasePatch(status="accepted"))
            if 0.2 < roll < 0.45:
                steps.append(CasePatch(status="in_progress", note="Đã liên hệ, hẹn giao hàng"))
            if 0.3 < roll < 0.45:
                steps.append(CasePatch(status="resolved", note="Đã trao gạo và nhu yếu phẩm"))
            if 0.45 <= roll < 0.5:
                steps.append(CasePatch(status="not_eligible", reason="Đã nhận hỗ trợ đợt 2"))
            for step in steps:
                cases.patch_case(session, handler, case_id, step, now, "vi")
            if rng.random() < 0.1:
                cases.add_contact(
                    session,
                    handler,
                    case_id,
                    ContactIn(caller_name="Người nhà", relation="family", note="Gọi lại: chưa ai đến"),
                    now,
                    "vi",
                )
    log.info("demo: %d cases created", len(created))
