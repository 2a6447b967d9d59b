"""The interchange format: the project's one exchange format for cases.

Imports, exports, the server API and the duplicate search use these field names:

``external_id, received_at, channel, caller_phone, caller_name, subject_name, address, ward,
district, category, household_size, description``

``received_at`` is ISO 8601 with an offset. A spreadsheet cell holding a date and time has no
offset; it is read as Ho Chi Minh City time (UTC+07:00), the only time the desk has ever used.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

from operator_console.domain.case import Case
from operator_console.domain.intake import CaseDraft, FieldError, InvalidCase
from operator_console.domain.messages import Message
from operator_console.domain.text import clean

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
REQUIRED_COLUMNS: tuple[str, ...] = ("external_id", "received_at")
HCMC_TIME = timezone(timedelta(hours=7), "ICT")


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
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def draft_from_row(row: Mapping[str, object]) -> CaseDraft:
    """A draft from an interchange row; ``InvalidCase`` when the row's own fields cannot be read."""
    errors: list[FieldError] = []
    external_id = cell_text(row.get("external_id"))
    if not external_id:
        errors.append(FieldError("external_id", Message("case.external_id_missing")))
    received_at = None
    try:
        received_at = parse_received_at(row.get("received_at"))
    except InvalidCase as exc:
        errors.extend(exc.errors)
    if errors:
        raise InvalidCase(errors)
    return CaseDraft(
        external_id=external_id,
        received_at=received_at,
        channel=cell_text(row.get("channel")) or "phone",
        caller_phone=cell_text(row.get("caller_phone")),
        caller_name=cell_text(row.get("caller_name")),
        subject_name=cell_text(row.get("subject_name")),
        address=cell_text(row.get("address")),
        ward=cell_text(row.get("ward")),
        district=cell_text(row.get("district")),
        category=cell_text(row.get("category")),
        household_size=cell_text(row.get("household_size")),
        description=cell_text(row.get("description")),
        caller_relation="other" if cell_text(row.get("subject_name")) else "self",
    )


def row_from_case(case: Case) -> dict[str, str]:
    """The interchange row of a case; importing it again gives the same case."""
    return {
        "external_id": case.external_id or case.id,
        "received_at": case.received_at.isoformat(),
        "channel": case.channel.value,
        "caller_phone": case.caller.phone.legacy_form or case.caller.phone.national,
        "caller_name": case.caller.name,
        "subject_name": case.subject.name if case.subject else "",
        "address": case.address.as_said,
        "ward": case.address.ward_as_said,
        "district": case.address.district_as_said,
        "category": case.category,
        "household_size": "" if case.household_size is None else str(case.household_size),
        "description": case.description,
    }
