"""The priority the console suggests; the operator may always change it.

Every rule that applies is reported (the form shows why); the strongest priority among them wins:

1. The household has no food today → critical.
2. Someone who cannot fend for themselves: a lone elderly person (the tick in the form, or the
   category *Người già neo đơn*: the same person, the same priority), or a report about a person in
   need (street or abandoned child, orphan, homeless, disabled: the category *Người cần giúp đỡ*)
   → urgent.
3. Young children, a pregnant woman, a sick or disabled member in a household asking for essential
   supplies → urgent.
4. Everything else → normal.

These are the project's own rules, not the 2021 desk's: the source articles describe what the
desk took (supplies, relief not received, people alone) and that help should come as fast as
possible, but set no priorities. They put the one need that cannot wait a day (no food today)
first, then the people who cannot fend for themselves; ``docs/data.md`` says so too.
"""

from __future__ import annotations

from collections.abc import Iterable

from operator_console.domain.case import Priority, Vulnerability

_ORDER = [Priority.NORMAL, Priority.URGENT, Priority.CRITICAL]
LONE_ELDERLY_CATEGORY = "vulnerable_person/lone_elderly"


def suggest_priority(
    category: str, vulnerable: Iterable[Vulnerability], no_food_today: bool
) -> tuple[Priority, list[str]]:
    """The suggested priority and the rule codes that gave it (for the form's hint)."""
    top = category.split("/", 1)[0]
    members = set(vulnerable)
    if category == LONE_ELDERLY_CATEGORY:
        members.add(Vulnerability.LONE_ELDERLY)
    supplies = top == "essential_supplies"
    hits: list[tuple[Priority, str]] = []
    if no_food_today:
        hits.append((Priority.CRITICAL, "no_food_today"))
    if Vulnerability.LONE_ELDERLY in members or top == "vulnerable_person":
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
