"""A change a person makes to a case after it was taken: a call back, a note, a status, a unit, a priority.

Written at the console first (``CaseStore.add_change``), sent through the outbox in order and once
(``PATCH /cases/{id}`` with the change's id as its ``Idempotency-Key``). A change that decides
something from what the person saw (a status, a unit, a priority) carries the case's version they
saw: the server refuses it if someone changed the case since (``If-Match``), so nothing is
overwritten unseen. A note or a call back adds to the history and overwrites nothing: it carries no
version and always goes through.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from operator_console.domain.case import LABELS, CallOutcome, Priority, Status, new_case_id
from operator_console.domain.messages import Message, Words
from operator_console.domain.text import clean, clean_block

MAX_NOTE = 10_000
MAX_REASON = 2_000
# What a unit (or a supervisor) may move a case to; the server checks the move from where it is.
SETTABLE = (Status.ACCEPTED, Status.IN_PROGRESS, Status.RESOLVED, Status.NOT_ELIGIBLE, Status.REJECTED)
NEEDS_REASON = (Status.NOT_ELIGIBLE, Status.REJECTED)


class InvalidChange(ValueError):
    def __init__(self, field: str, message: Message) -> None:
        super().__init__(message.code)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class CaseChange:
    id: str
    at: datetime
    status: Status | None = None
    reason: str = ""
    note: str = ""
    priority: Priority | None = None
    handling_unit: str | None = None
    callback: CallOutcome | None = None
    base_version: int | None = None
    """The case's version the person saw, for a change that decides (status, unit, priority)."""

    def body(self) -> dict[str, Any]:
        """The ``PATCH /cases/{id}`` body."""
        body: dict[str, Any] = {}
        if self.status is not None:
            body["status"] = self.status.value
        if self.reason:
            body["reason"] = self.reason
        if self.note:
            body["note"] = self.note
        if self.priority is not None:
            body["priority"] = self.priority.value
        if self.handling_unit is not None:
            body["handling_unit"] = self.handling_unit
        if self.callback is not None:
            body["callback"] = self.callback.value
        return body

    def to_json(self) -> str:
        return json.dumps(self.body(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, change_id: str, at: datetime, text: str, base_version: int | None) -> CaseChange:
        body = json.loads(text)
        return cls(
            id=change_id,
            at=at,
            status=Status(body["status"]) if "status" in body else None,
            reason=body.get("reason", ""),
            note=body.get("note", ""),
            priority=Priority(body["priority"]) if "priority" in body else None,
            handling_unit=body.get("handling_unit"),
            callback=CallOutcome(body["callback"]) if "callback" in body else None,
            base_version=base_version,
        )


def make_change(
    *,
    at: datetime,
    status: Status | None = None,
    reason: str = "",
    note: str = "",
    priority: Priority | None = None,
    handling_unit: str | None = None,
    callback: CallOutcome | None = None,
    base_version: int | None = None,
) -> CaseChange:
    """A change checked as far as the console can (the server checks the move from where the case
    is now); :class:`InvalidChange` names the field and says what is wrong."""
    reason, note = clean(reason), clean_block(note)
    if status is not None and status not in SETTABLE:
        raise InvalidChange("status", Message("change.status_not_settable", {"status": status.value}))
    if status in NEEDS_REASON and not reason:
        raise InvalidChange("reason", Message("case.reason_required", {"status": Words(*LABELS[status])}))
    if len(reason) > MAX_REASON:
        raise InvalidChange("reason", Message("change.too_long", {"limit": MAX_REASON}))
    if len(note) > MAX_NOTE:
        raise InvalidChange("note", Message("change.too_long", {"limit": MAX_NOTE}))
    decides = status is not None or priority is not None or handling_unit is not None
    if not (decides or note or callback is not None):
        raise InvalidChange("note", Message("change.empty"))
    return CaseChange(
        id=new_case_id(),
        at=at,
        status=status,
        reason=reason,
        note=note,
        priority=priority,
        handling_unit=handling_unit,
        callback=callback,
        base_version=base_version if decides else None,
    )
