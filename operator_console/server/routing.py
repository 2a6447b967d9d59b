"""Which unit handles a new case: rules as data, in a file an admin edits, read again when it changes.

The file (``resources/data/routing_rules.json`` is the shipped default) holds ordered rules; the
first one whose every given field matches wins. A case no rule matches goes to the fallback unit,
the 1022 triage queue: never nowhere. A file with an error is refused as a whole and the rules in
force stay: a typo must not send the city's cases to the wrong place.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from operator_console.domain.gazetteer import Gazetteer

log = logging.getLogger(__name__)
RELOAD_CHECK_S = 1.0
"""How often, at most, the file's modification time is looked at."""


# routing_rules.json as earlier releases shipped it (by its SHA-256): a server's copy left exactly
# so was never edited by its admin, and is replaced by the shipped rules of this release at start.
SHIPPED_BEFORE = frozenset(
    {
        # up to 0.1.0 (04c1065): ward codes of vietnam-provinces 2025.x, ten of them draft codes
        "a9fc22675aa36d505dd83097141292af612002ea3b47a4b686ea2348bae0ffb6",
    }
)


class RulesError(ValueError):
    pass


def replace_unedited_default(path: Path, shipped: bytes) -> Path | None:
    """Put this release's shipped rules in place of an earlier release's that nobody edited.

    The earlier file is kept beside it (the path is returned); an edited file is left alone: if it
    names draft ward codes, the server refuses it and says what to change.
    """
    try:
        old = path.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(old).hexdigest() not in SHIPPED_BEFORE or old == shipped:
        return None
    kept = path.with_name(path.name + ".earlier-release")
    kept.write_bytes(old)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(shipped)
    partial.replace(path)
    return kept


@dataclass(frozen=True)
class Rule:
    unit: str
    category: str | None = None
    ward_code: int | None = None

    def matches(self, category: str, ward_code: int | None) -> bool:
        if (
            self.category is not None
            and category != self.category
            and not category.startswith(self.category + "/")
        ):
            return False
        return self.ward_code is None or self.ward_code == ward_code


@dataclass(frozen=True)
class RuleSet:
    fallback_unit: str
    rules: tuple[Rule, ...]

    def route(self, category: str, ward_code: int | None) -> str:
        return next((r.unit for r in self.rules if r.matches(category, ward_code)), self.fallback_unit)

    def as_json(self) -> dict[str, object]:
        return {
            "fallback_unit": self.fallback_unit,
            "rules": [
                {k: v for k, v in (("category", r.category), ("ward_code", r.ward_code)) if v is not None}
                | {"unit": r.unit}
                for r in self.rules
            ],
        }


def parse_rules(text: str, known_units: set[str], wards: Gazetteer | None = None) -> RuleSet:
    """The rules in ``text``, or :class:`RulesError` saying what is wrong and where.

    With ``wards``, a rule's ward must be a unit of today under its official code: a draft code an
    earlier release shipped (27160 for Phường Bàn Cờ) is refused with the code to write instead.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RulesError(f"not JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulesError('expected an object with a "rules" list')
    fallback = data.get("fallback_unit")
    if fallback not in known_units:
        raise RulesError(f"fallback_unit {fallback!r} is not a known unit")
    rules = []
    for number, item in enumerate(data["rules"], start=1):
        if not isinstance(item, dict) or set(item) - {"unit", "category", "ward_code"}:
            raise RulesError(f"rule {number}: only unit, category and ward_code are allowed")
        unit, category, ward = item.get("unit"), item.get("category"), item.get("ward_code")
        if unit not in known_units:
            hint = _draft_unit_hint(unit, wards)
            raise RulesError(f"rule {number}: unit {unit!r} is not a known unit{hint}")
        if category is not None and not isinstance(category, str):
            raise RulesError(f"rule {number}: category must be text")
        if ward is not None and (not isinstance(ward, int) or isinstance(ward, bool)):
            raise RulesError(f"rule {number}: ward_code must be a number")
        if ward is not None and wards is not None and wards.current(ward) is None:
            official = wards.official_code(ward)
            today = wards.current(official) if official is not None else None
            if today is None:
                raise RulesError(f"rule {number}: ward_code {ward} is not a ward or commune of today's city")
            raise RulesError(
                f"rule {number}: ward_code {ward} is a draft code; {today.name}'s official code is "
                f"{today.code} (write ward_code {today.code}, unit ubnd-{today.code})"
            )
        rules.append(Rule(unit=unit, category=category, ward_code=ward))
    return RuleSet(fallback_unit=str(fallback), rules=tuple(rules))


def _draft_unit_hint(unit: object, wards: Gazetteer | None) -> str:
    """For "ubnd-27160": the official unit of the same ward, when the code is a draft one."""
    if wards is None or not isinstance(unit, str) or not unit.startswith("ubnd-"):
        return ""
    number = unit.removeprefix("ubnd-")
    official = wards.official_code(int(number)) if number.isascii() and number.isdigit() else None
    if official is None or str(official) == number:
        return ""
    today = wards.current(official)
    name = today.name if today else "its ward"
    return f" ({name} is now unit ubnd-{official}: its draft code was {number})"


class RulesKeeper(Protocol):
    """Where the last rules that parsed are kept for every worker (the server's database)."""

    def last_good(self) -> str | None: ...

    def keep(self, text: str) -> None: ...


class RoutingTable:
    """The rules in force, read again from their file when it changes (checked at most once a second).

    A file that does not parse (at start or later) is refused, and the last rules that parsed are
    used: every worker takes them from the database, so all route alike whatever each has seen;
    with none kept yet, the shipped default. A typo never stops the server or sends cases nowhere.
    """

    def __init__(
        self,
        path: Path,
        known_units: Callable[[], set[str]],
        keeper: RulesKeeper,
        default_text: str,
        wards: Gazetteer | None = None,
    ) -> None:
        """``known_units`` gives the active units' codes now (read from the database at each
        reload: a unit created after the start, by any worker or the command line, is known)."""
        self._path = path
        self._known_units = known_units
        self._keeper = keeper
        self._default_text = default_text
        self._wards = wards
        self._lock = threading.Lock()
        self._checked = 0.0
        self._mtime: int | None = None
        self.last_error: str | None = None
        self._rules = self._load()

    @property
    def path(self) -> Path:
        return self._path

    def current(self) -> RuleSet:
        now = time.monotonic()
        if now - self._checked >= RELOAD_CHECK_S:
            with self._lock:
                self._checked = now
                try:
                    mtime: int | None = self._path.stat().st_mtime_ns
                except OSError:
                    mtime = None
                if mtime != self._mtime or mtime is None:
                    self._rules = self._load()
        return self._rules

    def route(self, category: str, ward_code: int | None) -> str:
        return self.current().route(category, ward_code)

    def _load(self) -> RuleSet:
        units = self._known_units()
        try:
            self._mtime = self._path.stat().st_mtime_ns
            text = self._path.read_text(encoding="utf-8")
            rules = parse_rules(text, units, self._wards)
        except (OSError, RulesError) as exc:
            self.last_error = f"{self._path}: {exc}"
            log.error("routing rules file refused, the last good rules stay in force: %s", self.last_error)
            for fallback in (self._keeper.last_good(), self._default_text):
                if fallback is None:
                    continue
                try:
                    return parse_rules(fallback, units, self._wards)
                except RulesError:
                    continue
            raise RulesError(f"neither {self._path} nor the shipped rules can be used") from exc
        if text != self._keeper.last_good():
            self._keeper.keep(text)
            log.info("routing rules loaded from %s: %d rules", self._path, len(rules.rules))
        self.last_error = None
        return rules
