"""One decision, many cases: each case gets a change of its own (its own id, the version it was
seen at), written to the store with its outbox item; a case the decision cannot apply to (resolved
already) is left as it is and named."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.case import Status, TransitionError, check_transition
from operator_console.domain.changes import CaseChange, make_change
from operator_console.gui.worklist.decision_dialog import Decided


@dataclass(frozen=True)
class Target:
    """A case a decision is about, as the person saw it."""

    case_id: str
    """The local store's id (a copy of a case taken elsewhere: the server's)."""
    name: str
    """How the person knows it: its number, or the person in need."""
    status: Status
    version: int | None


def changes_for(
    targets: Sequence[Target], decided: Decided, at: datetime
) -> tuple[list[tuple[str, CaseChange]], list[str]]:
    """(case id, change) for each target it applies to; the names of those left as they are."""
    changes: list[tuple[str, CaseChange]] = []
    skipped: list[str] = []
    for target in targets:
        if decided.status is not None:
            try:
                check_transition(target.status, decided.status, reason=decided.reason)
            except TransitionError:
                skipped.append(target.name)
                continue
        change = make_change(
            at=at,
            status=decided.status,
            reason=decided.reason,
            note=decided.note,
            priority=decided.priority,
            handling_unit=decided.unit.code if decided.unit is not None else None,
            base_version=target.version,
        )
        changes.append((target.case_id, change))
    return changes, skipped
