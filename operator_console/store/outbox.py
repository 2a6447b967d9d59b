"""The outbox: what the central server must still hear of, in the order it happened.

Rows are written by :class:`~operator_console.store.case_store.CaseStore` in the same transaction
as the change (a new case, a repeat contact), so nothing entered can be saved without also being
queued. The sending is the client layer's (``client.outbox_worker``); this module only records
what happened to each item: sent (with what the server answered, in the same transaction), to be
retried at a later time, or refused by the server with its message for the operator.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from operator_console.domain.case import Status, check_transition
from operator_console.store.database import naive_utc
from operator_console.store.models import CaseChangeRow, CaseLinkRow, CaseRow, OutboxRow, StatusChangeRow
from operator_console.store.server_state import ServerCase, update_row

WAITING, SENT, REFUSED = "waiting", "sent", "refused"


def outbox_values(kind: str, case_id: str, item_id: str, now: datetime) -> dict[str, Any]:
    naive = naive_utc(now)
    return {
        "kind": kind,
        "case_id": case_id,
        "item_id": item_id,
        "state": WAITING,
        "attempts": 0,
        "created_at": naive,
        "next_attempt_at": naive,
        "last_error": "",
        "sent_at": None,
    }


def record_dispatch(
    session: Session,
    row: CaseRow,
    *,
    case_number: str,
    handling_unit: str | None,
    server_id: str | None,
    by: str,
    now: datetime,
    only_if_queued: bool = False,
) -> None:
    """The server acknowledged the case: its number and unit, and the move to *dispatched* in its
    history. ``only_if_queued``: a case already past *queued* keeps its status (else the move is
    checked like any other, and refused from anywhere but *queued*)."""
    if not (only_if_queued and row.status != Status.QUEUED.value):
        check_transition(Status(row.status), Status.DISPATCHED)
        row.status = Status.DISPATCHED.value
        session.add(StatusChangeRow(case_id=row.id, status=row.status, at=naive_utc(now), by=by))
    row.case_number = case_number
    row.handling_unit = handling_unit or row.handling_unit
    row.server_id = server_id or row.server_id
    row.updated_at = naive_utc(now)


@dataclass(frozen=True)
class OutboxItem:
    seq: int
    kind: str
    case_id: str
    item_id: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    server_case_id: str | None
    """For a contact: the server's id of its case, once that case was sent."""


@dataclass(frozen=True)
class OutboxState:
    waiting: int
    oldest: datetime | None
    refused: int
    last_error: str


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


class Outbox:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def next_item(self) -> OutboxItem | None:
        """The oldest item still waiting (items go in order: a later one never overtakes it)."""
        with Session(self._engine) as session:
            row = session.scalars(
                select(OutboxRow).where(OutboxRow.state == WAITING).order_by(OutboxRow.seq).limit(1)
            ).first()
            if row is None:
                return None
            server_id = session.scalar(select(CaseRow.server_id).where(CaseRow.id == row.case_id))
            return OutboxItem(
                seq=row.seq,
                kind=row.kind,
                case_id=row.case_id,
                item_id=row.item_id,
                attempts=row.attempts,
                created_at=_aware(row.created_at),
                next_attempt_at=_aware(row.next_attempt_at),
                server_case_id=server_id,
            )

    def state(self) -> OutboxState:
        with Session(self._engine) as session:
            waiting, oldest = session.execute(
                select(func.count(), func.min(OutboxRow.created_at)).where(OutboxRow.state == WAITING)
            ).one()
            refused = session.scalar(select(func.count()).where(OutboxRow.state == REFUSED)) or 0
            last_error = session.scalar(
                select(OutboxRow.last_error)
                .where(OutboxRow.state == WAITING, OutboxRow.last_error != "")
                .order_by(OutboxRow.seq)
                .limit(1)
            )
        return OutboxState(int(waiting), _aware(oldest) if oldest else None, int(refused), last_error or "")

    def retry_later(self, seq: int, at: datetime, reason: str) -> None:
        with Session(self._engine) as session, session.begin():
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.seq == seq, OutboxRow.state == WAITING)
                .values(attempts=OutboxRow.attempts + 1, next_attempt_at=naive_utc(at), last_error=reason)
            )

    def retry_now(self, now: datetime) -> None:
        """The operator asked (F5, a new login): what waits for its next try is tried now."""
        with Session(self._engine) as session, session.begin():
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.state == WAITING, OutboxRow.next_attempt_at > naive_utc(now))
                .values(next_attempt_at=naive_utc(now))
            )

    def refuse(self, seq: int, message: str) -> None:
        """The server refused the item and retrying cannot help: the operator must see why."""
        with Session(self._engine) as session, session.begin():
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.seq == seq, OutboxRow.state == WAITING)
                .values(state=REFUSED, attempts=OutboxRow.attempts + 1, last_error=message)
            )

    def case_sent(
        self,
        seq: int,
        case_id: str,
        *,
        server_id: str,
        case_number: str,
        handling_unit: str,
        by: str,
        now: datetime,
        version: int | None = None,
    ) -> None:
        """The server acknowledged the case: its number, its unit, its version and the item's end,
        in one transaction."""
        with Session(self._engine) as session, session.begin():
            row = session.get(CaseRow, case_id)
            if row is None:
                raise KeyError(case_id)
            if version is not None and (row.server_version is None or row.server_version < version):
                row.server_version = version  # a decision on it carries it (If-Match)
            # The replica may have brought the server's later status first: that one stays.
            record_dispatch(
                session,
                row,
                case_number=case_number,
                handling_unit=handling_unit,
                server_id=server_id,
                by=by,
                now=now,
                only_if_queued=True,
            )
            self._done(session, seq, now)

    def item_sent(self, seq: int, now: datetime) -> None:
        with Session(self._engine) as session, session.begin():
            self._done(session, seq, now)

    def change_sent(
        self,
        seq: int,
        change_id: str,
        now_on_server: ServerCase | None,
        applied: tuple[int | None, int | None],
        now: datetime,
    ) -> None:
        """A change the server made (on version ``applied[0]``, making ``applied[1]``), and the case
        as the server answered (its status, unit, priority, version), in one transaction: the
        worklist shows the outcome at once rather than when the feed brings it."""
        with Session(self._engine) as session, session.begin():
            self._done(session, seq, now)
            change = session.get(CaseChangeRow, change_id)
            if change is None:
                return
            change.applied_from, change.applied_to = applied
            case_id = change.case_id
            row = session.get(CaseRow, case_id)
            if row is not None and now_on_server is not None:
                update_row(session, row, now_on_server, now)

    def link_to_send(self, link_id: str) -> tuple[str | None, str, str] | None:
        """A link's target as the server knows it (its server id, None while it has none), kind
        and note; None when there is no such link."""
        with Session(self._engine) as session:
            found = session.execute(
                select(
                    func.coalesce(CaseRow.server_id, CaseLinkRow.target_server_id),
                    CaseLinkRow.kind,
                    CaseLinkRow.note,
                )
                .select_from(CaseLinkRow)
                .join(CaseRow, CaseRow.id == CaseLinkRow.target_id, isouter=True)
                .where(CaseLinkRow.id == link_id)
            ).first()
        return (found[0], found[1], found[2]) if found else None

    def change_to_send(self, change_id: str) -> tuple[dict[str, Any], frozenset[int] | None] | None:
        """A change's ``PATCH`` body and the versions it may be made on (None: it only adds, on any);
        None when there is no such change.

        The versions: the one the person saw, and each one this desk's own earlier changes to the
        case made from there, in order (accepted, then resolved before the feed came round, or
        offline): a change of this desk's is not someone else's. A change of someone else's in
        between breaks the chain, and the server refuses (412) rather than overwrite it."""
        with Session(self._engine) as session:
            row = session.get(CaseChangeRow, change_id)
            if row is None:
                return None
            body = json.loads(row.body)
            if row.base_version is None:
                return body, None
            versions = {row.base_version}
            earlier = session.execute(
                select(CaseChangeRow.applied_from, CaseChangeRow.applied_to)
                .join(OutboxRow, (OutboxRow.item_id == CaseChangeRow.id) & (OutboxRow.kind == "change"))
                .where(
                    CaseChangeRow.case_id == row.case_id,
                    OutboxRow.state == SENT,
                    CaseChangeRow.applied_to.is_not(None),
                )
                .order_by(OutboxRow.seq)
            ).all()
            for applied_from, applied_to in earlier:
                if applied_from in versions and applied_to is not None:
                    versions.add(applied_to)
            return body, frozenset(versions)

    def case_item_state(self, case_id: str) -> str | None:
        """Where the case's own item is: waiting, sent or refused (None: it was never queued)."""
        with Session(self._engine) as session:
            return session.scalar(
                select(OutboxRow.state).where(OutboxRow.case_id == case_id, OutboxRow.kind == "case")
            )

    def refused_items(self) -> list[tuple[int, str, str]]:
        """(seq, case id, the server's message) of every refused item, oldest first."""
        with Session(self._engine) as session:
            return [
                (seq, case_id, error)
                for seq, case_id, error in session.execute(
                    select(OutboxRow.seq, OutboxRow.case_id, OutboxRow.last_error)
                    .where(OutboxRow.state == REFUSED)
                    .order_by(OutboxRow.seq)
                ).all()
            ]

    @staticmethod
    def _done(session: Session, seq: int, now: datetime) -> None:
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.seq == seq)  # (even if refused meanwhile: the server has it after all)
            .values(state=SENT, sent_at=naive_utc(now), last_error="")
        )
