"""The tables of the local store (SQLAlchemy 2.x typed ORM). Migrations in ``migrations/`` build them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    case_number: Mapped[str | None] = mapped_column(String(40), index=True)
    # UTC, plus the offset the time was given with, so that an export writes it back as it came.
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    received_offset_min: Mapped[int] = mapped_column(Integer, default=420)
    channel: Mapped[str] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(80), index=True)
    status: Mapped[str] = mapped_column(String(20))  # indexed with received_at, see below
    priority: Mapped[str] = mapped_column(String(10))
    priority_suggested: Mapped[str] = mapped_column(String(10))
    operator: Mapped[str] = mapped_column(String(80), default="")
    call_duration_s: Mapped[int | None] = mapped_column(Integer)
    caller_phone: Mapped[str | None] = mapped_column(String(15), index=True)
    caller_phone_legacy: Mapped[str | None] = mapped_column(String(15))
    caller_name: Mapped[str] = mapped_column(String(200), default="")
    caller_relation: Mapped[str] = mapped_column(String(12))
    has_subject: Mapped[bool] = mapped_column(Boolean, default=False)
    subject_name: Mapped[str] = mapped_column(String(200), default="")
    subject_phone: Mapped[str | None] = mapped_column(String(15), index=True)
    subject_phone_legacy: Mapped[str | None] = mapped_column(String(15))
    household_size: Mapped[int | None] = mapped_column(Integer)
    vulnerable: Mapped[str] = mapped_column(String(100), default="")
    no_food_today: Mapped[bool] = mapped_column(Boolean, default=False)
    address_as_said: Mapped[str] = mapped_column(Text, default="")
    house_number: Mapped[str] = mapped_column(String(40), default="")
    alley: Mapped[str] = mapped_column(String(40), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    hamlet: Mapped[str] = mapped_column(String(100), default="")
    ward_as_said: Mapped[str] = mapped_column(String(200), default="")
    district_as_said: Mapped[str] = mapped_column(String(200), default="")
    ward_code: Mapped[int | None] = mapped_column(Integer)  # indexed with status, see below
    former_ward_code: Mapped[int | None] = mapped_column(Integer)
    ward_needs_check: Mapped[bool] = mapped_column(Boolean, default=False)
    landmark: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    handling_unit: Mapped[str | None] = mapped_column(String(200))
    callback_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into: Mapped[str | None] = mapped_column(String(36))
    repeat_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    server_id: Mapped[str | None] = mapped_column(String(36), index=True)
    """The central server's id for the case, once it acknowledged it (revision 0004)."""
    from_server: Mapped[bool] = mapped_column(Boolean, default=False)
    """Taken at another desk or channel, copied here from the server's feed (revision 0005)."""
    # What another channel sent beside the request (revision 0008): Open311's e-mail, map pin,
    # photo link and the app's own ids and answers (``ChannelRefs`` as JSON).
    caller_email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    media_url: Mapped[str] = mapped_column(Text, default="", server_default="")
    channel_refs: Mapped[str] = mapped_column(Text, default="", server_default="")
    subject_age: Mapped[int | None] = mapped_column(Integer)
    """The person in need's age, when the caller said it (revision 0009)."""
    server_version: Mapped[int | None] = mapped_column(Integer)
    """The case's version on the server as last known here (revision 0013): a decision made from
    the worklist is sent with it (``If-Match``)."""
    # Folded keys (revision 0002): diacritic- and case-free, for search and duplicate scoring.
    name_key: Mapped[str] = mapped_column(Text, default="")
    street_key: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    """The duplicate search's tagged words (``domain/search_keys.py``), indexed by FTS5 (0006)."""


class ContactRow(Base):
    __tablename__ = "contacts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    received_offset_min: Mapped[int] = mapped_column(Integer, default=420)
    channel: Mapped[str] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(15), index=True)
    phone_legacy: Mapped[str | None] = mapped_column(String(15))
    name: Mapped[str] = mapped_column(String(200), default="")
    relation: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")


class StatusChangeRow(Base):
    __tablename__ = "status_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(80), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class CaseLinkRow(Base):
    """The operator marked a case *related* to an earlier one (the same household, another need).

    Written with the new case and its outbox item in one transaction (revision 0006); sent to the
    server after the case itself (``POST /cases/{id}/links``), its id being the idempotency key.
    """

    __tablename__ = "case_links"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    target_server_id: Mapped[str | None] = mapped_column(String(36))
    """The target's id on the server when the link was made (a copy from the feed may be forgotten
    before the link is sent; the link still knows where it points)."""
    kind: Mapped[str] = mapped_column(String(10))  # "related" or "distinct"
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class OutboxRow(Base):
    """Something the server must hear of, written in the same transaction as the change itself.

    Sent in ``seq`` order, each with its idempotency key (the case's or the contact's local id), so
    that a retry after any failure or crash makes it once on the server. Revision 0004.
    """

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(10))  # "case", "contact", "link" or "change"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(36))
    """The idempotency key: the case's id, or the contact's."""
    state: Mapped[str] = mapped_column(String(10), default="waiting")  # waiting, sent, refused
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    """What the operator is told: the server's message for a refusal, or why it is still waiting."""
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


Index("ix_outbox_state_seq", OutboxRow.state, OutboxRow.seq)


class SyncStateRow(Base):
    """Small facts about the link to the server, such as the changes feed's cursor (revision 0005)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CaseChangeRow(Base):
    """A change made to a case after it was taken, kept until the server has it (revision 0012)."""

    __tablename__ = "case_changes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(80))
    body: Mapped[str] = mapped_column(Text)
    """The ``PATCH`` body as JSON (``CaseChange.to_json``)."""
    base_version: Mapped[int | None] = mapped_column(Integer)
    applied_from: Mapped[int | None] = mapped_column(Integer)
    """The server's version it was applied on, and the one it made (revision 0013)."""
    applied_to: Mapped[int | None] = mapped_column(Integer)


class PendingIndexRow(Base):
    """An index an import into an empty store dropped and has not built again yet (revision 0011)."""

    __tablename__ = "pending_indexes"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    statement: Mapped[str] = mapped_column(Text)


Index("ix_cases_status_received", CaseRow.status, CaseRow.received_at)
Index("ix_cases_ward_status", CaseRow.ward_code, CaseRow.status)
Index("ix_cases_street_key", CaseRow.street_key)
Index("ix_cases_former_ward", CaseRow.former_ward_code)  # revision 0007: the list's "P.5 Q.8" filter
Index("ix_cases_unit_status", CaseRow.handling_unit, CaseRow.status)  # revision 0013: the worklists
