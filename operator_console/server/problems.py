"""Errors as ``application/problem+json`` (RFC 9457): a machine code, a human message, the fields.

The human message follows the request's ``Accept-Language`` (Vietnamese unless English is asked
for first); the ``code`` is what programs act on.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from operator_console.domain.messages import Language

PROBLEM_TYPE = "urn:operator-console:problem:"
MEDIA_TYPE = "application/problem+json"

# code: (status, Vietnamese, English)
_TEXT: dict[str, tuple[int, str, str]] = {
    "bad_request": (400, "Yêu cầu không hợp lệ.", "The request is not valid."),
    "idempotency_key_missing": (
        400,
        "Thiếu tiêu đề Idempotency-Key (mã ca tại máy trạm).",
        "The Idempotency-Key header (the console's case id) is missing.",
    ),
    "idempotency_key_invalid": (
        400,
        "Tiêu đề Idempotency-Key không hợp lệ: 1–200 ký tự ASCII in được.",
        "The Idempotency-Key header is not valid: 1 to 200 printable ASCII characters.",
    ),
    "not_authenticated": (401, "Cần đăng nhập.", "Log in first."),
    "token_invalid": (401, "Phiên đăng nhập không hợp lệ. Hãy đăng nhập lại.", "The token is not valid."),
    "token_expired": (401, "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.", "The token has expired."),
    "login_failed": (401, "Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."),
    "key_invalid": (401, "Khoá truy cập không hợp lệ.", "The access key is not valid."),
    "forbidden": (403, "Tài khoản này không được làm việc này.", "This account may not do this."),
    "not_found": (404, "Không tìm thấy.", "Not found."),
    "idempotency_in_flight": (
        409,
        "Yêu cầu trước với cùng khoá vẫn đang được xử lý. Thử lại sau giây lát.",
        "The first request with this key is still being processed. Retry in a moment.",
    ),
    "conflict": (409, "Xung đột với trạng thái hiện tại.", "Conflicts with the current state."),
    "stale": (
        412,
        "Hồ sơ vừa được người khác thay đổi. Xem trạng thái mới của hồ sơ rồi làm lại.",
        "The case was just changed by someone else. Look at its new state, then try again.",
    ),
    "payload_too_large": (413, "Dữ liệu gửi lên quá lớn.", "The request body is too large."),
    "unsupported_media_type": (415, "Định dạng dữ liệu không được hỗ trợ.", "Unsupported media type."),
    "validation": (422, "Dữ liệu chưa hợp lệ.", "Some fields are not valid."),
    "idempotency_key_reused": (
        422,
        "Khoá Idempotency-Key này đã dùng cho một yêu cầu khác.",
        "This Idempotency-Key was already used for a different request.",
    ),
    "transition": (422, "Không thể chuyển trạng thái này.", "This status change is not allowed."),
    "rate_limited": (429, "Quá nhiều yêu cầu. Thử lại sau.", "Too many requests. Retry later."),
    "login_throttled": (
        429,
        "Sai mật khẩu nhiều lần. Hãy chờ rồi thử lại.",
        "Too many failed logins. Wait, then retry.",
    ),
    "internal": (500, "Lỗi máy chủ. Đã ghi nhận.", "Server error. It has been logged."),
    "unavailable": (503, "Máy chủ tạm thời không phục vụ được.", "The server is temporarily unavailable."),
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
        self.status = _TEXT[code][0]
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}

    def body(self, language: Language) -> dict[str, Any]:
        _status, vi, en = _TEXT[self.code]
        title = vi if language == "vi" else en
        return Problem(
            type=PROBLEM_TYPE + self.code,
            title=title,
            status=self.status,
            detail=self.detail or title,
            code=self.code,
            errors=self.errors,
        ).model_dump()


def status_of(code: str) -> int:
    return _TEXT[code][0]


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
    503: "Database unavailable",
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
