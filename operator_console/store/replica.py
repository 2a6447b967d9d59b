"""The replica: the city's recent cases, copied from the server's changes feed into the local store.

Duplicate search and status look-ups ("has anyone visited my mother yet?") then work in
milliseconds and offline. A case from the feed updates the local case it is (found by the
server's id, or for a case sent from this desk by its own id, the idempotency key it was sent
with) or is added as a case taken elsewhere (``from_server``). The server is the authority on a
case's status, number and unit. Each page of the feed is applied, with its cursor, in one
transaction: a crash halfway replays the page, never skips it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Engine, delete, or_, select
from sqlalchemy.orm import Session

from operator_console.domain.case import Case
from operator_console.store.case_store import CaseRecord, case_record, insert_records
from operator_console.store.database import naive_utc
from operator_console.store.models import CaseRow, StatusChangeRow, SyncStateRow

CURSOR_KEY = "changes_cursor"


@dataclass(frozen=True)
class ServerCase:
    server_id: str
    source_key: str
    case: Case


class Replica:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def cursor(self) -> int:
        with Session(self._engine) as session:
            row = session.get(SyncStateRow, CURSOR_KEY)
            return int(row.value) if row else 0

    def apply(self, cases: Sequence[ServerCase], cursor: int, now: datetime) -> int:
        """Apply one page of the feed and move the cursor, in one transaction; cases added."""
        added: list[CaseRecord] = []
        with Session(self._engine) as session, session.begin():
            for item in cases:
                row = session.scalars(
                    select(CaseRow).where(
                        or_(CaseRow.server_id == item.server_id, CaseRow.id == item.source_key)
                    )
                ).first()
                if row is None:  # (a copy made earlier carries the server's id as its own and in server_id)
                    # The copy's id is the server's; it starts without history rows (``_update``
                    # records each later change of its status).
                    copy = replace(item.case, id=item.server_id, history=())
                    added.append(case_record(copy, naive_utc(now), server_id=item.server_id))
                    continue
                self._update(session, row, item, now)
            session.flush()
            insert_records(session.connection(), added)
            session.merge(SyncStateRow(key=CURSOR_KEY, value=str(cursor)))
        return len(added)

    @staticmethod
    def _update(session: Session, row: CaseRow, item: ServerCase, now: datetime) -> None:
        case = item.case
        if row.status != case.status.value:
            session.add(
                StatusChangeRow(case_id=row.id, status=case.status.value, at=naive_utc(now), by="server")
            )
        row.status = case.status.value
        row.server_id = item.server_id
        row.case_number = case.case_number
        row.handling_unit = case.handling_unit
        row.repeat_count = case.repeat_count
        row.merged_into = case.merged_into
        row.updated_at = naive_utc(now)

    def forget_older_than(self, moment: datetime) -> int:
        """Drop copies of other desks' cases received before ``moment`` (the replica's window)."""
        with Session(self._engine) as session, session.begin():
            result = session.execute(
                delete(CaseRow).where(CaseRow.from_server.is_(True), CaseRow.received_at < naive_utc(moment))
            )
            return int(result.rowcount)  # type: ignore[attr-defined]
