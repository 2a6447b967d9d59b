"""Open311 GeoReport v2: the web form, the Zalo chatbot and the mobile app post into the same queue.

- ``GET services.json``: our categories (top-level and sub-categories) as services.
- ``POST requests.json``: a new request (form fields as in GeoReport v2) becomes a case carrying
  the channel of the key it came with, routed like any other. An ``Idempotency-Key`` header is
  honoured when given (a retried POST then creates nothing new); GeoReport clients that do not
  send one get a new case per POST, as the standard expects.
- ``GET requests.json`` / ``GET requests/{id}.json``: status ``open``/``closed``, the detail in
  ``status_notes``, ``agency_responsible`` = the handling unit's name.

Departures from a public Open311 endpoint, because these are requests for help with personal data:
every call but ``services.json`` needs the channel's ``api_key``, and a channel reads back only
the requests it posted. ``service_request_id`` is the case number (``1022-2026-000123``). Names:
Vietnamese order, ``last_name`` (family) first. Errors are GeoReport's list of ``code`` and
``description``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import FastAPI, Form, Header, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from sqlalchemy import select

from operator_console.domain.case import Status, label
from operator_console.domain.interchange import HCMC_TIME
from operator_console.domain.taxonomy import Taxonomy
from operator_console.server import cases
from operator_console.server.db import transaction
from operator_console.server.deps import runtime
from operator_console.server.idempotency import body_hash, parse_key, request_identity, run_once
from operator_console.server.limits import RAW_BYTES
from operator_console.server.models import CaseRow
from operator_console.server.problems import ProblemError
from operator_console.server.runtime import Runtime
from operator_console.server.schemas import CaseIn, check_time
from operator_console.server.security import Machine, machine_for

PREFIX = "/open311/v2"
OPEN = {Status.DISPATCHED.value, Status.ACCEPTED.value, Status.IN_PROGRESS.value}
MAX_RESULTS = 1000
DEFAULT_WINDOW = timedelta(days=90)


class Open311Error(BaseModel):
    code: int
    description: str


class Service(BaseModel):
    service_code: str
    service_name: str
    description: str
    metadata: bool = False
    type: str = "realtime"
    keywords: str
    group: str


class RequestCreated(BaseModel):
    service_request_id: str
    service_notice: str
    account_id: str | None = None


class ServiceRequest(BaseModel):
    service_request_id: str
    status: str
    status_notes: str
    service_name: str
    service_code: str
    description: str
    agency_responsible: str
    service_notice: str = ""
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str | None = None
    address: str
    address_id: str | None = None
    zipcode: str | None = None
    lat: float | None = None
    long: float | None = None
    media_url: str | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "model": list[Open311Error]}
    for code, text in (
        (400, "A field is missing or not valid"),
        (403, "The api_key is missing or not valid"),
        (404, "No such request (for this channel)"),
        (409, "The first request with this Idempotency-Key is still being processed"),
        (413, "Request body too large"),
        (422, "This Idempotency-Key was used for another request"),
        (429, "Too many requests"),
        (500, "Server error (logged)"),
        (503, "Database unavailable"),
    )
}


def error_response(status: int, description: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse([{"code": status, "description": description}], status_code=status, headers=headers)


class _Fail(ProblemError):
    """An Open311 error with its own status (the exception handler writes GeoReport's format)."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__({400: "bad_request", 403: "forbidden", 404: "not_found"}[status], description)


def _channel(rt: Runtime, api_key: str) -> Machine:
    if api_key:
        with transaction(rt.reads) as session:
            machine = machine_for(session, api_key, "channel")
        if machine is not None:
            return machine
    raise _Fail(403, "api_key missing or not valid")


def _request_out(row: CaseRow, units: dict[str, str], service_name: str) -> ServiceRequest:
    notes = label(Status(row.status))
    if row.status_reason:
        notes = f"{notes}: {row.status_reason}"
    return ServiceRequest(
        service_request_id=row.case_number,
        status="open" if row.status in OPEN else "closed",
        status_notes=notes,
        service_name=service_name,
        service_code=row.category,
        description=row.description,
        agency_responsible=units.get(row.handling_unit, row.handling_unit),
        requested_datetime=row.received_at.astimezone(HCMC_TIME).isoformat(),
        updated_datetime=row.updated_at.astimezone(HCMC_TIME).isoformat(),
        address=row.address,
    )


def add_routes(app: FastAPI) -> None:
    @app.get(
        f"{PREFIX}/services.json",
        tags=["open311"],
        response_model=list[Service],
        responses={code: ERRORS[code] for code in (429, 503)},
    )
    def services(request: Request) -> list[Service]:
        taxonomy = runtime(request).reference.taxonomy
        return [
            Service(
                service_code=category.code,
                service_name=category.label("vi"),
                description=category.label("en"),
                keywords=category.code.replace("/", ","),
                group=_name(taxonomy, category.top),
            )
            for category in taxonomy.categories  # each top level followed by its sub-categories
        ]

    @app.post(
        f"{PREFIX}/requests.json",
        tags=["open311"],
        status_code=201,
        response_model=list[RequestCreated],
        responses=ERRORS,
    )
    def post_request(
        request: Request,
        api_key: Annotated[str, Form(max_length=200)] = "",
        service_code: Annotated[str, Form(max_length=80)] = "",
        address_string: Annotated[str, Form(max_length=500)] = "",
        lat: Annotated[float | None, Form(ge=-90, le=90)] = None,
        long: Annotated[float | None, Form(ge=-180, le=180)] = None,
        first_name: Annotated[str, Form(max_length=100)] = "",
        last_name: Annotated[str, Form(max_length=100)] = "",
        phone: Annotated[str, Form(max_length=40)] = "",
        email: Annotated[str, Form(max_length=200)] = "",
        description: Annotated[str, Form(max_length=4000)] = "",
        device_id: Annotated[str, Form(max_length=200)] = "",
        account_id: Annotated[str, Form(max_length=200)] = "",
        media_url: Annotated[str, Form(max_length=500)] = "",
        idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
    ) -> JSONResponse:
        rt = runtime(request)
        channel = _channel(rt, api_key)
        raw = bool(getattr(request.state, RAW_BYTES, False))
        first_name, last_name, address_string, description = (
            _form_text(first_name, raw, "first_name"),
            _form_text(last_name, raw, "last_name"),
            _form_text(address_string, raw, "address_string"),
            _form_text(description, raw, "description"),
        )
        if not service_code:
            raise _Fail(400, "service_code is required")
        if not address_string:
            raise _Fail(400, "address_string is required (lat/long alone cannot be routed to a ward)")
        try:
            body = CaseIn.model_validate(
                {
                    "channel": channel.channel or "web",
                    "caller_name": f"{last_name.strip()} {first_name.strip()}".strip()[:200],
                    "caller_phone": phone,
                    "caller_relation": "self",
                    "address": address_string,
                    "category": service_code,
                    "description": description,
                }
            )
        except ValidationError as exc:
            raise _Fail(400, "; ".join(str(e["msg"]) for e in exc.errors())) from exc
        key = parse_key(idempotency_key) if idempotency_key else f"open311-{uuid.uuid4()}"

        def work(session: Any) -> tuple[int, dict[str, Any]]:
            try:
                row = cases.create_case(
                    session, rt.reference, channel.key, key, body, datetime.now(UTC), "en"
                )
            except ProblemError as exc:
                detail = "; ".join(f"{e.field}: {e.message}" for e in exc.errors) or exc.code
                raise _Fail(400, detail) from exc
            return 201, {"service_request_id": row.case_number, "service_notice": "", "account_id": None}

        outcome = run_once(
            rt.factory,
            channel.key,
            "POST open311 requests",
            key,
            body_hash(request_identity(body)),
            work,
        )
        return JSONResponse([outcome.body], status_code=outcome.status)

    @app.get(
        f"{PREFIX}/requests.json", tags=["open311"], response_model=list[ServiceRequest], responses=ERRORS
    )
    def get_requests(
        request: Request,
        api_key: Annotated[str, Query(max_length=200)] = "",
        service_request_id: Annotated[str, Query(max_length=2000)] = "",
        service_code: Annotated[str, Query(max_length=80)] = "",
        start_date: Annotated[datetime | None, Query()] = None,
        end_date: Annotated[datetime | None, Query()] = None,
        status: Annotated[str, Query(pattern="^(|open|closed)$")] = "",
    ) -> list[ServiceRequest]:
        rt = runtime(request)
        channel = _channel(rt, api_key)
        query = select(CaseRow).where(CaseRow.created_by == channel.key)
        if service_request_id:
            ids = [i.strip() for i in service_request_id.split(",") if i.strip()][:MAX_RESULTS]
            query = query.where(CaseRow.case_number.in_(ids))
        else:
            end = _utc(end_date, "end_date") or datetime.now(UTC)
            start = _utc(start_date, "start_date") or end - DEFAULT_WINDOW
            query = query.where(CaseRow.received_at >= start, CaseRow.received_at < end)
        if service_code:
            query = query.where(CaseRow.category == service_code)
        if status == "open":
            query = query.where(CaseRow.status.in_(OPEN))
        elif status == "closed":
            query = query.where(CaseRow.status.not_in(OPEN))
        with transaction(rt.reads) as session:
            units = rt.reference.unit_names(session)
            rows = session.scalars(query.order_by(CaseRow.received_at.desc()).limit(MAX_RESULTS))
            return [_request_out(r, units, _name(rt.reference.taxonomy, r.category)) for r in rows]

    @app.get(
        f"{PREFIX}/requests/{{service_request_id}}.json",
        tags=["open311"],
        response_model=list[ServiceRequest],
        responses=ERRORS,
    )
    def get_request(
        request: Request, service_request_id: str, api_key: Annotated[str, Query(max_length=200)] = ""
    ) -> list[ServiceRequest]:
        rt = runtime(request)
        channel = _channel(rt, api_key)
        with transaction(rt.reads) as session:
            row = session.scalars(
                select(CaseRow).where(
                    CaseRow.case_number == service_request_id, CaseRow.created_by == channel.key
                )
            ).first()
            if row is None:
                raise _Fail(404, "no such request for this channel")
            units = rt.reference.unit_names(session)
            return [_request_out(row, units, _name(rt.reference.taxonomy, row.category))]


def _form_text(text: str, raw: bool, field: str) -> str:
    """A form field as the citizen typed it.

    A body sent as raw UTF-8 instead of percent-encoded (``curl -d 'Nguyễn'``) is read by the form
    parser as Latin-1 ("Nguyá»…n"): read back as UTF-8 it is the words typed. Only a body that held
    such bytes is read back (``raw``, from the body limit's look at the bytes): a percent-encoded
    "LÊ" followed by a no-break space is Latin-1 too, and reading it again would make it "Lʠ".
    Bytes that are not UTF-8 are refused, with the field named.
    """
    if not raw or text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeEncodeError:
        return text  # a percent-encoded character beyond Latin-1 beside the raw bytes: decoded already
    except UnicodeDecodeError as exc:
        raise _Fail(400, f"{field}: not valid UTF-8 (send the form as UTF-8)") from exc


def _name(taxonomy: Taxonomy, code: str) -> str:
    """A category's Vietnamese name (its code, for a category the taxonomy no longer has)."""
    category = taxonomy.get(code)
    return category.label("vi") if category else code


def _utc(value: datetime | None, name: str) -> datetime | None:
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=HCMC_TIME)
    try:
        return check_time(aware)
    except ValueError as exc:
        raise _Fail(400, f"{name}: {exc}") from exc
