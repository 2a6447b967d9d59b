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

from sqlalchemy import Connection, Engine, text

from operator_console.domain.search_keys import SearchQuery

PER_LOOKUP = 40


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


def _all(terms: tuple[str, ...]) -> str:
    return "(" + " AND ".join(_quoted(t) for t in terms) + ")"


def fts_queries(query: SearchQuery) -> list[str]:
    """The FTS5 MATCH expressions the query needs (each bounded by the caller)."""
    found: list[str] = []
    ward = _any(query.ward_terms) if query.ward_terms else ""
    if query.given_terms:
        given = _any(query.given_terms)
        if ward:
            found.append(f"{given} AND {ward}")
        if query.family_terms:
            found.append(f"{given} AND {_any(query.family_terms)}")
        elif not ward:
            found.append(given)
    if query.street_terms:
        street = _all(query.street_terms)
        if query.house_terms:
            found.append(f"{street} AND {_any(query.house_terms)}")
        elif ward:
            found.append(f"{street} AND {ward}")
    return found


class CandidateIndex:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def candidates(self, query: SearchQuery, per_lookup: int = PER_LOOKUP) -> list[CandidateRow]:
        if query.empty:
            return []
        with self._engine.connect() as connection:
            ids: dict[str, None] = {}
            if query.phones:
                marks = ", ".join(f":p{i}" for i in range(len(query.phones)))
                values = {f"p{i}": p for i, p in enumerate(query.phones)}
                newest = "ORDER BY received_at DESC LIMIT :n"
                for sql in (
                    f"SELECT id FROM cases WHERE caller_phone IN ({marks}) {newest}",
                    f"SELECT id FROM cases WHERE subject_phone IN ({marks}) {newest}",
                    f"SELECT DISTINCT case_id FROM contacts WHERE phone IN ({marks}) LIMIT :n",
                ):
                    ids.update(dict.fromkeys(connection.scalars(text(sql), {**values, "n": per_lookup})))
            elif query.phone_prefix:
                # "0903 12…" still being typed: the numbers that start so (an index range, not a scan).
                bounds = {"lo": query.phone_prefix, "hi": query.phone_prefix + ":", "n": per_lookup}
                for column in ("caller_phone", "subject_phone"):
                    sql = f"SELECT id FROM cases WHERE {column} >= :lo AND {column} < :hi LIMIT :n"
                    ids.update(dict.fromkeys(connection.scalars(text(sql), bounds)))
            for match in fts_queries(query):
                sql = (
                    "SELECT cases.id FROM case_search JOIN cases ON cases.rowid = case_search.rowid "
                    "WHERE case_search MATCH :m ORDER BY case_search.rank LIMIT :n"
                )
                ids.update(dict.fromkeys(connection.scalars(text(sql), {"m": match, "n": per_lookup})))
            return self._rows(connection, list(ids))

    @staticmethod
    def _rows(connection: Connection, ids: list[str]) -> list[CandidateRow]:
        if not ids:
            return []
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        values = {f"i{n}": i for n, i in enumerate(ids)}
        contacts: dict[str, set[str]] = {}
        for case_id, phone in connection.execute(
            text(f"SELECT case_id, phone FROM contacts WHERE case_id IN ({marks}) AND phone IS NOT NULL"),
            values,
        ):
            contacts.setdefault(case_id, set()).add(phone)
        rows = connection.execute(
            text(
                "SELECT id, external_id, case_number, received_at, status, category, caller_name, "
                "subject_name, caller_phone, subject_phone, street, house_number, alley, ward_code, "
                f"former_ward_code, ward_as_said, repeat_count FROM cases WHERE id IN ({marks})"
            ),
            values,
        ).all()
        found = []
        for r in rows:
            phones = {p for p in (r.caller_phone, r.subject_phone) if p} | contacts.get(r.id, set())
            received = (
                r.received_at
                if isinstance(r.received_at, datetime)
                else datetime.fromisoformat(r.received_at)
            )
            found.append(
                CandidateRow(
                    id=r.id,
                    external_id=r.external_id,
                    case_number=r.case_number,
                    received_at=received.replace(tzinfo=UTC),
                    status=r.status,
                    category=r.category,
                    caller_name=r.caller_name,
                    subject_name=r.subject_name,
                    phones=frozenset(phones),
                    street=r.street,
                    house_number=r.house_number,
                    alley=r.alley,
                    ward_code=r.ward_code,
                    former_ward_code=r.former_ward_code,
                    ward_as_said=r.ward_as_said,
                    repeat_count=r.repeat_count,
                )
            )
        return found
