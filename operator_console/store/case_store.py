"""The local case store: every read and write of cases, contacts and status history.

Each write is one transaction that commits before the method returns: when it returns, the case is
on disk (WAL, ``synchronous=FULL``). Callers in the GUI run it on the single database worker.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    DateTime,
    Engine,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Session

from operator_console.domain.case import (
    Address,
    Case,
    Channel,
    ChannelRefs,
    Contact,
    GeoPoint,
    Person,
    Priority,
    Relation,
    Status,
    StatusChange,
    Vulnerability,
    case_reference,
    new_case_id,
)
from operator_console.domain.changes import CaseChange
from operator_console.domain.phones import WITHHELD, Phone, stored_phone
from operator_console.domain.search_keys import search_text
from operator_console.domain.text import fold, fold_words
from operator_console.store import pending_indexes
from operator_console.store.database import migrate, naive_utc, open_engine, pragma
from operator_console.store.models import (
    CaseChangeRow,
    CaseLinkRow,
    CaseRow,
    ContactRow,
    OutboxRow,
    StatusChangeRow,
)
from operator_console.store.outbox import outbox_values


@dataclass(frozen=True)
class CaseSummary:
    """One line of a case list."""

    id: str
    case_number: str | None
    received_at: datetime
    status: Status
    category: str
    priority: Priority
    phone: str
    name: str
    ward_code: int | None
    ward_as_said: str
    repeat_count: int
    ward_needs_check: bool = False
    # What a search matches on, so that the list can say why a case is in it.
    caller_name: str = ""
    subject_name: str = ""
    street: str = ""
    address: str = ""

    @property
    def reference(self) -> str:
        return self.case_number or case_reference(self.id)


@dataclass(frozen=True)
class CaseFilter:
    status: Status | None = None
    ward_code: int | None = None
    category: str | None = None
    """A top-level code also matches its sub-categories."""
    text: str = ""
    """Words to find in names, street and description, diacritics ignored."""
    phone: str | None = None
    """A national number (``0389123456``): caller's, subject's or a repeat caller's."""
    former_ward_code: int | None = None
    """Cases said in this former ward (a split one: "P.5 Q.8", whichever ward of today they got)."""


@dataclass
class ImportCounts:
    imported: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class StoreStats:
    total: int
    by_status: dict[str, int]
    by_category: dict[str, int]
    by_ward: dict[int | None, int]
    unresolved_wards: int


_KNOWN_IDS = (
    "SELECT external_id FROM cases WHERE external_id IN (SELECT value FROM json_each(?1)) "
    "UNION SELECT id FROM cases WHERE id IN (SELECT value FROM json_each(?1))"
)


class BulkImport:
    def __init__(self, connection: Connection, *, index_words: bool = True) -> None:
        self._connection = connection
        self._index_words = index_words

    def add(self, records: Sequence[CaseRecord]) -> ImportCounts:
        """Insert, in one transaction, the cases whose ``external_id`` the store has not seen.

        Importing the same file twice adds nothing.
        """
        counts = ImportCounts()
        if not records:
            return counts
        with self._connection.begin():
            known = self._known([r.external_id for r in records if r.external_id])
            fresh = [r for r in records if r.external_id not in known]
            insert_records(self._connection, fresh, index_words=self._index_words)
        counts.imported = len(fresh)
        counts.skipped = len(records) - len(fresh)
        return counts

    def known(self, external_ids: Sequence[str]) -> set[str]:
        """Those of ``external_ids`` the store has a case for (before the rows are built: importing
        a file again after a power cut skips what is in at the cost of a look-up)."""
        with self._connection.begin():
            return self._known(external_ids)

    def _known(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        # One JSON parameter, not an IN list: SQLAlchemy compiling 2,000 bound values per chunk
        # cost a million-row import some 13 s of its writing process. A case entered in a console
        # is exported with its own id as its external_id, hence the two columns.
        found = self._connection.exec_driver_sql(_KNOWN_IDS, (json.dumps(list(ids)),)).scalars()
        return {i for i in found if i is not None}


class CaseStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine: Engine = open_engine(path)
        try:
            migrate(self.engine)
            pending_indexes.finish_pending(self.engine, path)
        except BaseException:
            self.engine.dispose()  # the file is let go of: it may have to be moved aside
            raise

    def close(self) -> None:
        self.engine.dispose()

    # writes ---------------------------------------------------------------------------------------
    def add_related_case(
        self, case: Case, target_id: str, note: str = "", kind: Literal["related", "distinct"] = "related"
    ) -> str:
        """A new case the operator marked *related* to an earlier one (the same household, another
        need), or *distinct* from one the duplicate search called likely the same (the operator's
        answer, kept on the case): the case, the link and both outbox items in one transaction.
        The link's id."""
        now = _utcnow()
        link_id = new_case_id()
        with self.engine.begin() as connection:
            self._insert_case(connection, case, now)
            target_server_id = connection.scalar(select(CaseRow.server_id).where(CaseRow.id == target_id))
            connection.execute(
                insert(CaseLinkRow),
                [
                    {
                        "id": link_id,
                        "case_id": case.id,
                        "target_id": target_id,
                        "target_server_id": target_server_id,
                        "kind": kind,
                        "note": note,
                        "created_at": now,
                    }
                ],
            )
            connection.execute(insert(OutboxRow), [outbox_values("link", case.id, link_id, now)])
        return link_id

    def add_case(self, case: Case) -> None:
        """Store a case taken at this desk, and queue it for the server, in one transaction.

        (Imported cases are history from elsewhere: ``bulk_import`` queues nothing.)
        """
        now = _utcnow()
        with self.engine.begin() as connection:
            self._insert_case(connection, case, now)

    @staticmethod
    def _insert_case(connection: Connection, case: Case, now: datetime) -> None:
        insert_records(connection, [case_record(case, now)])
        if case.contacts:
            connection.execute(insert(ContactRow), [_contact_values(case.id, c) for c in case.contacts])
        if case.status is Status.QUEUED:
            connection.execute(insert(OutboxRow), [outbox_values("case", case.id, case.id, now)])

    @contextmanager
    def bulk_import(self, *, indexing: Callable[[], None] | None = None) -> Iterator[BulkImport]:
        """One connection for a whole import, tuned for it; durable when the block ends.

        A batch updates a dozen indexes: a large page cache keeps their pages in memory between
        batches, and ``synchronous=NORMAL`` skips the fsync of each batch's commit (the store stays
        consistent after a power cut, and an import is re-runnable). Into a store without cases the
        indexes are built once at the end instead (``pending_indexes``), also when the import
        fails half-way (``indexing`` is called before they are built). At the end a full
        checkpoint writes everything to the database file and syncs it, before the caller reports
        success.
        """
        with pending_indexes.import_lock(self.path), self.engine.connect() as connection:
            pragma(connection, "cache_size=-262144")
            pragma(connection, "synchronous=NORMAL")
            deferred = pending_indexes.defer(connection)
            try:
                yield BulkImport(connection, index_words=deferred is None)
            finally:
                if connection.in_transaction():
                    connection.rollback()  # a batch the import stopped in
                if deferred is not None:
                    if indexing is not None:
                        indexing()
                    pending_indexes.finish(connection, deferred)
                pragma(connection, "synchronous=FULL")
                pragma(connection, "cache_size=-2000")
                pragma(connection, "wal_checkpoint(FULL)")

    def add_change(self, case_id: str, change: CaseChange, *, by: str) -> None:
        """A change to a case (a call back, a note, a status…) and its outbox item, in one
        transaction: written here before anything is sent, so that nothing said is lost."""
        if self.add_changes([(case_id, change)], by=by):
            raise KeyError(case_id)

    def add_changes(self, changes: Sequence[tuple[str, CaseChange]], *, by: str) -> list[str]:
        """One decision on several cases, all in one transaction (all kept, or none); the ids of
        cases this store no longer holds (a copy dropped meanwhile), whose change is not kept."""
        missing = []
        with Session(self.engine) as session, session.begin():
            for case_id, change in changes:
                if session.get(CaseRow, case_id) is None:
                    missing.append(case_id)
                    continue
                add_change_rows(session, case_id, change, by)
        return missing

    def server_id_of(self, case_id: str) -> str | None:
        """The case's id on the server (for its history there), None while it has none."""
        with Session(self.engine) as session:
            return session.scalar(select(CaseRow.server_id).where(CaseRow.id == case_id))

    def changes_of(self, case_id: str) -> list[tuple[CaseChange, str, str]]:
        """The changes made here to a case, oldest first, each with its outbox state (waiting,
        sent, refused) and the server's message when it was refused."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(CaseChangeRow, OutboxRow.state, OutboxRow.last_error)
                .join(OutboxRow, (OutboxRow.item_id == CaseChangeRow.id) & (OutboxRow.kind == "change"))
                .where(CaseChangeRow.case_id == case_id)
                .order_by(OutboxRow.seq)
            ).all()
        return [
            (
                CaseChange.from_json(row.id, row.at.replace(tzinfo=UTC), row.body, row.base_version),
                state,
                error,
            )
            for row, state, error in rows
        ]

    def add_contact(self, case_id: str, contact: Contact) -> None:
        """A repeat call about an existing case: kept as a contact, and the case's repeat count goes up."""
        now = _utcnow()
        with Session(self.engine) as session, session.begin():
            session.execute(insert(ContactRow), [_contact_values(case_id, contact)])
            session.execute(
                update(CaseRow)
                .where(CaseRow.id == case_id)
                .values(repeat_count=CaseRow.repeat_count + 1, updated_at=now)
            )
            session.execute(insert(OutboxRow), [outbox_values("contact", case_id, contact.id, now)])

    # reads ----------------------------------------------------------------------------------------
    def get_case(self, case_id: str) -> Case | None:
        with Session(self.engine) as session:
            row = session.get(CaseRow, case_id)
            if row is None:
                return None
            contacts = session.scalars(
                select(ContactRow).where(ContactRow.case_id == case_id).order_by(ContactRow.received_at)
            ).all()
            history = session.scalars(
                select(StatusChangeRow).where(StatusChangeRow.case_id == case_id).order_by(StatusChangeRow.id)
            ).all()
            return _case_from_row(row, contacts, history)

    def get_by_external_id(self, external_id: str) -> Case | None:
        with Session(self.engine) as session:
            case_id = session.scalar(select(CaseRow.id).where(CaseRow.external_id == external_id))
        return self.get_case(case_id) if case_id else None

    def list_cases(
        self, filters: CaseFilter = CaseFilter(), *, limit: int = 100, offset: int = 0
    ) -> list[CaseSummary]:
        """Newest first; ``limit``/``offset`` let a view fetch lazily from a million cases."""
        newest_first = (CaseRow.received_at.desc(), CaseRow.id)
        with Session(self.engine) as session:
            if fold_words(filters.text):
                # Common words fill a page among the newest cases: look there first (a few ms at a
                # million cases, where asking the words' index about "nguyen van" costs a tenth of a
                # second). The window ends at a time, ties included: a page found whole in it is
                # the same page the whole store gives.
                window = max(NEWEST_WINDOW, (limit + offset) * WINDOW_PER_ROW)
                since = session.scalar(
                    select(CaseRow.received_at)
                    .order_by(CaseRow.received_at.desc())
                    .offset(window - 1)
                    .limit(1)
                )
                if since is not None:
                    recent = _filtered(select(CaseRow), filters).where(CaseRow.received_at >= since)
                    rows = session.scalars(recent.order_by(*newest_first).limit(limit).offset(offset)).all()
                    if len(rows) == limit:
                        return [_summary(r) for r in rows]
            match = _word_match(session, filters.text, limit + offset)
            query = _filtered(select(CaseRow), filters, match).order_by(*newest_first)
            rows = session.scalars(query.limit(limit).offset(offset)).all()
            return [_summary(r) for r in rows]

    def count_cases(self, filters: CaseFilter = CaseFilter()) -> int:
        with Session(self.engine) as session:
            # A count reads every hit: through the index whenever it holds them at all cheaply.
            match = _word_match(session, filters.text, 1_000_000)
            query = _filtered(select(func.count()).select_from(CaseRow), filters, match)
            return int(session.scalar(query) or 0)

    def iter_cases(self, batch_size: int = 5_000) -> Iterator[Case]:
        """Every case, oldest first, with contacts and history, a batch at a time (for export)."""
        last: tuple[datetime, str] | None = None
        while True:
            with Session(self.engine) as session:
                query = select(CaseRow).order_by(CaseRow.received_at, CaseRow.id).limit(batch_size)
                if last is not None:
                    query = query.where(
                        or_(
                            CaseRow.received_at > last[0],
                            (CaseRow.received_at == last[0]) & (CaseRow.id > last[1]),
                        )
                    )
                rows = session.scalars(query).all()
                if not rows:
                    return
                ids = [r.id for r in rows]
                contacts: dict[str, list[ContactRow]] = {}
                for c in session.scalars(select(ContactRow).where(ContactRow.case_id.in_(ids))):
                    contacts.setdefault(c.case_id, []).append(c)
                history: dict[str, list[StatusChangeRow]] = {}
                for h in session.scalars(
                    select(StatusChangeRow)
                    .where(StatusChangeRow.case_id.in_(ids))
                    .order_by(StatusChangeRow.id)
                ):
                    history.setdefault(h.case_id, []).append(h)
                cases = [_case_from_row(r, contacts.get(r.id, []), history.get(r.id, [])) for r in rows]
                last = (rows[-1].received_at, rows[-1].id)
            yield from cases

    def known_streets(self, typed: str, ward_code: int | None = None, limit: int = 8) -> list[str]:
        """Streets already recorded (in that ward, when given) whose folded name starts with ``typed``.

        Most used first. A range on the folded key, so that the street index serves it.
        """
        key = fold(typed)
        if not key:
            return []
        query = (
            select(CaseRow.street)
            .where(CaseRow.street_key >= key, CaseRow.street_key < key + "\uffff")
            .group_by(CaseRow.street_key)
            .order_by(func.count().desc(), CaseRow.street_key)
            .limit(limit)
        )
        if ward_code is not None:
            query = query.where(CaseRow.ward_code == ward_code)
        with Session(self.engine) as session:
            return [street for street in session.scalars(query) if street]

    def wards_with_street(self, street: str, ward_codes: Sequence[int]) -> set[int]:
        """Which of these wards have cases on this street (the street index serves it): said beside
        a split ward's successors, where the street is known in only one of them."""
        key = fold(street)
        if not key or not ward_codes:
            return set()
        query = (
            select(CaseRow.ward_code)
            .where(CaseRow.street_key == key, CaseRow.ward_code.in_(list(ward_codes)))
            .distinct()
        )
        with Session(self.engine) as session:
            return {code for code in session.scalars(query) if code is not None}

    def stats(self) -> StoreStats:
        with Session(self.engine) as session:

            def grouped(column: Any) -> dict[Any, int]:
                return {k: int(n) for k, n in session.execute(select(column, func.count()).group_by(column))}

            total = int(session.scalar(select(func.count()).select_from(CaseRow)) or 0)
            unresolved = int(
                session.scalar(select(func.count()).select_from(CaseRow).where(CaseRow.ward_needs_check)) or 0
            )
            return StoreStats(
                total=total,
                by_status=grouped(CaseRow.status),
                by_category=grouped(CaseRow.category),
                by_ward=grouped(CaseRow.ward_code),
                unresolved_wards=unresolved,
            )


# mapping between the domain and the rows ------------------------------------------------------------
def add_change_rows(session: Session, case_id: str, change: CaseChange, by: str) -> None:
    """The change and its outbox item, in the caller's transaction."""
    session.add(
        CaseChangeRow(
            id=change.id,
            case_id=case_id,
            at=naive_utc(change.at),
            by=by,
            body=change.to_json(),
            base_version=change.base_version,
        )
    )
    session.execute(insert(OutboxRow), [outbox_values("change", case_id, change.id, _utcnow())])


class CaseRecord(NamedTuple):
    """A case as the values of its rows: cheap to pickle, so import workers can build them in parallel."""

    external_id: str | None
    case: tuple[Any, ...]
    history: tuple[tuple[Any, ...], ...]


def case_record(
    case: Case, now: datetime, *, server_id: str | None = None, server_version: int | None = None
) -> CaseRecord:
    """``server_id``: a copy of a case taken elsewhere, from the server's feed (see ``replica``),
    at the server's ``server_version``."""
    values = _case_values(case, now)
    if server_id is not None:
        values |= {"server_id": server_id, "from_server": True, "server_version": server_version}
    return CaseRecord(
        external_id=case.external_id,
        case=_db_tuple(values, _CASE_COLUMNS, _CASE_DATETIMES),
        history=tuple(
            _db_tuple(_history_values(case.id, h), _HISTORY_COLUMNS, _HISTORY_DATETIMES) for h in case.history
        ),
    )


def _db_tuple(values: dict[str, Any], columns: Sequence[str], datetimes: Sequence[int]) -> tuple[Any, ...]:
    # Datetimes as SQLAlchemy's SQLite dialect stores them, so the ORM reads back what we wrote.
    # (Only the datetime columns, at ``datetimes``, are looked at: an import builds a million rows.)
    row = list(itemgetter(*columns)(values))
    for index in datetimes:
        if type(value := row[index]) is datetime:
            row[index] = value.isoformat(sep=" ", timespec="microseconds")
    return tuple(row)


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


_CASE_COLUMNS = tuple(c.name for c in CaseRow.__table__.columns)
_HISTORY_COLUMNS = ("case_id", "status", "at", "by", "reason")
_CASE_INSERT = _insert_sql("cases", _CASE_COLUMNS)
_CASE_DATETIMES = tuple(i for i, c in enumerate(CaseRow.__table__.columns) if isinstance(c.type, DateTime))
_HISTORY_DATETIMES = (_HISTORY_COLUMNS.index("at"),)
_ID = _CASE_COLUMNS.index("id")
_INDEX_NEW_CASES = (
    "INSERT INTO case_search(rowid, search_text) SELECT rowid, search_text FROM cases WHERE id IN ({marks})",
    "INSERT INTO case_words(rowid, name_key, street_key) "
    "SELECT rowid, name_key, street_key FROM cases WHERE id IN ({marks})",
)
_HISTORY_INSERT = _insert_sql("status_history", _HISTORY_COLUMNS)


def insert_records(
    connection: Connection, records: Sequence[CaseRecord], *, index_words: bool = True
) -> None:
    """Plain DB-API ``executemany``: importing a million rows spends its time in SQLite, not in mapping.

    ``index_words=False``: an import into an empty store, whose word indexes are built at its end."""
    if not records:
        return
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(_CASE_INSERT, [r.case for r in records])
        # The duplicate search's index, in the same transaction, by the batch's own ids (a rowid
        # range could take in another writer's rows); a statement per 500 cases, not a trigger per
        # row (which cost an import of a million cases twice its time).
        ids = [r.case[_ID] for r in records] if index_words else []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for statement in _INDEX_NEW_CASES:
                cursor.execute(statement.format(marks=", ".join("?" * len(chunk))), chunk)
        history = [h for r in records for h in r.history]
        if history:
            cursor.executemany(_HISTORY_INSERT, history)
    finally:
        cursor.close()


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _to_utc(moment: datetime) -> tuple[datetime, int]:
    offset = moment.utcoffset() or timedelta(0)
    return moment.astimezone(UTC).replace(tzinfo=None), int(offset.total_seconds() // 60)


def _from_utc(moment: datetime, offset_min: int) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone(timezone(timedelta(minutes=offset_min)))


def _case_values(case: Case, now: datetime) -> dict[str, Any]:
    received, offset = _to_utc(case.received_at)
    subject = case.subject
    a = case.address
    return {
        "id": case.id,
        "server_version": None,
        "external_id": case.external_id,
        "case_number": case.case_number,
        "received_at": received,
        "received_offset_min": offset,
        "channel": case.channel.value,
        "category": case.category,
        "status": case.status.value,
        "priority": case.priority.value,
        "priority_suggested": case.priority_suggested.value,
        "operator": case.operator,
        "call_duration_s": case.call_duration_s,
        "caller_phone": case.caller.phone.national or None,
        "caller_phone_legacy": case.caller.phone.legacy_form,
        "caller_name": case.caller.name,
        "caller_relation": case.caller_relation.value,
        "has_subject": subject is not None,
        "subject_name": subject.name if subject else "",
        "subject_phone": (subject.phone.national or None) if subject else None,
        "subject_phone_legacy": subject.phone.legacy_form if subject else None,
        "household_size": case.household_size,
        "vulnerable": ",".join(sorted(v.value for v in case.vulnerable)),
        "no_food_today": case.no_food_today,
        "address_as_said": a.as_said,
        "house_number": a.house_number,
        "alley": a.alley,
        "street": a.street,
        "hamlet": a.hamlet,
        "ward_as_said": a.ward_as_said,
        "district_as_said": a.district_as_said,
        "ward_code": a.ward_code,
        "former_ward_code": a.former_ward_code,
        "ward_needs_check": a.ward_needs_check,
        "landmark": a.landmark,
        "description": case.description,
        "handling_unit": case.handling_unit,
        "callback_consent": case.callback_consent,
        "merged_into": case.merged_into,
        "repeat_count": case.repeat_count,
        "created_at": now,
        "updated_at": now,
        "server_id": None,
        "from_server": False,
        "caller_email": case.caller_email,
        "lat": a.point.lat if a.point else None,
        "lon": a.point.lon if a.point else None,
        "media_url": case.media_url,
        "channel_refs": case.channel_refs.to_json(),
        "subject_age": case.subject_age,
        "name_key": fold(f"{case.caller.name} {subject.name if subject else ''}"),
        "street_key": fold(a.street),
        "search_text": search_text(
            names=(case.caller.name, subject.name if subject else ""),
            street=a.street,
            house_number=a.house_number,
            alley=a.alley,
            ward_codes=(a.ward_code, a.former_ward_code),
            ward_as_said=a.ward_as_said,
        ),
    }


def _history_values(case_id: str, change: StatusChange) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "status": change.status.value,
        "at": _to_utc(change.at)[0],
        "by": change.by,
        "reason": change.reason,
    }


def _contact_values(case_id: str, contact: Contact) -> dict[str, Any]:
    received, offset = _to_utc(contact.received_at)
    return {
        "id": contact.id,
        "case_id": case_id,
        "received_at": received,
        "received_offset_min": offset,
        "channel": contact.channel.value,
        "phone": contact.caller.phone.national or None,
        "phone_legacy": contact.caller.phone.legacy_form,
        "name": contact.caller.name,
        "relation": contact.relation.value,
        "note": contact.note,
    }


def _phone(national: str | None, legacy: str | None) -> Phone:
    """The stored number as it was accepted; not checked again, so that a future numbering-plan
    update can never make a stored case unreadable."""
    if not national:
        return WITHHELD
    return stored_phone(national, legacy)


def _case_from_row(row: CaseRow, contacts: Iterable[ContactRow], history: Iterable[StatusChangeRow]) -> Case:
    offset = row.received_offset_min
    subject = (
        Person(row.subject_name, _phone(row.subject_phone, row.subject_phone_legacy))
        if row.has_subject
        else None
    )
    return Case(
        id=row.id,
        external_id=row.external_id,
        case_number=row.case_number,
        received_at=_from_utc(row.received_at, offset),
        channel=Channel(row.channel),
        category=row.category,
        caller=Person(row.caller_name, _phone(row.caller_phone, row.caller_phone_legacy)),
        caller_relation=Relation(row.caller_relation),
        subject=subject,
        subject_age=row.subject_age,
        household_size=row.household_size,
        vulnerable=frozenset(Vulnerability(v) for v in row.vulnerable.split(",") if v),
        no_food_today=row.no_food_today,
        address=Address(
            as_said=row.address_as_said,
            house_number=row.house_number,
            alley=row.alley,
            street=row.street,
            hamlet=row.hamlet,
            ward_as_said=row.ward_as_said,
            district_as_said=row.district_as_said,
            ward_code=row.ward_code,
            former_ward_code=row.former_ward_code,
            ward_needs_check=row.ward_needs_check,
            landmark=row.landmark,
            point=GeoPoint(row.lat, row.lon) if row.lat is not None and row.lon is not None else None,
        ),
        caller_email=row.caller_email,
        media_url=row.media_url,
        channel_refs=ChannelRefs.from_json(row.channel_refs),
        description=row.description,
        priority=Priority(row.priority),
        priority_suggested=Priority(row.priority_suggested),
        status=Status(row.status),
        operator=row.operator,
        call_duration_s=row.call_duration_s,
        handling_unit=row.handling_unit,
        callback_consent=row.callback_consent,
        merged_into=row.merged_into,
        repeat_count=row.repeat_count,
        contacts=tuple(
            Contact(
                id=c.id,
                received_at=_from_utc(c.received_at, c.received_offset_min),
                channel=Channel(c.channel),
                caller=Person(c.name, _phone(c.phone, c.phone_legacy)),
                relation=Relation(c.relation),
                note=c.note,
            )
            for c in contacts
        ),
        history=tuple(
            StatusChange(Status(h.status), h.at.replace(tzinfo=UTC), h.by, h.reason) for h in history
        ),
    )


def _summary(row: CaseRow) -> CaseSummary:
    phone = _phone(row.caller_phone, None).display if row.caller_phone else ""
    return CaseSummary(
        id=row.id,
        case_number=row.case_number,
        received_at=_from_utc(row.received_at, row.received_offset_min),
        status=Status(row.status),
        category=row.category,
        priority=Priority(row.priority),
        phone=phone,
        name=row.subject_name or row.caller_name,
        ward_code=row.ward_code,
        ward_as_said=row.ward_as_said,
        repeat_count=row.repeat_count,
        ward_needs_check=row.ward_needs_check,
        caller_name=row.caller_name,
        subject_name=row.subject_name,
        street=row.street,
        address=row.address_as_said,
    )


NEWEST_WINDOW, WINDOW_PER_ROW = 5_000, 25
"""How many of the newest cases a search reads first (at least, and per row wanted), before asking
the words' index."""


def few_hits(cases: int, wanted: int) -> int:
    """Up to how many cases holding every searched word the list reads them through the words'
    index. Reading ``h`` hits by rowid costs about ``h``; scanning newest first for ``wanted`` of
    them costs about ``wanted × cases / h`` rows: the two meet at the square root of their product
    (100,000 cases, a page of 200: some 4,500 hits; a million: some 14,000)."""
    return max(1_000, math.isqrt(max(wanted, 1) * max(cases, 1)))


def _word_match(session: Session, text: str, wanted: int) -> str | None:
    """The words' index query (migration 0010) for the searched words, when few cases hold them all
    (each searched word begins a word of a name or the street); None when many do, or nothing is
    searched: then the folded keys are scanned, newest first."""
    words = fold_words(text)[:MAX_FILTER_WORDS]
    if not words:
        return None
    # Folded words are letters and digits only: quoted, each is a prefix query and nothing else.
    match = " AND ".join(f'"{word}"*' for word in words)
    cases = session.execute(text_sql("SELECT max(rowid) FROM cases")).scalar() or 0  # at once
    cap = few_hits(int(cases), wanted)
    held = session.execute(
        text_sql(
            "SELECT count(*) FROM (SELECT rowid FROM case_words WHERE case_words MATCH :match LIMIT :cap)"
        ),
        {"match": match, "cap": cap + 1},
    ).scalar_one()
    return match if held <= cap else None


def _filtered(query: Any, filters: CaseFilter, match: str | None = None) -> Any:
    if filters.status is not None:
        query = query.where(CaseRow.status == filters.status.value)
    if filters.ward_code is not None:
        query = query.where(CaseRow.ward_code == filters.ward_code)
    if filters.former_ward_code is not None:
        query = query.where(CaseRow.former_ward_code == filters.former_ward_code)
    if filters.category:
        query = query.where(_in_category(filters.category))
    if filters.phone:
        repeat_callers = select(ContactRow.case_id).where(ContactRow.phone == filters.phone)
        query = query.where(
            or_(
                CaseRow.caller_phone == filters.phone,
                CaseRow.subject_phone == filters.phone,
                CaseRow.id.in_(repeat_callers),
            )
        )
    if match is not None:
        # Few cases hold the words: those, by rowid, checked below word by word as the scan would
        # (the index splits at any punctuation, the keys' words at spaces), so both ways agree.
        held = text_sql("SELECT rowid FROM case_words WHERE case_words MATCH :match").bindparams(match=match)
        query = query.where(literal_column("cases.rowid").in_(held))
    for word in fold_words(filters.text)[:MAX_FILTER_WORDS]:
        # Plain LIKE on folded keys: the list filter's simple path; the duplicate search has its own
        # index. Each word matches the start of a word of a name or a street ("hoa" finds Hòa, not
        # the middle of Khoa: a hit must show why it matched), so typing "tran th" narrows as it goes.
        word = word.replace("%", "").replace("_", "")
        query = query.where(
            or_(
                *(
                    key.like(pattern)
                    for key in (CaseRow.name_key, CaseRow.street_key)
                    for pattern in (f"{word}%", f"% {word}%")
                )
            )
        )
    return query


MAX_FILTER_WORDS = 12
"""A list filter's words (each one more LIKE over the names and streets): a name and a street are
a few; a pasted page would make a statement SQLite refuses."""


def _in_category(code: str) -> ColumnElement[bool]:
    """The category itself or one of its sub-categories, compared exactly: a LIKE would take % and _
    for wildcards, and SQLite's LIKE ignores case ("ESSENTIAL_SUPPLIES" is no category)."""
    prefix = code + "/"
    return or_(CaseRow.category == code, func.substr(CaseRow.category, 1, len(prefix)) == prefix)
