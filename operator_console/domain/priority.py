"""The priority the console suggests; the operator may always change it.

Every rule that applies is reported (the form shows why); the strongest priority among them wins:

1. The household has no food today → critical.
2. A lone elderly person, or a street/abandoned child, with no food or asking for essential
   supplies → critical; otherwise a lone elderly person or a vulnerable-person report → urgent.
3. Young children, a pregnant woman, a sick or disabled member in a household asking for essential
   supplies → urgent.
4. Everything else → normal.

They follow the 2021 desk's practice: food first, then people who cannot fend for themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from operator_console.domain.case import Priority, Vulnerability

_ORDER = [Priority.NORMAL, Priority.URGENT, Priority.CRITICAL]


def suggest_priority(
    category: str, vulnerable: Iterable[Vulnerability], no_food_today: bool
) -> tuple[Priority, list[str]]:
    """The suggested priority and the rule codes that gave it (for the form's hint)."""
    top = category.split("/", 1)[0]
    members = set(vulnerable)
    supplies = top == "essential_supplies"
    hits: list[tuple[Priority, str]] = []
    if no_food_today:
        hits.append((Priority.CRITICAL, "no_food_today"))
    alone = Vulnerability.LONE_ELDERLY in members or category == "vulnerable_person/street_child"
    if alone and (supplies or no_food_today):
        hits.append((Priority.CRITICAL, "alone_without_supplies"))
    elif alone or top == "vulnerable_person":
        hits.append((Priority.URGENT, "person_alone"))
    fragile = members & {
        Vulnerability.CHILDREN,
        Vulnerability.PREGNANT,
        Vulnerability.SICK,
        Vulnerability.DISABLED,
    }
    if fragile and supplies:
        hits.append((Priority.URGENT, "fragile_members_need_supplies"))
    if not hits:
        return Priority.NORMAL, []
    best = max((p for p, _ in hits), key=_ORDER.index)
    return best, [rule for _, rule in hits]
