"""The changes feed: every case change in commit order, for the consoles' local replicas.

A reader asks for the events after the last ``seq`` it saw. Writers add events under the feed
lock (``db._write_events``), so events become visible in ``seq`` order and a cursor never passes
one that commits later. Each item carries the case as it is now: a replica applies items in order
and ends up with the latest state even if it skipped nothing but saw the same case twice.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from operator_console.domain.interchange import HCMC_TIME
from operator_console.server.cases import Presenter, Reference, cases_by_id
from operator_console.server.models import CaseEventRow, CaseRow
from operator_console.server.schemas import ChangeOut, ChangesPage
from operator_console.server.security import Principal, Role


def changes_after(session: Session, ref: Reference, who: Principal, after: int, limit: int) -> ChangesPage:
    query = select(CaseEventRow).where(CaseEventRow.seq > after)
    if who.role is Role.UNIT:
        # A unit's feed: its cases' changes, and the moment a case leaves it (re-routed elsewhere),
        # so that the unit's copy lets it go.
        query = query.join(CaseRow, CaseRow.id == CaseEventRow.case_id).where(
            or_(CaseRow.handling_unit == who.unit_code, CaseEventRow.from_unit == who.unit_code)
        )
    events = list(session.scalars(query.order_by(CaseEventRow.seq).limit(limit)))
    rows = cases_by_id(session, (e.case_id for e in events))
    presenter = Presenter(session, ref)
    shown = {
        case_id: presenter.case(row)
        for case_id, row in rows.items()
        if who.role is not Role.UNIT or row.handling_unit == who.unit_code
    }
    return ChangesPage(
        items=[
            ChangeOut(
                seq=e.seq,
                case_id=e.case_id,
                kind=e.kind,
                at=e.at.astimezone(HCMC_TIME),
                case=shown.get(e.case_id),
            )
            for e in events
        ],
        next_after=events[-1].seq if events else after,
    )
