"""How the dashboard writes its figures: counts, shares, durations and ages, in the user's language.

Vietnamese writes a decimal comma and groups thousands with a dot (12.345; 85,2 %); durations
are written out ("2 ngày 3 giờ", "1 phút 20 giây") rather than as 51:00:00, which reads as a time.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale


@cache
def locale_for(language: str) -> QLocale:
    if language == "vi":
        return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def count(value: int, language: str) -> str:
    return locale_for(language).toString(value)


def share(value: float | None, language: str) -> str:
    """A ratio (0.852) as a percentage ("85,2 %"); "–" when there is nothing to divide."""
    if value is None:
        return "–"
    return f"{locale_for(language).toString(value * 100, 'f', 1)} %"


def seconds(value: float | None) -> str:
    """A short duration: "45 giây", "3 phút 10 giây", "1 giờ 5 phút"; "–" for none."""
    if value is None:
        return "–"
    total = round(value)
    if total < 60:
        return QCoreApplication.translate("figures", "%1 s").replace("%1", str(total))
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return (
            QCoreApplication.translate("figures", "%1 min %2 s")
            .replace("%1", str(minutes))
            .replace("%2", str(secs))
        )
    hours, minutes = divmod(minutes, 60)
    return (
        QCoreApplication.translate("figures", "%1 h %2 min")
        .replace("%1", str(hours))
        .replace("%2", str(minutes))
    )


def age(since: datetime | None, now: datetime) -> str:
    """How long ago: "35 phút", "5 giờ 20 phút", "3 ngày 4 giờ"; "–" for none."""
    if since is None:
        return "–"
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("figures", "%1 min").replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return (
            QCoreApplication.translate("figures", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
        )
    days, hours = divmod(hours, 24)
    return (
        QCoreApplication.translate("figures", "%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    )


def hours(value: float) -> str:
    """A deadline in hours: "24 giờ", "7 ngày"."""
    if value >= 48 and value % 24 == 0:
        return QCoreApplication.translate("figures", "%1 days").replace("%1", str(int(value // 24)))
    shown = str(int(value)) if value == int(value) else f"{value:g}"
    return QCoreApplication.translate("figures", "%1 hours").replace("%1", shown)


def age_bar(from_h: int, to_h: int | None) -> str:
    """An ageing bar's label: "0–4 giờ", "4–24 giờ", "1–3 ngày", "trên 7 ngày".

    Words, not "<" or ">": QtCharts reads its labels as rich text, where "< 4" starts a tag.
    """
    in_days = from_h >= 24
    unit = (
        QCoreApplication.translate("figures", "days")
        if in_days
        else QCoreApplication.translate("figures", "hours")
    )

    def n(h: int) -> str:
        return str(h // 24) if in_days else str(h)

    if to_h is None:
        return (
            QCoreApplication.translate("figures", "over %1 %2").replace("%1", n(from_h)).replace("%2", unit)
        )
    return f"{n(from_h)}–{n(to_h)} {unit}"
