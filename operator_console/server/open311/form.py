"""A posted form read from its bytes: every field's text exactly as sent, or the field named that is not text.

The framework's form parser reads a URL-encoded body as Latin-1 and a multipart field that is
not UTF-8 as Latin-1 too, silently (``\\xff\\xfe`` became "ÿþ"; a percent-encoded "LÊ" beside a
no-break space could not be told from raw UTF-8). Here the bytes of each field, percent-encoded or
raw, must be UTF-8, and may not hold control characters (a tab and line breaks aside): anything
else is refused with the field's name.
"""

from __future__ import annotations

import email.parser
import email.policy
import unicodedata
from urllib.parse import unquote_to_bytes

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
MAX_FIELDS = 200


class FormError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


def parse_form(content_type: str, body: bytes) -> list[tuple[str, str]]:
    """(name, value) pairs in the order sent."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == URLENCODED or (not kind and not body):
        pairs = _urlencoded(body)
    elif kind == MULTIPART:
        pairs = _multipart(content_type, body)
    else:
        raise FormError("", f"send the form as {URLENCODED} or {MULTIPART}, UTF-8")
    if len(pairs) > MAX_FIELDS:
        raise FormError("", f"at most {MAX_FIELDS} fields")
    for name, value in pairs:
        _check_text(name, name)
        _check_text(name, value)
    return pairs


def _text(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormError(name, "not valid UTF-8 (send the form as UTF-8)") from exc


def _urlencoded(body: bytes) -> list[tuple[str, str]]:
    pairs = []
    for part in body.split(b"&"):
        if not part:
            continue
        raw_name, _, raw_value = part.partition(b"=")
        name_bytes = unquote_to_bytes(raw_name.replace(b"+", b" "))
        name = name_bytes.decode("utf-8", errors="replace")
        pairs.append((_text(name_bytes, name), _text(unquote_to_bytes(raw_value.replace(b"+", b" ")), name)))
    return pairs


def _multipart(content_type: str, body: bytes) -> list[tuple[str, str]]:
    # Bounded before parsing: the parser recurses into nested parts and reads every part first.
    if body.count(b"\n--") > 2 * MAX_FIELDS + 2:
        raise FormError("", f"at most {MAX_FIELDS} fields")
    header = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", errors="replace")
    try:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + body)
    except RecursionError as exc:
        raise FormError("", "parts nested in parts are not a form") from exc
    if not message.is_multipart():
        raise FormError("", "a multipart form without its boundary")
    pairs = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or not name:
            raise FormError("", "a multipart part without a field name")
        if "\ufffd" in name or not name.isprintable():
            raise FormError("", "a field name that is not UTF-8 text")
        if part.is_multipart() or part.get_content_maintype() == "message":
            raise FormError(name, "parts nested in parts are not a form field")
        if part.get_param("filename", header="content-disposition") is not None:
            raise FormError(name, "files are not taken here: give the photo's address as media_url")
        payload = part.get_payload(decode=True)
        pairs.append((name, _text(payload if isinstance(payload, bytes) else b"", name)))
    return pairs


def _check_text(name: str, text: str) -> None:
    for ch in text:
        if ch not in "\t\n\r" and unicodedata.category(ch) == "Cc":
            raise FormError(name or "(field name)", f"control character U+{ord(ch):04X} is not allowed")
