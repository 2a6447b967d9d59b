"""A case's history as the server keeps it (``GET /cases/{id}``), read into types the console shows.

Every change on the server is an event with who and when; what it changed from and to depends on
its kind (see ``docs/server.md``). An answer that does not read as such is the server's fault, not
the operator's: :class:`UnreadableHistory`, said as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from operator_console.domain.case import CallOutcome, Priority, Status


class UnreadableHistory(ValueError):
    pass


@dataclass(frozen=True)
class ServerEvent:
    at: datetime
    by: str
    kind: str
    """created, status, note, contact, link, routed, priority, callback (another: shown as a note)."""
    note: str = ""
    status: Status | None = None
    from_status: Status | None = None
    unit: str | None = None
    from_unit: str | None = None
    priority: Priority | None = None
    from_priority: Priority | None = None
    outcome: CallOutcome | None = None


@dataclass(frozen=True)
class ServerHistory:
    version: int
    status: Status
    events: tuple[ServerEvent, ...]


def _enum(kind: type[Status] | type[Priority] | type[CallOutcome], value: Any) -> Any:
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        return None  # a value of a later server: the event is still shown, without it


def read_history(detail: dict[str, Any]) -> ServerHistory:
    """The history of a ``GET /cases/{id}`` answer, oldest first."""
    try:
        events = tuple(
            ServerEvent(
                at=datetime.fromisoformat(str(e["at"])),
                by=str(e.get("by") or ""),
                kind=str(e["kind"]),
                note=str(e.get("note") or ""),
                status=_enum(Status, e.get("status")),
                from_status=_enum(Status, e.get("from_status")),
                unit=e.get("unit"),
                from_unit=e.get("from_unit"),
                priority=_enum(Priority, e.get("priority")),
                from_priority=_enum(Priority, e.get("from_priority")),
                outcome=_enum(CallOutcome, e.get("outcome")),
            )
            for e in detail["history"]
        )
        return ServerHistory(
            version=int(detail.get("version", 1)), status=Status(detail["status"]), events=events
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UnreadableHistory(type(exc).__name__) from exc
