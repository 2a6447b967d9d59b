"""A case as the central server's ``POST /api/v1/cases`` wants it: the interchange field names.

The console has resolved the ward already; it sends the code it resolved (or the operator chose)
beside the words as said, so the server routes the case to the ward the operator saw. A phone
given in its old 11-digit form is sent in that form: the server keeps both, as the console does.
"""

from __future__ import annotations

from typing import Any

from operator_console.domain.case import Case
from operator_console.domain.phones import Phone


def _phone(phone: Phone) -> str:
    return phone.legacy_form or phone.national


def case_body(case: Case) -> dict[str, Any]:
    subject = case.subject
    body: dict[str, Any] = {
        "received_at": case.received_at.isoformat(),
        "channel": case.channel.value,
        "caller_phone": _phone(case.caller.phone),
        "caller_name": case.caller.name,
        "caller_relation": case.caller_relation.value,
        "subject_name": subject.name if subject else "",
        "subject_phone": _phone(subject.phone) if subject else "",
        "address": case.address.as_said,
        "ward": case.address.ward_as_said,
        "district": case.address.district_as_said,
        "landmark": case.address.landmark,
        "category": case.category,
        "household_size": case.household_size,
        "vulnerable": sorted(v.value for v in case.vulnerable),
        "no_food_today": case.no_food_today,
        "priority": case.priority.value,
        "callback_consent": case.callback_consent,
        "description": case.description,
        "operator": case.operator,
        "call_duration_s": case.call_duration_s,
    }
    if case.address.ward_code is not None:
        body["ward_code"] = case.address.ward_code
        # The code is the one the words name or the operator picked, not a guess among successors
        # of a split ward (an upgraded store flags those): the server then flags nothing itself.
        body["ward_checked"] = not case.address.ward_needs_check
    if case.subject_age is not None:
        # Only when said: a server before this field refuses it by name (and keeps the case queued).
        body["subject_age"] = case.subject_age
    return body
