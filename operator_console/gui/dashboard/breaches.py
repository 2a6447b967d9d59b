"""When a dashboard figure turns amber (look at it) or red (a breach): thresholds as data.

The phone queue's targets are the contact-centre classics: 80 % of calls answered within 20 s,
under 5 % abandoned. A case past its deadline (``resources/data/deadlines.json``, on the server)
is a breach by definition; a unit whose oldest open case waits more than a day needs a look, three
days is a breach. A repeat-call rate of one call in ten says help is slow to arrive.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Threshold:
    warn: float
    breach: float
    higher_is_worse: bool = True

    def tone(self, value: float | None) -> str:
        """``"ok"``, ``"warn"`` or ``"breach"`` ("" when there is no figure yet)."""
        if value is None:
            return ""
        if self.higher_is_worse:
            return "breach" if value >= self.breach else "warn" if value >= self.warn else "ok"
        return "breach" if value < self.breach else "warn" if value < self.warn else "ok"


THRESHOLDS: dict[str, Threshold] = {
    "past_deadline": Threshold(warn=1, breach=1),
    "repeat_rate": Threshold(warn=0.10, breach=0.20),
    "outbox_oldest_s": Threshold(warn=60, breach=300),
    "oldest_wait_s": Threshold(warn=20, breach=60),
    "service_level": Threshold(warn=0.80, breach=0.70, higher_is_worse=False),
    "average_answer_s": Threshold(warn=20, breach=40),
    "abandon_rate": Threshold(warn=0.05, breach=0.10),
    "oldest_open_h": Threshold(warn=24, breach=72),
}

TONE_COLOURS = {"ok": "#2e7d32", "warn": "#ef8f00", "breach": "#c62828", "": "#1565c0"}
"""Chart colours for the same tones as the stylesheet's tiles."""


def tone(figure: str, value: float | None) -> str:
    return THRESHOLDS[figure].tone(value)
