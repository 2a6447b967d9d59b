"""The deadlines table: the most specific entry wins, and a mistake in the file is named."""

from __future__ import annotations

import pytest

from operator_console.domain.deadlines import DeadlinesError, deadlines_from_json, default_deadlines
from operator_console.domain.taxonomy import default_taxonomy


def test_the_shipped_table_gives_essential_supplies_a_day_and_less_when_it_is_urgent() -> None:
    table = default_deadlines()
    assert table.hours("essential_supplies", "normal") == 24
    assert table.hours("essential_supplies/food", "critical") == 4  # from its top category
    assert table.hours("essential_supplies/medicine", "normal") == 12  # its own entry
    assert table.hours("policy_support/covid_package", "normal") == 168
    assert table.hours("traffic", "urgent") == 24  # the default
    codes = {c.code for c in default_taxonomy().categories}
    assert set(table.categories) <= codes, "a deadline for a category the taxonomy does not have"


def test_an_entry_may_give_one_priority_and_leave_the_rest_to_the_level_above() -> None:
    table = deadlines_from_json(
        '{"default": {"normal": 72, "urgent": 24, "critical": 8},'
        ' "categories": {"covid19": {"urgent": 6}, "covid19/test": {"critical": 1}}}'
    )
    assert table.hours("covid19", "urgent") == 6
    assert table.hours("covid19", "normal") == 72
    assert table.hours("covid19/test", "critical") == 1
    assert table.hours("covid19/test", "urgent") == 6
    # For SQL: the most specific rules first, the default last.
    assert [r[0] for r in table.rules()] == ["covid19/test", "covid19", None, None, None]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('{"default": {"normal": 72, "urgent": 24}}', "default: give hours for every priority"),
        ('{"default": {"normal": 72, "urgent": 24, "critical": 0}}', "default.critical"),
        (
            '{"default": {"normal": 72, "urgent": 24, "critical": 8}, "categories": {"food": {"normal": 1}}}',
            "categories.food: not a category",
        ),
        ('{"default": {"normal": 72, "urgent": 24, "critical": 8, "soon": 1}}', "unknown priority 'soon'"),
        ("[1, 2]", "a JSON object"),
        ("{", "not JSON"),
    ],
)
def test_a_mistake_in_the_file_is_refused_with_the_entry_named(text: str, named: str) -> None:
    codes = {c.code for c in default_taxonomy().categories}
    with pytest.raises(DeadlinesError, match=named):
        deadlines_from_json(text, codes)
