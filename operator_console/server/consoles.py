"""The consoles in use: each one's last heartbeat (who is on it, its version, its outbox)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from operator_console.server.db import insert_for
from operator_console.server.models import HeartbeatRow
from operator_console.server.schemas import HeartbeatIn

GONE_AFTER = timedelta(days=1)
"""A console silent this long is gone: the table holds the consoles in use, not history."""


def record_heartbeat(session: Session, username: str, beat: HeartbeatIn, now: datetime) -> None:
    values = {
        "username": username,
        "operator": beat.operator,
        "version": beat.version,
        "outbox_size": beat.outbox_size,
        "oldest_waiting_s": beat.oldest_waiting_s,
        "seen_at": now,
    }
    upsert = insert_for(session, HeartbeatRow).values(console_id=beat.console_id, **values)
    session.execute(upsert.on_conflict_do_update(index_elements=["console_id"], set_=values))
    session.execute(delete(HeartbeatRow).where(HeartbeatRow.seen_at < now - GONE_AFTER))
