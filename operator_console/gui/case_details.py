"""One case read in full: what was said, where, what happened since (contacts and status history)."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from operator_console.domain.case import Case, label
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
        self.setWindowTitle(self.tr("Case %1").replace("%1", case.reference))
        # Qt's own button texts would need Qt's translations, which PySide6 does not ship for Vietnamese.
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.ui.details.setHtml(self.as_html(case, gazetteer, taxonomy, language))
        # The map point and the photo a citizen sent open in the browser (Tab reaches them, Enter
        # opens); nothing else is a link, and only web addresses are opened.
        self.ui.details.anchorClicked.connect(self._open_link)

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
            (self.tr("Received"), case.received_at.astimezone(HCMC_TIME).strftime("%d/%m/%Y %H:%M")),
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
                when = contact.received_at.astimezone(HCMC_TIME).strftime("%d/%m/%Y %H:%M")
                parts.append(
                    f"<li>{escape(when)} · {escape(label(contact.channel, language))} · {escape(who)}"
                    # What was said, then the details given, each on its own line (as stored).
                    f"{('<br>' + escape(contact.note).replace(chr(10), '<br>')) if contact.note else ''}</li>"
                )
            parts.append("</ul>")
        else:
            parts.append(f"<p>{escape(no_contact)}</p>")
        parts.append(f"<h3>{escape(history_title)}</h3><ul>")
        for change in case.history:
            when = change.at.astimezone(HCMC_TIME).strftime("%d/%m/%Y %H:%M")
            reason = f" — {escape(change.reason)}" if change.reason else ""
            status = escape(label(change.status, language))
            parts.append(f"<li>{escape(when)} · {status} · {escape(change.by)}{reason}</li>")
        parts.append("</ul>")
        return "".join(parts)
