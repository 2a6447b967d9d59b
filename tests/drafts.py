"""Typed keyword arguments for a :class:`CaseDraft`, for the helpers that build a case from a few
fields (``make_case`` in ``conftest.py``, ``build`` in ``test_case.py``): mypy checks each field a
test gives against the draft's own type."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, TypedDict, Unpack

from operator_console.domain.case import Case, ChannelRefs


class DraftFields(TypedDict, total=False):
    """The fields of :class:`operator_console.domain.intake.CaseDraft`, each optional (keep in step)."""

    received_at: datetime | None
    channel: str
    caller_phone: str
    caller_name: str
    caller_relation: str
    subject_name: str
    subject_phone: str
    subject_age: str
    household_size: str
    vulnerable: set[str]
    no_food_today: bool
    address: str
    ward: str
    district: str
    landmark: str
    category: str
    description: str
    priority: str
    callback_consent: bool
    external_id: str | None
    call_duration_s: int | None
    status: str
    case_number: str
    handling_unit: str
    ward_code: int | None
    operator: str
    caller_email: str
    lat: float | None
    lon: float | None
    media_url: str
    channel_refs: ChannelRefs


class MakeCase(Protocol):
    """The ``make_case`` fixture: a valid case from the fields given (the category defaults)."""

    def __call__(self, **fields: Unpack[DraftFields]) -> Case: ...
