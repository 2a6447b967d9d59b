"""The case: what the 1022 desk records about one request for help, and how its life goes on."""

from __future__ import annotations

import json
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from operator_console.domain.messages import Language, Message, Words
from operator_console.domain.phones import WITHHELD, Phone


class Channel(StrEnum):
    PHONE = "phone"
    WEB = "web"
    ZALO = "zalo"
    APP = "app"


class Relation(StrEnum):
    """Who the caller is to the person in need."""

    SELF = "self"
    FAMILY = "family"
    NEIGHBOUR = "neighbour"
    OTHER = "other"


class Vulnerability(StrEnum):
    LONE_ELDERLY = "lone_elderly"
    CHILDREN = "children"
    DISABLED = "disabled"
    PREGNANT = "pregnant"
    SICK = "sick"


class Priority(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"
    CRITICAL = "critical"


class CallOutcome(StrEnum):
    """What came of a call back to the citizen (``domain/changes.py``)."""

    REACHED = "reached"
    NOT_REACHED = "not_reached"
    WRONG_NUMBER = "wrong_number"


class Status(StrEnum):
    DRAFT = "draft"
    QUEUED = "queued"
    DISPATCHED = "dispatched"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    NOT_ELIGIBLE = "not_eligible"
    REJECTED = "rejected"
    MERGED = "merged"


LABELS: dict[StrEnum, tuple[str, str]] = {
    Channel.PHONE: ("Điện thoại", "Phone"),
    Channel.WEB: ("Cổng web", "Web form"),
    Channel.ZALO: ("Zalo", "Zalo"),
    Channel.APP: ("Ứng dụng", "Mobile app"),
    Relation.SELF: ("Bản thân", "Self"),
    Relation.FAMILY: ("Người nhà", "Family"),
    Relation.NEIGHBOUR: ("Hàng xóm", "Neighbour"),
    Relation.OTHER: ("Người khác", "Other"),
    Vulnerability.LONE_ELDERLY: ("Người già neo đơn", "Lone elderly"),
    Vulnerability.CHILDREN: ("Trẻ nhỏ", "Young children"),
    Vulnerability.DISABLED: ("Người khuyết tật", "Disabled"),
    Vulnerability.PREGNANT: ("Phụ nữ mang thai", "Pregnant"),
    Vulnerability.SICK: ("Người bệnh", "Sick"),
    Priority.NORMAL: ("Bình thường", "Normal"),
    Priority.URGENT: ("Khẩn", "Urgent"),
    Priority.CRITICAL: ("Rất khẩn", "Critical"),
    Status.DRAFT: ("Nháp", "Draft"),
    Status.QUEUED: ("Chờ gửi", "Queued"),
    Status.DISPATCHED: ("Đã chuyển", "Dispatched"),
    Status.ACCEPTED: ("Đơn vị đã nhận", "Accepted by unit"),
    Status.IN_PROGRESS: ("Đang xử lý", "In progress"),
    Status.RESOLVED: ("Đã giải quyết", "Resolved"),
    Status.NOT_ELIGIBLE: ("Chưa đủ điều kiện", "Not eligible"),
    Status.REJECTED: ("Từ chối", "Rejected"),
    Status.MERGED: ("Đã gộp", "Merged"),
    CallOutcome.REACHED: ("Đã gặp người dân", "Reached"),
    CallOutcome.NOT_REACHED: ("Không liên lạc được", "Not reached"),
    CallOutcome.WRONG_NUMBER: ("Sai số", "Wrong number"),
}


def label(value: StrEnum, language: Language = "vi") -> str:
    vi, en = LABELS[value]
    return vi if language == "vi" else en


# The life of a case. A resolved case can be reopened when the caller says help never came.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.QUEUED}),
    Status.QUEUED: frozenset({Status.DISPATCHED, Status.MERGED}),
    Status.DISPATCHED: frozenset(
        {
            Status.ACCEPTED,
            Status.IN_PROGRESS,
            Status.RESOLVED,
            Status.NOT_ELIGIBLE,
            Status.REJECTED,
            Status.MERGED,
        }
    ),
    Status.ACCEPTED: frozenset(
        {Status.IN_PROGRESS, Status.RESOLVED, Status.NOT_ELIGIBLE, Status.REJECTED, Status.MERGED}
    ),
    Status.IN_PROGRESS: frozenset({Status.RESOLVED, Status.NOT_ELIGIBLE, Status.MERGED}),
    Status.RESOLVED: frozenset({Status.IN_PROGRESS}),
    Status.NOT_ELIGIBLE: frozenset({Status.IN_PROGRESS}),
    Status.REJECTED: frozenset(),
    Status.MERGED: frozenset(),
}
# The caller must be told why: "not eligible" and "rejected" always carry a reason.
REASON_REQUIRED = frozenset({Status.NOT_ELIGIBLE, Status.REJECTED})
OPEN_STATUSES = frozenset(
    {Status.DRAFT, Status.QUEUED, Status.DISPATCHED, Status.ACCEPTED, Status.IN_PROGRESS}
)


class TransitionError(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


def check_transition(old: Status, new: Status, reason: str = "", merged_into: str | None = None) -> None:
    if new not in TRANSITIONS[old]:
        raise TransitionError(Message("case.transition", {"old": label(old), "new": label(new)}))
    if new in REASON_REQUIRED and not reason.strip():
        raise TransitionError(Message("case.reason_required", {"status": Words(*LABELS[new])}))
    if new is Status.MERGED and not merged_into:
        raise TransitionError(Message("case.merge_target"))


def new_case_id() -> str:
    """A local case id: a time-ordered UUID (version 7), later the ``Idempotency-Key`` of its dispatch.

    Time-ordered rather than random (version 4): new ids land at the end of the store's indexes
    instead of at random pages, which made a million-row import markedly faster, and the id still
    carries 74 random bits, so two consoles never collide.
    """
    millis = time.time_ns() // 1_000_000
    version, variant = 0x7, 0b10
    value = (millis & (2**48 - 1)) << 80 | version << 76 | secrets.randbits(12) << 64
    value |= variant << 62 | secrets.randbits(62)
    return str(uuid.UUID(int=value))


def case_reference(case_id: str) -> str:
    """A short reference to read to the caller until the server's case number arrives: ``8A3F-21C9``.

    It is the id's last eight hex digits, which are random (the first ones are a timestamp and
    repeat for every case of the same minute): one in four billion that two cases share it.
    """
    tail = case_id.replace("-", "")[-8:].upper()
    return f"{tail[:4]}-{tail[4:]}"


@dataclass(frozen=True)
class Person:
    name: str = ""
    phone: Phone = WITHHELD


@dataclass(frozen=True)
class GeoPoint:
    """A point on the map (WGS 84), as a phone's map pin gives it: where the citizen says help is needed."""

    lat: float
    lon: float

    @property
    def text(self) -> str:
        return f"{self.lat:.6f}, {self.lon:.6f}"

    @property
    def map_url(self) -> str:
        """The point on OpenStreetMap, for an operator or a unit to look at."""
        return f"https://www.openstreetmap.org/?mlat={self.lat:.6f}&mlon={self.lon:.6f}#map=18/{self.lat:.6f}/{self.lon:.6f}"


@dataclass(frozen=True)
class Address:
    """Where help is needed. The words as said are kept beside what we resolved them to."""

    as_said: str = ""
    house_number: str = ""
    alley: str = ""
    """``12/3`` for house 45 in alley 12/3 (``12/3/45``)."""
    street: str = ""
    hamlet: str = ""
    """Khu phố, ấp or tổ, as said."""
    ward_as_said: str = ""
    district_as_said: str = ""
    ward_code: int | None = None
    """Today's ward/commune (gazetteer code); None until resolved."""
    former_ward_code: int | None = None
    ward_needs_check: bool = False
    """We could not resolve the ward for sure: the operator (or the unit) must choose."""
    landmark: str = ""
    point: GeoPoint | None = None
    """A map pin sent by an app (Open311 ``lat``/``long``): shown beside the words, never routed by."""


@dataclass(frozen=True)
class ChannelRefs:
    """What another channel (Open311: the web form, the Zalo bot, an app) sent beside the request.

    Kept as sent so that an operator or a unit sees everything the citizen gave: the app's own ids
    for the device, the account and the address, and the answers to a service's questions
    (``attribute[...]``) that are not fields of a case.
    """

    device_id: str = ""
    account_id: str = ""
    address_id: str = ""
    attributes: tuple[tuple[str, str], ...] = ()
    """(code, value) pairs in the order sent; a multi-valued answer is one pair per value."""

    def __bool__(self) -> bool:
        return bool(self.device_id or self.account_id or self.address_id or self.attributes)

    def to_json(self) -> str:
        """As stored (text on the server and in the console's store); empty when nothing was sent."""
        if not self:
            return ""
        return json.dumps(self.as_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> ChannelRefs:
        """What :meth:`to_json` wrote; anything else (a damaged value) reads as nothing sent."""
        if not text:
            return cls()
        try:
            data = json.loads(text)
            return cls.from_dict(data)
        except (ValueError, TypeError, AttributeError):  # a pair that is not two values is a ValueError
            return cls()

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ChannelRefs:
        pairs = data.get("attributes") or []
        if not isinstance(pairs, list):
            raise TypeError("attributes: a list of [code, value] pairs")
        return cls(
            device_id=str(data.get("device_id") or ""),
            account_id=str(data.get("account_id") or ""),
            address_id=str(data.get("address_id") or ""),
            attributes=tuple((str(code), str(value)) for code, value in pairs),
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "device_id": self.device_id,
            "account_id": self.account_id,
            "address_id": self.address_id,
            "attributes": [list(pair) for pair in self.attributes],
        }


@dataclass(frozen=True)
class StatusChange:
    status: Status
    at: datetime
    by: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Contact:
    """A repeat call (or message) about an existing case."""

    id: str
    received_at: datetime
    channel: Channel
    caller: Person
    relation: Relation = Relation.OTHER
    note: str = ""


@dataclass(frozen=True)
class Case:
    id: str
    received_at: datetime
    channel: Channel
    category: str
    caller: Person = Person()
    caller_email: str = ""
    """An e-mail address the caller gave (another channel's form): a way to reach them."""
    caller_relation: Relation = Relation.SELF
    subject: Person | None = None
    """The person or household in need, when it is not the caller."""
    subject_age: int | None = None
    """The age of the person in need (the caller, when they call for themselves)."""
    household_size: int | None = None
    vulnerable: frozenset[Vulnerability] = frozenset()
    no_food_today: bool = False
    address: Address = Address()
    description: str = ""
    priority: Priority = Priority.NORMAL
    priority_suggested: Priority = Priority.NORMAL
    status: Status = Status.QUEUED
    operator: str = ""
    call_duration_s: int | None = None
    external_id: str | None = None
    case_number: str | None = None
    """The server's human number (``1022-2026-000123``), once dispatched."""
    handling_unit: str | None = None
    callback_consent: bool = False
    merged_into: str | None = None
    repeat_count: int = 0
    media_url: str = ""
    """A photo or file the citizen sent with the request (an http(s) link)."""
    channel_refs: ChannelRefs = ChannelRefs()
    contacts: tuple[Contact, ...] = field(default=())
    history: tuple[StatusChange, ...] = field(default=())

    @property
    def reference(self) -> str:
        """What the operator reads to the caller: the server's number once known, else the local reference."""
        return self.case_number or case_reference(self.id)

    @property
    def needy(self) -> Person:
        """The person help is for: the subject when someone else was named, else the caller."""
        return self.subject if self.subject is not None else self.caller
