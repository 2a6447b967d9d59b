"""The central server's tables (SQLAlchemy 2.x), the same on SQLite and PostgreSQL.

Times are stored as UTC without a zone (:class:`UTCDateTime`) so that both databases hold the
same thing; they come back as aware UTC datetimes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL wants BIGINT for a feed that runs
# for years.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the server's store")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class UnitRow(Base):
    """A handling unit: a ward's People's Committee, a department, the 1022 triage queue."""

    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    ward_code: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    duties: Mapped[str] = mapped_column(String(100), default="", server_default="")
    """Duties on top of the role, comma-separated (``triage``): see ``security.DUTIES``."""
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TokenRow(Base):
    """A bearer token: only its SHA-256 is kept, so a copy of the database logs nobody in."""

    __tablename__ = "tokens"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class LoginFailureRow(Base):
    """Failed logins per user name, shared by every worker: the throttle cannot be dodged by luck."""

    __tablename__ = "login_failures"

    username: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ClientKeyRow(Base):
    """A machine's key: a channel (web form, Zalo bot, app) on Open311, or a telephone exchange."""

    __tablename__ = "client_keys"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # "channel" or "exchange"
    channel: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    full_reads: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """A channel's key that reads back in full what it posted (a server-side integration such as the
    Zalo bot's backend). Without it the key posts, and reads only what is public: the key of a
    form on a public page cannot publish what citizens sent with it (revision 0007)."""


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20), unique=True)
    # Who sent it and under which idempotency key (a console's local case id): a console finds its
    # own cases in the changes feed by it.
    source_key: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(80))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20))
    status_reason: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(10))
    priority_suggested: Mapped[str] = mapped_column(String(10))
    operator: Mapped[str] = mapped_column(String(80), default="")
    call_duration_s: Mapped[int | None] = mapped_column(Integer)
    caller_phone: Mapped[str | None] = mapped_column(String(16), index=True)
    caller_phone_legacy: Mapped[str | None] = mapped_column(String(16))
    caller_name: Mapped[str] = mapped_column(String(200), default="")
    caller_relation: Mapped[str] = mapped_column(String(12))
    subject_name: Mapped[str] = mapped_column(String(200), default="")
    subject_phone: Mapped[str | None] = mapped_column(String(16))
    household_size: Mapped[int | None] = mapped_column(Integer)
    vulnerable: Mapped[str] = mapped_column(String(100), default="")
    no_food_today: Mapped[bool] = mapped_column(Boolean, default=False)
    callback_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    address: Mapped[str] = mapped_column(Text, default="")
    ward_as_said: Mapped[str] = mapped_column(String(200), default="")
    district_as_said: Mapped[str] = mapped_column(String(200), default="")
    ward_code: Mapped[int | None] = mapped_column(Integer)
    former_ward_code: Mapped[int | None] = mapped_column(Integer)
    ward_needs_check: Mapped[bool] = mapped_column(Boolean, default=False)
    landmark: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    handling_unit: Mapped[str] = mapped_column(ForeignKey("units.code"))
    merged_into: Mapped[str | None] = mapped_column(String(36))
    repeat_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # What another channel sent beside the request (revision 0007): Open311's e-mail, map pin, photo
    # link, and the app's own ids and answers to a service's questions (``ChannelRefs`` as JSON).
    caller_email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    media_url: Mapped[str] = mapped_column(Text, default="", server_default="")
    channel_refs: Mapped[str] = mapped_column(Text, default="", server_default="")
    subject_age: Mapped[int | None] = mapped_column(Integer)  # revision 0008
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Moves with every event of the case's history (revision 0009): the ETag a change's If-Match names."""


# The backlog queries read open cases by unit and by ward: partial indexes hold only the open ones,
# a small share of a year's cases, so the supervisor's figures do not grow with the archive.
# The condition must be written the same way in the queries (``OPEN_CONDITION``) for SQLite to use them.
OPEN_STATUSES = ("dispatched", "accepted", "in_progress")
OPEN_CONDITION = text("status IN ('dispatched', 'accepted', 'in_progress')")
Index(
    "ix_cases_open_unit",
    CaseRow.handling_unit,
    CaseRow.received_at,
    sqlite_where=OPEN_CONDITION,
    postgresql_where=OPEN_CONDITION,
)
Index(
    "ix_cases_open_ward",
    CaseRow.ward_code,
    CaseRow.received_at,
    sqlite_where=OPEN_CONDITION,
    postgresql_where=OPEN_CONDITION,
)
# The ageing histogram and the cases past their deadline (deadlines are by category and priority),
# and the arrivals per hour by channel, read from indexes alone (revision 0005).
Index(
    "ix_cases_open_category",
    CaseRow.category,
    CaseRow.priority,
    CaseRow.received_at,
    sqlite_where=OPEN_CONDITION,
    postgresql_where=OPEN_CONDITION,
)
Index("ix_cases_received_channel", CaseRow.received_at, CaseRow.channel)
Index("ix_cases_status_received", CaseRow.status, CaseRow.received_at)
Index("ix_cases_unit_received", CaseRow.handling_unit, CaseRow.received_at)
Index("ix_cases_source", CaseRow.created_by, CaseRow.source_key)
# Operators' throughput (cases saved in the last hour, today) reads by creation time (revision 0002).
Index("ix_cases_created_at", CaseRow.created_at)


class ContactRow(Base):
    """A repeat call or message about a case."""

    __tablename__ = "contacts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)  # revision 0002
    channel: Mapped[str] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200), default="")
    relation: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(80))


class LinkRow(Base):
    """Two cases about the same household (related) or the same need (merged into the target)."""

    __tablename__ = "case_links"
    __table_args__ = (UniqueConstraint("case_id", "target_id", "kind"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaseEventRow(Base):
    """Every change of every case, in commit order: the case's history and the consoles' changes feed.

    ``seq`` is the feed's cursor. Writers take the feed lock (``db._write_events``) as they add
    their events, the last thing before their commit, so a reader that has seen ``seq`` N will never later
    find a smaller one appear.
    """

    __tablename__ = "case_events"

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str | None] = mapped_column(String(20))
    unit: Mapped[str | None] = mapped_column(String(40))
    from_unit: Mapped[str | None] = mapped_column(String(40), index=True)
    """For a re-routing: the unit the case left (its feed must hear that it is gone). Revision 0003."""
    note: Mapped[str] = mapped_column(Text, default="")
    # Revision 0009: what a change changed from (the status; the unit is ``from_unit``) and to (the
    # priority), and what came of a call back to the citizen.
    from_status: Mapped[str | None] = mapped_column(String(20))
    priority: Mapped[str | None] = mapped_column(String(10))
    from_priority: Mapped[str | None] = mapped_column(String(10))
    outcome: Mapped[str | None] = mapped_column(String(20))


class CaseCounterRow(Base):
    """The last case number given in a year: numbers are sequential and never reused."""

    __tablename__ = "case_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger)


class IdempotencyRow(Base):
    """One row per (caller, operation, key), kept for good: a console may be offline for days."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("principal", "scope", "key"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    principal: Mapped[str] = mapped_column(String(100))
    scope: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))  # "in_flight" or "done"
    lease_until: Mapped[datetime] = mapped_column(UTCDateTime)
    response_status: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CallRow(Base):
    """A call as the telephone exchange reported it (new, answered, hung up)."""

    __tablename__ = "calls"
    __table_args__ = (UniqueConstraint("exchange", "call_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    exchange: Mapped[str] = mapped_column(String(80))
    call_id: Mapped[str] = mapped_column(String(100))
    direction: Mapped[str] = mapped_column(String(3))
    from_phone: Mapped[str] = mapped_column(String(40), default="")
    to_number: Mapped[str] = mapped_column(String(40), default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    operator: Mapped[str | None] = mapped_column(String(80), index=True)
    ringing: Mapped[str] = mapped_column(Text, default="")
    """The users whose phones ring (``user`` of ``newCall``), space-separated. Revision 0003."""
    cause: Mapped[str] = mapped_column(String(40), default="")


class HeartbeatRow(Base):
    """The last word from each console: who is on it, which version, how much waits in its outbox."""

    __tablename__ = "heartbeats"

    console_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    username: Mapped[str] = mapped_column(String(80))
    operator: Mapped[str] = mapped_column(String(80), default="")
    version: Mapped[str] = mapped_column(String(40), default="")
    outbox_size: Mapped[int] = mapped_column(Integer, default=0)
    oldest_waiting_s: Mapped[int | None] = mapped_column(Integer)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ServerStateRow(Base):
    """Small facts every worker must share, such as the last routing rules that parsed (0004)."""

    __tablename__ = "server_state"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
