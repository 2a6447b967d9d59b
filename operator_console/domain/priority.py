"""The priority the console suggests; the operator may always change it.

Every rule that applies is reported (the form shows why); the strongest priority among them wins:

1. The household has no food today → critical.
2. Someone who cannot fend for themselves: a lone elderly person (the tick in the form, or the
   category *Người già neo đơn*: the same person, the same priority), or a report about a person in
   need (street or abandoned child, orphan, homeless, disabled: the category *Người cần giúp đỡ*)
   → urgent.
3. Young children, a pregnant woman, a sick or disabled member in a household asking for essential
   supplies → urgent.
4. The person in need is 80 or older, or under 6, in a request about a person's needs (supplies,
   relief not received, a person in need) → urgent. 80 is the age from which the elderly without a
   pension receive the state's social allowance, 6 the age under which children's health care is
   free: the thresholds Vietnamese law already draws for those who cannot wait. An age said on a
   report about a road or a suggestion changes nothing.
5. Everything else → normal.

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
VERY_OLD, VERY_YOUNG = 80, 6
_ABOUT_A_PERSON = {"essential_supplies", "policy_support", "vulnerable_person"}


def suggest_priority(
    category: str,
    vulnerable: Iterable[Vulnerability],
    no_food_today: bool,
    subject_age: int | None = None,
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
    if (
        subject_age is not None
        and top in _ABOUT_A_PERSON
        and (subject_age >= VERY_OLD or subject_age < VERY_YOUNG)
    ):
        hits.append((Priority.URGENT, "very_old" if subject_age >= VERY_OLD else "very_young"))
    if not hits:
        return Priority.NORMAL, []
    best = max((p for p, _ in hits), key=_ORDER.index)
    return best, [rule for _, rule in hits]
