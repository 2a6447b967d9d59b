"""The API's request and response bodies. Field names are the interchange format's."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    field_validator,
)

Text200 = Field(default="", max_length=200)


EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


def check_time(value: datetime) -> datetime:
    """A time the desk can have seen: 2000–2099 (a year 1 or 9999 would overflow in UTC)."""
    if value.tzinfo is not None and not (EARLIEST <= value <= LATEST):
        raise ValueError("a time between the years 2000 and 2099")
    return value


def _no_nul(value: object) -> object:
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("text may not contain the NUL character")
    if isinstance(value, list):
        for item in value:
            _no_nul(item)
    return value


class Strict(BaseModel):
    """A request body: unknown fields refused by name; numbers and yes/no strictly typed (``false``
    is not 0, ``"3"`` is not 3, whatever Python would allow)."""

    # An unknown field is refused by name rather than silently dropped: a console newer than the
    # server must hear that its new field was not kept.
    model_config = ConfigDict(extra="forbid")

    # PostgreSQL cannot store a NUL character in text: refuse it here, by field, not as a 500 there.
    @field_validator("*", mode="after")
    @classmethod
    def _text_without_nul(cls, value: object) -> object:
        if isinstance(value, datetime):
            return check_time(value)
        return _no_nul(value)


class ChannelRefsIn(Strict):
    """What another channel sent beside a request (Open311: ``device_id``, ``account_id``,
    ``address_id`` and the answers to a service's questions, ``attribute[code]``)."""

    device_id: str = Text200
    account_id: str = Text200
    address_id: str = Text200
    attributes: list[tuple[str, str]] = Field(
        default_factory=list, max_length=50, description="(code, value) pairs; one pair per value"
    )

    @field_validator("attributes")
    @classmethod
    def _short_pairs(cls, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for code, value in pairs:
            if not code or len(code) > 80 or len(value) > 2000:
                raise ValueError("an attribute's code is 1–80 characters and its value at most 2,000")
        return pairs


class CaseIn(Strict):
    """A new case, as a console (or another channel) sends it."""

    received_at: AwareDatetime | None = Field(default=None, description="When the call came; now if left out")
    channel: Literal["phone", "web", "zalo", "app"] = "phone"
    caller_phone: str = Field(default="", max_length=40)
    caller_name: str = Text200
    caller_relation: Literal["self", "family", "neighbour", "other"] = "self"
    subject_name: str = Text200
    subject_phone: str = Field(default="", max_length=40)
    subject_age: StrictInt | None = Field(default=None, ge=0, le=130, description="The person in need's age")
    address: str = Field(default="", max_length=500)
    ward: str = Text200
    district: str = Text200
    ward_code: StrictInt | None = Field(
        default=None, ge=0, le=99_999, description="Today's ward, chosen by a person"
    )
    ward_checked: bool | None = Field(
        default=None,
        description=(
            "True: ward_code is the ward the words name or the one a person picked among several "
            "(consoles since the official ward data). Left out (an earlier console): where the words "
            "name a former ward split between several, the case is flagged for the ward to be checked"
        ),
    )
    landmark: str = Field(default="", max_length=500)
    category: str = Field(max_length=80, description="A taxonomy code (GET /api/v1/categories)")
    household_size: StrictInt | None = Field(default=None, ge=1, le=1000)
    vulnerable: list[Literal["lone_elderly", "children", "disabled", "pregnant", "sick"]] = Field(
        default_factory=list, max_length=5
    )
    no_food_today: StrictBool = False
    priority: Literal["normal", "urgent", "critical"] | None = Field(
        default=None, description="Left out: the priority rules decide"
    )
    callback_consent: StrictBool = False
    description: str = Field(default="", max_length=10_000)
    operator: str = Field(default="", max_length=80, description="The operator's name at the console")
    call_duration_s: StrictInt | None = Field(default=None, ge=0, le=86_400)
    caller_email: str = Field(default="", max_length=200, description="A way to reach the caller too")
    lat: StrictFloat | None = Field(default=None, ge=-90, le=90, description="A map pin (WGS 84), with long")
    long: StrictFloat | None = Field(
        default=None, ge=-180, le=180, description="A map pin (WGS 84), with lat"
    )
    media_url: str = Field(
        default="", max_length=500, description="A photo or file the citizen sent (http/https)"
    )
    channel_refs: ChannelRefsIn | None = Field(default=None, description="What another channel sent beside")


class ContactOut(BaseModel):
    id: str
    received_at: datetime
    channel: str
    caller_phone: str
    caller_name: str
    relation: str
    note: str
    created_by: str


class EventOut(BaseModel):
    seq: int
    at: datetime
    by: str
    kind: Literal["created", "status", "note", "contact", "link", "routed", "priority", "callback"]
    status: str | None = Field(description="created, status, link: the status after the change")
    unit: str | None = Field(description="created, routed: the unit the case went to")
    note: str
    from_status: str | None = Field(default=None, description="status (and a merge): the status before")
    from_unit: str | None = Field(default=None, description="routed: the unit the case left")
    priority: str | None = Field(default=None, description="priority: the priority after the change")
    from_priority: str | None = Field(default=None, description="priority: the priority before")
    outcome: Literal["reached", "not_reached", "wrong_number"] | None = Field(
        default=None, description="callback: what came of the call to the citizen"
    )


class LinkOut(BaseModel):
    case_id: str
    target_id: str
    kind: Literal["related", "merged", "distinct"]
    note: str
    created_by: str
    created_at: datetime


class ChannelRefsOut(BaseModel):
    device_id: str = ""
    account_id: str = ""
    address_id: str = ""
    attributes: list[tuple[str, str]] = Field(default_factory=list)


class CaseOut(BaseModel):
    id: str
    case_number: str
    source_key: str = Field(description="The Idempotency-Key it was created with (a console's local id)")
    created_by: str
    received_at: datetime
    channel: str
    category: str
    status: str
    status_reason: str
    priority: str
    priority_suggested: str
    operator: str
    call_duration_s: int | None
    caller_phone: str
    caller_name: str
    caller_relation: str
    subject_name: str
    subject_phone: str
    subject_age: int | None = None
    household_size: int | None
    vulnerable: list[str]
    no_food_today: bool
    callback_consent: bool
    address: str
    ward: str
    district: str
    ward_code: int | None
    ward_name: str
    former_ward_code: int | None
    ward_needs_check: bool
    landmark: str
    description: str
    handling_unit: str
    handling_unit_name: str
    merged_into: str | None
    repeat_count: int
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    caller_email: str = ""
    lat: float | None = None
    long: float | None = None
    media_url: str = ""
    channel_refs: ChannelRefsOut = Field(default_factory=lambda: ChannelRefsOut())
    version: int = Field(
        default=1,
        description="Moves with every change of the case; GET /cases/{id} gives it as the ETag "
        '("v3"), and a PATCH sent with If-Match of an older one is refused (412)',
    )


class CaseDetail(CaseOut):
    contacts: list[ContactOut]
    links: list[LinkOut]
    history: list[EventOut]


class CasePage(BaseModel):
    items: list[CaseOut]
    next_cursor: str | None = Field(description="Pass as cursor for the next page; null on the last")


class ContactIn(Strict):
    received_at: AwareDatetime | None = None
    channel: Literal["phone", "web", "zalo", "app"] = "phone"
    caller_phone: str = Field(default="", max_length=40)
    caller_name: str = Text200
    relation: Literal["self", "family", "neighbour", "other"] = "other"
    note: str = Field(default="", max_length=10_000)


class LinkIn(Strict):
    target_id: str = Field(max_length=36, description="The other case's id")
    kind: Literal["related", "merged", "distinct"] = Field(
        description="related: same household, another need. merged: the same need; this case is "
        "closed into the target. distinct: the duplicate search called the target likely the same "
        "need and the operator saved this case as another need (the note says why it was offered)"
    )
    note: str = Field(default="", max_length=2000)


class CasePatch(Strict):
    """What a unit, a supervisor or an operator does with a case. Every change goes into the case's
    history with who, when and what it changed from. Send ``If-Match`` with the case's ``ETag`` (its
    version) so that a change made against an older state is refused (412) rather than applied."""

    status: Literal["accepted", "in_progress", "resolved", "not_eligible", "rejected"] | None = None
    reason: str = Field(default="", max_length=2000, description="Required for not_eligible and rejected")
    note: str = Field(
        default="", max_length=10_000, description="A progress note (with a call back: what was said)"
    )
    handling_unit: str | None = Field(
        default=None, max_length=40, description="Re-route to another unit (supervisor, admin)"
    )
    priority: Literal["normal", "urgent", "critical"] | None = Field(
        default=None, description="Change the priority (supervisor, admin)"
    )
    callback: Literal["reached", "not_reached", "wrong_number"] | None = Field(
        default=None, description="A call back to the citizen and its outcome (operator, unit, supervisor)"
    )


class ChangeOut(BaseModel):
    seq: int
    case_id: str
    kind: str
    at: datetime
    case: CaseOut | None = Field(
        description="The case as it is now (a later change may follow); null when the reader may no "
        "longer see it (a unit's case re-routed to another unit: drop it)"
    )


class ChangesPage(BaseModel):
    items: list[ChangeOut]
    next_after: int = Field(description="The cursor for the next call: the last seq given, or the one passed")


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    role: str
    unit_code: str | None
    username: str
    duties: list[str] = []


class UnitOut(BaseModel):
    code: str
    name: str
    kind: str
    ward_code: int | None
    active: bool


class UnitIn(Strict):
    code: str = Field(min_length=2, max_length=40, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["ward", "department", "triage", "other"] = "other"
    ward_code: StrictInt | None = Field(default=None, ge=0, le=99_999)


class UserIn(Strict):
    username: str = Field(min_length=2, max_length=80, pattern=r"^[A-Za-z0-9._-]+$")
    password: str = Field(min_length=8, max_length=200)
    role: Literal["operator", "supervisor", "unit", "monitor", "admin"]
    unit_code: str | None = Field(default=None, max_length=40, description="Required for the unit role")
    display_name: str = Text200
    duties: list[Literal["triage"]] = Field(
        default=[], max_length=1, description="On top of the role: triage (route the cases without a unit)"
    )


class UserPatch(Strict):
    duties: list[Literal["triage"]] = Field(
        max_length=1, description="The account's duties, replacing the ones it had ([] takes them away)"
    )


class UserOut(BaseModel):
    username: str
    display_name: str
    role: str
    unit_code: str | None
    active: bool
    duties: list[str] = []


class HeartbeatIn(Strict):
    console_id: str = Field(min_length=1, max_length=100)
    operator: str = Field(default="", max_length=80)
    version: str = Field(default="", max_length=40)
    outbox_size: StrictInt = Field(ge=0, le=10_000_000)
    oldest_waiting_s: StrictInt | None = Field(default=None, ge=0, le=10**9)


class Ack(BaseModel):
    ok: bool = True


class ServerInfo(BaseModel):
    name: str
    version: str
    api: str
    demo: bool
    database: str = Field(description="sqlite or postgresql")


class CategoryOut(BaseModel):
    code: str
    name_vi: str
    name_en: str
    parent: str | None


class CallOut(BaseModel):
    call_id: str
    direction: str
    from_phone: str
    started_at: datetime
    answered_at: datetime | None
    operator: str | None
