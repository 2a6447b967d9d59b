"""What the server does with cases: create (validated and routed), list, read, update, link.

Validation is the domain's (:func:`build_case`): the same rules as the console's form, so a case
the console accepted is never refused here, and the other channels get the same checks.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select, text
from sqlalchemy.orm import Session

from operator_console.domain.case import (
    ChannelRefs,
    Priority,
    Status,
    TransitionError,
    check_transition,
    label,
    new_case_id,
)
from operator_console.domain.deadlines import Deadlines, default_deadlines
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.intake import CaseDraft, InvalidCase, build_case
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.messages import Language, Message
from operator_console.domain.phones import PhoneError, parse_phone
from operator_console.domain.taxonomy import Taxonomy
from operator_console.server.db import queue_event
from operator_console.server.idempotency import request_identity
from operator_console.server.models import (
    OPEN_CONDITION,
    CaseEventRow,
    CaseRow,
    ContactRow,
    LinkRow,
    UnitRow,
    UTCDateTime,
)
from operator_console.server.problems import FieldProblem, ProblemError
from operator_console.server.routing import RoutingTable
from operator_console.server.schemas import (
    CaseDetail,
    CaseIn,
    CaseOut,
    CasePatch,
    ChannelRefsOut,
    ContactIn,
    ContactOut,
    EventOut,
    LinkIn,
    LinkOut,
    check_time,
)
from operator_console.server.security import Principal, Role

CLOSED = {Status.RESOLVED.value, Status.NOT_ELIGIBLE.value, Status.REJECTED.value, Status.MERGED.value}


UNIT_NAMES_TTL_S = 10.0
"""Unit names are read again this often: a unit created by another worker shows its name soon."""


@dataclass(frozen=True)
class Reference:
    """What validation and answers need to know, loaded once per process."""

    gazetteer: Gazetteer
    taxonomy: Taxonomy
    routing: RoutingTable
    deadlines: Deadlines = field(default_factory=default_deadlines)
    _unit_names: dict[str, object] = field(default_factory=dict)

    def ward_name(self, code: int | None) -> str:
        ward = self.gazetteer.current(code) if code is not None else None
        return ward.name if ward else ""

    def unit_names(self, session: Session) -> dict[str, str]:
        """Code to name of every unit, cached for a few seconds (every answer shows unit names)."""
        cached = self._unit_names.get("names")
        if cached is None or time.monotonic() - float(self._unit_names["at"]) > UNIT_NAMES_TTL_S:  # type: ignore[arg-type]
            cached = dict(session.execute(select(UnitRow.code, UnitRow.name)).all())
            self._unit_names.update(names=cached, at=time.monotonic())
        return cached  # type: ignore[return-value]

    def forget_units(self) -> None:
        self._unit_names.clear()


def _field_problems(exc: InvalidCase, language: Language) -> list[FieldProblem]:
    return [FieldProblem(field=e.field, message=e.message.render(language)) for e in exc.errors]


def same_request_from_earlier_releases(body: CaseIn, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """The forms in which an earlier release of the console may have sent this very case (the
    store upgraded between a send and its retry): the ward code draft-coded, or not yet resolved."""
    if body.ward_code is None:
        return []
    sent = request_identity(body)
    return [sent | {"ward_code": code} for code in (None, *gazetteer.earlier_codes(body.ward_code))]


def next_case_number(session: Session, now: datetime) -> str:
    """``1022-2026-000123``: sequential per year (Ho Chi Minh City time), never reused.

    At least six digits: the millionth case of a year (20 days at the 50,000 a day the server is
    sized for) gets seven, rather than the numbering starting again or failing.

    The counter row is updated in the case's own transaction: a rolled-back case gives its number
    back, and two transactions never get the same one (the row is locked until commit).
    """
    year = now.astimezone(HCMC_TIME).year
    value = session.execute(
        text(
            "INSERT INTO case_counters (year, value) VALUES (:year, 1) "
            "ON CONFLICT (year) DO UPDATE SET value = case_counters.value + 1 RETURNING value"
        ),
        {"year": year},
    ).scalar_one()
    return f"1022-{year}-{value:06d}"


def add_event(
    session: Session,
    case: CaseRow,
    kind: str,
    by: str,
    now: datetime,
    *,
    status: str | None = None,
    unit: str | None = None,
    from_unit: str | None = None,
    note: str = "",
    from_status: str | None = None,
    priority: str | None = None,
    from_priority: str | None = None,
    outcome: str | None = None,
) -> None:
    """Record a change of ``case``; it is written to the feed when the transaction commits.

    Every change moves the case's version (the row is locked for the change: ``get_visible``), so
    that a change made against an older version is refused (``If-Match``, see ``patch_case``)."""
    row = CaseEventRow(
        case_id=case.id,
        at=now,
        by=by,
        kind=kind,
        status=status,
        unit=unit,
        from_unit=from_unit,
        note=note,
        from_status=from_status,
        priority=priority,
        from_priority=from_priority,
        outcome=outcome,
    )
    if kind != "created":
        case.version = (case.version or 1) + 1
    queue_event(session, row)


def create_case(
    session: Session,
    ref: Reference,
    who: str,
    source_key: str,
    body: CaseIn,
    now: datetime,
    language: Language,
) -> CaseRow:
    draft = CaseDraft(
        received_at=body.received_at,
        channel=body.channel,
        caller_phone=body.caller_phone,
        caller_name=body.caller_name,
        caller_relation=body.caller_relation,
        subject_name=body.subject_name,
        subject_phone=body.subject_phone,
        subject_age="" if body.subject_age is None else str(body.subject_age),
        household_size="" if body.household_size is None else str(body.household_size),
        vulnerable=set(body.vulnerable),
        no_food_today=body.no_food_today,
        address=body.address,
        ward=body.ward,
        district=body.district,
        landmark=body.landmark,
        category=body.category,
        description=body.description,
        priority=body.priority or "",
        callback_consent=body.callback_consent,
        call_duration_s=body.call_duration_s,
        ward_code=body.ward_code,
        operator=body.operator,
        caller_email=body.caller_email,
        lat=body.lat,
        lon=body.long,
        media_url=body.media_url,
        channel_refs=(
            ChannelRefs.from_dict(body.channel_refs.model_dump()) if body.channel_refs else ChannelRefs()
        ),
    )
    try:
        case = build_case(draft, gazetteer=ref.gazetteer, taxonomy=ref.taxonomy, now=now, operator=who)
    except InvalidCase as exc:
        raise ProblemError("validation", errors=_field_problems(exc, language)) from exc
    if body.ward_code is not None and body.ward_checked is not True:
        # An earlier console resolved a split former ward to one of its successors by itself:
        # the code is kept (the case is routed by it), and the ward is flagged to be checked.
        said = ref.gazetteer.resolve(case.address.ward_as_said, case.address.district_as_said)
        if said.needs_operator:
            case = replace(case, address=replace(case.address, ward_needs_check=True))
    unit = ref.routing.route(case.category, case.address.ward_code)
    if session.get(UnitRow, unit) is None:
        # The rules name a unit that was deactivated or never created: triage, never nowhere.
        unit = ref.routing.current().fallback_unit
    subject = case.subject
    row = CaseRow(
        id=new_case_id(),
        case_number=next_case_number(session, now),
        source_key=source_key,
        created_by=who,
        received_at=case.received_at,
        channel=case.channel.value,
        category=case.category,
        status=Status.DISPATCHED.value,
        status_reason="",
        priority=case.priority.value,
        priority_suggested=case.priority_suggested.value,
        operator=case.operator,
        call_duration_s=case.call_duration_s,
        caller_phone=case.caller.phone.e164 or None,
        caller_phone_legacy=case.caller.phone.legacy_form,
        caller_name=case.caller.name,
        caller_relation=case.caller_relation.value,
        subject_name=subject.name if subject else "",
        subject_phone=(subject.phone.e164 or None) if subject else None,
        household_size=case.household_size,
        vulnerable=",".join(sorted(v.value for v in case.vulnerable)),
        no_food_today=case.no_food_today,
        callback_consent=case.callback_consent,
        address=case.address.as_said,
        ward_as_said=case.address.ward_as_said,
        district_as_said=case.address.district_as_said,
        ward_code=case.address.ward_code,
        former_ward_code=case.address.former_ward_code,
        ward_needs_check=case.address.ward_needs_check,
        landmark=case.address.landmark,
        description=case.description,
        handling_unit=unit,
        merged_into=None,
        repeat_count=0,
        created_at=now,
        updated_at=now,
        closed_at=None,
        caller_email=case.caller_email,
        lat=case.address.point.lat if case.address.point else None,
        lon=case.address.point.lon if case.address.point else None,
        media_url=case.media_url,
        channel_refs=case.channel_refs.to_json(),
        subject_age=case.subject_age,
        version=1,
    )
    session.add(row)
    add_event(session, row, "created", who, now, status=row.status, unit=unit)
    return row


def _national(e164: str | None) -> str:
    if not e164:
        return ""
    try:
        return parse_phone(e164).national
    except PhoneError:
        return e164


class Presenter:
    """Rows to response bodies, with unit and ward names looked up once per answer."""

    def __init__(self, session: Session, ref: Reference) -> None:
        self._ref = ref
        self._units = ref.unit_names(session)

    def case(self, row: CaseRow) -> CaseOut:
        return CaseOut(
            id=row.id,
            case_number=row.case_number,
            source_key=row.source_key,
            created_by=row.created_by,
            received_at=row.received_at.astimezone(HCMC_TIME),
            channel=row.channel,
            category=row.category,
            status=row.status,
            status_reason=row.status_reason,
            priority=row.priority,
            priority_suggested=row.priority_suggested,
            operator=row.operator,
            call_duration_s=row.call_duration_s,
            caller_phone=_national(row.caller_phone),
            caller_name=row.caller_name,
            caller_relation=row.caller_relation,
            subject_name=row.subject_name,
            subject_phone=_national(row.subject_phone),
            subject_age=row.subject_age,
            household_size=row.household_size,
            vulnerable=[v for v in row.vulnerable.split(",") if v],
            no_food_today=row.no_food_today,
            callback_consent=row.callback_consent,
            address=row.address,
            ward=row.ward_as_said,
            district=row.district_as_said,
            ward_code=row.ward_code,
            ward_name=self._ref.ward_name(row.ward_code),
            former_ward_code=row.former_ward_code,
            ward_needs_check=row.ward_needs_check,
            landmark=row.landmark,
            description=row.description,
            handling_unit=row.handling_unit,
            handling_unit_name=self._units.get(row.handling_unit, ""),
            merged_into=row.merged_into,
            repeat_count=row.repeat_count,
            created_at=row.created_at.astimezone(HCMC_TIME),
            updated_at=row.updated_at.astimezone(HCMC_TIME),
            closed_at=row.closed_at.astimezone(HCMC_TIME) if row.closed_at else None,
            caller_email=row.caller_email,
            lat=row.lat,
            long=row.lon,
            media_url=row.media_url,
            channel_refs=ChannelRefsOut.model_validate(ChannelRefs.from_json(row.channel_refs).as_dict()),
            version=row.version,
        )

    def detail(self, session: Session, row: CaseRow) -> CaseDetail:
        contacts = session.scalars(
            select(ContactRow).where(ContactRow.case_id == row.id).order_by(ContactRow.received_at)
        )
        links = session.scalars(
            select(LinkRow)
            .where(or_(LinkRow.case_id == row.id, LinkRow.target_id == row.id))
            .order_by(LinkRow.id)
        )
        events = session.scalars(
            select(CaseEventRow).where(CaseEventRow.case_id == row.id).order_by(CaseEventRow.seq)
        )
        return CaseDetail(
            **self.case(row).model_dump(),
            contacts=[
                ContactOut(
                    id=c.id,
                    received_at=c.received_at.astimezone(HCMC_TIME),
                    channel=c.channel,
                    caller_phone=_national(c.phone),
                    caller_name=c.name,
                    relation=c.relation,
                    note=c.note,
                    created_by=c.created_by,
                )
                for c in contacts
            ],
            links=[
                LinkOut(
                    case_id=link.case_id,
                    target_id=link.target_id,
                    kind=link.kind,  # type: ignore[arg-type]
                    note=link.note,
                    created_by=link.created_by,
                    created_at=link.created_at.astimezone(HCMC_TIME),
                )
                for link in links
            ],
            history=[
                EventOut(
                    seq=e.seq,
                    at=e.at.astimezone(HCMC_TIME),
                    by=e.by,
                    kind=e.kind,  # type: ignore[arg-type]
                    status=e.status,
                    unit=e.unit,
                    note=e.note,
                    from_status=e.from_status,
                    from_unit=e.from_unit,
                    priority=e.priority,
                    from_priority=e.from_priority,
                    outcome=e.outcome,  # type: ignore[arg-type]
                )
                for e in events
            ],
        )


def visible(query: Select[CaseRow], who: Principal) -> Select[CaseRow]:
    """A unit handler sees its own unit's cases only; everyone else reads every case."""
    if who.role is Role.UNIT:
        return query.where(CaseRow.handling_unit == who.unit_code)
    return query


def get_visible(session: Session, who: Principal, case_id: str, *, for_update: bool = False) -> CaseRow:
    query = visible(select(CaseRow).where(CaseRow.id == case_id), who)
    if for_update:
        query = query.with_for_update()
    row = session.scalars(query).first()
    if row is None:
        # A case of another unit answers like a missing one: its existence is not the handler's business.
        raise ProblemError("not_found")
    return row


@dataclass(frozen=True)
class CaseFilter:
    status: Sequence[str] = ()
    handling_unit: str | None = None
    ward_code: int | None = None
    category: str | None = None
    priority: str | None = None
    channel: str | None = None
    phone: str | None = None
    exact_category: bool = False
    created_by: str | None = None
    created_from: datetime | None = None
    received_from: datetime | None = None
    received_to: datetime | None = None
    no_ward: bool = False
    repeated_from: datetime | None = None
    """Only cases with a repeat contact received since then (the repeat-call figure's cases)."""
    past_deadline: Deadlines | None = None
    """Only open cases older than their deadline in this table (the dashboard's figure)."""


def encode_cursor(row: CaseRow) -> str:
    raw = f"{row.received_at.isoformat()}|{row.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, case_id = raw.split("|", 1)
        return check_time(datetime.fromisoformat(at)).astimezone(UTC), case_id
    except (ValueError, OverflowError, binascii.Error, UnicodeDecodeError) as exc:
        raise ProblemError(
            "validation", errors=[FieldProblem(field="cursor", message="not a cursor this server gave")]
        ) from exc


def past_deadline_condition(deadlines: Deadlines, now: datetime) -> ColumnElement[bool]:
    """Open, and received before ``now`` less its category's and priority's deadline."""
    whens = []
    for category, priority, hours in deadlines.rules():
        matches = CaseRow.priority == priority
        if category is not None:
            matches = and_(matches, _in_category(category))
        whens.append((matches, literal(now - timedelta(hours=hours), UTCDateTime)))
    fallback = now - timedelta(hours=deadlines.hours("", Priority.NORMAL.value))
    return and_(OPEN_CONDITION, CaseRow.received_at < case(*whens, else_=literal(fallback, UTCDateTime)))


def list_cases(
    session: Session,
    who: Principal,
    filters: CaseFilter,
    limit: int,
    cursor: str | None,
    language: Language,
    now: datetime,
) -> tuple[list[CaseRow], str | None]:
    """Newest first, a page at a time (keyset paging: page 1000 costs what page 1 costs)."""
    query = visible(select(CaseRow), who)
    if filters.status:
        query = query.where(CaseRow.status.in_(filters.status))
    if filters.handling_unit:
        query = query.where(CaseRow.handling_unit == filters.handling_unit)
    if filters.ward_code is not None:
        query = query.where(CaseRow.ward_code == filters.ward_code)
    if filters.category and filters.exact_category:
        query = query.where(CaseRow.category == filters.category)
    elif filters.category:
        query = query.where(_in_category(filters.category))
    if filters.priority:
        query = query.where(CaseRow.priority == filters.priority)
    if filters.channel:
        query = query.where(CaseRow.channel == filters.channel)
    if filters.created_by:
        query = query.where(CaseRow.created_by == filters.created_by)
    if filters.created_from:
        query = query.where(CaseRow.created_at >= filters.created_from)
    if filters.no_ward:
        query = query.where(CaseRow.ward_code.is_(None))
    if filters.repeated_from:
        query = query.where(
            select(ContactRow.id)
            .where(ContactRow.case_id == CaseRow.id, ContactRow.received_at >= filters.repeated_from)
            .exists()
        )
    if filters.past_deadline is not None:
        query = query.where(past_deadline_condition(filters.past_deadline, now))
    if filters.phone:
        try:
            phone = parse_phone(filters.phone)
        except PhoneError as exc:
            raise ProblemError(
                "validation", errors=[FieldProblem(field="phone", message=exc.message.render(language))]
            ) from exc
        query = query.where(CaseRow.caller_phone == phone.e164)
    if filters.received_from:
        query = query.where(CaseRow.received_at >= filters.received_from)
    if filters.received_to:
        query = query.where(CaseRow.received_at < filters.received_to)
    if cursor:
        at, case_id = decode_cursor(cursor)
        query = query.where(
            or_(CaseRow.received_at < at, and_(CaseRow.received_at == at, CaseRow.id < case_id))
        )
    rows = list(
        session.scalars(query.order_by(CaseRow.received_at.desc(), CaseRow.id.desc()).limit(limit + 1))
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode_cursor(rows[-1]) if more and rows else None)


def add_contact(
    session: Session, who: Principal, case_id: str, body: ContactIn, now: datetime, language: Language
) -> tuple[CaseRow, ContactRow]:
    case = get_visible(session, who, case_id, for_update=True)
    try:
        phone = parse_phone(body.caller_phone)
    except PhoneError as exc:
        raise ProblemError(
            "validation", errors=[FieldProblem(field="caller_phone", message=exc.message.render(language))]
        ) from exc
    contact = ContactRow(
        id=new_case_id(),
        case_id=case.id,
        received_at=body.received_at or now,
        channel=body.channel,
        phone=phone.e164 or None,
        name=body.caller_name.strip(),
        relation=body.relation,
        note=body.note.strip(),
        created_by=who.username,
    )
    session.add(contact)
    case.repeat_count += 1
    case.updated_at = now
    add_event(session, case, "contact", who.username, now, note=contact.id)
    return case, contact


def add_link(
    session: Session, who: Principal, case_id: str, body: LinkIn, now: datetime, language: Language
) -> tuple[CaseRow, LinkRow]:
    case = get_visible(session, who, case_id, for_update=True)
    if body.target_id == case.id:
        raise ProblemError(
            "validation", errors=[FieldProblem(field="target_id", message="a case cannot link to itself")]
        )
    target = get_visible(session, who, body.target_id, for_update=True)
    was = case.status
    if body.kind == "merged":
        if target.status == Status.MERGED.value:
            raise ProblemError("conflict", "the target was itself merged into another case: link to that one")
        try:
            check_transition(Status(case.status), Status.MERGED, merged_into=target.id)
        except TransitionError as exc:
            raise ProblemError("transition", exc.message.render(language)) from exc
        case.status = Status.MERGED.value
        case.merged_into = target.id
        case.closed_at = now
        target.repeat_count += 1 + case.repeat_count
        target.updated_at = now
    existing = session.scalars(
        select(LinkRow).where(
            LinkRow.case_id == case.id, LinkRow.target_id == target.id, LinkRow.kind == body.kind
        )
    ).first()
    if existing is not None:
        raise ProblemError("conflict", "these two cases are already linked so")
    link = LinkRow(
        case_id=case.id,
        target_id=target.id,
        kind=body.kind,
        note=body.note.strip(),
        created_by=who.username,
        created_at=now,
    )
    session.add(link)
    case.updated_at = now
    add_event(
        session,
        case,
        "link",
        who.username,
        now,
        status=case.status,
        from_status=was if was != case.status else None,
        note=f"{body.kind}:{target.id}",
    )
    add_event(session, target, "link", who.username, now, note=f"{body.kind}<-{case.id}")
    return case, link


def patch_case(
    session: Session,
    who: Principal,
    case_id: str,
    body: CasePatch,
    now: datetime,
    language: Language,
    *,
    if_match: frozenset[int] | None = None,
) -> CaseRow:
    """Re-route, change the status or the priority, add a note, record a call back: each in the
    history with what it changed from. ``if_match``: the version the change was made against; an
    older one is refused (412), so that nobody overwrites another person's change unseen."""
    case = get_visible(session, who, case_id, for_update=True)
    here = session.get(UnitRow, case.handling_unit)
    stale = if_match is not None and case.version not in if_match
    if stale and who.role == Role.OPERATOR and "triage" in who.duties and body.handling_unit is not None:
        # Whether the duty lets them route it depends on where the case is now: a case routed by
        # another triager since is stale to this one, not forbidden.
        raise ProblemError("stale", headers={"ETag": etag(case.version)})
    _check_allowed(
        who, case, body, language, at_triage=here is not None and here.kind == "triage"
    )  # what this account may not do, it may not do at any version
    if if_match is not None and case.version not in if_match:
        raise ProblemError("stale", headers={"ETag": etag(case.version)})
    note = body.note.strip()
    recorded = False
    if body.handling_unit is not None and body.handling_unit != case.handling_unit:
        unit = session.get(UnitRow, body.handling_unit)
        if unit is None or not unit.active:
            raise ProblemError(
                "validation", errors=[FieldProblem(field="handling_unit", message="no such active unit")]
            )
        left = case.handling_unit
        case.handling_unit = unit.code
        add_event(session, case, "routed", who.username, now, unit=unit.code, from_unit=left, note=note)
        recorded, note = True, ""
    if body.priority is not None and body.priority != case.priority:
        was = case.priority
        case.priority = body.priority
        add_event(
            session, case, "priority", who.username, now, priority=body.priority, from_priority=was, note=note
        )
        recorded, note = True, ""
    if body.status is not None and body.status != case.status:
        try:
            check_transition(Status(case.status), Status(body.status), reason=body.reason)
        except TransitionError as exc:
            wrong = "reason" if "reason" in exc.message.code else "status"
            problem = FieldProblem(field=wrong, message=exc.message.render(language))
            raise ProblemError("transition", errors=[problem]) from exc
        was = case.status
        case.status = body.status
        case.status_reason = body.reason.strip()
        case.closed_at = now if body.status in CLOSED else None
        reason = body.reason.strip()
        add_event(
            session,
            case,
            "status",
            who.username,
            now,
            status=body.status,
            from_status=was,
            note=reason or note,
        )
        recorded = True
        if not reason:
            note = ""
    if body.callback is not None:
        add_event(session, case, "callback", who.username, now, outcome=body.callback, note=note)
        recorded, note = True, ""
    if note:
        add_event(session, case, "note", who.username, now, note=note)
        recorded = True
    if not recorded:
        raise ProblemError("validation", errors=[FieldProblem(field="status", message="nothing to change")])
    case.updated_at = now
    return case


def etag(version: int) -> str:
    """The case's version as an HTTP entity tag (a strong one: the case's state is exactly it)."""
    return f'"v{version}"'


def versions_of(if_match: str | None) -> frozenset[int] | None:
    """The versions an ``If-Match`` header names (any of them matches, RFC 9110); None when
    absent or ``*`` (any version). Tags that are not ours (weak, foreign) name no version."""
    if if_match is None or not if_match.strip() or if_match.strip() == "*":
        return None
    versions = set()
    for tag in (t.strip() for t in if_match.split(",")):
        if tag.startswith('"v') and tag.endswith('"') and tag[2:-1].isdigit():
            versions.add(int(tag[2:-1]))
    return frozenset(versions)


def _check_allowed(
    who: Principal, case: CaseRow, body: CasePatch, language: Language, *, at_triage: bool
) -> None:
    """Who may change what: an operator records a call back (with what was said); a unit works its
    case (status, notes, call backs); a supervisor or an admin also re-routes it and changes its
    priority. An operator on triage duty routes a case waiting at triage, with a note. A closed case
    takes call backs only (the citizen is told), nothing else."""
    rerouted = body.handling_unit is not None and body.handling_unit != case.handling_unit
    reprioritised = body.priority is not None and body.priority != case.priority
    triage = who.role == Role.OPERATOR and "triage" in who.duties and at_triage and rerouted
    if who.role == Role.OPERATOR and (body.status is not None or reprioritised or (rerouted and not triage)):
        raise ProblemError("forbidden")  # an operator records a call back; the unit changes the case
    if who.role == Role.OPERATOR and body.note.strip() and body.callback is None and not triage:
        raise ProblemError("forbidden")  # an operator's note goes with a call back (or a routing)
    if reprioritised and who.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise ProblemError("forbidden")  # only a supervisor changes a case's priority
    if rerouted and not triage and who.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise ProblemError("forbidden")  # a supervisor re-routes a case (triage: one at triage)
    closed = case.status in CLOSED
    changes_status = body.status is not None and body.status != case.status
    if (
        closed
        and not changes_status
        and (rerouted or reprioritised or (body.note.strip() and body.callback is None))
    ):
        field = "handling_unit" if rerouted else "priority" if reprioritised else "note"
        status = label(Status(case.status), language)
        message = Message("case.closed_no_change", {"status": status}).render(language)
        raise ProblemError("transition", errors=[FieldProblem(field=field, message=message)])


def cases_by_id(session: Session, ids: Iterable[str]) -> dict[str, CaseRow]:
    wanted = list(set(ids))
    return (
        {row.id: row for row in session.scalars(select(CaseRow).where(CaseRow.id.in_(wanted)))}
        if wanted
        else {}
    )


def _in_category(code: str) -> ColumnElement[bool]:
    """The category itself or one of its sub-categories, compared exactly: a LIKE would take % and _
    for wildcards, and SQLite's LIKE ignores case ("ESSENTIAL_SUPPLIES" is no category)."""
    prefix = code + "/"
    return or_(CaseRow.category == code, func.substr(CaseRow.category, 1, len(prefix)) == prefix)
