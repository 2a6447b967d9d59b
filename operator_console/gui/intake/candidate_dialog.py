"""An earlier case the duplicate search offers, read in full, with what to do with the call.

Enter **links the call to it**: the call becomes a repeat contact on that case (its repeat count
goes up) instead of a new case. **Related** saves the call as a new case, marked related to this
one (the same household, another need). Esc goes back to the form; nothing typed is lost.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from operator_console.dedupe.scoring import Scored
from operator_console.domain.case import Case
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.messages import Language
from operator_console.domain.taxonomy import Taxonomy
from operator_console.gui.cases.case_details import CaseDetails


class CandidateDialog(CaseDetails):
    link_call = Signal(str)
    """The call is a repeat call about this case (its id)."""
    related = Signal(str)
    """The call is another need of the same household: a new case, related to this one."""

    def __init__(
        self,
        case: Case,
        found: Scored,
        gazetteer: Gazetteer,
        taxonomy: Taxonomy,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(case, gazetteer, taxonomy, language, parent)
        likely = self.tr("Likely the same need") if found.likely else self.tr("Possibly related")
        why = "".join(f"<li>{escape(reason)}</li>" for reason in found.reasons)
        self.ui.details.setHtml(f"<p><b>{escape(likely)}</b></p><ul>{why}</ul>" + self.ui.details.toHtml())
        buttons = self.ui.buttons
        self.link_button = QPushButton(self.tr("&Link the call to this case (Enter)"))
        self.related_button = QPushButton(self.tr("Save as a new case, &related to this one"))
        buttons.addButton(self.link_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.related_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.link_button.setDefault(True)
        self.link_button.setFocus()
        self._case_id = case.id
        self.link_button.clicked.connect(self._link)
        self.related_button.clicked.connect(self._relate)

    def _link(self) -> None:
        self.accept()
        self.link_call.emit(self._case_id)

    def _relate(self) -> None:
        self.accept()
        self.related.emit(self._case_id)
