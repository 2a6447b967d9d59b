"""GeoReport v2's endpoints: discovery, services, service definitions, posting and reading requests."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import FastAPI, Header, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy import Select, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from operator_console.domain.case import ChannelRefs, Status, label
from operator_console.domain.interchange import HCMC_TIME
from operator_console.server import cases
from operator_console.server.db import transaction
from operator_console.server.deps import runtime
from operator_console.server.idempotency import (
    body_hash,
    earlier_identity,
    parse_key,
    request_identity,
    run_once,
)
from operator_console.server.models import CaseEventRow, CaseRow
from operator_console.server.open311 import services
from operator_console.server.open311.form import FormError, parse_form
from operator_console.server.open311.wire import (
    ERROR_DOC,
    FORMATS,
    PREFIX,
    Discovery,
    Endpoint,
    RequestCreated,
    Service,
    ServiceDefinition,
    ServiceRequest,
    answer,
    xml_response_doc,
)
from operator_console.server.problems import ProblemError
from operator_console.server.runtime import Runtime
from operator_console.server.schemas import CaseIn, check_time
from operator_console.server.security import Machine, machine_for

OPEN = {Status.DISPATCHED.value, Status.ACCEPTED.value, Status.IN_PROGRESS.value}
PUBLIC_REASONS = {Status.NOT_ELIGIBLE.value, Status.REJECTED.value}
MAX_RESULTS = 1000
WINDOW = timedelta(days=90)
CHANGESET = "2026-12-07T00:00:00+07:00"
"""When this endpoint's behaviour last changed (discovery's ``changeset``)."""

# GeoReport v2's fields of a new request, with the longest value taken (bytes of a case's fields).
POST_FIELDS: dict[str, tuple[str, int]] = {
    "api_key": ("string", 200),
    "jurisdiction_id": ("string", 200),
    "service_code": ("string", 80),
    "lat": ("number", 40),
    "long": ("number", 40),
    "address_string": ("string", 500),
    "address_id": ("string", 200),
    "email": ("string", 200),
    "device_id": ("string", 200),
    "account_id": ("string", 200),
    "first_name": ("string", 100),
    "last_name": ("string", 100),
    "phone": ("string", 40),
    "description": ("string", 4000),
    "media_url": ("string", 500),
}
_DECIMAL = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{1,15})?")
"""Degrees as apps write them: no exponent, no digit groups, no digits of other scripts."""
_ATTRIBUTE = re.compile(r"attribute\[([^\[\]]{1,80})\](\[\])?")
# A case's field, as a GeoReport client knows it (for the errors' descriptions).
_OPEN311_NAME = {
    "caller_phone": "phone",
    "caller_name": "first_name/last_name",
    "caller_email": "email",
    "address": "address_string",
    "category": "service_code",
    "channel_refs": "attribute",
    **{
        name: f"attribute[{name}]"
        for name in ("subject_name", "subject_phone", "subject_age", "household_size", "ward_code")
    },
}
_FORMAT_DOC = "json or xml"


class _Fail(ProblemError):
    """An Open311 error with its status; the app's handler writes the list in the path's format."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__({400: "bad_request", 403: "forbidden", 404: "not_found"}[status], description)


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return dict.fromkeys(codes, ERROR_DOC)


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise _Fail(404, f"no such format “{fmt[:10]}”: this endpoint answers .json and .xml")
    return fmt


def _opened(request: Request, fmt: str, jurisdiction_id: str | None) -> tuple[str, Runtime]:
    """The format asked for and the server, once both the format and the jurisdiction are ours."""
    rt = runtime(request)
    fmt = _format(fmt)
    _jurisdiction(rt, jurisdiction_id)
    return fmt, rt


def _jurisdiction(rt: Runtime, value: str | None) -> None:
    served = rt.config.open311.jurisdiction_id
    if value and value != served:
        raise _Fail(404, f"jurisdiction_id {value[:60]}: this endpoint serves {served}")


def _channel(rt: Runtime, api_key: str) -> Machine | None:
    """The channel of a key; None without one; 403 for a key that is not a channel's."""
    if not api_key:
        return None
    with transaction(rt.reads) as session:
        machine = machine_for(session, api_key, "channel")
    if machine is None:
        raise _Fail(403, "api_key is not valid")
    return machine


@dataclass(frozen=True)
class _Reading:
    """What a read may show: the channel's own requests in full (a key with full reads), others public."""

    rt: Runtime
    channel: Machine | None
    units: dict[str, str]
    notes: dict[str, str]

    def full(self, row: CaseRow) -> bool:
        return _reads_in_full(self.channel, row)

    def request(self, row: CaseRow) -> ServiceRequest:
        ref, public = self.rt.reference, set(self.rt.config.open311.public_fields)
        full = self.full(row)
        notes = label(Status(row.status))
        # A not-eligible or rejection reason is written for the citizen (units are told so); any
        # other reason a unit typed is the desk's own, read only by the channel that posted.
        if row.status_reason and (full or row.status in PUBLIC_REASONS):
            notes = f"{notes}: {row.status_reason}"
        if full and row.id in self.notes:
            notes = f"{notes} · {self.notes[row.id]}"
        ward = ref.ward_name(row.ward_code)
        hours = ref.deadlines.hours(row.category, row.priority)
        located = full or "location" in public
        return ServiceRequest(
            service_request_id=row.case_number,
            status="open" if row.status in OPEN else "closed",
            status_notes=notes,
            service_name=services.category_name(ref.taxonomy, row.category),
            service_code=services.open311_code(row.category),
            description=row.description if full or "description" in public else None,
            agency_responsible=self.units.get(row.handling_unit, row.handling_unit),
            requested_datetime=_time(row.received_at),
            updated_datetime=_time(row.updated_at),
            expected_datetime=_time(row.received_at + timedelta(hours=hours)),
            # Ward-level at most, unless the city publishes the address (or it is the channel's own).
            address=row.address if full or "address" in public else ward,
            address_id=(ChannelRefs.from_json(row.channel_refs).address_id or None) if full else None,
            lat=row.lat if located else None,
            long=row.lon if located else None,
            media_url=(row.media_url or None) if full or "media_url" in public else None,
        )


def _time(value: datetime) -> str:
    return value.astimezone(HCMC_TIME).isoformat()


def _latest_notes(session: Session, ids: Sequence[str]) -> dict[str, str]:
    notes: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(CaseEventRow.case_id, CaseEventRow.note)
            .where(CaseEventRow.case_id.in_(ids[start : start + 500]), CaseEventRow.kind == "note")
            .order_by(CaseEventRow.seq)
        )
        notes.update((case_id, note) for case_id, note in rows if note)
    return notes


def _utc(value: datetime | None, name: str) -> datetime | None:
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=HCMC_TIME)
    try:
        return check_time(aware)
    except ValueError as exc:
        raise _Fail(400, f"{name}: {exc}") from exc


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _request_query(
    rt: Runtime,
    service_request_id: str,
    service_code: str,
    start_date: datetime | None,
    end_date: datetime | None,
    status: str,
) -> Select[CaseRow]:
    query = select(CaseRow)
    ids = _split(service_request_id)
    if len(ids) > MAX_RESULTS:
        raise _Fail(400, f"service_request_id: at most {MAX_RESULTS} ids")
    if ids:  # the spec: a list of ids overrides every other filter
        return query.where(CaseRow.case_number.in_(ids))
    statuses = set(_split(status))
    if statuses - {"open", "closed"}:
        raise _Fail(400, "status: open, closed or both (comma-separated)")
    codes = []
    for code in _split(service_code):
        category = services.category_of(code, rt.reference.taxonomy)
        if category is None:
            raise _Fail(404, f"service_code {code[:80]}: no such service (see services.json)")
        codes.append(category.code)
    end = _utc(end_date, "end_date") or datetime.now(UTC)
    start = _utc(start_date, "start_date") or end - WINDOW
    if start > end:
        raise _Fail(400, "start_date is after end_date")
    if end - start > WINDOW:
        raise _Fail(400, "start_date to end_date may not span more than 90 days")
    query = query.where(CaseRow.received_at >= start, CaseRow.received_at <= end)
    if codes:
        query = query.where(CaseRow.category.in_(codes))
    if statuses == {"open"}:
        query = query.where(CaseRow.status.in_(OPEN))
    elif statuses == {"closed"}:
        query = query.where(CaseRow.status.not_in(OPEN))
    return query


def _post_body_doc() -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for name, (kind, longest) in POST_FIELDS.items():
        if kind == "number":
            limit = 90 if name == "lat" else 180
            properties[name] = {"type": "number", "minimum": -limit, "maximum": limit}
        else:
            properties[name] = {"type": "string", "maxLength": longest}
    schema = {
        "type": "object",
        "required": ["service_code"],
        "properties": properties,
        "additionalProperties": {"type": "string", "maxLength": 2000},
        "description": (
            "GeoReport v2's fields; answers to the service's questions as attribute[code]; any other "
            "field (a name of at most 80 characters) is kept with the case as sent"
        ),
    }
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {"schema": schema},
                "multipart/form-data": {"schema": schema},
            },
        }
    }


def add_routes(app: FastAPI) -> None:
    tags: list[Any] = ["open311"]
    common = _errors(400, 404, 429, 503)

    def discovery(request: Request, fmt: str) -> Response:
        fmt = _format(fmt)
        body = Discovery(
            changeset=CHANGESET,
            contact="Tổng đài 1022, Thành phố Hồ Chí Minh: gọi 1022 (nhánh 2)",
            key_service="API keys are issued by the 1022 desk's administrators (create-key)",
            endpoints=[
                Endpoint(
                    url=_endpoint_url(request), changeset=CHANGESET, formats=["text/xml", "application/json"]
                )
            ],
        )
        return answer(fmt, "discovery", None, body)

    for path in (f"{PREFIX}/discovery.{{fmt}}", "/open311/discovery.{fmt}"):
        app.add_api_route(
            path,
            discovery,
            methods=["GET"],
            tags=tags,
            response_model=Discovery,
            responses={200: xml_response_doc("The endpoint's discovery document"), **common},
            summary="Discovery: where this endpoint is and what it speaks",
        )

    @app.get(
        f"{PREFIX}/services.{{fmt}}",
        tags=tags,
        response_model=list[Service],
        responses={200: xml_response_doc("The services"), **common},
    )
    def get_services(
        request: Request,
        fmt: str,
        jurisdiction_id: Annotated[str, Query(max_length=200)] = "",
    ) -> Response:
        fmt, rt = _opened(request, fmt, jurisdiction_id)
        return answer(fmt, "services", "service", services.service_list(rt.reference.taxonomy))

    @app.get(
        f"{PREFIX}/services/{{service_code:path}}.{{fmt}}",
        tags=tags,
        response_model=ServiceDefinition,
        responses={200: xml_response_doc("The service's questions"), **common},
    )
    def get_service_definition(
        request: Request,
        service_code: str,
        fmt: str,
        jurisdiction_id: Annotated[str, Query(max_length=200)] = "",
    ) -> Response:
        fmt, rt = _opened(request, fmt, jurisdiction_id)
        category = services.category_of(service_code, rt.reference.taxonomy)
        if category is None:
            raise _Fail(404, f"service_code {service_code[:80]}: no such service (see services.json)")
        return answer(fmt, "service_definition", None, services.definition(category, rt.reference.gazetteer))

    @app.post(
        f"{PREFIX}/requests.{{fmt}}",
        tags=tags,
        status_code=201,
        response_model=list[RequestCreated],
        responses={
            201: xml_response_doc("The new request's id"),
            **_errors(400, 403, 404, 409, 413, 422, 429, 503),
        },
        openapi_extra=_post_body_doc(),
    )
    async def post_request(
        request: Request,
        fmt: str,
        idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
    ) -> Response:
        fmt = _format(fmt)
        rt = runtime(request)
        try:
            raw = await request.body()
            pairs = await run_in_threadpool(parse_form, request.headers.get("content-type", ""), raw)
        except FormError as exc:
            raise _Fail(400, str(exc)) from exc
        fields, answers = _fields(pairs)
        _jurisdiction(rt, fields.get("jurisdiction_id"))
        channel = await run_in_threadpool(_channel, rt, fields.get("api_key", ""))
        if channel is None:
            raise _Fail(403, "api_key is required to post a request")
        body = _case_in(rt, channel, fields, answers)
        key = parse_key(idempotency_key) if idempotency_key else f"open311-{uuid.uuid4()}"
        # Earlier releases took the e-mail, the pin, the photo, the ids and the answers, and dropped
        # them: a retry across the upgrade of a request that carried some is the same request.
        earlier = [body_hash(earlier_identity(body))]
        account_id = fields.get("account_id") or None

        def work(session: Session) -> tuple[int, dict[str, Any]]:
            try:
                row = cases.create_case(
                    session, rt.reference, channel.key, key, body, datetime.now(UTC), "en"
                )
            except ProblemError as exc:
                raise _Fail(400, _described(exc)) from exc
            unit = rt.reference.unit_names(session).get(row.handling_unit, row.handling_unit)
            created = RequestCreated(
                service_request_id=row.case_number,
                service_notice=f"Đã nhận; đơn vị xử lý: {unit} (received; handled by {unit})",
                account_id=account_id,
            )
            return 201, created.model_dump()

        outcome = await run_in_threadpool(
            run_once,
            rt.factory,
            channel.key,
            "POST open311 requests",
            key,
            body_hash(request_identity(body)),
            work,
            earlier,
        )
        return answer(fmt, "service_requests", "request", [outcome.body], outcome.status)

    @app.get(
        f"{PREFIX}/requests.{{fmt}}",
        tags=tags,
        response_model=list[ServiceRequest],
        responses={
            200: xml_response_doc("The requests"),
            **_errors(400, 403, 404, 429, 503),
        },
    )
    def get_requests(
        request: Request,
        fmt: str,
        api_key: Annotated[str, Query(max_length=200)] = "",
        jurisdiction_id: Annotated[str, Query(max_length=200)] = "",
        service_request_id: Annotated[str, Query(max_length=30_000)] = "",
        service_code: Annotated[str, Query(max_length=2000)] = "",
        start_date: Annotated[datetime | None, Query()] = None,
        end_date: Annotated[datetime | None, Query()] = None,
        status: Annotated[str, Query(max_length=40)] = "",
    ) -> Response:
        fmt, rt = _opened(request, fmt, jurisdiction_id)
        channel = _channel(rt, api_key)
        query = _request_query(rt, service_request_id, service_code, start_date, end_date, status)
        if channel is not None and channel.full_reads:
            # A backend reading with its key follows its own requests (as in earlier releases),
            # not the city's newest thousand.
            query = query.where(CaseRow.created_by == channel.key)
        with transaction(rt.reads) as session:
            rows = list(session.scalars(query.order_by(CaseRow.received_at.desc()).limit(MAX_RESULTS)))
            reading = _reading(session, rt, channel, rows)
            found = [reading.request(r) for r in rows]
        return answer(fmt, "service_requests", "request", found)

    @app.get(
        f"{PREFIX}/requests/{{service_request_id}}.{{fmt}}",
        tags=tags,
        response_model=list[ServiceRequest],
        responses={200: xml_response_doc("The request"), **_errors(400, 403, 404, 429, 503)},
    )
    def get_request(
        request: Request,
        service_request_id: str,
        fmt: str,
        api_key: Annotated[str, Query(max_length=200)] = "",
        jurisdiction_id: Annotated[str, Query(max_length=200)] = "",
    ) -> Response:
        fmt, rt = _opened(request, fmt, jurisdiction_id)
        channel = _channel(rt, api_key)
        with transaction(rt.reads) as session:
            row = session.scalars(select(CaseRow).where(CaseRow.case_number == service_request_id)).first()
            if row is None:
                raise _Fail(404, f"service_request_id {service_request_id[:40]}: no such request")
            found = _reading(session, rt, channel, [row]).request(row)
        return answer(fmt, "service_requests", "request", [found])


def _endpoint_url(request: Request) -> str:
    """Where this endpoint is: the configured public address (a server behind a proxy), else the
    address the request came to."""
    configured = runtime(request).config.open311.endpoint_url
    return configured.rstrip("/") if configured else str(request.base_url).rstrip("/") + PREFIX


def _reads_in_full(channel: Machine | None, row: CaseRow) -> bool:
    """A request its own channel posted, read with a key that has full reads."""
    return bool(channel and channel.full_reads and row.created_by == channel.key)


def _reading(session: Session, rt: Runtime, channel: Machine | None, rows: Sequence[CaseRow]) -> _Reading:
    own = [r.id for r in rows if _reads_in_full(channel, r)]
    return _Reading(rt, channel, rt.reference.unit_names(session), _latest_notes(session, own) if own else {})


def _fields(pairs: list[tuple[str, str]]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """GeoReport's fields (each once, each within its length) and the answers to the service's questions."""
    fields: dict[str, str] = {}
    answers: list[tuple[str, str]] = []
    for name, value in pairs:
        attribute = _ATTRIBUTE.fullmatch(name)
        if attribute:
            if len(value) > 2000:
                raise _Fail(400, f"{name}: at most 2000 characters")
            answers.append((attribute.group(1), value))
            continue
        if name not in POST_FIELDS:
            # Not GeoReport's: kept with the case as sent (earlier releases ignored such fields, and
            # the city's own channels may send them), never dropped and never refused.
            if len(name) > 80 or len(value) > 2000:
                raise _Fail(
                    400, f"{name[:80]}: a field name of at most 80 characters, a value of at most 2000"
                )
            answers.append((name, value))
            continue
        if name in fields:
            raise _Fail(400, f"{name}: given twice")
        _kind, longest = POST_FIELDS[name]
        if len(value) > longest:
            raise _Fail(400, f"{name}: at most {longest} characters")
        fields[name] = value
    return fields, answers


def _number(fields: dict[str, str], name: str, limit: float) -> float | None:
    text = fields.get(name, "").strip()
    if not text:
        return None
    value = float(text) if _DECIMAL.fullmatch(text) else float("nan")
    if not -limit <= value <= limit:  # NaN fails both
        raise _Fail(400, f"{name}: a number from {-limit:g} to {limit:g} (WGS 84 degrees)")
    return value


def _case_in(rt: Runtime, channel: Machine, fields: dict[str, str], answers: list[tuple[str, str]]) -> CaseIn:
    code = fields.get("service_code", "").strip()
    if not code:
        raise _Fail(400, "service_code is required (see services.json)")
    category = services.category_of(code, rt.reference.taxonomy)
    if category is None:
        raise _Fail(404, f"service_code {code[:80]}: no such service (see services.json)")
    lat, lon = _number(fields, "lat", 90), _number(fields, "long", 180)
    if (lat is None) != (lon is None):
        raise _Fail(400, "lat and long: give both, or neither")
    address = fields.get("address_string", "").strip()
    address_id = fields.get("address_id", "").strip()
    if lat is None and not address and not address_id:
        raise _Fail(400, "a location is required: lat and long, address_string or address_id")
    try:
        answered, kept = services.read_answers(answers, category, rt.reference.gazetteer)
    except services.AnswerError as exc:
        raise _Fail(400, str(exc)) from exc
    first, last = fields.get("first_name", "").strip(), fields.get("last_name", "").strip()
    name = f"{last} {first}".strip()  # Vietnamese order: the family name first
    if len(name) > 200:
        raise _Fail(400, "first_name and last_name: at most 200 characters together")
    phone, email = fields.get("phone", "").strip(), fields.get("email", "").strip()
    if not (name or phone or email or answered.get("subject_name") or answered.get("subject_phone")):
        raise _Fail(400, "a way to reach the citizen is required: phone, email, or first_name/last_name")
    refs = {
        "device_id": fields.get("device_id", "").strip(),
        "account_id": fields.get("account_id", "").strip(),
        "address_id": address_id,
        "attributes": kept,
    }
    try:
        return CaseIn.model_validate(
            {
                "channel": channel.channel or "web",
                "caller_name": name,
                "caller_phone": phone,
                "caller_email": email,
                "caller_relation": "other" if answered.get("subject_name") else "self",
                "address": address,
                "category": category.code,
                "description": fields.get("description", ""),
                "lat": lat,
                "long": lon,
                "media_url": fields.get("media_url", "").strip(),
                "channel_refs": refs if any(refs.values()) else None,
                **answered,
            }
        )
    except ValidationError as exc:
        problems = "; ".join(
            f"{_OPEN311_NAME.get(str(e['loc'][0]), str(e['loc'][0])) if e['loc'] else 'form'}: {e['msg']}"
            for e in exc.errors()
        )
        raise _Fail(400, problems) from exc


def _described(exc: ProblemError) -> str:
    if not exc.errors:
        return exc.detail or exc.code
    return "; ".join(f"{_OPEN311_NAME.get(e.field, e.field)}: {e.message}" for e in exc.errors)
