"""Databases made by earlier releases, brought to the official ward data.

Revision ID: 0006
Revises: 0005

Earlier releases seeded the People's Committees of ten units under the statistics office's draft
codes (``ubnd-27160`` for Bàn Cờ, official 27154), routed cases to them, and resolved split former
wards (Phường 5, Quận 8) silently to one successor. This revision:

- moves each draft-coded unit to its official code: the unit itself (name, kind and state kept),
  its handlers' accounts, its cases, the feed's events and the answers kept for idempotency keys
  (a console retrying a request is told the unit's new code);
- brings each case's ward through
  :func:`~operator_console.domain.gazetteer.upgraded_ward`, the rule the consoles' stores apply
  too (draft codes re-keyed; a split former ward flagged for the operator, its code kept; a ward
  the data now names, resolved; the words as said never touched). Routing is not redone: a case
  stays with the unit that has it;
- rewrites the last routing rules that parsed (kept in ``server_state``) with official codes, so
  that a server whose own rules file still names draft codes keeps routing by the admin's rules
  while the file is refused, with a message that says what to change (``routing.py``).

The draft codes and the ward rule are the shipped data's and code's (``upgraded_ward``), shared
with the consoles' store migration: a database upgraded by a later release gets that release's
reading of the official table, which is what its consoles use.
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from operator_console.domain.gazetteer import Gazetteer, StoredWard, default_gazetteer, upgraded_ward

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 5_000


def upgrade() -> None:
    connection = op.get_bind()
    gazetteer = default_gazetteer()
    codes = gazetteer.draft_codes
    units = {f"ubnd-{old}": f"ubnd-{new}" for old, new in codes.items()}
    for old, new in units.items():
        _move_unit(connection, old, new)
    for old_code, new_code in codes.items():
        connection.execute(
            sa.text("UPDATE units SET ward_code = :new WHERE ward_code = :old"),
            {"new": new_code, "old": old_code},
        )
    _upgrade_case_wards(connection, gazetteer)
    _upgrade_kept_rules(connection, codes, units)
    _upgrade_kept_answers(connection, codes, units)


def _move_unit(connection: sa.Connection, old: str, new: str) -> None:
    if connection.scalar(sa.text("SELECT count(*) FROM units WHERE code = :old"), {"old": old}) == 0:
        return
    ward_code = int(new.removeprefix("ubnd-"))
    if connection.scalar(sa.text("SELECT count(*) FROM units WHERE code = :new"), {"new": new}) == 0:
        connection.execute(
            sa.text(
                "INSERT INTO units (code, name, kind, ward_code, active) "
                "SELECT :new, name, kind, :ward, active FROM units WHERE code = :old"
            ),
            {"new": new, "old": old, "ward": ward_code},
        )
    for statement in (
        "UPDATE users SET unit_code = :new WHERE unit_code = :old",
        "UPDATE cases SET handling_unit = :new WHERE handling_unit = :old",
        "UPDATE case_events SET unit = :new WHERE unit = :old",
        "UPDATE case_events SET from_unit = :new WHERE from_unit = :old",
        "DELETE FROM units WHERE code = :old",
    ):
        connection.execute(sa.text(statement), {"new": new, "old": old})


def _upgrade_case_wards(connection: sa.Connection, gazetteer: Gazetteer) -> None:
    drafts = ", ".join(str(code) for code in gazetteer.draft_codes)
    candidates = sa.text(
        "SELECT id, ward_code, former_ward_code, ward_needs_check, ward_as_said, district_as_said "
        f"FROM cases WHERE id > :after AND (ward_code IN ({drafts}) OR former_ward_code IS NOT NULL "
        "OR ward_needs_check) ORDER BY id LIMIT :batch"
    )
    after = ""
    while True:  # in batches: a city's years of cases need not be held in memory at once
        rows = connection.execute(candidates, {"after": after, "batch": BATCH}).all()
        if not rows:
            return
        after = rows[-1].id
        updates = []
        for row in rows:
            stored = StoredWard.of(row)
            ward = upgraded_ward(stored, gazetteer)
            if ward != stored:
                updates.append(
                    {
                        "id": row.id,
                        "ward_code": ward.ward_code,
                        "former_ward_code": ward.former_ward_code,
                        "needs_check": ward.needs_check,
                    }
                )
        if updates:
            connection.execute(
                sa.text(
                    "UPDATE cases SET ward_code = :ward_code, former_ward_code = :former_ward_code, "
                    "ward_needs_check = :needs_check WHERE id = :id"
                ),
                updates,
            )


def _upgrade_kept_rules(connection: sa.Connection, codes: dict[int, int], units: dict[str, str]) -> None:
    text = connection.scalar(sa.text("SELECT value FROM server_state WHERE key = 'routing_rules'"))
    if text is None:
        return
    try:
        rules = json.loads(text)
    except json.JSONDecodeError:
        return  # what was kept parsed when it was kept; leave anything else alone
    changed = _rekeyed(rules, codes, units)
    if changed != rules:
        connection.execute(
            sa.text("UPDATE server_state SET value = :value WHERE key = 'routing_rules'"),
            {"value": json.dumps(changed, ensure_ascii=False, indent=1)},
        )


def _upgrade_kept_answers(connection: sa.Connection, codes: dict[int, int], units: dict[str, str]) -> None:
    """Answers kept for idempotency keys that name a moved unit: a retry is told the new codes."""
    for old in units:
        rows = connection.execute(
            sa.text("SELECT id, response_body FROM idempotency_keys WHERE response_body LIKE :pattern"),
            {"pattern": f'%"{old}"%'},
        ).all()
        for row in rows:
            try:
                body = json.loads(row.response_body)
            except json.JSONDecodeError:
                continue
            connection.execute(
                sa.text("UPDATE idempotency_keys SET response_body = :body WHERE id = :id"),
                {"body": json.dumps(_rekeyed(body, codes, units), ensure_ascii=False), "id": row.id},
            )


def _rekeyed(value: Any, codes: dict[int, int], units: dict[str, str]) -> Any:
    """``value`` with every unit code and ward code of a moved unit replaced by its official one."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in ("unit", "handling_unit", "from_unit", "fallback_unit") and item in units:
                out[key] = units[item]
            elif key == "ward_code" and isinstance(item, int) and item in codes:
                out[key] = codes[item]
            else:
                out[key] = _rekeyed(item, codes, units)
        return out
    if isinstance(value, list):
        return [_rekeyed(item, codes, units) for item in value]
    return value
