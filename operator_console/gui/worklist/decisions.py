"""One decision, many cases: each case gets a change of its own (its own id, the version it was
seen at), written to the store with its outbox item; a case the decision cannot apply to (resolved
already) is left as it is and named."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from operator_console.domain.case import Priority, Status, TransitionError, check_transition
from operator_console.domain.changes import CaseChange, make_change
from operator_console.gui.worklist.decision_dialog import UP, Decided

RANK = {Priority.NORMAL: 0, Priority.URGENT: 1, Priority.CRITICAL: 2}


@dataclass(frozen=True)
class Target:
    """A case a decision is about, as the person saw it."""

    case_id: str
    """The local store's id (a copy of a case taken elsewhere: the server's)."""
    name: str
    """How the person knows it: its number, or the person in need."""
    status: Status
    version: int | None
    """The server's version the person saw (None: not known here yet)."""
    priority: Priority = Priority.NORMAL


@dataclass(frozen=True)
class Outcome:
    changes: list[tuple[str, CaseChange]]
    """(case id, change) for each case the decision applies to."""
    cannot: list[str]
    """Cases whose status cannot go there from where it is (accepting a resolved case)."""
    unknown: list[str]
    """Cases whose version this console does not know yet (a decision on them could overwrite
    someone's change unseen): read again (F5) first."""


def changes_for(targets: Sequence[Target], decided: Decided, at: datetime) -> Outcome:
    outcome = Outcome([], [], [])
    decides = decided.status is not None or decided.priority is not None or decided.unit is not None
    for target in targets:
        if decides and target.version is None:
            outcome.unknown.append(target.name)
            continue
        if decided.status is not None:
            try:
                check_transition(target.status, decided.status, reason=decided.reason)
            except TransitionError:
                outcome.cannot.append(target.name)
                continue
        priority = decided.priority
        if decided.escalate and priority is not None:
            # One step up from each case's own, never below what was picked, never down.
            priority = max(priority, UP[target.priority], target.priority, key=RANK.__getitem__)
        change = make_change(
            at=at,
            status=decided.status,
            reason=decided.reason,
            note=decided.note,
            priority=priority,
            handling_unit=decided.unit.code if decided.unit is not None else None,
            base_version=target.version,
        )
        outcome.changes.append((target.case_id, change))
    return outcome


def left_out(cannot: Sequence[str], unknown: Sequence[str], gone: Sequence[str]) -> str:
    """What was left as it was, and why, in the person's language ('' when nothing was)."""
    said = []
    if cannot:
        text = QCoreApplication.translate("Worklist", "Left as they were (their status cannot go there): %1.")
        said.append(text.replace("%1", ", ".join(cannot)))
    if unknown:
        text = QCoreApplication.translate(
            "Worklist", "Not recorded, their state on the server not known here yet (F5, then again): %1."
        )
        said.append(text.replace("%1", ", ".join(unknown)))
    if gone:
        text = QCoreApplication.translate(
            "Worklist", "No longer on this console (moved to another unit): %1."
        )
        said.append(text.replace("%1", ", ".join(gone)))
    return " ".join(said)


def about(number: str, person: str, count: int) -> str:
    """What a decision is about, for its dialog's title: the case, or how many."""
    if count != 1:
        return QCoreApplication.translate("Worklist", "%1 cases").replace("%1", str(count))
    shown = number or QCoreApplication.translate("Worklist", "(not on the server yet)")
    return f"{shown} · {person}"
