"""How long a case may stay open, by category and priority: the supervisor's "past deadline".

The table is data (``resources/data/deadlines.json``, or the file the server is started with):
hours from the time a case was received. The most specific entry wins: the sub-category's own
(``essential_supplies/medicine``), then its top category's, then ``default``; an entry may give one
priority and leave the other to the level above.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from operator_console.domain.case import Priority
from operator_console.paths import resource

MAX_HOURS = 24 * 365


class DeadlinesError(ValueError):
    """The file is not a deadlines table; the message names the entry (for the admin)."""


@dataclass(frozen=True)
class Deadlines:
    default: Mapping[str, float]
    """Hours by priority: every priority has one."""
    categories: Mapping[str, Mapping[str, float]]

    def hours(self, category: str, priority: str) -> float:
        top = category.split("/", 1)[0]
        for code in (category, top):
            entry = self.categories.get(code, {})
            if priority in entry:
                return entry[priority]
        return self.default.get(priority, self.default[Priority.NORMAL.value])

    def rules(self) -> list[tuple[str | None, str, float]]:
        """(category or None for any, priority, hours), most specific first: for SQL ``CASE``."""
        listed = sorted(self.categories, key=lambda code: (-code.count("/"), code))
        found = [(code, p, hours) for code in listed for p, hours in self.categories[code].items()]
        return found + [(None, p, hours) for p, hours in self.default.items()]

    def as_json(self) -> dict[str, object]:
        return {"default": dict(self.default), "categories": {k: dict(v) for k, v in self.categories.items()}}


def _hours_by_priority(value: object, where: str, *, complete: bool) -> dict[str, float]:
    if not isinstance(value, dict):
        raise DeadlinesError(f'{where}: hours by priority, such as {{"normal": 24, "urgent": 4}}')
    known = {p.value for p in Priority}
    out: dict[str, float] = {}
    for priority, hours in value.items():
        if priority not in known:
            raise DeadlinesError(
                f"{where}: unknown priority {priority!r} (known: {', '.join(sorted(known))})"
            )
        if isinstance(hours, bool) or not isinstance(hours, int | float) or not 0 < hours <= MAX_HOURS:
            raise DeadlinesError(f"{where}.{priority}: a number of hours above 0, at most {MAX_HOURS}")
        out[priority] = float(hours)
    if complete and set(out) != known:
        raise DeadlinesError(f"{where}: give hours for every priority ({', '.join(sorted(known))})")
    return out


def deadlines_from_json(text: str, known_categories: set[str] | None = None) -> Deadlines:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DeadlinesError(f"not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DeadlinesError("a JSON object with 'default' and 'categories'")
    default = _hours_by_priority(data.get("default"), "default", complete=True)
    categories_in = data.get("categories", {})
    if not isinstance(categories_in, dict):
        raise DeadlinesError("categories: an object of category code to hours by priority")
    categories: dict[str, dict[str, float]] = {}
    for code, entry in categories_in.items():
        if known_categories is not None and code not in known_categories:
            raise DeadlinesError(f"categories.{code}: not a category of the taxonomy")
        categories[code] = _hours_by_priority(entry, f"categories.{code}", complete=False)
    return Deadlines(default=default, categories=categories)


def load_deadlines(path: Path | None, known_categories: set[str] | None = None) -> Deadlines:
    if path is None:
        return default_deadlines()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DeadlinesError(f"cannot read {path}: {exc.strerror}") from exc
    return deadlines_from_json(text, known_categories)


@cache
def default_deadlines() -> Deadlines:
    return deadlines_from_json(resource("data", "deadlines.json").read_text(encoding="utf-8"))
