"""The HTTP API (FastAPI): ``/api/v1`` for consoles, units and supervisors, ``/open311/v2`` for channels.

Every handler is a plain function run in the worker's thread pool: the database calls are
synchronous (SQLAlchemy sessions), and a slow one never blocks the event loop.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Form, Header, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import Engine, delete, select, text
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

import operator_console
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.messages import Language, render
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.paths import resource
from operator_console.server import accounts, cases, feed, open311, telephony
from operator_console.server.cases import CaseFilter, Presenter, Reference
from operator_console.server.config import ServerConfig, deadlines_in_force
from operator_console.server.db import insert_for, open_engine, session_factory, transaction
from operator_console.server.deps import (
    API,
    AUTH_ERRORS,
    WRITERS,
    Admin,
    Anyone,
    LanguageDep,
    Overseer,
    RuntimeDep,
    Updater,
    Writer,
    bearer,
    now_utc,
)
from operator_console.server.figures_schemas import QueueStats, RoutingRules
from operator_console.server.idempotency import body_hash, parse_key, request_identity, run_once
from operator_console.server.limits import BodyLimit, RateLimiter, credential_key
from operator_console.server.models import CaseRow, HeartbeatRow, ServerStateRow, UnitRow, UserRow
from operator_console.server.problems import (
    MEDIA_TYPE,
    FieldProblem,
    Problem,
    ProblemError,
    language_of,
    responses,
)
from operator_console.server.routing import RoutingTable
from operator_console.server.runtime import Runtime
from operator_console.server.schemas import (
    Ack,
    CaseDetail,
    CaseIn,
    CaseOut,
    CasePage,
    CasePatch,
    CategoryOut,
    ChangesPage,
    ContactIn,
    HeartbeatIn,
    LinkIn,
    ServerInfo,
    TokenOut,
    UnitIn,
    UnitOut,
    UserIn,
    UserOut,
    UserPatch,
    check_time,
)
from operator_console.server.security import (
    LoginThrottled,
    Principal,
    begin_attempt,
    check_password,
    duties_of,
    issue_token,
    login_succeeded,
    revoke,
)
from operator_console.server.stats import queue_stats

OPEN311_ROOT = "/open311/"
"""Everything under it answers in GeoReport's error format (discovery sits at ``/open311/discovery``)."""

log = logging.getLogger("operator_console.server")
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


def build_runtime(config: ServerConfig, engine: Engine | None = None) -> Runtime:
    engine = engine or open_engine(config.database_url)
    factory = session_factory(engine)
    reads = session_factory(engine, read_only=True)

    def known_units() -> set[str]:
        with transaction(reads) as session:
            return accounts.unit_codes(session)

    gazetteer = default_gazetteer()
    routing = RoutingTable(
        Path(config.routing_rules),
        known_units,
        DatabaseRulesKeeper(factory),
        resource("data", "routing_rules.json").read_text(encoding="utf-8"),
        gazetteer,
    )
    reference = Reference(
        gazetteer=gazetteer,
        taxonomy=default_taxonomy(),
        routing=routing,
        deadlines=deadlines_in_force(config),
    )
    return Runtime(
        config=config,
        engine=engine,
        factory=factory,
        reference=reference,
        reads=reads,
    )


class DatabaseRulesKeeper:
    """The last routing rules that parsed, in the database: the same for every worker."""

    KEY = "routing_rules"

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def last_good(self) -> str | None:
        with transaction(self._factory) as session:
            row = session.get(ServerStateRow, self.KEY)
            return row.value if row else None

    def keep(self, text: str) -> None:
        with transaction(self._factory) as session:
            upsert = insert_for(session, ServerStateRow).values(key=self.KEY, value=text)
            session.execute(upsert.on_conflict_do_update(index_elements=["key"], set_={"value": text}))


def create_app(config: ServerConfig, rt: Runtime | None = None) -> FastAPI:
    app = FastAPI(
        title="1022 central server",
        version=operator_console.__version__,
        summary="Requests for help to Ho Chi Minh City's 1022 hotline: one queue for every channel.",
        description=(
            "The reference server of the 1022 Operator Console. Errors are RFC 9457 problem "
            "documents (``application/problem+json``) with a machine ``code``; validation errors "
            "list each field. Messages follow ``Accept-Language`` (Vietnamese by default)."
        ),
        license_info={"name": "GPL-3.0-or-later", "identifier": "GPL-3.0-or-later"},
        openapi_url=f"{API}/openapi.json",
        # No Swagger UI: it loads its scripts from a CDN, which a city's closed network cannot reach.
        docs_url=None,
        redoc_url=None,
    )
    app.state.runtime = rt or build_runtime(config)
    limiter = RateLimiter(config.limits.requests_per_minute)
    address_limiter = RateLimiter(config.limits.requests_per_minute_per_address)
    login_limiter = RateLimiter(config.limits.logins_per_minute)
    _install_error_handlers(app)

    def too_large(scope: Any) -> Any:
        path = str(scope.get("path", ""))
        if path.startswith(OPEN311_ROOT):
            return open311.error_response(413, "Request body too large", path=path)
        return _problem_response(ProblemError("payload_too_large"), "vi")

    @app.middleware("http")
    async def access_log_and_rate(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        path = request.url.path
        client = request.client.host if request.client else "-"
        is_login = path == f"{API}/auth/token" and request.method == "POST"
        key = (
            "login:" + client
            if is_login
            else credential_key(
                request.headers.get("authorization") or request.headers.get(telephony.KEY_HEADER), client
            )
        )
        wait = address_limiter.check(client) or (login_limiter if is_login else limiter).check(key)
        if wait is not None:
            response: Response = _error(
                request, ProblemError("rate_limited", headers={"Retry-After": str(wait)})
            )
        else:
            response = await call_next(request)
        # Path only, never the query string: a query may carry a phone number.
        route = request.scope.get("route")
        shown = getattr(route, "path", None) or "(unrouted)"
        log.info(
            "%s %s %d %.1f ms",
            request.method,
            shown,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response

    app.add_middleware(BodyLimit, limit=config.limits.max_body_bytes, too_large=too_large)
    _add_api_routes(app)
    open311.add_routes(app)
    telephony.add_routes(app)
    _with_required_keys(app)
    return app


def _error(request: Request, problem: ProblemError) -> Response:
    """The error in the caller's format: GeoReport's list on ``/open311``, a problem document elsewhere."""
    if request.url.path.startswith(OPEN311_ROOT):
        detail = (
            problem.detail
            or "; ".join(f"{e.field}: {e.message}" for e in problem.errors)
            or str(problem.body("en")["title"])
        )
        if problem.code == "not_found" and not problem.detail:
            detail = "No such resource here: see discovery.json for what this endpoint serves"
        return open311.error_response(problem.status, detail, problem.headers, path=request.url.path)
    return _problem_response(problem, language_of(request.headers.get("accept-language")))


def _problem_response(problem: ProblemError, lang: Language) -> JSONResponse:
    return JSONResponse(
        problem.body(lang), status_code=problem.status, headers=problem.headers, media_type=MEDIA_TYPE
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> Response:
        return _error(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [FieldProblem(field=_field_of(e["loc"]), message=e["msg"]) for e in exc.errors()]
        if request.url.path.startswith(OPEN311_ROOT):
            described = "; ".join(f"{e.field}: {e.message}" for e in errors)
            return open311.error_response(400, described, path=request.url.path)
        return _error(request, ProblemError("validation", errors=errors))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400:
            # FastAPI's "error parsing the body" (not UTF-8, not JSON): a body that is not valid.
            problem = FieldProblem(field="body", message=str(exc.detail))
            return _error(request, ProblemError("validation", errors=[problem]))
        code = {401: "not_authenticated", 403: "forbidden", 404: "not_found", 415: "unsupported_media_type"}
        if exc.status_code in code:
            return _error(request, ProblemError(code[exc.status_code]))
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            # Starlette names the methods of the first route that matched the path only; a path with
            # GET and POST in two routes must say both.
            headers["Allow"] = ", ".join(_methods_of(request.app, request.url.path))
        if request.url.path.startswith(OPEN311_ROOT):
            return open311.error_response(exc.status_code, str(exc.detail), headers, path=request.url.path)
        body = {
            "type": "about:blank",
            "title": str(exc.detail),
            "status": exc.status_code,
            "detail": str(exc.detail),
            "code": f"http_{exc.status_code}",
            "errors": [],
        }
        return JSONResponse(body, status_code=exc.status_code, headers=headers, media_type=MEDIA_TYPE)

    @app.exception_handler(DataError)
    async def _unstorable(request: Request, exc: DataError) -> Response:
        # A value the database refuses (a NUL character in a query parameter, say): the client's.
        problem = FieldProblem(field="request", message="a value the database cannot store or compare")
        return _error(request, ProblemError("validation", errors=[problem]))

    @app.exception_handler(OperationalError)
    async def _database(request: Request, exc: OperationalError) -> Response:
        log.error("database unavailable: %s", type(exc.orig).__name__ if exc.orig else type(exc).__name__)
        return _error(request, ProblemError("unavailable", headers={"Retry-After": "5"}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # The traceback's frames only: an exception's message can quote the data (SQL parameters).
        frames = "".join(traceback.format_tb(exc.__traceback__))
        log.error("unexpected %s\n%s", type(exc).__name__, frames)
        return _error(request, ProblemError("internal"))


def _field_of(location: Any) -> str:
    """``("body", "caller_phone")`` → ``caller_phone``: the field as the client named it."""
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def _add_api_routes(app: FastAPI) -> None:
    @app.get(f"{API}/info", tags=["server"], response_model=ServerInfo, responses=responses(429))
    def info(rt: RuntimeDep) -> ServerInfo:
        """What this server is; ``demo`` is true when it runs with the demo accounts."""
        return ServerInfo(
            name="1022 central server",
            version=operator_console.__version__,
            api="v1",
            demo=rt.config.demo,
            database=rt.engine.dialect.name,
        )

    @app.get(f"{API}/health", tags=["server"], response_model=Ack, responses=responses(429, 503))
    def health(rt: RuntimeDep) -> Ack:
        with rt.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return Ack()

    @app.post(
        f"{API}/auth/token",
        tags=["auth"],
        response_model=TokenOut,
        responses=responses(401, 413, 422, 429, 503),
    )
    def login(
        rt: RuntimeDep,
        username: Annotated[str, Form(max_length=80)],
        password: Annotated[str, Form(max_length=200)],
        grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
    ) -> TokenOut:
        """OAuth2 password flow: a bearer token for a shift. Repeated failures for a name slow it down."""
        now = now_utc()
        try:
            with transaction(rt.factory) as session:
                begin_attempt(session, username, now)
        except LoginThrottled as exc:
            raise ProblemError("login_throttled", headers={"Retry-After": str(exc.retry_after)}) from exc
        with transaction(rt.reads) as session:
            user = session.scalars(select(UserRow).where(UserRow.username == username)).first()
        # The slow hash check holds no transaction: on SQLite, a write transaction here would make
        # every login (even a wrong one) stop case creation for a tenth of a second.
        if check_password(user, password):
            assert user is not None
            with transaction(rt.factory) as session:
                login_succeeded(session, user, password)
                token, _expires = issue_token(session, user, now, timedelta(seconds=rt.config.token_ttl_s))
            return TokenOut(
                access_token=token,
                expires_in=rt.config.token_ttl_s,
                role=user.role,
                unit_code=user.unit_code,
                username=user.username,
                duties=sorted(duties_of(user.duties)),
            )
        log.info("login failed")
        raise ProblemError("login_failed", headers={"WWW-Authenticate": "Bearer"})

    @app.delete(f"{API}/auth/token", tags=["auth"], response_model=Ack, responses=responses(*AUTH_ERRORS))
    def logout(rt: RuntimeDep, _who: Anyone, token: Annotated[str | None, Depends(bearer)]) -> Ack:
        """Log out: the token stops working at once."""
        assert token is not None
        with transaction(rt.factory) as session:
            revoke(session, token)
        return Ack()

    @app.get(f"{API}/me", tags=["auth"], response_model=UserOut, responses=responses(*AUTH_ERRORS))
    def me(rt: RuntimeDep, who: Anyone) -> UserOut:
        with transaction(rt.reads) as session:
            user = session.get(UserRow, who.user_id)
            assert user is not None
            return accounts.user_out(user)

    @app.post(
        f"{API}/cases",
        tags=["cases"],
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

    @app.get(f"{API}/cases", tags=["cases"], response_model=CasePage, responses=responses(*AUTH_ERRORS))
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
        created_by: Annotated[
            str | None, Query(max_length=80, description="The account that saved it")
        ] = None,
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

    @app.get(
        f"{API}/cases/{{case_id}}",
        tags=["cases"],
        response_model=CaseDetail,
        responses=responses(404, *AUTH_ERRORS),
    )
    def get_case(rt: RuntimeDep, who: Anyone, case_id: CaseId, response: Response) -> CaseDetail:
        """A case with its contacts, links and full history; its version as the ``ETag``."""
        return _detail_with_etag(rt, who, case_id, response)

    @app.patch(
        f"{API}/cases/{{case_id}}",
        tags=["cases"],
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

    @app.post(
        f"{API}/cases/{{case_id}}/contacts",
        tags=["cases"],
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

    @app.post(
        f"{API}/cases/{{case_id}}/links",
        tags=["cases"],
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

    @app.get(f"{API}/changes", tags=["cases"], response_model=ChangesPage, responses=responses(*AUTH_ERRORS))
    def changes(
        rt: RuntimeDep,
        who: Anyone,
        after: Annotated[
            int, Query(ge=0, le=2**53, description="The last seq seen; 0 or left out: from the start")
        ] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> ChangesPage:
        """Every case change in commit order, for the consoles' replicas. Never skips one."""
        with transaction(rt.reads) as session:
            return feed.changes_after(
                session, rt.reference, who, after, min(limit, rt.config.limits.max_changes_page)
            )

    @app.get(
        f"{API}/units", tags=["reference"], response_model=list[UnitOut], responses=responses(*AUTH_ERRORS)
    )
    def units(rt: RuntimeDep, _who: Anyone) -> list[UnitOut]:
        with transaction(rt.reads) as session:
            return [
                UnitOut(code=u.code, name=u.name, kind=u.kind, ward_code=u.ward_code, active=u.active)
                for u in session.scalars(select(UnitRow).order_by(UnitRow.code))
            ]

    @app.post(
        f"{API}/units",
        tags=["admin"],
        status_code=201,
        response_model=UnitOut,
        responses=responses(409, *AUTH_ERRORS),
    )
    def create_unit(rt: RuntimeDep, _who: Admin, body: UnitIn) -> UnitOut:
        with transaction(rt.factory) as session:
            row = accounts.create_unit(session, body)
        rt.reference.forget_units()
        return UnitOut(
            code=row.code, name=row.name, kind=row.kind, ward_code=row.ward_code, active=row.active
        )

    @app.get(f"{API}/users", tags=["admin"], response_model=list[UserOut], responses=responses(*AUTH_ERRORS))
    def users(rt: RuntimeDep, _who: Admin) -> list[UserOut]:
        with transaction(rt.reads) as session:
            return [accounts.user_out(u) for u in session.scalars(select(UserRow).order_by(UserRow.username))]

    @app.post(
        f"{API}/users",
        tags=["admin"],
        status_code=201,
        response_model=UserOut,
        responses=responses(409, *AUTH_ERRORS),
    )
    def create_user(rt: RuntimeDep, _who: Admin, body: UserIn) -> UserOut:
        with transaction(rt.factory) as session:
            return accounts.user_out(accounts.create_user(session, body, now_utc()))

    @app.patch(
        f"{API}/users/{{username}}",
        tags=["admin"],
        response_model=UserOut,
        responses=responses(404, *AUTH_ERRORS),
    )
    def change_user(
        rt: RuntimeDep, _who: Admin, username: Annotated[str, PathParam(max_length=80)], body: UserPatch
    ) -> UserOut:
        """Give an account its duties (``triage``: an operator routes the cases waiting at triage)."""
        with transaction(rt.factory) as session:
            return accounts.user_out(accounts.set_duties(session, username, body.duties))

    @app.get(
        f"{API}/routing-rules",
        tags=["reference"],
        response_model=RoutingRules,
        responses=responses(*AUTH_ERRORS),
    )
    def routing_rules(rt: RuntimeDep, _who: Anyone) -> RoutingRules:
        """The rules in force (reloaded from their file when it changes), and the last reload error."""
        rules = rt.reference.routing.current()
        return RoutingRules.model_validate(rules.as_json() | {"last_error": rt.reference.routing.last_error})

    @app.get(
        f"{API}/categories",
        tags=["reference"],
        response_model=list[CategoryOut],
        responses=responses(*AUTH_ERRORS),
    )
    def categories(rt: RuntimeDep, _who: Anyone) -> list[CategoryOut]:
        return [
            CategoryOut(code=c.code, name_vi=c.label("vi"), name_en=c.label("en"), parent=c.parent)
            for c in rt.reference.taxonomy.categories  # each top level followed by its sub-categories
        ]

    @app.get(
        f"{API}/stats/queue",
        tags=["supervision"],
        response_model=QueueStats,
        responses=responses(*AUTH_ERRORS),
    )
    def stats_queue(rt: RuntimeDep, _who: Overseer) -> QueueStats:
        """The supervisor's figures: arrivals, open cases, backlog by unit and ward, consoles, calls."""
        with transaction(rt.reads) as session:
            names = rt.reference.unit_names(session)
            figures = queue_stats(session, now_utc(), names, rt.reference.ward_name, rt.reference.deadlines)
        return QueueStats.model_validate(figures)

    @app.post(f"{API}/heartbeat", tags=["supervision"], response_model=Ack, responses=responses(*AUTH_ERRORS))
    def heartbeat(rt: RuntimeDep, who: Writer, body: HeartbeatIn) -> Ack:
        """A console says it is alive: who is on it, its version, how much waits in its outbox."""
        now = now_utc()
        values = {
            "username": who.username,
            "operator": body.operator,
            "version": body.version,
            "outbox_size": body.outbox_size,
            "oldest_waiting_s": body.oldest_waiting_s,
            "seen_at": now,
        }
        with transaction(rt.factory) as session:
            upsert = insert_for(session, HeartbeatRow).values(console_id=body.console_id, **values)
            session.execute(upsert.on_conflict_do_update(index_elements=["console_id"], set_=values))
            # A console silent for a day is gone: the table holds the consoles in use, not history.
            session.execute(delete(HeartbeatRow).where(HeartbeatRow.seen_at < now - timedelta(days=1)))
        return Ack()


def _methods_of(app: FastAPI, path: str) -> list[str]:
    methods: set[str] = set()
    for route in app.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def _with_required_keys(app: FastAPI) -> None:
    """Say in the OpenAPI document that ``Idempotency-Key`` is required where it is.

    The header is optional to FastAPI only so that a missing key gets the draft's 400 with our
    problem code instead of a generic 422.
    """
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            for path, operations in schema["paths"].items():
                for operation in operations.values():
                    for parameter in operation.get("parameters", []):
                        if parameter["name"] == "Idempotency-Key" and path.startswith(API):
                            parameter["required"] = True
                            parameter["schema"] = {"type": "string", "minLength": 1, "maxLength": 202}
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


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


__all__ = ["Problem", "create_app"]
