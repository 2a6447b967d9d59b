"""The interchange format: the project's one exchange format for cases.

Imports, exports, the server API and the duplicate search use these field names:

``external_id, received_at, channel, caller_phone, caller_name, subject_name, address, ward,
district, category, household_size, description``

An export adds the columns that make it a faithful copy of the store (``EXPORT_COLUMNS``): what
happened to the case (status, server number, handling unit), what the operator recorded beyond
the twelve (priority, vulnerable members, no food today, consent to a call back…) and what the
ward was resolved to. An import reads any of them that a file has; a file with only the twelve
is a file of new cases.

``received_at`` is ISO 8601 with an offset. A spreadsheet cell holding a date and time has no
offset; it is read as Ho Chi Minh City time (UTC+07:00), the only time the desk has ever used.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

from operator_console.domain.case import Case
from operator_console.domain.intake import CaseDraft, FieldError, InvalidCase
from operator_console.domain.messages import Message
from operator_console.domain.text import clean, clean_block

COLUMNS: tuple[str, ...] = (
    "external_id",
    "received_at",
    "channel",
    "caller_phone",
    "caller_name",
    "subject_name",
    "address",
    "ward",
    "district",
    "category",
    "household_size",
    "description",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "caller_phone_old",
    "caller_relation",
    "subject_phone",
    "vulnerable",
    "no_food_today",
    "priority",
    "callback_consent",
    "landmark",
    "ward_code",
    "ward_name",
    "status",
    "case_number",
    "handling_unit",
    "operator",
    "call_duration_s",
    "subject_age",
)
EXPORT_COLUMNS = COLUMNS + EXTRA_COLUMNS
REQUIRED_COLUMNS: tuple[str, ...] = ("external_id", "received_at")
# The longest text each column may hold: the central server's limits (server/schemas.py reads them
# from here), so that a row an import takes is never refused there, and a file cannot put a
# 500-million-character "description" into a store.
MAX_LENGTH: dict[str, int] = {
    "external_id": 200,
    "received_at": 40,
    "channel": 10,
    "caller_phone": 40,
    "caller_name": 200,
    "subject_name": 200,
    "address": 500,
    "ward": 200,
    "district": 200,
    "category": 80,
    "household_size": 10,
    "description": 10_000,
    "caller_phone_old": 40,
    "caller_relation": 12,
    "subject_phone": 40,
    "vulnerable": 100,
    "no_food_today": 10,
    "priority": 10,
    "callback_consent": 10,
    "landmark": 500,
    "ward_code": 10,
    "ward_name": 200,
    "status": 20,
    "case_number": 40,
    "handling_unit": 40,
    "operator": 80,
    "call_duration_s": 10,
    "subject_age": 10,
}
HCMC_TIME = timezone(timedelta(hours=7), "ICT")
_YES = {"1", "true", "yes", "y", "co", "có", "x"}
_NO = {"", "0", "false", "no", "n", "khong", "không"}


def parse_received_at(value: object) -> datetime:
    """An aware datetime from ISO 8601 text (offset required) or a spreadsheet's datetime cell."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=HCMC_TIME)
    text = clean(str(value)) if value is not None else ""
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise InvalidCase([FieldError("received_at", Message("case.date_unreadable", {"value": text}))])
    if parsed.tzinfo is None:
        raise InvalidCase([FieldError("received_at", Message("case.date_no_offset", {"value": text}))])
    return parsed


def cell_text(value: object) -> str:
    """A cell as text: numbers without a trailing ``.0`` (spreadsheets store phones as numbers)."""
    if isinstance(value, str):  # a CSV's every cell: first (a million-row import asks 27 million times)
        return clean(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def draft_from_row(row: Mapping[str, object]) -> CaseDraft:
    """A draft from an interchange row; ``InvalidCase`` when the row's own fields cannot be read."""
    too_long = [
        FieldError(column, Message("case.too_long", {"field": column, "length": length, "limit": limit}))
        for column, limit in MAX_LENGTH.items()
        if (length := len(str(row.get(column) or ""))) > limit
    ]
    if too_long:  # before anything else is done with such a cell
        raise InvalidCase(too_long)
    errors: list[FieldError] = []
    # The description keeps its line breaks (clean_block below): not flattened here.
    text = {
        column: cell_text(row.get(column)) for column in (*COLUMNS, *EXTRA_COLUMNS) if column != "description"
    }
    if not text["external_id"]:
        errors.append(FieldError("external_id", Message("case.external_id_missing")))
    elif not text["external_id"].isprintable():
        # A control character (a NUL from a broken export) is no part of an id: such an id could
        # not be matched again on the next import.
        shown = "".join(c if c.isprintable() else "�" for c in text["external_id"])[:80]
        errors.append(FieldError("external_id", Message("case.external_id_unprintable", {"value": shown})))
    received_at = None
    try:
        received_at = parse_received_at(row.get("received_at"))
    except InvalidCase as exc:
        errors.extend(exc.errors)
    flags = {name: _yes_no(text[name], name, errors) for name in ("no_food_today", "callback_consent")}
    ward_code = _ward_code(text["ward_code"], errors)
    duration = int(text["call_duration_s"]) if text["call_duration_s"].isdigit() else None
    if errors:
        raise InvalidCase(errors)
    return CaseDraft(
        external_id=text["external_id"],
        received_at=received_at,
        channel=text["channel"] or "phone",
        # The old 11-digit number, when the export kept it, gives the same number and says it was old.
        caller_phone=text["caller_phone_old"] or text["caller_phone"],
        caller_name=text["caller_name"],
        caller_relation=text["caller_relation"] or ("other" if text["subject_name"] else "self"),
        subject_name=text["subject_name"],
        subject_phone=text["subject_phone"],
        subject_age=text["subject_age"],
        address=text["address"],
        ward=text["ward"],
        district=text["district"],
        landmark=text["landmark"],
        category=text["category"],
        household_size=text["household_size"],
        description=clean_block(str(row.get("description") or "")),
        vulnerable={v.strip() for v in text["vulnerable"].split(",") if v.strip()},
        no_food_today=flags["no_food_today"],
        priority=text["priority"],
        callback_consent=flags["callback_consent"],
        status=text["status"],
        case_number=text["case_number"],
        handling_unit=text["handling_unit"],
        ward_code=ward_code,
        operator=text["operator"],
        call_duration_s=duration,
    )


def row_from_case(case: Case, ward_name: str = "") -> dict[str, str]:
    """The export row of a case; importing it again gives the same case."""
    subject = case.subject
    return {
        "external_id": case.external_id or case.id,
        "received_at": case.received_at.isoformat(),
        "channel": case.channel.value,
        "caller_phone": case.caller.phone.national,
        "caller_name": case.caller.name,
        "subject_name": subject.name if subject else "",
        "address": case.address.as_said,
        "ward": case.address.ward_as_said,
        "district": case.address.district_as_said,
        "category": case.category,
        "household_size": "" if case.household_size is None else str(case.household_size),
        "description": case.description,
        "caller_phone_old": case.caller.phone.legacy_form or "",
        "caller_relation": case.caller_relation.value,
        "subject_phone": (subject.phone.legacy_form or subject.phone.national) if subject else "",
        "vulnerable": ",".join(sorted(v.value for v in case.vulnerable)),
        "no_food_today": "1" if case.no_food_today else "0",
        "priority": case.priority.value,
        "callback_consent": "1" if case.callback_consent else "0",
        "landmark": case.address.landmark,
        # The import takes this code as chosen, so the copy keeps the ward even if the words would
        # resolve differently with another release of the gazetteer.
        "ward_code": "" if case.address.ward_code is None else str(case.address.ward_code),
        "ward_name": ward_name,
        "status": case.status.value,
        "case_number": case.case_number or "",
        "handling_unit": case.handling_unit or "",
        "operator": case.operator,
        "call_duration_s": "" if case.call_duration_s is None else str(case.call_duration_s),
        "subject_age": "" if case.subject_age is None else str(case.subject_age),
    }


def _yes_no(value: str, field_name: str, errors: list[FieldError]) -> bool:
    folded = value.casefold()
    if folded in _YES:
        return True
    if folded not in _NO:
        errors.append(FieldError(field_name, Message("case.yes_no", {"value": value, "field": field_name})))
    return False


def _ward_code(value: str, errors: list[FieldError]) -> int | None:
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):
        errors.append(FieldError("ward_code", Message("case.ward_code_unknown", {"value": value})))
        return None
    return int(value)
