"""Candidate look-ups for the duplicate search, over the store's own indexes.

:meth:`CandidateIndex.candidates` answers a :class:`~operator_console.domain.search_keys.SearchQuery`
with a few dozen cases at most, by index only: phones (exact, and by prefix while the number is
being typed) through the phone indexes, names, streets and house numbers through the FTS5 index
(``case_search``, migration 0006), each look-up bounded. Scoring them is the dedupe layer's work.
Every term put into an FTS5 query is quoted, so nothing typed is ever read as its syntax.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from operator_console.domain.search_keys import SearchQuery

PER_LOOKUP = 25


@dataclass(frozen=True)
class CandidateRow:
    id: str
    external_id: str | None
    case_number: str | None
    received_at: datetime
    status: str
    category: str
    caller_name: str
    subject_name: str
    phones: frozenset[str]
    """Every number the case knows: its caller's, its person in need's, its repeat callers'."""
    street: str
    house_number: str
    alley: str
    ward_code: int | None
    former_ward_code: int | None
    ward_as_said: str
    repeat_count: int


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _any(terms: tuple[str, ...]) -> str:
    return "(" + " OR ".join(_quoted(t) for t in terms) + ")"


def fts_queries(query: SearchQuery) -> list[tuple[str, int]]:
    """The FTS5 MATCH expressions the query needs, each with its share of the look-up budget: the
    same name in the ward gets more (a common name has many namesakes there)."""
    shares = (
        (query.name_in_ward, 4),
        (query.near_in_ward, 2),
        (query.full_in_ward, 2),
        (query.full_near_in_ward, 2),
        (query.full_name, 1),
        # The house city-wide only while no ward is typed: with one, the house in the ward below
        # (the same number on a street that crosses ten wards is ten homes).
        (query.street_house if not query.street_wards else (), 1),
        (query.street_in_ward, 1),
    )
    out = [(_any(terms), share) for terms, share in shares if terms]
    # Narrowed look-ups: each reads a short list however common the name, the street or the house
    # number (a million cases hold dozens at "45 Nguyễn Trãi" city-wide, and dozens of one name in
    # one ward); FTS5 intersects the lists as it reads them.
    if query.street_house and query.street_wards:
        out.append((f"{_any(query.street_house)} AND {_any(query.street_wards)}", 1))
    if query.anyone_named and query.street_house:
        out.append((f"{_any(query.anyone_named)} AND {_any(query.street_house)}", 1))
    if query.anyone_named and query.street_wards:
        out.append((f"{_any(query.anyone_named)} AND {_any(query.street_wards)}", 1))
    return out


_COLUMNS = (
    "id, external_id, case_number, received_at, status, category, caller_name, subject_name, "
    "caller_phone, subject_phone, street, house_number, alley, ward_code, former_ward_code, "
    "ward_as_said, repeat_count"
)


class CandidateIndex:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def candidates(self, query: SearchQuery, per_lookup: int = PER_LOOKUP) -> list[CandidateRow]:
        """The cases the query's look-ups find (each look-up at most ``per_lookup``), in one
        statement: a union of index look-ups by rowid, then the rows themselves."""
        if query.empty:
            return []
        parts: list[str] = []
        params: list[object] = []
        if query.phones:
            marks = ", ".join("?" * len(query.phones))
            for column in ("caller_phone", "subject_phone"):
                parts.append(
                    f"SELECT rowid FROM (SELECT rowid FROM cases WHERE {column} IN ({marks}) "
                    "ORDER BY received_at DESC LIMIT ?)"
                )
                params += [*query.phones, per_lookup]
            parts.append(
                "SELECT rowid FROM (SELECT cases.rowid AS rowid FROM contacts JOIN cases ON cases.id = "
                f"contacts.case_id WHERE contacts.phone IN ({marks}) LIMIT ?)"
            )
            params += [*query.phones, per_lookup]
        elif query.phone_prefix:
            # "0903 12…" still being typed: the numbers that start so (an index range, not a scan).
            for column in ("caller_phone", "subject_phone"):
                between = f"{column} >= ? AND {column} < ?"
                parts.append(f"SELECT rowid FROM (SELECT rowid FROM cases WHERE {between} LIMIT ?)")
                params += [query.phone_prefix, query.phone_prefix + ":", per_lookup]
        for match, share in fts_queries(query):
            parts.append(
                # Newest first, by rowid: the index stops after ``per_lookup`` matches (no ranking of
                # every match: a common name in a million cases would cost that much).
                "SELECT rowid FROM (SELECT rowid FROM case_search WHERE case_search MATCH ? "
                "ORDER BY rowid DESC LIMIT ?)"
            )
            params += [match, per_lookup * share]
        if not parts:
            return []
        sql = f"SELECT {_COLUMNS} FROM cases WHERE rowid IN ({' UNION '.join(parts)})"
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(sql, tuple(params)).all()
            contacts: dict[str, set[str]] = {}
            if rows:
                marks = ", ".join("?" * len(rows))
                for case_id, phone in connection.exec_driver_sql(
                    f"SELECT case_id, phone FROM contacts WHERE case_id IN ({marks}) AND phone IS NOT NULL",
                    tuple(r[0] for r in rows),
                ):
                    contacts.setdefault(case_id, set()).add(phone)
        return [_candidate(r, contacts.get(r[0], set())) for r in rows]


def _candidate(r: Any, contact_phones: set[str]) -> CandidateRow:
    received = r[3] if isinstance(r[3], datetime) else datetime.fromisoformat(r[3])
    return CandidateRow(
        id=r[0],
        external_id=r[1],
        case_number=r[2],
        received_at=received.replace(tzinfo=UTC),
        status=r[4],
        category=r[5],
        caller_name=r[6],
        subject_name=r[7],
        phones=frozenset({p for p in (r[8], r[9]) if p} | contact_phones),
        street=r[10],
        house_number=r[11],
        alley=r[12],
        ward_code=r[13],
        former_ward_code=r[14],
        ward_as_said=r[15],
        repeat_count=r[16],
    )
