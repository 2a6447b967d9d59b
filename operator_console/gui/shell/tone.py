"""Messages coloured by what they mean; the colours live in ``resources/styles/console.qss``."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def set_tone(label: QLabel, tone: str) -> None:
    """``"ok"`` (understood), ``"warn"`` (needs a look), ``"error"`` (stops the save), ``"hint"`` (a
    key to what words mean, in grey), or ``""``."""
    if label.property("tone") != tone:
        label.setProperty("tone", tone)
        label.style().unpolish(label)
        label.style().polish(label)
