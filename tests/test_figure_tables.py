"""A dashboard table refreshed every few seconds keeps the supervisor's place: the row they are on
stays under the cursor while the figures change and the rows re-sort around it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operator_console.gui.dashboard.figure_tables import Column, RowsModel, table_for

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Unit:
    code: str
    open: int


COLUMNS = [
    Column[Unit]("Unit", lambda u: u.code, lambda u: u.code),
    Column[Unit]("Open", lambda u: str(u.open), lambda u: u.open, number=True),
]


def test_the_row_under_the_cursor_stays_while_the_figures_re_sort(qtbot: QtBot) -> None:
    model: RowsModel[Unit] = RowsModel(COLUMNS, lambda u: u.code)
    view = table_for(model, "units_table")
    qtbot.addWidget(view)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # most open first
    model.show([Unit("a", 5), Unit("b", 9), Unit("c", 1)])
    assert [u.code for u in model.rows] == ["b", "a", "c"]
    view.setCurrentIndex(model.index(1, 0))  # the supervisor is on "a"

    model.show([Unit("a", 12), Unit("b", 9), Unit("c", 1)])  # "a" overtakes "b"
    assert [u.code for u in model.rows] == ["a", "b", "c"]
    assert model.row_at(view.currentIndex()).code == "a"

    model.show([Unit("a", 13), Unit("b", 9), Unit("c", 1)])  # same order: updated in place
    assert model.row_at(view.currentIndex()).code == "a"
    assert view.currentIndex().row() == 0 and model.index(0, 1).data() == "13"

    model.show([Unit("b", 9), Unit("c", 1)])  # "a" has no open case left: nothing is selected
    assert not view.currentIndex().isValid() or model.row_at(view.currentIndex()).code != "a"

    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a click on the unit's header
    assert [u.code for u in model.rows] == ["b", "c"]


def test_columns_that_do_not_fit_give_way_widest_first() -> None:
    from operator_console.gui.cases.case_list import fitted_widths

    assert fitted_widths([100, 200, 50], 400) == [100, 200, 50]  # they fit: as wanted
    assert fitted_widths([100, 300, 50, 250], 500) == [100, 175, 50, 175]
    assert sum(fitted_widths([90, 400, 60, 310, 120], 600)) <= 600
    # the columns kept whole keep their width; the others share what is left
    assert fitted_widths([100, 300, 50, 250], 400, frozenset({0})) == [100, 125, 50, 125]
