"""Errors as ``application/problem+json`` (RFC 9457): a machine code, a human message, the fields.

The human message follows the request's ``Accept-Language`` (Vietnamese unless English is asked
for first); the ``code`` is what programs act on.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from operator_console.domain.messages import Language, render

PROBLEM_TYPE = "urn:operator-console:problem:"
MEDIA_TYPE = "application/problem+json"

# code: HTTP status (the title, in both languages, is ``problem.<code>`` in the one catalogue,
# ``domain/messages.py``)
_STATUS: dict[str, int] = {
    "bad_request": 400,
    "idempotency_key_missing": 400,
    "idempotency_key_invalid": 400,
    "not_authenticated": 401,
    "token_invalid": 401,
    "token_expired": 401,
    "login_failed": 401,
    "key_invalid": 401,
    "forbidden": 403,
    "not_found": 404,
    "idempotency_in_flight": 409,
    "conflict": 409,
    "stale": 412,
    "payload_too_large": 413,
    "unsupported_media_type": 415,
    "validation": 422,
    "idempotency_key_reused": 422,
    "transition": 422,
    "rate_limited": 429,
    "login_throttled": 429,
    "internal": 500,
    "unavailable": 503,
    "busy": 503,
}


class FieldProblem(BaseModel):
    field: str = Field(description="The request field, as a dotted path (``caller_phone``, ``limit``)")
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details, with the project's ``code`` and, for validation, ``errors``."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    errors: list[FieldProblem] = Field(default_factory=list)


class ProblemError(Exception):
    def __init__(
        self,
        code: str,
        detail: str | None = None,
        *,
        errors: list[FieldProblem] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.code = code
        self.status = _STATUS[code]
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}

    def body(self, language: Language) -> dict[str, Any]:
        title = render(f"problem.{self.code}", language)
        return Problem(
            type=PROBLEM_TYPE + self.code,
            title=title,
            status=self.status,
            detail=self.detail or title,
            code=self.code,
            errors=self.errors,
        ).model_dump()


def status_of(code: str) -> int:
    return _STATUS[code]


def language_of(accept_language: str | None) -> Language:
    """Vietnamese unless the client lists English before any Vietnamese."""
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("vi"):
            return "vi"
        if tag.startswith("en"):
            return "en"
    return "vi"


_DESCRIPTIONS = {
    400: "Bad request (a required header is missing or malformed)",
    401: "Not logged in, or the token or key is wrong or expired",
    403: "The account's role may not do this, or not to this case",
    404: "No such case (or not one this account may see)",
    409: "In flight, or conflicts with the case's state",
    412: "If-Match names an older version of the case: changed since (the ETag header is the current one)",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "A field is not valid (each listed in errors)",
    429: "Too many requests; see Retry-After",
    503: "Database unavailable, or too many writes at once (busy); see Retry-After",
}


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for these error codes, each a problem document."""
    return {
        code: {
            "description": _DESCRIPTIONS[code],
            "model": Problem,
            "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for code in codes
    }
