"""One case read in full: what was said, where, what happened since (contacts and status history)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from html import escape
from urllib.parse import quote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from operator_console.client.case_history import ServerEvent, ServerHistory
from operator_console.domain.case import Case, label
from operator_console.domain.changes import CaseChange
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.messages import Language
from operator_console.domain.taxonomy import Taxonomy
from operator_console.domain.text import fold
from operator_console.domain.units import unit_name
from operator_console.gui.forms.ui_case_details import Ui_CaseDetails


def _href(url: str) -> str:
    """A web address for an ``href``: Qt's rich text does not decode entities there (``&amp;`` would
    stay in the address), so what could end the attribute or the tag is percent-encoded instead."""
    return quote(url, safe=":/?#[]@!$&()*+,;=%-._~")


class CaseDetails(QDialog):
    callback_requested = Signal()
    """The person asks to record a call back to the citizen (Alt+G / Alt+C)."""

    def __init__(
        self,
        case: Case,
        gazetteer: Gazetteer,
        taxonomy: Taxonomy,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseDetails()
        self.ui.setupUi(self)
        self._case, self._gazetteer, self._taxonomy, self._language = case, gazetteer, taxonomy, language
        self.case_id = case.id
        self._changes: list[tuple[CaseChange, str, str]] = []
        self._server: ServerHistory | None = None
        self._server_note = ""
        self._history_holds_sent = False
        self.setWindowTitle(self.tr("Case %1").replace("%1", case.reference))
        # Qt's own button texts would need Qt's translations, which PySide6 does not ship for Vietnamese.
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.callback_button = self.ui.buttons.addButton(
            self.tr("Record a &call back…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.callback_button.clicked.connect(self.callback_requested)
        self._render()
        # The map point and the photo a citizen sent open in the browser (Tab reaches them, Enter
        # opens); nothing else is a link, and only web addresses are opened.
        self.ui.details.anchorClicked.connect(self._open_link)

    # what arrives after the dialog opened -------------------------------------------------------
    def set_local_changes(self, changes: list[tuple[CaseChange, str, str]]) -> None:
        """The changes made at this console (a call back…), each with its outbox state and the
        server's message when refused."""
        self._changes = changes
        self._history_holds_sent = False  # the history shown may be older than these
        self._render()

    def show_server_history(self, history: ServerHistory, changes: list[tuple[CaseChange, str, str]]) -> None:
        """The server's history, with this console's changes as they were before it was read: the
        ones sent by then are in it and are not listed twice."""
        self._server, self._server_note = history, ""
        self._changes, self._history_holds_sent = changes, True
        self._render()

    def show_server_history_pending(self, note: str) -> None:
        """Why the server's history is not shown (yet): loading, not sent, offline."""
        self._server_note = note
        self._render()

    def _render(self) -> None:
        bar = self.ui.details.verticalScrollBar()
        kept = bar.value()  # the history arriving must not move what the person is reading
        self.ui.details.setHtml(self.as_html(self._case, self._gazetteer, self._taxonomy, self._language))
        bar.setValue(kept)

    @staticmethod
    def _open_link(url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

    def _ward_text(self, case: Case, gazetteer: Gazetteer) -> str:
        """Today's ward and what was said; for a ward to settle, the wards it may be."""
        address = case.address
        ward = gazetteer.current(address.ward_code) if address.ward_code is not None else None
        said = ", ".join(p for p in (address.ward_as_said, address.district_as_said) if p)
        old = (
            gazetteer.former_unit(address.former_ward_code) if address.former_ward_code is not None else None
        )
        successors = gazetteer.successors(old) if old is not None else ()
        if address.ward_needs_check and len(successors) > 1 and old is not None:
            names = " / ".join(s.unit.name for s in successors)
            text = self.tr("“%1” (%2, split): to check, one of %3").replace("%1", said)
            text = text.replace("%2", old.label).replace("%3", names)
            return text + (self.tr(" (recorded: %1)").replace("%1", ward.name) if ward else "")
        if ward is None:
            return f"{said} (?)" if said else ""
        return ward.name if fold(said) in ("", fold(ward.name)) else f"{ward.name} (“{said}”)"

    def as_html(self, case: Case, gazetteer: Gazetteer, taxonomy: Taxonomy, language: Language) -> str:
        """The case as HTML; every value from a person is escaped."""
        category = taxonomy.get(case.category)
        needy = case.needy
        address = case.address
        refs = case.channel_refs
        sent = [(self.tr("device"), refs.device_id), (self.tr("account"), refs.account_id)]
        sent += [(self.tr("address id"), refs.address_id), *refs.attributes]
        links = [
            (self.tr("E-mail"), escape(case.caller_email)),
            (
                self.tr("Map point"),
                f"{escape(address.point.text)} · <a href='{_href(address.point.map_url)}'>OpenStreetMap</a>"
                if address.point
                else "",
            ),
            (
                self.tr("Photo/file sent"),
                f"<a href='{_href(case.media_url)}'>{escape(case.media_url)}</a>" if case.media_url else "",
            ),
            (self.tr("Sent by the app"), escape("; ".join(f"{k}: {v}" for k, v in sent if v))),
        ]
        rows = [
            (self.tr("Received"), _when(case.received_at)),
            (self.tr("Status"), label(case.status, language)),
            (self.tr("Channel"), label(case.channel, language)),
            (self.tr("Priority"), label(case.priority, language)),
            (self.tr("Category"), category.label(language) if category else case.category),
            (self.tr("Caller"), f"{case.caller.name} {case.caller.phone.display}".strip()),
            (self.tr("Relation"), label(case.caller_relation, language)),
            (self.tr("Person in need"), f"{needy.name} {needy.phone.display}".strip()),
            (self.tr("Age"), "" if case.subject_age is None else str(case.subject_age)),
            (self.tr("Household size"), "" if case.household_size is None else str(case.household_size)),
            (self.tr("Vulnerable"), ", ".join(label(v, language) for v in sorted(case.vulnerable))),
            (
                self.tr("Address"),
                case.address.as_said or (self.tr("none given: a map point only") if address.point else ""),
            ),
            (self.tr("Ward/commune"), self._ward_text(case, gazetteer)),
            (self.tr("Handling unit"), unit_name(case.handling_unit) if case.handling_unit else ""),
            (self.tr("Repeat calls"), str(case.repeat_count)),
        ]
        parts = [f"<h2>{escape(case.reference)}</h2><table>"]
        cells = [(k, escape(v)) for k, v in rows] + links
        parts += [f"<tr><th align='left'>{escape(k)}</th><td>{v}</td></tr>" for k, v in cells if v]
        parts.append("</table>")
        if case.description:
            parts.append(f"<p>{escape(case.description).replace(chr(10), '<br>')}</p>")
        contacts_title, no_contact, history_title = (
            self.tr("Contacts"),
            self.tr("No repeat call."),
            self.tr("History"),
        )
        parts.append(f"<h3>{escape(contacts_title)}</h3>")
        if case.contacts:
            parts.append("<ul>")
            for contact in case.contacts:
                who = f"{contact.caller.name} {contact.caller.phone.display}".strip()
                when = _when(contact.received_at)
                parts.append(
                    f"<li>{escape(when)} · {escape(label(contact.channel, language))} · {escape(who)}"
                    # What was said, then the details given, each on its own line (as stored).
                    f"{('<br>' + escape(contact.note).replace(chr(10), '<br>')) if contact.note else ''}</li>"
                )
            parts.append("</ul>")
        else:
            parts.append(f"<p>{escape(no_contact)}</p>")
        parts.append(f"<h3>{escape(history_title)}</h3><ul>")
        if self._server is not None:
            parts += [f"<li>{self._event_html(e, language)}</li>" for e in self._server.events]
        else:
            for change in case.history:
                when = _when(change.at)
                reason = f" — {escape(change.reason)}" if change.reason else ""
                status = escape(label(change.status, language))
                parts.append(f"<li>{escape(when)} · {status} · {escape(change.by)}{reason}</li>")
        for made_here, state, error in self._changes:
            if state == "sent" and self._server is not None and self._history_holds_sent:
                continue  # in the server's history above
            parts.append(f"<li>{self._change_html(made_here, state, error, language)}</li>")
        parts.append("</ul>")
        if self._server_note:
            parts.append(f"<p><i>{escape(self._server_note)}</i></p>")
        return "".join(parts)

    def _event_html(self, event: ServerEvent, language: Language) -> str:
        """One line of the server's history: when, what changed from what to what, who, the note."""

        def named(value: StrEnum | None) -> str:
            return label(value, language) if value is not None else "?"

        def unit(code: str | None) -> str:
            return unit_name(code) if code else "?"

        what = {
            "created": self.tr("Taken, sent to %1").replace("%1", unit(event.unit)),
            "status": f"{named(event.from_status)} → {named(event.status)}"
            if event.from_status is not None
            else named(event.status),
            "routed": self.tr("Re-routed: %1 → %2")
            .replace("%1", unit(event.from_unit))
            .replace("%2", unit(event.unit)),
            "priority": self.tr("Priority: %1 → %2")
            .replace("%1", named(event.from_priority))
            .replace("%2", named(event.priority)),
            "callback": self.tr("Call back: %1").replace("%1", named(event.outcome)),
            "contact": self.tr("Repeat call"),
            "link": self.tr("Linked to another case"),
        }.get(event.kind, self.tr("Note"))
        # A contact's and a link's notes are ids (what they point to), not words for a person.
        note = event.note if event.kind not in ("contact", "link") else ""
        said = f" — {escape(note)}".replace("\n", "<br>") if note else ""
        return f"{escape(_when(event.at))} · <b>{escape(what)}</b> · {escape(event.by)}{said}"

    def _change_html(self, change: CaseChange, state: str, error: str, language: Language) -> str:
        """A change made at this console, with where it is: waiting to be sent, sent, refused (why)."""
        if change.callback is not None:
            what = self.tr("Call back: %1").replace("%1", label(change.callback, language))
        elif change.status is not None:
            what = label(change.status, language)
        elif change.priority is not None:
            what = self.tr("Priority: %1").replace("%1", label(change.priority, language))
        elif change.handling_unit is not None:
            what = self.tr("Re-routed to %1").replace("%1", unit_name(change.handling_unit))
        else:
            what = self.tr("Note")
        where = {
            "waiting": self.tr("waiting to be sent"),
            "sent": self.tr("sent"),
            "refused": self.tr("refused by the server: %1").replace("%1", error),
        }.get(state, state)
        note = f" — {escape(change.note)}".replace("\n", "<br>") if change.note else ""
        tone = " style='color:#b00020'" if state == "refused" else ""
        return f"{escape(_when(change.at))} · <b>{escape(what)}</b>{note} <i{tone}>({escape(where)})</i>"


def _when(moment: datetime) -> str:
    return moment.astimezone(HCMC_TIME).strftime("%d/%m/%Y %H:%M")
