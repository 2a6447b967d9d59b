"""Stores made by earlier releases, brought to the official ward data and to the repaired folding.

Revision ID: 0007
Revises: 0006

Earlier releases took today's units from ``vietnam-provinces`` 2025.x (ten under the statistics
office's draft codes, and the server named their People's Committees by them: ``ubnd-27160`` for
Bàn Cờ), former wards from an older snapshot (seven codes that differ from the official table),
and resolved a split former ward (Phường 5, Quận 8) silently to one of its successors. Each case's
ward goes through :func:`~operator_console.domain.gazetteer.upgraded_ward`, the same rule the
server's migration applies: draft codes re-keyed, a split former ward flagged for the operator
(the code kept: a person may have chosen it), a ward left unresolved that the data now names,
resolved; the words as said are never touched.

Earlier releases also folded names and streets without repairing look-alike letters (Ð for Đ) and
invisible characters (a zero-width space inside a name): the keys of the cases whose text holds
one are made again, so that "Đỗ" finds the "Ðỗ" typed last year.

A case whose ward or keys change gets its search words again (they hold the ward's codes); the
index follows through the trigger of revision 0006. The case list's filter by a former ward (a
split one: "P.5 Q.8", whichever ward of today its cases got) gets an index of its own.

The draft codes, the ward rule and the search words are the shipped data's and code's (as
revision 0006 uses the search words'), shared with the server's migration: a store upgraded by a
later release gets that release's reading of the official table, which is what its consoles use.
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from operator_console.domain.gazetteer import Gazetteer, StoredWard, default_gazetteer, upgraded_ward
from operator_console.domain.search_keys import search_text
from operator_console.domain.text import INVISIBLE_RANGES, LOOKALIKES, fold, repair

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


BATCH = 5_000


def _repairable_pattern() -> str:
    """A GLOB that finds text :func:`repair` would change (look-alikes, invisible, full-width)."""
    ranges = [*INVISIBLE_RANGES, (0xFF01, 0xFF5E), (0x3000, 0x3000)]
    singles = "".join(chr(cp) for cp in LOOKALIKES)
    spans = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)
    return f"*[{singles}{spans}]*"


def upgrade() -> None:
    op.create_index("ix_cases_former_ward", "cases", ["former_ward_code"])
    connection = op.get_bind()
    gazetteer = default_gazetteer()
    for old, new in gazetteer.draft_codes.items():
        connection.execute(
            sa.text("UPDATE cases SET handling_unit = :new WHERE handling_unit = :old"),
            {"new": f"ubnd-{new}", "old": f"ubnd-{old}"},
        )
    drafts = ", ".join(str(code) for code in gazetteer.draft_codes)
    candidates = sa.text(
        "SELECT rowid, id, ward_code, former_ward_code, ward_needs_check, ward_as_said, district_as_said, "
        "caller_name, subject_name, street, house_number, alley FROM cases "
        f"WHERE rowid > :after AND (ward_code IN ({drafts}) OR former_ward_code IS NOT NULL "
        "OR ward_needs_check OR caller_name GLOB :p OR subject_name GLOB :p OR street GLOB :p "
        "OR ward_as_said GLOB :p) ORDER BY rowid LIMIT :batch"
    )
    after = 0
    while True:  # in batches: a store of a year's cases need not be held in memory at once
        rows = connection.execute(
            candidates, {"p": _repairable_pattern(), "after": after, "batch": BATCH}
        ).all()
        if not rows:
            return
        after = rows[-1].rowid
        updates = [update for row in rows if (update := _upgraded(row, gazetteer)) is not None]
        if updates:
            connection.execute(
                sa.text(
                    "UPDATE cases SET ward_code = :ward_code, former_ward_code = :former_ward_code, "
                    "ward_needs_check = :needs_check, name_key = :name_key, street_key = :street_key, "
                    "search_text = :search_text WHERE id = :id"
                ),
                updates,
            )


def _upgraded(row: sa.Row[Any], gazetteer: Gazetteer) -> dict[str, Any] | None:
    """The row's new ward, keys and search words; None when nothing changes."""
    stored = StoredWard.of(row)
    ward = upgraded_ward(stored, gazetteer)
    texts = (row.caller_name or "", row.subject_name or "", row.street or "", row.ward_as_said or "")
    if ward == stored and all(repair(t) == t for t in texts):
        return None
    return {
        "id": row.id,
        "ward_code": ward.ward_code,
        "former_ward_code": ward.former_ward_code,
        "needs_check": ward.needs_check,
        "name_key": fold(f"{row.caller_name} {row.subject_name}"),
        "street_key": fold(row.street),
        "search_text": search_text(
            names=(row.caller_name, row.subject_name),
            street=row.street,
            house_number=row.house_number,
            alley=row.alley,
            ward_codes=(ward.ward_code, ward.former_ward_code),
            ward_as_said=row.ward_as_said,
        ),
    }
