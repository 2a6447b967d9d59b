"""The dashboard's charts (QtCharts): arrivals per hour over 24 hours and over 7 days by channel,
backlog by unit, and the ageing of open cases, coloured by the breach thresholds.

Each chart is built once and its series updated in place on each refresh (a new chart per refresh
would cost the GUI thread tens of milliseconds). A click on a bar asks for its cases (``picked``).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from operator_console.client.queue_figures import QueueFigures
from operator_console.domain.case import Channel, label
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.messages import Language
from operator_console.gui.dashboard import figure_text
from operator_console.gui.dashboard.breaches import TONE_COLOURS, tone

CHANNEL_COLOURS = {
    Channel.PHONE: "#1565c0",
    Channel.WEB: "#6a1b9a",
    Channel.ZALO: "#00838f",
    Channel.APP: "#9e9d24",
}
TOP_UNITS = 6
"""As many as a quarter of the screen shows with their names; the table beside has them all."""
TONES = ("ok", "warn", "breach")


def _nice_max(value: float) -> float:
    """An axis top a little above the highest bar, four round steps (1, 2, 3 or 5 × 10ⁿ) from 0: the
    axis's five labels then fall on whole numbers."""
    target = max(value * 1.05, 4) / 4
    magnitude = 10 ** math.floor(math.log10(target))
    step = next(m * magnitude for m in (1, 2, 3, 5, 10) if m * magnitude >= target)
    return float(step * 4)


def _tone_names() -> dict[str, str]:
    return {
        "ok": QCoreApplication.translate("figures", "Under a day"),
        "warn": QCoreApplication.translate("figures", "1 to 3 days"),
        "breach": QCoreApplication.translate("figures", "Over 3 days"),
    }


class FigureChart(QChartView):
    picked = Signal(object)
    """(title, filters for GET /cases) of the bar the supervisor clicked."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.chart_.setTitle(title)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_.layout().setContentsMargins(0, 0, 0, 0)
        self.chart_.setBackgroundRoundness(0)
        # Bars are rectangles on the pixel grid: smoothing them costs paint time and shows nothing.
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setMinimumHeight(210)
        # Small print on the axes and legend: a chart holds 24 hours, 10 units, in a quarter screen.
        self.small = QFont(self.font())
        self.small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.75))
        heading = QFont(self.font())
        heading.setBold(True)
        self.chart_.setTitleFont(heading)
        self.chart_.legend().setFont(self.small)
        # Not in the Tab order: the tables beside hold the same figures for the keyboard.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_figures(self, figures: QueueFigures) -> None:
        raise NotImplementedError

    def _age_tone_sets(self, series: QAbstractBarSeries) -> dict[str, QBarSet]:
        """One bar set per age tone (under a day, 1–3 days, over 3): a bar's value goes into the set
        of its tone, so that its colour says how old it is."""
        sets: dict[str, QBarSet] = {}
        for shade, name in _tone_names().items():
            bars = QBarSet(name)
            bars.setColor(QColor(TONE_COLOURS[shade]))
            series.append(bars)
            sets[shade] = bars
        self.chart_.addSeries(series)
        return sets

    def _axis(self, axis: QAbstractAxis, alignment: Qt.AlignmentFlag) -> None:
        axis.setLabelsFont(self.small)
        # Qt elides category labels to "..." long before they would collide; ours are short.
        axis.setTruncateLabels(False)
        self.chart_.addAxis(axis, alignment)

    def _value_axis(self, alignment: Qt.AlignmentFlag) -> QValueAxis:
        axis = QValueAxis()
        axis.setLabelsFont(self.small)
        axis.setLabelFormat("%d")
        axis.setMin(0)
        self.chart_.addAxis(axis, alignment)
        return axis


class Arrivals(FigureChart):
    """Cases received in each hour of the last ``hours`` hours, stacked by channel: the bars' height
    is the hour's total, their colours its channels (four lines over 168 hours would be a tangle).

    Under the bars a value axis labelled at chosen hours (every third hour over a day, midnight over
    a week): one category label per bar does not fit a quarter of the screen (QtCharts elides them
    all). A click on a bar lists that hour's cases of that channel.
    """

    def __init__(
        self, hours: int, title: str, name: str, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, name, parent)
        self.hours_shown = hours
        self.series = QStackedBarSeries()
        self.series.setBarWidth(0.9)
        self.sets: dict[str, QBarSet] = {}
        for channel in Channel:
            bars = QBarSet(label(channel, language))
            bars.setColor(QColor(CHANNEL_COLOURS[channel]))
            bars.setBorderColor(QColor(CHANNEL_COLOURS[channel]))  # no outline: 168 bars are thin
            bars.append([0.0] * hours)
            self.series.append(bars)
            self.sets[channel.value] = bars
        self.chart_.addSeries(self.series)
        self.marks = QCategoryAxis()
        self.marks.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.marks.setRange(-0.5, hours - 0.5)
        self._axis(self.marks, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.marks)
        self.counts = self._value_axis(Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.counts)
        self._starts: list[datetime] = []
        self._marked_from: datetime | None = None
        self.series.clicked.connect(self._clicked)

    def mark(self, local: datetime) -> str | None:
        """The axis label at the bar of the hour starting at ``local`` (HCMC time), or None."""
        if self.hours_shown <= 24:
            return f"{local.hour}h" if local.hour % 3 == 0 else None
        return local.strftime("%d/%m") if local.hour == 0 else None

    def show_figures(self, figures: QueueFigures) -> None:
        first, hours = figures.arrivals_since(self.hours_shown)
        self._starts = [first + timedelta(hours=i) for i in range(len(hours))]
        if self._starts and self._starts[0] != self._marked_from:  # the marks move once an hour
            self._marked_from = self._starts[0]
            for name in self.marks.categoriesLabels():
                self.marks.remove(name)
            for i, start in enumerate(self._starts):
                text = self.mark(start.astimezone(HCMC_TIME))
                if text is not None:
                    self.marks.append(text, i)
            self.marks.setRange(-0.5, len(self._starts) - 0.5)
        for channel, bars in self.sets.items():
            _set_values(bars, [float(hour.get(channel, 0)) for hour in hours])
        top = _nice_max(max((sum(h.values()) for h in hours), default=0))
        if self.counts.max() != top:
            self.counts.setMax(top)

    def _clicked(self, index: int, bars: QBarSet) -> None:
        if not 0 <= index < len(self._starts):
            return
        start = self._starts[index]
        end = start + timedelta(hours=1)
        channel = next(c for c, s in self.sets.items() if s is bars)
        local = start.astimezone(HCMC_TIME)
        title = (
            QCoreApplication.translate("figures", "Received %1 %2:00–%3:00, %4")
            .replace("%1", local.strftime("%d/%m"))
            .replace("%2", local.strftime("%H"))
            .replace("%3", end.astimezone(HCMC_TIME).strftime("%H"))
            .replace("%4", bars.label())
        )
        self.picked.emit(
            (title, {"channel": channel, "received_from": start.isoformat(), "received_to": end.isoformat()})
        )


def arrivals_today(language: Language) -> Arrivals:
    title = QCoreApplication.translate("figures", "Cases received per hour, last 24 hours")
    return Arrivals(24, title, "arrivals_day_chart", language)


def arrivals_week(language: Language) -> Arrivals:
    title = QCoreApplication.translate("figures", "Cases received per hour, last 7 days")
    return Arrivals(7 * 24, title, "arrivals_week_chart", language)


class BacklogByUnit(FigureChart):
    """The six units with the most open cases, coloured by the age of their oldest one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("figures", "Units with the most open cases"),
            "backlog_chart",
            parent,
        )
        self.series = QHorizontalStackedBarSeries()
        self.sets = self._age_tone_sets(self.series)
        self.setToolTip(
            QCoreApplication.translate(
                "figures", "A unit's bar is coloured by how long its oldest open case has waited."
            )
        )
        self.units = QBarCategoryAxis()
        self._axis(self.units, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.units)
        self.counts = self._value_axis(Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.counts)
        self._codes: list[tuple[str, str]] = []
        self.series.clicked.connect(self._clicked)

    def show_figures(self, figures: QueueFigures) -> None:
        # Largest at the top: a horizontal bar chart draws its first category at the bottom.
        top = list(reversed(figures.backlog_by_unit[:TOP_UNITS]))
        self._codes = [(u.key, u.name or u.key) for u in top]
        names = [short_unit_name(name) for _code, name in self._codes]
        if self.units.categories() != names:
            self.units.setCategories(names)
        for shade, bars in self.sets.items():
            values = []
            for unit in top:
                oldest_h = figures.hours_since(unit.oldest)
                values.append(float(unit.open) if (tone("oldest_open_h", oldest_h) or "ok") == shade else 0.0)
            _set_values(bars, values)
        self.counts.setMax(_nice_max(max((u.open for u in top), default=0)))

    def _clicked(self, index: int, _bars: QBarSet) -> None:
        if 0 <= index < len(self._codes):
            code, name = self._codes[index]
            self.picked.emit((name, {"status": OPEN_STATUSES, "handling_unit": code}))


class Ageing(FigureChart):
    """Open cases by time since received: a bar per age band, coloured by the same thresholds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("figures", "Open cases by age"), "ageing_chart", parent)
        self.series = QStackedBarSeries()
        self.sets = self._age_tone_sets(self.series)
        self.bands = QBarCategoryAxis()
        self._axis(self.bands, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.bands)
        self.counts = self._value_axis(Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.counts)
        self._ranges: list[tuple[int, int | None]] = []
        self._now: datetime | None = None
        self.series.clicked.connect(self._clicked)
        self.chart_.legend().hide()  # the bands' own labels say the age; colour repeats it

    def show_figures(self, figures: QueueFigures) -> None:
        self._ranges = [(bar.from_h, bar.to_h) for bar in figures.ageing]
        self._now = figures.generated_at
        names = [figure_text.age_bar(a, b) for a, b in self._ranges]
        if self.bands.categories() != names:
            self.bands.setCategories(names)
        for shade, bars in self.sets.items():
            _set_values(
                bars,
                [
                    float(bar.open) if (tone("oldest_open_h", bar.from_h) or "ok") == shade else 0.0
                    for bar in figures.ageing
                ],
            )
        self.counts.setMax(_nice_max(max((bar.open for bar in figures.ageing), default=0)))

    def _clicked(self, index: int, _bars: QBarSet) -> None:
        if self._now is None or not 0 <= index < len(self._ranges):
            return
        from_h, to_h = self._ranges[index]
        filters: dict[str, Any] = {
            "status": OPEN_STATUSES,
            "received_to": (self._now - timedelta(hours=from_h)).isoformat(),
        }
        if to_h is not None:
            filters["received_from"] = (self._now - timedelta(hours=to_h)).isoformat()
        title = QCoreApplication.translate("figures", "Open for %1").replace(
            "%1", figure_text.age_bar(from_h, to_h)
        )
        self.picked.emit((title, filters))


OPEN_STATUSES = ["dispatched", "accepted", "in_progress"]


def _set_values(bars: QBarSet, values: list[float]) -> None:
    """New values in two calls at most: each ``replace`` re-lays out the whole series, which for 168
    stacked bars made a refresh cost 40 ms."""
    if [bars.at(i) for i in range(bars.count())] == values:
        return
    bars.remove(0, bars.count())
    bars.append(values)


SHORTER = (("UBND ", ""), ("Phường ", "P. "), ("Xã ", "X. "), ("Thị trấn ", "TT. "))


def short_unit_name(name: str, width: int = 26) -> str:
    """ "UBND Phường Rạch Dừa" → "P. Rạch Dừa": an axis label, the table beside has the full name."""
    for long, short in SHORTER:
        name = name.replace(long, short, 1) if name.startswith(long) else name
    return name if len(name) <= width else name[: width - 1] + "…"
