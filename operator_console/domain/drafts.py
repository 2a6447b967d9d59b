"""A half-typed call as plain data, so that it can be kept on disk and survive a crash or a kill."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from operator_console.domain.case import ChannelRefs
from operator_console.domain.intake import CaseDraft

FORMAT = 1


def draft_to_json(draft: CaseDraft) -> str:
    data: dict[str, Any] = asdict(draft)
    data["vulnerable"] = sorted(draft.vulnerable)
    data["received_at"] = draft.received_at.isoformat() if draft.received_at else None
    return json.dumps({"format": FORMAT, "draft": data}, ensure_ascii=False)


def draft_from_json(text: str) -> CaseDraft | None:
    """The draft, or None when the text is not a draft this version understands (never an exception)."""
    try:
        payload = json.loads(text)
        if payload.get("format") != FORMAT:
            return None
        data = payload["draft"]
        known = {f.name for f in fields(CaseDraft)}
        values = {k: v for k, v in data.items() if k in known}
        values["vulnerable"] = set(values.get("vulnerable") or [])
        received = values.get("received_at")
        values["received_at"] = datetime.fromisoformat(received) if received else None
        # Kept as a mapping by asdict: read back as what it is (a restored call is saved later).
        values["channel_refs"] = ChannelRefs.from_dict(values.get("channel_refs") or {})
        return CaseDraft(**values)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


@dataclass(frozen=True)
class HeldCall:
    """A call put aside half-typed (another call taken, the form cleared): kept until recalled."""

    draft: CaseDraft
    held_at: datetime
    focus: str = ""
    """The field the cursor was in (its object name), so that recalling it puts the cursor back."""
    cursor: int = 0


def held_to_json(call: HeldCall) -> str:
    payload = json.loads(draft_to_json(call.draft))
    payload |= {"held_at": call.held_at.isoformat(), "focus": call.focus, "cursor": call.cursor}
    return json.dumps(payload, ensure_ascii=False)


def held_from_json(text: str) -> HeldCall | None:
    """The held call, or None when the text is not one this version understands (never an exception)."""
    draft = draft_from_json(text)
    if draft is None:
        return None
    try:
        payload = json.loads(text)
        held_at = datetime.fromisoformat(payload["held_at"])
        if held_at.tzinfo is None:
            return None
        return HeldCall(draft, held_at, str(payload.get("focus") or ""), int(payload.get("cursor") or 0))
    except (ValueError, TypeError, KeyError):
        return None
