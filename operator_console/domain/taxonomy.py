"""What a request is about: the category taxonomy, kept as data in ``resources/data/categories.json``.

The nine top-level codes are the interchange format's ``category`` values and are fixed; the file
may add sub-categories under them. A sub-category is written ``parent/sub`` (``essential_supplies/food``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property

from operator_console.domain.messages import Language
from operator_console.paths import resource

TOP_LEVEL_CODES: tuple[str, ...] = (
    "essential_supplies",
    "policy_support",
    "vulnerable_person",
    "social_order",
    "infrastructure",
    "traffic",
    "covid19",
    "suggestion",
    "other",
)


@dataclass(frozen=True)
class Category:
    code: str
    """``essential_supplies`` or, for a sub-category, ``essential_supplies/food``."""
    label_vi: str
    label_en: str
    key: str = ""
    """The digit that picks it in the form (top level only)."""
    help_kind: bool = False
    parent: str | None = None

    def label(self, language: Language = "vi") -> str:
        return self.label_vi if language == "vi" else self.label_en

    @property
    def top(self) -> str:
        return self.parent or self.code


@dataclass(frozen=True)
class Taxonomy:
    categories: tuple[Category, ...]

    def top_level(self) -> tuple[Category, ...]:
        return tuple(c for c in self.categories if c.parent is None)

    def children(self, code: str) -> tuple[Category, ...]:
        return tuple(c for c in self.categories if c.parent == code)

    def get(self, code: str) -> Category | None:
        return self._by_code.get(code)

    def by_key(self, key: str) -> Category | None:
        return next((c for c in self.top_level() if c.key == key), None)

    @cached_property
    def _by_code(self) -> dict[str, Category]:
        return {c.code: c for c in self.categories}


def taxonomy_from_json(text: str) -> Taxonomy:
    data = json.loads(text)
    categories: list[Category] = []
    for entry in data["categories"]:
        parent = Category(
            code=entry["code"],
            label_vi=entry["vi"],
            label_en=entry["en"],
            key=entry.get("key", ""),
            help_kind=bool(entry.get("help_kind", False)),
        )
        categories.append(parent)
        for sub in entry.get("sub", []):
            categories.append(
                Category(
                    code=f"{parent.code}/{sub['code']}",
                    label_vi=sub["vi"],
                    label_en=sub["en"],
                    help_kind=parent.help_kind,
                    parent=parent.code,
                )
            )
    tops = tuple(c.code for c in categories if c.parent is None)
    if tops != TOP_LEVEL_CODES:
        raise ValueError(f"the taxonomy's top-level codes must be {TOP_LEVEL_CODES}, found {tops}")
    return Taxonomy(tuple(categories))


@cache
def default_taxonomy() -> Taxonomy:
    return taxonomy_from_json(resource("data", "categories.json").read_text(encoding="utf-8"))
