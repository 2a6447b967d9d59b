"""The handling units (``resources/data/units.json``, the list the server seeds from), so that the
console can say *UBND Phường Sài Gòn* where the server answers ``ubnd-26740``, and route to them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.text import fold
from operator_console.paths import resource


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str
    """ward, department, triage or other (the server's ``UnitIn.kind``)."""
    ward_code: int | None = None


@cache
def all_units() -> tuple[Unit, ...]:
    data = json.loads(resource("data", "units.json").read_text(encoding="utf-8"))
    return tuple(
        Unit(str(u["code"]), str(u["name"]), str(u["kind"]), u.get("ward_code")) for u in data["units"]
    )


@cache
def _names() -> dict[str, str]:
    return {unit.code: unit.name for unit in all_units()}


def unit_name(code: str) -> str:
    """The unit's name, or its code when this console's list does not know it (a unit created later)."""
    return _names().get(code, code)


def triage_codes() -> frozenset[str]:
    """The triage desk's queue(s): where a case without a ward waits to be routed."""
    return frozenset(u.code for u in all_units() if u.kind == "triage")


def units_for(text: str, gazetteer: Gazetteer, limit: int = 12) -> list[Unit]:
    """The units the words may mean, the likeliest first: today's ward they name (a former ward:
    the wards of today that took it), then the units whose name holds the words, diacritics
    ignored (``phuong 2 quan 5`` → UBND Phường Chợ Quán; ``so lao dong`` → the department)."""
    words = fold(text).strip()
    if not words:
        return []
    by_ward = {u.ward_code: u for u in all_units() if u.ward_code is not None}
    match = gazetteer.resolve(text)
    found: dict[str, Unit] = {}
    wards = [match.current] if match.current is not None else []
    wards += list(match.choice_units)
    for ward in wards:
        if ward is not None and (unit := by_ward.get(ward.code)) is not None:
            found.setdefault(unit.code, unit)
    for unit in all_units():
        if words in fold(unit.name) or words == unit.code:
            found.setdefault(unit.code, unit)
    return list(found.values())[:limit]
