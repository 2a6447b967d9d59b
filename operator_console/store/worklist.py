"""The cases waiting for someone at this desk: a unit's open cases, the triage desk's unrouted ones.

Read from the local replica (the changes feed keeps it within a minute; offline, it is what the
console last knew), with the changes made here and not yet on the server laid over it: a case
routed or closed here leaves the list at once, not when the feed brings it back. Each item carries
the server's version it shows, which a decision made from the list is sent with (``If-Match``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Engine, select
from sqlalchemy.orm import Session

from operator_console.domain.case import Priority, Status
from operator_console.domain.changes import CaseChange
from operator_console.domain.deadlines import Deadlines
from operator_console.store.models import CaseChangeRow, CaseRow, OutboxRow
from operator_console.store.outbox import REFUSED, SENT, WAITING

PRIORITY_RANK = {Priority.CRITICAL: 0, Priority.URGENT: 1, Priority.NORMAL: 2}


class Order(StrEnum):
    DEADLINE = "deadline"
    """A unit's list: the deadline nearest (or longest past) first, then the higher priority."""
    RECEIVED = "received"
    """The triage desk: the higher priority first, then the oldest."""


@dataclass(frozen=True)
class WorkItem:
    case_id: str
    server_id: str | None
    number: str
    received_at: datetime
    category: str
    priority: Priority
    status: Status
    handling_unit: str
    ward_code: int | None
    ward: str
    address: str
    person: str
    """The person in need (or the caller when they are the one)."""
    caller_phone: str
    description: str
    repeat_count: int
    version: int | None
    """The server's version of the case this item shows (None: not known here)."""
    deadline: datetime
    waiting: bool = False
    """A change made here is on its way to the server."""
    refused: str = ""
    """The server's words on the last change made here, when it refused it (and nothing since)."""


def worklist(
    engine: Engine,
    units: Collection[str],
    statuses: Collection[Status],
    deadlines: Deadlines,
    *,
    order: Order = Order.DEADLINE,
) -> list[WorkItem]:
    """The open cases of ``units`` in ``statuses``, as this desk last knew them and changed them:
    all of them (a list cut short would hide the newest at triage, the latest deadlines at a unit)."""
    if not units or not statuses:
        return []
    wanted = {s.value for s in statuses}
    where = (
        CaseRow.handling_unit.in_(list(units)),
        CaseRow.status.in_(list(wanted)),
        CaseRow.merged_into.is_(None),
    )
    with Session(engine) as session:
        # The columns the list shows, as plain tuples (not ORM rows): a triage queue in a surge
        # holds thousands, and the list is read again after every pass of the sync.
        rows = session.connection().execute(select(*_COLUMNS).where(*where)).all()
        changes = _changes_by_case(session, where)
    items = []
    for row in rows:
        item = _item(tuple(row), deadlines)
        mine = changes.get(item.case_id)
        if mine is None:
            items.append(item)  # (it was read for these units and statuses)
            continue
        item = _overlay(item, mine)
        if item.priority != row.priority:  # a priority changed here moves the deadline
            hours = deadlines.hours(item.category, item.priority.value)
            item = replace(item, deadline=item.received_at + timedelta(hours=hours))
        if item.handling_unit in units and item.status.value in wanted:
            items.append(item)
    if order is Order.DEADLINE:
        items.sort(key=lambda i: (i.deadline, PRIORITY_RANK[i.priority], i.received_at))
    else:
        items.sort(key=lambda i: (PRIORITY_RANK[i.priority], i.received_at))
    return items


_COLUMNS = (
    CaseRow.id,
    CaseRow.server_id,
    CaseRow.case_number,
    CaseRow.received_at,
    CaseRow.category,
    CaseRow.priority,
    CaseRow.status,
    CaseRow.handling_unit,
    CaseRow.ward_code,
    CaseRow.ward_as_said,
    CaseRow.district_as_said,
    CaseRow.address_as_said,
    CaseRow.has_subject,
    CaseRow.subject_name,
    CaseRow.caller_name,
    CaseRow.caller_phone,
    CaseRow.caller_phone_legacy,
    CaseRow.description,
    CaseRow.repeat_count,
    CaseRow.server_version,
)


def _item(row: tuple[Any, ...], deadlines: Deadlines) -> WorkItem:
    """``row``: the columns of :data:`_COLUMNS`, in their order."""
    (
        case_id,
        server_id,
        number,
        received_at,
        category,
        priority_value,
        status,
        unit,
        ward_code,
        ward,
        district,
        address,
        has_subject,
        subject_name,
        caller_name,
        caller_phone,
        caller_phone_legacy,
        description,
        repeat_count,
        version,
    ) = row
    received = received_at.replace(tzinfo=UTC)
    priority = Priority(priority_value)
    return WorkItem(
        case_id=case_id,
        server_id=server_id,
        number=number or "",
        received_at=received,
        category=category,
        priority=priority,
        status=Status(status),
        handling_unit=unit or "",
        ward_code=ward_code,
        ward=f"{ward}, {district}" if ward and district else ward or district,
        address=address,
        person=subject_name if has_subject and subject_name else caller_name,
        caller_phone=caller_phone or caller_phone_legacy or "",
        description=description,
        repeat_count=repeat_count,
        version=version,
        deadline=received + timedelta(hours=deadlines.hours(category, priority_value)),
    )


def _changes_by_case(
    session: Session, where: tuple[ColumnElement[bool], ...]
) -> dict[str, list[tuple[CaseChange, str, str]]]:
    """The changes made here to the listed cases (few: this desk's own), with their outbox state."""
    found: dict[str, list[tuple[CaseChange, str, str]]] = {}
    for row, state, error in session.execute(
        select(CaseChangeRow, OutboxRow.state, OutboxRow.last_error)
        .join(OutboxRow, (OutboxRow.item_id == CaseChangeRow.id) & (OutboxRow.kind == "change"))
        .join(CaseRow, CaseRow.id == CaseChangeRow.case_id)
        .where(*where)
        .order_by(OutboxRow.seq)
    ):
        change = CaseChange.from_json(row.id, row.at.replace(tzinfo=UTC), row.body, row.base_version)
        found.setdefault(row.case_id, []).append((change, state, error))
    return found


def _overlay(item: WorkItem, changes: Collection[tuple[CaseChange, str, str]]) -> WorkItem:
    """What the changes still waiting here make of the case; the last refused one's words."""
    refused = ""
    for change, state, error in changes:
        if state == WAITING:
            item = replace(
                item,
                status=change.status or item.status,
                handling_unit=change.handling_unit or item.handling_unit,
                priority=change.priority or item.priority,
                waiting=True,
            )
        refused = error if state == REFUSED else "" if state == SENT else refused
    return replace(item, refused=refused)
