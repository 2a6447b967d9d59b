"""Follows the server's changes feed into the local replica (window: the last 90 days by default)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from operator_console.client.api import ServerClient, Unreachable
from operator_console.domain.address import parse_address
from operator_console.domain.case import (
    Address,
    Case,
    Channel,
    ChannelRefs,
    GeoPoint,
    Person,
    Priority,
    Relation,
    Status,
    StatusChange,
    Vulnerability,
)
from operator_console.domain.phones import WITHHELD, Phone, PhoneError, parse_phone
from operator_console.store.replica import Replica
from operator_console.store.server_state import ServerCase

WINDOW = timedelta(days=90)


def _phone(text: str) -> Phone:
    try:
        return parse_phone(text)
    except PhoneError:
        return WITHHELD


def _point(data: dict[str, Any]) -> GeoPoint | None:
    lat, lon = data.get("lat"), data.get("long")
    if lat is None or lon is None:
        return None
    return GeoPoint(float(lat), float(lon))


def case_from_server(data: dict[str, Any]) -> ServerCase:
    """A server case (``CaseOut``) as a domain case; ``Unreachable`` if it is not one."""
    try:
        parsed = parse_address(str(data["address"]))
        subject_phone = _phone(str(data["subject_phone"]))
        subject = (
            Person(str(data["subject_name"]), subject_phone)
            if data["subject_name"] or not subject_phone.withheld
            else None
        )
        updated = datetime.fromisoformat(str(data["updated_at"]))
        case = Case(
            id=str(data["id"]),
            received_at=datetime.fromisoformat(str(data["received_at"])),
            channel=Channel(data["channel"]),
            category=str(data["category"]),
            caller=Person(str(data["caller_name"]), _phone(str(data["caller_phone"]))),
            caller_relation=Relation(data["caller_relation"]),
            subject=subject,
            subject_age=data.get("subject_age"),
            household_size=data["household_size"],
            vulnerable=frozenset(Vulnerability(v) for v in data["vulnerable"]),
            no_food_today=bool(data["no_food_today"]),
            address=Address(
                as_said=str(data["address"]),
                house_number=parsed.house_number,
                alley=parsed.alley,
                street=parsed.street,
                hamlet=parsed.hamlet,
                ward_as_said=str(data["ward"]),
                district_as_said=str(data["district"]),
                ward_code=data["ward_code"],
                former_ward_code=data["former_ward_code"],
                ward_needs_check=bool(data["ward_needs_check"]),
                landmark=str(data["landmark"]),
                point=_point(data),
            ),
            # Servers before Open311's extra fields do not send them: read as nothing sent.
            caller_email=str(data.get("caller_email") or ""),
            media_url=str(data.get("media_url") or ""),
            channel_refs=ChannelRefs.from_dict(data.get("channel_refs") or {}),
            description=str(data["description"]),
            priority=Priority(data["priority"]),
            priority_suggested=Priority(data["priority_suggested"]),
            status=Status(data["status"]),
            operator=str(data["operator"]),
            call_duration_s=data["call_duration_s"],
            case_number=str(data["case_number"]),
            handling_unit=str(data["handling_unit"]),
            callback_consent=bool(data["callback_consent"]),
            merged_into=data["merged_into"],
            repeat_count=int(data["repeat_count"]),
            history=(StatusChange(Status(data["status"]), updated, "server"),),
        )
        version = data.get("version")
        return ServerCase(
            server_id=str(data["id"]),
            source_key=str(data["source_key"]),
            case=case,
            version=int(version) if version is not None else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise Unreachable("the server's feed holds a case this console cannot read") from exc


@dataclass(frozen=True)
class FollowReport:
    applied: int
    added: int
    cursor: int


def follow(
    replica: Replica,
    client: ServerClient,
    *,
    now: datetime | None = None,
    window: timedelta = WINDOW,
    page: int = 500,
) -> FollowReport:
    """Read the feed to its end, a page per transaction; forget copies older than the window."""
    now = now or datetime.now(UTC)
    cursor = replica.cursor()
    applied = added = 0
    while True:
        answer = client.changes(cursor, page)
        items = answer["items"]
        if not items:
            break
        latest: dict[str, ServerCase] = {}
        gone: dict[str, None] = {}
        for item in items:
            if isinstance(item, dict) and item.get("case"):
                case = case_from_server(item["case"])
                gone.pop(case.server_id, None)
                if case.case.received_at >= now - window:
                    latest[case.server_id] = case  # a later change of the same case wins
            elif isinstance(item, dict) and isinstance(item.get("case_id"), str):
                # The account no longer sees it (a unit's case re-routed away): off its worklist.
                gone[item["case_id"]] = None
                latest.pop(item["case_id"], None)
        added += replica.apply(list(latest.values()), answer["next_after"], now, gone=list(gone))
        applied += len(items)
        cursor = answer["next_after"]
    replica.forget_older_than(now - window)
    return FollowReport(applied, added, cursor)
