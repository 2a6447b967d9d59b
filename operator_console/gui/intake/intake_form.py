"""The intake form: what the operator types while the caller talks.

Layout and tab order come from ``ui/intake_form.ui``. The form only reads and shows: it turns what
was typed into a :class:`CaseDraft`, shows what the domain understood (the phone's canonical form,
the resolved ward, the suggested priority) and puts each error beside its field.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QRegularExpression,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from operator_console.domain.address import parse_address
from operator_console.domain.case import Case, Priority, Relation, Vulnerability, label
from operator_console.domain.gazetteer import Gazetteer, WardChoice, WardMatch
from operator_console.domain.intake import CaseDraft, FieldError
from operator_console.domain.messages import Language
from operator_console.domain.phones import Phone, PhoneError, old_landline_reading, parse_phone
from operator_console.domain.priority import suggest_priority
from operator_console.domain.taxonomy import Taxonomy
from operator_console.gui.forms.ui_intake_form import Ui_IntakeForm
from operator_console.gui.shell.tone import set_tone

LONG_CALL_S = 60
"""A call taken in well under a minute is the desk's aim: past it, the clock turns amber."""


class IntakeForm(QWidget):
    changed = Signal()
    phone_known = Signal(str)
    """The national number once the phone field holds a whole one; "" when it no longer does."""
    ward_choices_offered = Signal(str, list)
    """(the street typed, today's ward codes offered): which of them knows the street is worth
    saying beside the choice (:meth:`show_street_known`)."""

    def __init__(
        self, gazetteer: Gazetteer, taxonomy: Taxonomy, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_IntakeForm()
        self.ui.setupUi(self)
        self._gazetteer = gazetteer
        self._taxonomy = taxonomy
        self._language: Language = language
        self._started_at: datetime | None = None
        self._known_phone = ""
        self._ward_match = WardMatch("empty", "")
        self._chosen_ward: int | None = None
        """Today's ward the operator picked among the choices (a split or ambiguous ward)."""
        self._street_known: set[int] = set()
        self.completion = True
        """Completion and suggested values; off only to measure what they save (benchmarks)."""
        self._vulnerable_checks = {
            Vulnerability.LONE_ELDERLY: self.ui.loneElderlyCheck,
            Vulnerability.CHILDREN: self.ui.childrenCheck,
            Vulnerability.DISABLED: self.ui.disabledCheck,
            Vulnerability.PREGNANT: self.ui.pregnantCheck,
            Vulnerability.SICK: self.ui.sickCheck,
        }
        # In the form's order: the cursor goes to the first field in error.
        self._error_labels: dict[str, tuple[QLabel, QWidget]] = {
            "caller_phone": (self.ui.phoneError, self.ui.phoneEdit),
            "subject_age": (self.ui.subjectError, self.ui.subjectAgeEdit),
            "subject_phone": (self.ui.subjectError, self.ui.subjectPhoneEdit),
            "category": (self.ui.categoryError, self.ui.categoryCombo),
            "household_size": (self.ui.householdError, self.ui.householdEdit),
        }
        for error_label, _ in self._error_labels.values():
            set_tone(error_label, "error")
            error_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # An error goes as soon as the operator answers it (a number typed, a category chosen):
        # left up, it would still say "no category" on the next call, category chosen.
        for error_label, edits in (
            (self.ui.phoneError, (self.ui.callerNameEdit,)),  # the phone's own: _update_phone_hint
            (
                self.ui.subjectError,
                (self.ui.subjectAgeEdit, self.ui.subjectPhoneEdit, self.ui.subjectNameEdit),
            ),
            (self.ui.householdError, (self.ui.householdEdit,)),
        ):
            hint = self.ui.phoneHint if error_label is self.ui.phoneError else None
            for edit in edits:
                edit.textEdited.connect(lambda _text, shown=error_label, under=hint: _answered(shown, under))
        self.ui.categoryCombo.currentIndexChanged.connect(lambda _i: _answered(self.ui.categoryError))
        self._fill_choices()
        self._ward_model = QStringListModel(self)
        completer = QCompleter(self._ward_model, self)
        # We filter ourselves (diacritics and old names); the completer only shows what we give it.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.ui.wardEdit.setCompleter(completer)
        self._enter_on_offer = False  # Enter came from the open completion list
        self._popup_place = _WardList(self)
        popup = completer.popup()
        assert popup is not None  # a completer makes its list
        popup.installEventFilter(self._popup_place)
        self._connect()
        # Enter moves on. A line edit says so with returnPressed, which also fires when its
        # completion list took the key first (the list forwards Enter to the field). In the ward
        # field Enter leads to the choices when the words name no single ward of today.
        self.ui.wardEdit.returnPressed.connect(self._ward_entered)
        for edit in self.findChildren(QLineEdit):
            if edit not in (self.ui.wardEdit, self.ui.subjectNameEdit):
                edit.returnPressed.connect(self._move_on)
        # The person in need's age and phone are said on some calls only: Enter from the name goes
        # on to the address (as before they were asked for); Tab, or Alt+their letter, reaches them.
        self.ui.subjectNameEdit.returnPressed.connect(lambda: self.ui.addressEdit.setFocus())
        self._enter_moves_on = _EnterMovesOn(self)
        # The ward field too: with its list open, a platform without a keyboard grab (offscreen)
        # gives Enter to the field, which ignores it while the list shows.
        self.ui.wardEdit.installEventFilter(self._enter_moves_on)
        for kind in (QComboBox, QCheckBox):
            for widget in self.findChildren(kind):
                widget.installEventFilter(self._enter_moves_on)
        # The six tick boxes are one stop on the way: a digit ticks (or unticks) its box from any
        # of them, Enter goes on to the description. Each box says its digit.
        self.tick_boxes: tuple[QCheckBox, ...] = (
            self.ui.noFoodCheck,
            *self._vulnerable_checks.values(),
        )
        for digit, box in enumerate(self.tick_boxes, start=1):
            # A box whose words leave no free letter (English "Pregnant") takes its digit: Alt+5.
            box.setText(f"{digit} {box.text()}" if "&" in box.text() else f"&{digit} {box.text()}")
        self._ward_keys = _WardChoiceKeys(self)
        self.ui.wardChoices.installEventFilter(self._ward_keys)
        self.ui.wardChoices.itemActivated.connect(
            lambda item: self.choose_ward(self.ui.wardChoices.row(item))
        )
        # The priority's reasons wrap under it rather than widen the form past a 1366 px screen.
        self.ui.priorityHint.setWordWrap(True)
        self.ui.priorityHint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # Room kept for the hints always, so that a hint appearing does not push the form down.
        for hint, lines in ((self.ui.phoneHint, 1), (self.ui.wardHint, 2)):
            hint.setMinimumHeight(lines * hint.fontMetrics().lineSpacing())
            # A wrapping label asks for little width; let it take the whole field's width.
            hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # under its field
        # The call's clock: the operator (and the caller's patience) at a glance.
        self.call_clock = QLabel("")
        self.call_clock.setObjectName("call_clock")
        self.call_clock.setAccessibleName(self.tr("Call time"))
        self.ui.buttons.insertWidget(0, self.call_clock)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._show_clock)
        # A household is counted in people: digits only, as typed (the key of a letter does nothing).
        ui = self.ui
        ui.householdEdit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,4}"), self))
        ui.subjectAgeEdit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,3}"), self))
        ui.subjectAgeEdit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        ui.householdEdit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        # "…" says a number is still being typed; once the cursor leaves, say what is wrong with it.
        ui.phoneEdit.editingFinished.connect(self._phone_left)
        # The person in need's own number: said wrong as the cursor leaves it, not only at the save.
        ui.subjectPhoneEdit.editingFinished.connect(self._subject_phone_left)
        self.clear()

    def _subject_phone_left(self) -> None:
        text = self.ui.subjectPhoneEdit.text()
        if not text.strip():
            return
        try:
            parse_phone(text)
        except PhoneError as exc:
            self.ui.subjectError.setText(exc.message.render(self._language))
            self.ui.subjectError.setVisible(True)

    def _phone_left(self) -> None:
        if self.ui.phoneHint.text() == "…":
            try:
                parse_phone(self.ui.phoneEdit.text())
            except PhoneError as exc:
                self.ui.phoneHint.setText(exc.message.render(self._language))
                set_tone(self.ui.phoneHint, "warn")

    # what the operator typed ----------------------------------------------------------------------
    def draft(self) -> CaseDraft:
        ui = self.ui
        started = self._started_at
        return CaseDraft(
            received_at=started,
            call_duration_s=round((datetime.now(UTC) - started).total_seconds()) if started else None,
            caller_phone=ui.phoneEdit.text(),
            caller_name=ui.callerNameEdit.text(),
            caller_relation=str(ui.relationCombo.currentData() or "self"),
            subject_name=ui.subjectNameEdit.text(),
            subject_age=ui.subjectAgeEdit.text(),
            subject_phone=ui.subjectPhoneEdit.text(),
            household_size=ui.householdEdit.text(),
            vulnerable={v.value for v, box in self._vulnerable_checks.items() if box.isChecked()},
            no_food_today=ui.noFoodCheck.isChecked(),
            address=ui.addressEdit.text(),
            ward=ui.wardEdit.text(),
            ward_code=self._chosen_ward,
            category=str(ui.categoryCombo.currentData() or ""),
            description=ui.descriptionEdit.toPlainText(),
            priority=str(ui.priorityCombo.currentData() or ""),
            callback_consent=ui.callbackCheck.isChecked(),
        )

    def set_draft(self, draft: CaseDraft) -> None:
        """Put a kept draft back into the form (after a crash, or to undo a clear)."""
        self.clear()
        ui = self.ui
        ui.phoneEdit.setText(draft.caller_phone)
        ui.callerNameEdit.setText(draft.caller_name)
        _select(ui.relationCombo, draft.caller_relation)
        ui.subjectNameEdit.setText(draft.subject_name)
        ui.subjectAgeEdit.setText(draft.subject_age)
        ui.subjectPhoneEdit.setText(draft.subject_phone)
        ui.householdEdit.setText(draft.household_size)
        for value, box in self._vulnerable_checks.items():
            box.setChecked(value.value in draft.vulnerable)
        ui.noFoodCheck.setChecked(draft.no_food_today)
        ui.addressEdit.setText(draft.address)
        ui.wardEdit.setText(", ".join(p for p in (draft.ward, draft.district) if p))
        if draft.ward_code is not None and draft.ward_code in self._choice_codes():
            self._chosen_ward = draft.ward_code
            self._fill_ward_choices()
            self._update_ward_hint()
        _select(ui.categoryCombo, draft.category)
        ui.descriptionEdit.setPlainText(draft.description)
        _select(ui.priorityCombo, draft.priority)
        ui.callbackCheck.setChecked(draft.callback_consent)
        self._started_at = draft.received_at
        self._show_clock()

    def first_unanswered(self) -> QWidget:
        """The first field a call still needs: the caller's name, the address, the ward, the
        category; else the description."""
        ui = self.ui
        unanswered: list[tuple[bool, QWidget]] = [
            (not ui.callerNameEdit.text().strip(), ui.callerNameEdit),
            (not ui.addressEdit.text().strip(), ui.addressEdit),
            (not ui.wardEdit.text().strip(), ui.wardEdit),
            (not ui.categoryCombo.currentData(), ui.categoryCombo),
            (True, ui.descriptionEdit),
        ]
        return next(field for empty, field in unanswered if empty)

    def fill_missing_from(self, case: Case) -> list[str]:
        """Fill the empty fields with what this caller told us last time; returns the fields filled."""
        ui = self.ui
        offers = [
            ("caller_name", ui.callerNameEdit, case.caller.name),
            ("subject_name", ui.subjectNameEdit, case.subject.name if case.subject else ""),
            ("subject_age", ui.subjectAgeEdit, "" if case.subject_age is None else str(case.subject_age)),
            (
                "subject_phone",
                ui.subjectPhoneEdit,
                case.subject.phone.display if case.subject and not case.subject.phone.withheld else "",
            ),
            ("address", ui.addressEdit, case.address.as_said),
            (
                "ward",
                ui.wardEdit,
                ", ".join(p for p in (case.address.ward_as_said, case.address.district_as_said) if p),
            ),
        ]
        filled = []
        for name, edit, value in offers:
            if value and not edit.text().strip():
                edit.setText(value)
                filled.append(name)
        known_ward = case.address.ward_code in self._choice_codes() and not case.address.ward_needs_check
        if "ward" in filled and known_ward:
            self._chosen_ward = case.address.ward_code  # the ward picked for it last time (not a guess)
            self._fill_ward_choices()
            self._update_ward_hint()
        if case.subject is not None and "subject_name" in filled:
            _select(ui.relationCombo, case.caller_relation.value)
        return filled

    def is_blank(self) -> bool:
        d = self.draft()
        return not any(
            (
                d.caller_phone,
                d.caller_name,
                d.subject_name,
                d.subject_age,
                d.subject_phone,
                d.address,
                d.ward,
                d.description,
                d.household_size,
            )
        )

    def clear(self) -> None:
        ui = self.ui
        for edit in (
            ui.phoneEdit,
            ui.callerNameEdit,
            ui.subjectNameEdit,
            ui.subjectAgeEdit,
            ui.subjectPhoneEdit,
            ui.addressEdit,
            ui.wardEdit,
            ui.householdEdit,
        ):
            edit.clear()
        ui.descriptionEdit.clear()
        for box in (*self._vulnerable_checks.values(), ui.noFoodCheck, ui.callbackCheck):
            box.setChecked(False)
        ui.relationCombo.setCurrentIndex(0)
        ui.categoryCombo.setCurrentIndex(0)
        ui.priorityCombo.setCurrentIndex(0)
        self._chosen_ward = None
        self.show_errors([])
        self._update_hints()
        # The call's time is when the operator starts typing it, not when it is saved.
        self._started_at = None
        self._show_clock()
        ui.phoneEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each error beside its field; the cursor goes to the first field in error."""
        for error_label, _ in self._error_labels.values():
            _answered(error_label)
        first: QWidget | None = None
        order = list(self._error_labels)
        for error in sorted(errors, key=lambda e: order.index(e.field) if e.field in order else -1):
            error_label, field_widget = self._error_labels.get(
                error.field, (self.ui.phoneError, self.ui.phoneEdit)
            )
            text = error.message.render(self._language)
            error_label.setText(f"{error_label.text()}\n{text}".strip())
            error_label.setVisible(True)
            first = first or field_widget
        hint, phone_error = self.ui.phoneHint, self.ui.phoneError
        if phone_error.isVisibleTo(self) and hint.text() and hint.text() in phone_error.text().splitlines():
            hint.setText("")  # said once, in red, where the save stopped (it showed twice)
        # The error right under the field, not below the hint's empty line.
        hint.setVisible(not (phone_error.isVisibleTo(self) and not hint.text()))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def take_landline_reading(self) -> bool:
        """Read the 08 number in the phone field as the city landline it was until 2017."""
        try:
            landline = old_landline_reading(parse_phone(self.ui.phoneEdit.text()))
        except PhoneError:
            landline = None
        if landline is None:
            return False
        self.ui.phoneEdit.setText(landline.display)
        return True

    def pick_category_by_key(self, key: str) -> bool:
        """A digit picks the top-level category with that key (1 essential supplies … 9 other)."""
        category = self._taxonomy.by_key(key)
        if category is None:
            return False
        self.ui.categoryCombo.setCurrentIndex(self.ui.categoryCombo.findData(category.code))
        return True

    def ask_for_category(self) -> bool:
        """Enter on *Lĩnh vực* with none chosen stays there and says how (a save needs one)."""
        self.ui.categoryError.setText(self.tr("Choose the category: its digit, 1–9."))
        self.ui.categoryError.setVisible(True)
        return True

    def _move_on(self) -> None:
        self.focusNextChild()

    def tick_key(self, event: QKeyEvent) -> bool:
        """In the tick boxes: a digit ticks its box (the cursor stays), Enter goes to the description."""
        text = event.text()
        if text.isdigit() and 1 <= int(text) <= len(self.tick_boxes):
            box = self.tick_boxes[int(text) - 1]
            box.setChecked(not box.isChecked())
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.ui.descriptionEdit.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if text and text.isprintable():
            # The operator is already telling what happened (the boxes are one stop, passed by
            # Enter): the words go to the description, not lost, and Space ticks nothing unseen.
            self.ui.descriptionEdit.setFocus(Qt.FocusReason.TabFocusReason)
            self.ui.descriptionEdit.insertPlainText(text)
            return True
        return False

    # the ward ---------------------------------------------------------------------------------------
    def ward_code(self) -> int | None:
        """Today's ward of the call as it stands: the one picked, or the one the words name."""
        match = self._ward_match
        return self._chosen_ward or (match.current.code if match.current is not None else None)

    def _choice_codes(self) -> list[int]:
        return [u.code for u in self._ward_match.choice_units]

    def choose_ward(self, row: int) -> bool:
        """Pick the ward on this row of the choices; the cursor moves on to the category."""
        units = self._ward_match.choice_units
        if not 0 <= row < len(units):
            return False
        self._chosen_ward = units[row].code
        self._fill_ward_choices()
        self._update_ward_hint()
        self.changed.emit()
        self.ui.categoryCombo.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _ward_entered(self) -> None:
        """Enter in the ward field: with the completion list open, take the line offered and stay,
        so that the operator reads what ward it means (a second Enter goes on; Tab takes and goes
        on at once). Otherwise on to the choices when there are some to make, else onwards."""
        from_list, self._enter_on_offer = self._enter_on_offer, False
        self._take_ward_offer()
        if from_list:
            self.ui.wardEdit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.ui.wardChoices.isHidden():
            self.focusNextChild()
        elif self._chosen_ward is None:
            self.focus_ward_choices()
        else:
            self.ui.categoryCombo.setFocus(Qt.FocusReason.TabFocusReason)  # past the choices made

    def _ward_list(self) -> QAbstractItemView:
        """The ward field's completion list (its completer made it: never None)."""
        popup = self.ui.wardEdit.completer().popup()
        assert popup is not None
        return popup

    def ward_down(self) -> bool:
        """Down in the ward field goes to the choices, unless the completion list is open."""
        if self.ui.wardChoices.isHidden() or self._ward_list().isVisible():
            return False
        self.focus_ward_choices(first=True)
        return True

    def focus_ward_choices(self, first: bool = False) -> None:
        """To the choices: on the one made, else on none (Enter twice by habit must not choose the
        first for the caller: a digit, or an arrow then Enter, picks); Down lands on the first."""
        choices, codes = self.ui.wardChoices, self._choice_codes()
        choices.setFocus(Qt.FocusReason.TabFocusReason)  # (a list taking the focus makes its first current)
        if self._chosen_ward in codes:
            choices.setCurrentRow(codes.index(self._chosen_ward))
        else:
            choices.setCurrentRow(0 if first else -1)

    def show_street_known(self, street: str, asked: list[int], known: set[int]) -> None:
        """Of the wards ``asked`` about, those where this street has cases already (from the store);
        an answer about other words or other choices than the form's now is dropped."""
        if street == self._typed_street() and asked == self._choice_codes():
            self._street_known = known
            self._fill_ward_choices()

    def _typed_street(self) -> str:
        return parse_address(self.ui.addressEdit.text()).street

    # set-up ---------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui, lang = self.ui, self._language
        for relation in Relation:
            ui.relationCombo.addItem(label(relation, lang), relation.value)
        ui.categoryCombo.addItem(self.tr("— choose (digit key) —"), "")
        for top in self._taxonomy.top_level():
            ui.categoryCombo.addItem(f"{top.key} · {top.label(lang)}", top.code)
            for sub in self._taxonomy.children(top.code):
                ui.categoryCombo.addItem(f"    {top.key} · {sub.label(lang)}", sub.code)
        ui.priorityCombo.addItem(self.tr("Suggested"), "")
        for priority in Priority:
            ui.priorityCombo.addItem(label(priority, lang), priority.value)

    def _connect(self) -> None:
        ui = self.ui
        ui.phoneEdit.textChanged.connect(self._update_phone_hint)
        ui.wardEdit.textEdited.connect(self._complete_ward)
        ui.wardEdit.textChanged.connect(self._ward_changed)
        ui.categoryCombo.currentIndexChanged.connect(self._update_priority_hint)
        ui.noFoodCheck.toggled.connect(self._update_priority_hint)
        for box in self._vulnerable_checks.values():
            box.toggled.connect(self._update_priority_hint)
        ui.subjectAgeEdit.textChanged.connect(self._update_priority_hint)
        # Every field, the choices and ticks too: the draft on disk is what ``changed`` triggers,
        # and a category chosen after the last keystroke was missing from it after a stop.
        for edit in self.findChildren(QLineEdit):
            edit.textChanged.connect(self.changed)
        ui.descriptionEdit.textChanged.connect(self.changed)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self.changed)
        for box in self.findChildren(QCheckBox):
            box.toggled.connect(self.changed)
        self.changed.connect(self._note_start)

    def _note_start(self) -> None:
        if self._started_at is None and not self.is_blank():
            self._started_at = datetime.now(UTC).astimezone()
            self._show_clock()

    def _show_clock(self) -> None:
        """The call's time so far, beside the buttons: from the first key to the save."""
        started = self._started_at
        if started is None:
            self._clock.stop()
            self.call_clock.setText("")
            return
        seconds = max(0, int((datetime.now(UTC) - started).total_seconds()))
        self.call_clock.setText(self.tr("Call %1").replace("%1", f"{seconds // 60}:{seconds % 60:02d}"))
        set_tone(self.call_clock, "warn" if seconds >= LONG_CALL_S else "")
        if not self._clock.isActive():
            self._clock.start()

    def _update_hints(self) -> None:
        self._update_phone_hint()
        self._update_ward_hint()
        self._update_priority_hint()

    # live feedback --------------------------------------------------------------------------------
    def _update_phone_hint(self) -> None:
        ui = self.ui
        text = ui.phoneEdit.text()
        # Another number, however it came (typed, F3, caller ID): the save's error on the last one
        # goes, and the hint's line comes back for this one.
        _answered(ui.phoneError, ui.phoneHint)
        phone = self._show_phone(text)
        national = phone.national if phone is not None else ""
        if national != self._known_phone:
            self._known_phone = national
            self.phone_known.emit(national)

    def _show_phone(self, text: str) -> Phone | None:
        """Show what the phone field holds; the number, when it is a whole one."""
        ui = self.ui
        if not text.strip():
            ui.phoneHint.setText("")
            return None
        try:
            phone = parse_phone(text)
        except PhoneError as exc:
            digits = sum(ch.isdigit() for ch in text)
            # While the number is still being typed, a short number is not yet an error.
            if exc.message.code == "phone.too_short" and digits < 10:
                ui.phoneHint.setText("…")
                set_tone(ui.phoneHint, "")
            else:
                ui.phoneHint.setText(exc.message.render(self._language))
                set_tone(ui.phoneHint, "error")
            return None
        shown = phone.display or self.tr("withheld")
        if phone.legacy_form:
            shown = self.tr("%1 (old number %2)").replace("%1", shown).replace("%2", phone.legacy_form)
        landline = old_landline_reading(phone)
        if landline is not None:
            shown += " · " + self.tr("or the old landline %1 (F7)").replace("%1", landline.display)
        ui.phoneHint.setText(f"✓ {shown}")
        set_tone(ui.phoneHint, "ok")
        return phone

    def _complete_ward(self, text: str) -> None:
        # Nothing to offer when the words already lead somewhere: one ward of today ("P.2 Q.5"), or
        # a split ward's successors ("P.5 Q.8"), which the choices show. A name several places bear
        # ("P.1") still completes: "Phường 12, Quận 3" is typed faster from the list.
        settled = self._gazetteer.resolve(text).status in ("current", "former", "split")
        found = (
            []
            if settled or not self.completion
            else [w.label for w in self._gazetteer.complete(text, limit=12)]
        )
        self._ward_model.setStringList(found)
        self._update_ward_hint()  # (the words were read before the offers changed)
        if found:
            self.ui.wardEdit.completer().complete()
        else:
            self._ward_list().hide()

    def _ward_popup_below_hint(self) -> None:  # called by _WardList on every show and move
        """The completion list below the ward's message, never over it: what the words mean stays
        in view. (Qt places the list under the field each time it shows it.)"""
        popup, hint = self.ui.wardEdit.completer().popup(), self.ui.wardHint
        if popup is None or not popup.isVisible() or not hint.isVisible():
            return
        below = hint.mapToGlobal(QPoint(0, hint.height())).y()
        if popup.y() < below:
            popup.move(popup.x(), below)

    def ward_enter_with_list_open(self) -> bool:
        if not self._ward_list().isVisible():
            return False
        self._enter_on_offer = True
        self.ui.wardEdit.returnPressed.emit()
        return True

    def ward_enter_in_list(self) -> None:  # the list had the key first (a platform that grabs it)
        self._enter_on_offer = True

    def ward_tab_with_list_open(self) -> bool:
        """Tab with the completion list open takes the line offered and goes on, in one key."""
        if not self._ward_list().isVisible():
            return False
        self._take_ward_offer()
        self.ui.wardEdit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.focusNextChild()
        return True

    def _take_ward_offer(self) -> None:
        """The line picked in the list, else the first offer when the words alone lead nowhere
        ("chanh hu"): words that lead somewhere ("P.1", a name several places bear) stay as said."""
        edit = self.ui.wardEdit
        popup = self._ward_list()
        picked = popup.currentIndex() if popup.isVisible() else None
        popup.hide()
        offers = self._ward_model.stringList()
        if picked is not None and picked.isValid() and 0 <= picked.row() < len(offers):
            edit.setText(offers[picked.row()])
        elif offers and self._gazetteer.resolve(edit.text()).status == "unknown":
            edit.setText(offers[0])
        self._ward_model.setStringList([])
        self._update_ward_hint()

    def _ward_changed(self) -> None:
        match = self._gazetteer.resolve(self.ui.wardEdit.text())
        offered_before = self._choice_codes()
        self._ward_match = match
        if self._chosen_ward is not None and self._chosen_ward not in self._choice_codes():
            self._chosen_ward = None  # other words, other choices
        if self._choice_codes() != offered_before:
            self._street_known = set()
            if match.choices and (street := self._typed_street()):
                self.ward_choices_offered.emit(street, self._choice_codes())
        self._fill_ward_choices()
        self._update_ward_hint()

    def _fill_ward_choices(self) -> None:
        choices = self.ui.wardChoices
        units = self._ward_match.choice_units
        choices.clear()
        for row, unit in enumerate(units):
            notes = [self._choice_note(c) for c in self._ward_match.choices if c.unit == unit]
            text = " — ".join([unit.name, *dict.fromkeys(n for n in notes if n)])
            if unit.code in self._street_known and len(self._street_known & set(self._choice_codes())) == 1:
                # Short: the list is one line per ward (the street's name was cut off at 1366 px).
                text += " · " + self.tr("the street has cases here")
            item = QListWidgetItem(f"{row + 1}  {text}" if row < 9 else f"    {text}")
            item.setToolTip(text)
            if unit.code == self._chosen_ward:
                item.setText("✓ " + item.text())
            choices.addItem(item)
        choices.setVisible(bool(units))
        if units:
            rows = min(len(units), 5)
            choices.setFixedHeight(rows * choices.sizeHintForRow(0) + 2 * choices.frameWidth())

    def _choice_note(self, choice: WardChoice) -> str:
        """Why a ward is offered, where the hint above does not say it already."""
        if choice.via is None:
            return ""
        if self._ward_match.status == "split":  # every choice is a part of the one former ward
            return self.tr("all its residents") if "toàn bộ dân số" in choice.how.casefold() else ""
        return self.tr("was %1").replace("%1", choice.via.label)

    def _update_ward_hint(self) -> None:
        ui = self.ui
        match = self._ward_match
        chosen = self._gazetteer.current(self._chosen_ward) if self._chosen_ward is not None else None
        if match.status == "empty":
            ui.wardHint.setText("")
        elif chosen is not None:
            said = match.former.label if match.former is not None else match.typed
            ui.wardHint.setText(
                self.tr("✓ %1 (chosen for “%2”)").replace("%1", chosen.name).replace("%2", said)
            )
            set_tone(ui.wardHint, "ok")
        elif match.status == "current" and match.current is not None:
            ui.wardHint.setText(f"✓ {match.current.name}")
            set_tone(ui.wardHint, "ok")
        elif match.status == "split" and match.former is not None:
            text = self.tr(
                "“%1” is %2 (former), now split between %3 wards: Enter, then 1–%3 to choose "
                "(not known: save, and the triage desk routes it)."
            )
            ui.wardHint.setText(
                text.replace("%1", match.typed)
                .replace("%2", match.former.label)
                .replace("%3", str(len(match.choice_units)))
            )
            set_tone(ui.wardHint, "warn")
        elif match.status == "unknown" and sum(ch.isdigit() for ch in match.typed) >= 7:
            # A number typed here after an Enter too many: say so before it goes to triage as a ward.
            ui.wardHint.setText(self.tr("This looks like a phone number, not a ward."))
            set_tone(ui.wardHint, "error")
        elif match.status == "unknown" and self._ward_model.stringList():
            # Words still being typed, with wards offered for them: not "not found" yet.
            ui.wardHint.setText(self.tr("Enter or Tab takes the first ward offered below."))
            set_tone(ui.wardHint, "")
        else:
            message = match.message
            text = message.render(self._language) if message else ""
            if match.choices:
                last = min(len(match.choice_units), 9)
                text += " " + self.tr("Enter, then 1–%1 to choose.").replace("%1", str(last))
            ui.wardHint.setText(text)
            set_tone(ui.wardHint, "ok" if match.status == "former" else "warn")

    def _update_priority_hint(self) -> None:
        """The priority suggested, and why ("gợi ý: Khẩn · 82 tuổi"): the operator sees which of
        what the caller said made it so, and changes it knowingly."""
        draft = self.draft()
        vulnerable = {Vulnerability(v) for v in draft.vulnerable}
        age = int(draft.subject_age) if draft.subject_age.isdigit() else None
        suggested, rules = suggest_priority(draft.category, vulnerable, draft.no_food_today, age)
        why = {
            "no_food_today": self.tr("no food today"),
            "person_alone": self.tr("cannot fend for themselves"),
            "fragile_members_need_supplies": self.tr("vulnerable member at home"),
            "very_old": self.tr("aged %1").replace("%1", str(age)),
            "very_young": self.tr("aged %1").replace("%1", str(age)),
        }
        text = self.tr("suggested: %1").replace("%1", label(suggested, self._language))
        self.ui.priorityHint.setText(" · ".join([text, *(why[rule] for rule in rules)]))


def _answered(error_label: QLabel, hint: QLabel | None = None) -> None:
    error_label.clear()
    error_label.setVisible(False)
    if hint is not None:
        hint.setVisible(True)  # its line back, for what the field says as it is typed


def _select(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


class _WardChoiceKeys(QObject):
    """In the ward choices: a digit or Enter picks, Up from the first row goes back to the words."""

    def __init__(self, form: IntakeForm) -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        choices = self._form.ui.wardChoices
        if event.text() in tuple("123456789") and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return self._form.choose_ward(int(event.text()) - 1)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            # None chosen yet: Enter stays (the ward's message says to press a digit).
            return self._form.choose_ward(choices.currentRow()) or True
        if event.key() == Qt.Key.Key_Up and choices.currentRow() <= 0:
            self._form.ui.wardEdit.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return False


class _WardList(QObject):
    """The ward's completion list: kept below the ward's message whenever Qt shows or moves it, and
    its Enter and Tab told to the form."""

    def __init__(self, form: IntakeForm) -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Move):
            self._form._ward_popup_below_hint()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            # Where the list grabs the keyboard (X11), its keys come here before the completer's.
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._form.ward_enter_in_list()
            elif event.key() == Qt.Key.Key_Tab:
                return self._form.ward_tab_with_list_open()
        return False


class _EnterMovesOn(QObject):
    """Enter in a list or a box moves to the next field, as on a paper form.

    The description is the exception: Enter starts a new line there (Ctrl+Enter saves).
    """

    def __init__(self, form: IntakeForm) -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if watched is self._form.ui.wardEdit:
                if event.key() == Qt.Key.Key_Down:
                    return self._form.ward_down()
                if event.key() == Qt.Key.Key_Tab and plain:
                    return self._form.ward_tab_with_list_open()
                return enter and self._form.ward_enter_with_list_open()
            combo = watched if isinstance(watched, QComboBox) else None
            if combo is not None and combo.view().isVisible():
                return False  # Enter picks the item of the open list
            if combo is self._form.ui.categoryCombo and event.text().isdigit():
                return self._form.pick_category_by_key(event.text())
            if combo is self._form.ui.categoryCombo and enter and plain and not combo.currentData():
                return self._form.ask_for_category()
            if watched in self._form.tick_boxes and plain:
                return self._form.tick_key(event)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self._form.focusNextChild()
                return True
        return False
