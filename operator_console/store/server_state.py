"""A case as the server has it now (from the feed, or the answer to a change sent from here), and
how it updates the local row: the server is the authority on a case's status, unit, priority,
number and version, and a row never goes back to an older version than it holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from operator_console.domain.case import Case
from operator_console.store.database import naive_utc
from operator_console.store.models import CaseRow, StatusChangeRow


@dataclass(frozen=True)
class ServerCase:
    server_id: str
    source_key: str
    case: Case
    version: int | None = None
    """The server's version of the case (servers before versions: None)."""


def update_row(session: Session, row: CaseRow, item: ServerCase, now: datetime) -> None:
    """The local row as the server has the case, unless the row already holds a later version."""
    case = item.case
    if item.version is not None and row.server_version is not None and item.version < row.server_version:
        return  # this console already has a later state (its own change's answer)
    if row.status != case.status.value:
        session.add(StatusChangeRow(case_id=row.id, status=case.status.value, at=naive_utc(now), by="server"))
    row.status = case.status.value
    row.server_id = item.server_id
    row.case_number = case.case_number
    row.handling_unit = case.handling_unit
    row.repeat_count = case.repeat_count
    row.merged_into = case.merged_into
    row.priority = case.priority.value
    if item.version is not None:  # (a server before versions says none: what was known stays)
        row.server_version = item.version
    row.updated_at = naive_utc(now)
