"""The handling units' names (``resources/data/units.json``, the list the server seeds from), so
that the console can say *UBND Phường Sài Gòn* where the server answers ``ubnd-26740``."""

from __future__ import annotations

import json
from functools import cache

from operator_console.paths import resource


@cache
def _names() -> dict[str, str]:
    data = json.loads(resource("data", "units.json").read_text(encoding="utf-8"))
    return {str(unit["code"]): str(unit["name"]) for unit in data["units"]}


def unit_name(code: str) -> str:
    """The unit's name, or its code when this console's list does not know it (a unit created later)."""
    return _names().get(code, code)
