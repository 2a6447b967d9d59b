"""``/cases``: a console creates a case, lists and reads cases, changes one (a unit's decision, a
supervisor's re-route), adds a repeat call or a link. Each write is made once per idempotency key."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Response
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from operator_console.domain.messages import render
from operator_console.server import cases
from operator_console.server.cases import CaseFilter, Presenter
from operator_console.server.db import transaction
from operator_console.server.deps import (
    API,
    AUTH_ERRORS,
    WRITERS,
    Anyone,
    LanguageDep,
    RuntimeDep,
    Updater,
    Writer,
    now_utc,
)
from operator_console.server.idempotency import body_hash, parse_key, request_identity, run_once
from operator_console.server.models import CaseRow
from operator_console.server.problems import FieldProblem, ProblemError, responses
from operator_console.server.runtime import Runtime
from operator_console.server.schemas import (
    CaseDetail,
    CaseIn,
    CaseOut,
    CasePage,
    CasePatch,
    ContactIn,
    LinkIn,
    check_time,
)
from operator_console.server.security import Principal

router = APIRouter(tags=["cases"])

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="Required. The console's local case id (a UUID), bare or as a quoted string",
    ),
]
ChangeKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="Optional: the console's id for this change; the same change sent again (a "
        "retry after an outage) is made once and answered with the case as it is now",
    ),
]
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description='The ETag of the case the change was made against ("v3"); an older one: 412',
    ),
]
StatusName = Literal[
    "draft",
    "queued",
    "dispatched",
    "accepted",
    "in_progress",
    "resolved",
    "not_eligible",
    "rejected",
    "merged",
]
CaseId = Annotated[str, PathParam(max_length=36, pattern="^[0-9a-fA-F-]+$", description="The case's id")]


@router.post(
    f"{API}/cases",
    status_code=201,
    response_model=CaseOut,
    responses=responses(400, 401, 403, 409, 413, 422, 429, 503),
)
def create_case(
    rt: RuntimeDep, who: Writer, lang: LanguageDep, body: CaseIn, idempotency_key: IdempotencyKey = None
) -> Response:
    """A new case from a console. Sent again with the same key and body, it answers the same."""
    key = parse_key(idempotency_key)
    return _case_once(
        rt,
        who,
        "POST /cases",
        key,
        body,
        lambda s: cases.create_case(s, rt.reference, who.username, key, body, now_utc(), lang),
        cases.same_request_from_earlier_releases(body, rt.reference.gazetteer),
    )


@router.get(f"{API}/cases", response_model=CasePage, responses=responses(*AUTH_ERRORS))
def list_cases(
    rt: RuntimeDep,
    who: Anyone,
    lang: LanguageDep,
    status: Annotated[list[StatusName] | None, Query(max_length=10)] = None,
    handling_unit: Annotated[str | None, Query(max_length=40)] = None,
    ward_code: Annotated[int | None, Query(ge=0, le=99_999)] = None,
    category: Annotated[str | None, Query(max_length=80)] = None,
    priority: Annotated[Literal["normal", "urgent", "critical"] | None, Query()] = None,
    channel: Annotated[Literal["phone", "web", "zalo", "app"] | None, Query()] = None,
    exact_category: Annotated[
        bool, Query(description="The category itself, without its sub-categories")
    ] = False,
    created_by: Annotated[str | None, Query(max_length=80, description="The account that saved it")] = None,
    created_from: Annotated[
        str | None,
        Query(max_length=40, json_schema_extra={"format": "date-time"}, description="Saved at or after"),
    ] = None,
    past_deadline: Annotated[
        bool, Query(description="Open longer than its category's and priority's deadline")
    ] = False,
    no_ward: Annotated[bool, Query(description="Only cases whose ward is not known")] = False,
    repeated_from: Annotated[
        str | None,
        Query(
            max_length=40,
            json_schema_extra={"format": "date-time"},
            description="Only cases with a repeat call or message received since this time",
        ),
    ] = None,
    phone: Annotated[str | None, Query(max_length=40, description="The caller's phone, any form")] = None,
    received_from: Annotated[
        str | None, Query(max_length=40, json_schema_extra={"format": "date-time"})
    ] = None,
    received_to: Annotated[
        str | None, Query(max_length=40, json_schema_extra={"format": "date-time"})
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> CasePage:
    """Cases, newest first, with filters; a unit handler gets its own unit's only."""
    if category and rt.reference.taxonomy.get(category) is None:
        # A filter names exact values: an unknown one is a mistake to say, not an empty list.
        choices = ", ".join(c.code for c in rt.reference.taxonomy.top_level())
        message = render("case.category_unknown", lang, value=category, choices=choices)
        raise ProblemError("validation", errors=[FieldProblem(field="category", message=message)])
    filters = CaseFilter(
        status=tuple(status or ()),
        handling_unit=handling_unit,
        ward_code=ward_code,
        category=category,
        priority=priority,
        channel=channel,
        phone=phone,
        exact_category=exact_category,
        created_by=created_by,
        created_from=_aware(created_from, "created_from"),
        received_from=_aware(received_from, "received_from"),
        received_to=_aware(received_to, "received_to"),
        no_ward=no_ward,
        repeated_from=_aware(repeated_from, "repeated_from"),
        past_deadline=rt.reference.deadlines if past_deadline else None,
    )
    with transaction(rt.reads) as session:
        rows, next_cursor = cases.list_cases(
            session, who, filters, min(limit, rt.config.limits.max_page), cursor, lang, now_utc()
        )
        presenter = Presenter(session, rt.reference)
        return CasePage(items=[presenter.case(r) for r in rows], next_cursor=next_cursor)


@router.get(
    f"{API}/cases/{{case_id}}",
    response_model=CaseDetail,
    responses=responses(404, *AUTH_ERRORS),
)
def get_case(rt: RuntimeDep, who: Anyone, case_id: CaseId, response: Response) -> CaseDetail:
    """A case with its contacts, links and full history; its version as the ``ETag``."""
    return _detail_with_etag(rt, who, case_id, response)


@router.patch(
    f"{API}/cases/{{case_id}}",
    response_model=CaseDetail,
    responses=responses(400, 404, 409, 412, *AUTH_ERRORS),
)
def update_case(
    rt: RuntimeDep,
    who: Updater,
    lang: LanguageDep,
    case_id: CaseId,
    body: CasePatch,
    response: Response,
    if_match: IfMatch = None,
    idempotency_key: ChangeKey = None,
) -> CaseDetail:
    """A unit accepts, notes progress, resolves or rejects (with a reason); a supervisor also
    re-routes and changes the priority; an operator records a call back. With ``If-Match``, a
    change made against an older version of the case is refused (412, the current ``ETag``)."""
    expected = cases.versions_of(if_match)

    def change(session: Session) -> tuple[int, dict[str, Any]]:
        before = cases.get_visible(session, who, case_id, for_update=True).version  # locked: exact
        after = cases.patch_case(session, who, case_id, body, now_utc(), lang, if_match=expected).version
        return 200, {"id": case_id, "from_version": before, "to_version": after}

    if idempotency_key is None:
        with transaction(rt.factory) as session:
            _status, applied = change(session)
    else:
        identity = body_hash({"if_match": sorted(expected or ()), **request_identity(body)})
        outcome = run_once(
            rt.factory,
            _key_owner(who),
            f"PATCH /cases/{case_id}",
            parse_key(idempotency_key),
            identity,
            change,
        )
        applied = outcome.body
        if outcome.replayed:
            response.headers["Idempotent-Replayed"] = "true"
    # Which version the change was made on and which it made (a later one may be current): a
    # console chains its own changes made offline on them (``If-Match`` of each that follows).
    if "from_version" in applied:
        response.headers["Applied-From-Version"] = str(applied["from_version"])
        response.headers["Applied-To-Version"] = str(applied["to_version"])
    # Read back after the commit: the history's new entry is written at the commit (the feed).
    return _detail_with_etag(rt, who, case_id, response)


@router.post(
    f"{API}/cases/{{case_id}}/contacts",
    status_code=201,
    response_model=CaseOut,
    responses=responses(400, 404, 409, *AUTH_ERRORS),
)
def add_contact(
    rt: RuntimeDep,
    who: Writer,
    lang: LanguageDep,
    case_id: CaseId,
    body: ContactIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """A repeat call about the case: kept as a contact, the case's repeat count goes up."""
    return _case_once(
        rt,
        who,
        f"POST /cases/{case_id}/contacts",
        parse_key(idempotency_key),
        body,
        lambda s: cases.add_contact(s, who, case_id, body, now_utc(), lang)[0],
    )


@router.post(
    f"{API}/cases/{{case_id}}/links",
    status_code=201,
    response_model=CaseOut,
    responses=responses(400, 404, 409, *AUTH_ERRORS),
)
def add_link(
    rt: RuntimeDep,
    who: Writer,
    lang: LanguageDep,
    case_id: CaseId,
    body: LinkIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Link the case to another: *related* (same household, another need) or *merged* into it."""
    return _case_once(
        rt,
        who,
        f"POST /cases/{case_id}/links",
        parse_key(idempotency_key),
        body,
        lambda s: cases.add_link(s, who, case_id, body, now_utc(), lang)[0],
    )


def _aware(value: str | None, name: str) -> datetime | None:
    """An ISO 8601 time with its offset; not a bare number (pydantic would take it for a timestamp)."""
    if value is None:
        return None
    try:
        parsed: datetime | None = check_time(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        message = "an ISO 8601 time with its offset, years 2000–2099, such as 2026-11-25T08:00:00+07:00"
        raise ProblemError("validation", errors=[FieldProblem(field=name, message=message)])
    return parsed


def _case_once(
    rt: Runtime,
    who: Principal,
    scope: str,
    key: str,
    body: BaseModel,
    change: Callable[[Session], CaseRow],
    earlier_forms: Sequence[dict[str, Any]] = (),
) -> Response:
    """Make ``change`` once for this key and answer with the case it made or changed.

    ``earlier_forms``: the same request as an earlier release sent it (its retry is the same)."""

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        row = change(session)
        return 201, Presenter(session, rt.reference).case(row).model_dump(mode="json")

    request = body_hash(request_identity(body))
    also_same = [body_hash(form) for form in earlier_forms]
    outcome = run_once(rt.factory, _key_owner(who), scope, key, request, work, also_same)
    return _idempotent_response(outcome, f"{API}/cases/{outcome.body['id']}")


def _detail_with_etag(rt: Runtime, who: Principal, case_id: str, response: Response) -> CaseDetail:
    """The case in full as this account may see it, its version in the ``ETag`` header."""
    with transaction(rt.reads) as session:
        row = cases.get_visible(session, who, case_id)
        detail = Presenter(session, rt.reference).detail(session, row)
    response.headers["ETag"] = cases.etag(detail.version)
    return detail


def _key_owner(who: Principal) -> str:
    """Whose idempotency keys these are: the desk's, for every account that takes calls.

    A console's key is its local id for the change (a UUID). When the operator who saved a case
    went off shift before the console heard the server's answer, the next operator's login sends
    it again with the same key: scoped per user, that would make the case twice. Every writer
    (operator, supervisor, admin) may read every case, so sharing their keys reveals nothing; a
    unit handler cannot write, and channels keep their own scope (``open311.py``).
    """
    return "desk" if who.role in WRITERS else who.key


def _idempotent_response(outcome: Any, location: str) -> Response:
    # A replay is the first answer again, status included; the header tells it apart.
    headers = {"Location": location}
    if outcome.replayed:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(outcome.body, status_code=outcome.status, headers=headers)
