"""The replica: the city's recent cases, copied from the server's changes feed into the local store.

Duplicate search and status look-ups ("has anyone visited my mother yet?") then work in
milliseconds and offline. A case from the feed updates the local case it is (found by the
server's id, or for a case sent from this desk by its own id, the idempotency key it was sent
with) or is added as a case taken elsewhere (``from_server``). The server is the authority on a
case's status, number and unit. Each page of the feed is applied, with its cursor, in one
transaction: a crash halfway replays the page, never skips it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import ColumnElement, Engine, delete, exists, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from operator_console.domain.changes import CaseChange
from operator_console.store.case_store import CaseRecord, add_change_rows, case_record, insert_records
from operator_console.store.database import naive_utc
from operator_console.store.models import CaseChangeRow, CaseRow, OutboxRow, SyncStateRow
from operator_console.store.server_state import ServerCase, update_row

CURSOR_KEY = "changes_cursor"


def _changed_here() -> ColumnElement[bool]:
    """A copy a person at this desk changed or added to (a change, a repeat call: anything with an
    outbox item, sent or not): never dropped, for the foreign keys would take those along."""
    return exists().where(CaseChangeRow.case_id == CaseRow.id) | exists().where(
        OutboxRow.case_id == CaseRow.id
    )


def _row_for(session: Session, item: ServerCase) -> CaseRow | None:
    """The local case the server's case is: found by the server's id, or, for a case sent from this
    desk, by its own id (the idempotency key it was sent with). A copy made earlier carries the
    server's id as its own and in ``server_id``."""
    return session.scalars(
        select(CaseRow).where(or_(CaseRow.server_id == item.server_id, CaseRow.id == item.source_key))
    ).first()


def _copy_of(item: ServerCase, now: datetime) -> CaseRecord:
    """A copy of a case taken elsewhere: its id is the server's; it starts without history rows
    (``update_row`` records each later change of its status)."""
    copy = replace(item.case, id=item.server_id, history=())
    return case_record(copy, naive_utc(now), server_id=item.server_id, server_version=item.version)


class Replica:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def cursor(self) -> int:
        with Session(self._engine) as session:
            row = session.get(SyncStateRow, CURSOR_KEY)
            return int(row.value) if row else 0

    def apply(self, cases: Sequence[ServerCase], cursor: int, now: datetime, gone: Sequence[str] = ()) -> int:
        """Apply one page of the feed and move the cursor, in one transaction; cases added.
        ``gone``: server ids of cases this account no longer sees (a unit's case re-routed to
        another unit): a copy is dropped, a case taken here stays (its caller's record)."""
        added: list[CaseRecord] = []
        with Session(self._engine) as session, session.begin():
            if gone:
                copies = CaseRow.from_server.is_(True) & CaseRow.server_id.in_(list(gone))
                session.execute(delete(CaseRow).where(copies, ~_changed_here()))
                # A copy someone changed here keeps those changes (sent or not): it only leaves the
                # worklist, its unit now unknown to this account.
                session.execute(update(CaseRow).where(copies).values(handling_unit=""))
            for item in cases:
                row = _row_for(session, item)
                if row is None:
                    added.append(_copy_of(item, now))
                    continue
                update_row(session, row, item, now)
            session.flush()
            insert_records(session.connection(), added)
            session.merge(SyncStateRow(key=CURSOR_KEY, value=str(cursor)))
        return len(added)

    def keep_with_changes(
        self, changes: Sequence[tuple[ServerCase, CaseChange]], now: datetime, *, by: str
    ) -> None:
        """Changes to cases listed from the server (a supervisor's drill-down), in one transaction
        with the copies they need: a case this console has no copy of (older than the replica's
        window) is copied now, so that its change is kept locally with its outbox item like any
        other (and the copy is never forgotten while it has one). The feed's cursor does not move."""
        try:
            self._keep_with_changes(changes, now, by)
        except (IntegrityError, sqlite3.IntegrityError):
            # The feed's pass copied one of them between this look-up and this insert (the copy
            # is inserted on the DB-API cursor: SQLite's own error, unwrapped): it is there now
            # (the whole transaction was rolled back; nothing is doubled).
            self._keep_with_changes(changes, now, by)

    def _keep_with_changes(
        self, changes: Sequence[tuple[ServerCase, CaseChange]], now: datetime, by: str
    ) -> None:
        with Session(self._engine) as session, session.begin():
            for item, change in changes:
                row = _row_for(session, item)
                if row is not None:
                    update_row(session, row, item, now)
                    case_id = row.id
                else:
                    insert_records(session.connection(), [_copy_of(item, now)])
                    case_id = item.server_id
                add_change_rows(session, case_id, change, by)

    def forget_older_than(self, moment: datetime) -> int:
        """Drop copies of other desks' cases received before ``moment`` (the replica's window)."""
        with Session(self._engine) as session, session.begin():
            result = session.execute(
                delete(CaseRow).where(
                    CaseRow.from_server.is_(True), CaseRow.received_at < naive_utc(moment), ~_changed_here()
                )
            )
            return int(result.rowcount)  # type: ignore[attr-defined]
