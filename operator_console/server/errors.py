"""Every error in the caller's format: an RFC 9457 problem document on ``/api/v1`` (in the
caller's language), GeoReport's error list on ``/open311``. Nothing of a request's data reaches the
log: an unexpected error logs its traceback's frames only."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from operator_console.domain.messages import Language
from operator_console.server import open311
from operator_console.server.problems import MEDIA_TYPE, FieldProblem, ProblemError, language_of

OPEN311_ROOT = "/open311/"
"""Everything under it answers in GeoReport's error format (discovery sits at ``/open311/discovery``)."""

log = logging.getLogger("operator_console.server")


def error_response(request: Request, problem: ProblemError) -> Response:
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
    return problem_response(problem, language_of(request.headers.get("accept-language")))


def problem_response(problem: ProblemError, lang: Language) -> JSONResponse:
    return JSONResponse(
        problem.body(lang), status_code=problem.status, headers=problem.headers, media_type=MEDIA_TYPE
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> Response:
        return error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [FieldProblem(field=_field_of(e["loc"]), message=e["msg"]) for e in exc.errors()]
        if request.url.path.startswith(OPEN311_ROOT):
            described = "; ".join(f"{e.field}: {e.message}" for e in errors)
            return open311.error_response(400, described, path=request.url.path)
        return error_response(request, ProblemError("validation", errors=errors))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400:
            # FastAPI's "error parsing the body" (not UTF-8, not JSON): a body that is not valid.
            problem = FieldProblem(field="body", message=str(exc.detail))
            return error_response(request, ProblemError("validation", errors=[problem]))
        code = {401: "not_authenticated", 403: "forbidden", 404: "not_found", 415: "unsupported_media_type"}
        if exc.status_code in code:
            return error_response(request, ProblemError(code[exc.status_code]))
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
        return error_response(request, ProblemError("validation", errors=[problem]))

    @app.exception_handler(OperationalError)
    async def _database(request: Request, exc: OperationalError) -> Response:
        log.error("database unavailable: %s", type(exc.orig).__name__ if exc.orig else type(exc).__name__)
        return error_response(request, ProblemError("unavailable", headers={"Retry-After": "5"}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # The traceback's frames only: an exception's message can quote the data (SQL parameters).
        frames = "".join(traceback.format_tb(exc.__traceback__))
        log.error("unexpected %s\n%s", type(exc).__name__, frames)
        return error_response(request, ProblemError("internal"))


def _field_of(location: Any) -> str:
    """``("body", "caller_phone")`` → ``caller_phone``: the field as the client named it."""
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def _methods_of(app: FastAPI, path: str) -> list[str]:
    return sorted(_methods_in(app.routes, path))


def _methods_in(routes: Sequence[Any], path: str) -> set[str]:
    """The methods of every route matching ``path``, inside included routers too (FastAPI keeps
    an included ``APIRouter`` as one entry of the app's routes, its own routes within)."""
    methods: set[str] = set()
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            methods |= _methods_in(inner.routes, path)
            continue
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods |= set(getattr(route, "methods", None) or ())
    return methods
