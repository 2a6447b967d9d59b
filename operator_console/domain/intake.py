"""From what was typed (in the form, or a row of an imported file) to a valid case, or field errors.

A :class:`CaseDraft` holds the raw text; :func:`build_case` checks it and resolves phones, ward and
priority. Every error names the field it belongs to, so the form can show it where it happened.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TypeVar

from operator_console.domain.address import parse_address
from operator_console.domain.case import (
    Address,
    Case,
    Channel,
    ChannelRefs,
    Contact,
    GeoPoint,
    Person,
    Priority,
    Relation,
    Status,
    StatusChange,
    Vulnerability,
    label,
    new_case_id,
)
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.messages import Message
from operator_console.domain.phones import WITHHELD, Phone, PhoneError, parse_phone
from operator_console.domain.priority import suggest_priority
from operator_console.domain.taxonomy import Taxonomy
from operator_console.domain.text import clean, clean_block, clean_name


@dataclass(frozen=True)
class FieldError:
    field: str
    message: Message


class InvalidCase(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message.render('en')}" for e in errors))
        self.errors = errors


@dataclass
class CaseDraft:
    """What the operator typed so far, as text; also the shape of an interchange row."""

    received_at: datetime | None = None
    channel: str = "phone"
    caller_phone: str = ""
    caller_name: str = ""
    caller_relation: str = "self"
    subject_name: str = ""
    subject_phone: str = ""
    subject_age: str = ""
    household_size: str = ""
    vulnerable: set[str] = field(default_factory=set)
    no_food_today: bool = False
    address: str = ""
    ward: str = ""
    district: str = ""
    landmark: str = ""
    category: str = ""
    description: str = ""
    priority: str = ""
    """Empty: take the suggestion."""
    callback_consent: bool = False
    external_id: str | None = None
    call_duration_s: int | None = None
    # Carried by an interchange file exported from a store; empty for a new call.
    status: str = ""
    case_number: str = ""
    handling_unit: str = ""
    ward_code: int | None = None
    """Today's ward chosen by a person: it wins over what the ward's words resolve to."""
    operator: str = ""
    # What another channel (Open311) sends beside the call's fields.
    caller_email: str = ""
    lat: float | None = None
    lon: float | None = None
    media_url: str = ""
    channel_refs: ChannelRefs = field(default_factory=ChannelRefs)

    def said(self) -> CaseDraft:
        """The draft without the call's running clock: what the caller said, to compare two
        moments of one call (the duration grows every second; the words may not have changed)."""
        return replace(self, call_duration_s=None)


# Deliberately loose (one @, a dot in the domain, no spaces): a citizen's real address must never
# be refused by a stricter reading of RFC 5322 than the mail servers apply.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)


def build_case(
    draft: CaseDraft,
    *,
    gazetteer: Gazetteer,
    taxonomy: Taxonomy,
    now: datetime,
    operator: str = "",
    case_id: str | None = None,
    status: Status = Status.QUEUED,
) -> Case:
    """A valid case from a draft, or :class:`InvalidCase` listing every field that is wrong."""
    errors: list[FieldError] = []
    caller_phone = _phone(draft.caller_phone, "caller_phone", errors)
    subject_phone = _phone(draft.subject_phone, "subject_phone", errors)
    caller_name, subject_name = clean_name(draft.caller_name), clean_name(draft.subject_name)
    email = clean(draft.caller_email)
    if email and (len(email) > 200 or not _EMAIL.fullmatch(email)):
        errors.append(FieldError("caller_email", Message("case.email", {"value": email[:80]})))
    no_way_to_reach = (
        caller_phone.withheld
        and subject_phone.withheld
        and not caller_name
        and not subject_name
        and not email
    )
    # A mistyped phone has its own error already; "give a phone or a name" would only repeat it.
    if no_way_to_reach and not any(e.field.endswith("_phone") for e in errors):
        errors.append(FieldError("caller_phone", Message("case.no_contact")))
    household = _household_size(draft.household_size, errors)
    age = _age(draft.subject_age, errors)
    channel = _choice(Channel, draft.channel or "phone", "channel", "case.channel_unknown", errors)
    relation = _choice(
        Relation, draft.caller_relation or "self", "caller_relation", "case.relation_unknown", errors
    )
    category = clean(draft.category)
    if not category:
        errors.append(FieldError("category", Message("case.category_missing")))
    elif taxonomy.get(category) is None:
        choices = ", ".join(c.code for c in taxonomy.top_level())
        errors.append(
            FieldError("category", Message("case.category_unknown", {"value": category, "choices": choices}))
        )
    vulnerable = frozenset(
        _values(Vulnerability, draft.vulnerable, "vulnerable", "case.vulnerable_unknown", errors)
    )
    chosen = _values(Priority, {draft.priority} - {""}, "priority", "case.priority_unknown", errors)
    given_status = _values(Status, {draft.status} - {""}, "status", "case.status_unknown", errors)
    # A code an earlier release stored (a draft code, in an old file or from an older console) is
    # read as the official code of the same unit.
    chosen_ward = gazetteer.official_code(draft.ward_code) if draft.ward_code is not None else None
    if draft.ward_code is not None and chosen_ward is None:
        errors.append(FieldError("ward_code", Message("case.ward_code_unknown", {"value": draft.ward_code})))
    point = _point(draft.lat, draft.lon, errors)
    media_url = clean(draft.media_url)
    if media_url and (len(media_url) > 500 or not _URL.fullmatch(media_url)):
        errors.append(FieldError("media_url", Message("case.media_url", {"value": media_url[:80]})))
    if errors:
        raise InvalidCase(errors)
    assert channel is not None and relation is not None
    suggested, _rules = suggest_priority(category, vulnerable, draft.no_food_today, age)
    priority = next(iter(chosen), suggested)
    status = next(iter(given_status), status)
    operator = clean(draft.operator) or operator
    received = draft.received_at or now
    subject = Person(subject_name, subject_phone) if (subject_name or not subject_phone.withheld) else None
    return Case(
        id=case_id or new_case_id(),
        received_at=received,
        channel=channel,
        category=category,
        caller=Person(caller_name, caller_phone),
        caller_email=email,
        caller_relation=relation,
        subject=subject,
        subject_age=age,
        household_size=household,
        vulnerable=vulnerable,
        no_food_today=draft.no_food_today,
        address=_with_point(
            resolve_address(
                draft.address, draft.ward, draft.district, draft.landmark, gazetteer, chosen_ward=chosen_ward
            ),
            point,
        ),
        media_url=media_url,
        channel_refs=draft.channel_refs,
        description=clean_block(draft.description),
        priority=priority,
        priority_suggested=suggested,
        status=status,
        operator=operator,
        call_duration_s=draft.call_duration_s,
        external_id=clean(draft.external_id) or None,
        case_number=clean(draft.case_number) or None,
        handling_unit=clean(draft.handling_unit) or None,
        callback_consent=draft.callback_consent,
        history=(StatusChange(status, now, operator),),
    )


def resolve_address(
    address: str,
    ward: str,
    district: str,
    landmark: str,
    gazetteer: Gazetteer,
    *,
    chosen_ward: int | None = None,
) -> Address:
    """Parse the address and resolve its ward; an explicit ward/district beats one found in the text.

    ``chosen_ward`` is today's ward a person picked (the operator, or the unit): it wins over
    what the words resolve to. An address without any ward is flagged: help cannot be sent there.
    """
    parsed = parse_address(address)
    ward_said = clean(ward) or parsed.ward
    district_said = clean(district) or parsed.district
    match = gazetteer.resolve(ward_said, district_said)
    chosen = gazetteer.current(chosen_ward) if chosen_ward is not None else None
    if chosen is not None:
        match = replace(match, status="current", current=chosen, choices=())
    return Address(
        as_said=clean(address),
        house_number=parsed.house_number,
        alley=parsed.alley,
        street=parsed.street,
        hamlet=parsed.hamlet,
        ward_as_said=ward_said,
        district_as_said=district_said,
        ward_code=match.current.code if match.current else None,
        former_ward_code=match.former.code if match.former else None,
        ward_needs_check=match.needs_operator or match.status == "empty",
        landmark=_join_unique(clean(landmark), parsed.landmark),
    )


def _join_unique(*texts: str) -> str:
    """Comma-separated parts, each once: a landmark said in the address and given again is one landmark."""
    parts: list[str] = []
    for text in texts:
        parts.extend(p.strip() for p in text.split(",") if p.strip() and p.strip() not in parts)
    return ", ".join(parts)


def _phone(text: str, field_name: str, errors: list[FieldError]) -> Phone:
    try:
        return parse_phone(text)
    except PhoneError as exc:
        errors.append(FieldError(field_name, exc.message))
        return WITHHELD


def _point(lat: float | None, lon: float | None, errors: list[FieldError]) -> GeoPoint | None:
    """A map pin: both coordinates or neither, each on the globe."""
    if lat is None and lon is None:
        return None
    for name, value, limit in (("lat", lat, 90.0), ("long", lon, 180.0)):
        if value is None or not math.isfinite(value) or abs(value) > limit:
            errors.append(FieldError(name, Message("case.point", {"limit": int(limit)})))
            return None
    assert lat is not None and lon is not None
    return GeoPoint(float(lat), float(lon))


def _with_point(address: Address, point: GeoPoint | None) -> Address:
    return replace(address, point=point) if point is not None else address


def _age(text: str, errors: list[FieldError]) -> int | None:
    value = clean(str(text)) if text is not None else ""
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) > 130:
        errors.append(FieldError("subject_age", Message("case.age", {"value": value[:10]})))
        return None
    return int(value)


def _household_size(text: str, errors: list[FieldError]) -> int | None:
    value = clean(str(text)) if text is not None else ""
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not math.isfinite(number) or number < 1 or number != int(number) or number > 1000:
        errors.append(FieldError("household_size", Message("case.household_size", {"value": value})))
        return None
    return int(number)


_V = TypeVar("_V", Vulnerability, Priority, Status)


def _values(
    enum: type[_V], values: set[str], field_name: str, code: str, errors: list[FieldError]
) -> list[_V]:
    out = []
    for value in sorted(values):
        try:
            out.append(enum(clean(value).lower()))
        except ValueError:
            choices = ", ".join(m.value for m in enum)
            errors.append(FieldError(field_name, Message(code, {"value": value, "choices": choices})))
    return out


_E = TypeVar("_E", Channel, Relation)
_VULNERABLE = {v.value for v in Vulnerability}


def _choice(enum: type[_E], value: str, field_name: str, code: str, errors: list[FieldError]) -> _E | None:
    try:
        return enum(clean(value).lower())
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        errors.append(FieldError(field_name, Message(code, {"value": value, "choices": choices})))
        return None


def build_contact(
    draft: CaseDraft,
    *,
    now: datetime,
    taxonomy: Taxonomy | None = None,
    gazetteer: Gazetteer | None = None,
) -> Contact:
    """The call in the form as a repeat call on an earlier case (the operator linked it there).

    Who called and how to reach them make the contact; what they said, and every other detail they
    gave (the person in need, the address, the household…), goes into its note: nothing typed is
    lost by linking instead of saving.
    """
    errors: list[FieldError] = []
    caller_phone = _phone(draft.caller_phone, "caller_phone", errors)
    caller_name = clean_name(draft.caller_name)
    if caller_phone.withheld and not caller_name and not any(e.field == "caller_phone" for e in errors):
        errors.append(FieldError("caller_phone", Message("case.no_contact")))
    channel = _choice(Channel, draft.channel or "phone", "channel", "case.channel_unknown", errors)
    relation = _choice(
        Relation, draft.caller_relation or "self", "caller_relation", "case.relation_unknown", errors
    )
    if errors:
        raise InvalidCase(errors)
    assert channel is not None and relation is not None
    # Every detail the caller gave stays with the call, in the desk's language (a record, not UI).
    # Words, not codes: a unit reads this note ("Người già neo đơn", not "lone_elderly").
    groups = [label(Vulnerability(v)) if v in _VULNERABLE else v for v in sorted(draft.vulnerable)]
    category = taxonomy.get(clean(draft.category)) if taxonomy is not None else None
    ward = clean(" ".join(p for p in (draft.ward, draft.district) if p))
    chosen = gazetteer.current(draft.ward_code) if gazetteer and draft.ward_code is not None else None
    if chosen is not None and chosen.name not in ward:
        ward = f"{ward} → {chosen.name}" if ward else chosen.name  # the successor picked for a split ward
    said = [
        ("Người cần hỗ trợ", clean_name(draft.subject_name)),
        ("SĐT người cần hỗ trợ", clean(draft.subject_phone)),
        ("Tuổi", clean(draft.subject_age)),
        ("Địa chỉ", clean(draft.address)),
        ("Phường/xã", ward),
        ("Mốc", clean(draft.landmark)),
        ("Số người trong hộ", clean(draft.household_size)),
        ("Nhóm dễ tổn thương", ", ".join(groups)),
        ("Không còn gì ăn hôm nay", "có" if draft.no_food_today else ""),
        ("Lĩnh vực", category.label("vi") if category is not None else clean(draft.category)),
    ]
    details = "; ".join(f"{label}: {value}" for label, value in said if value)
    note = "\n".join(part for part in (clean_block(draft.description), details) if part)
    return Contact(
        id=new_case_id(),
        received_at=draft.received_at or now,
        channel=channel,
        caller=Person(caller_name, caller_phone),
        relation=relation,
        note=note,
    )
