"""The console's log files: rotating, private to the user, and free of personal data.

Rule for every log call in the console: ids, counts, states, error types, never what a caller said
(phone numbers, names, addresses, descriptions). Two nets catch what a call might still let through:

- an exception is written as its type and its frames (file, line, function), never its message:
  messages carry values (SQLAlchemy puts a statement's parameters in them, ``ValueError`` the text
  that did not parse);
- anything shaped like a Vietnamese phone number is masked in every line, whoever logged it;
  and a line from Qt, a library or ``warnings`` loses whatever it quotes.

``tests/server/test_console_logs_and_crashes.py`` enters calls through the window, sends them,
crashes the console on purpose with the caller's details in the exception, and scans every file
under ``logs/`` and ``crash/``; ``tests/test_logs.py`` holds the nets to their spellings.
"""

from __future__ import annotations

import logging
import re
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from operator_console.paths import create_private, private_folder

OWN = "operator_console"  # the console's own loggers; every other line is scrubbed harder
LOG_FILE = "console.log"
MAX_BYTES = 2_000_000
BACKUPS = 5  # 12 MB at most: months of a shift's events, never a full disk
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
WITHHELD = "(message withheld: it may hold personal data)"

# A Vietnamese phone number as people write it: 0, 84, +84 or 0084, then 8 to 10 more digits in
# groups (0389 123 456, (028) 3823 4567, 028.3823.4567, 0389-123-456), glued to letters or not
# (SĐT0389123456); and a bare 8-digit landline (38234567; the price: a byte count of 8 digits reads
# as [phone] too). Separators: spaces, . - / ( ) – and ,.
_SEP = r"[\s.\-/()–,]{0,3}"
_PHONE = re.compile(
    # Not inside a hex or decimal number (0x7f00…, 0.00012345…); glued to letters or a hyphen is fine.
    rf"(?<![0-9A-Fa-fxX.])(?:\(?(?:\+|00)?84\)?|\(?0(?=\d))(?:{_SEP}\d){{8,10}}(?![\dA-Fa-f])"
    r"|(?<![0-9A-Fa-fxX.])\d{4}[\s.]?\d{4}(?!\d|\.\d)"
)
# Ids the log must keep whole (a case's UUID, a server's case number) though digits run in them.
_PROTECTED = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b1022-\d{4}-\d{6}\b", re.IGNORECASE
)
_WARNING_PLACE = re.compile(r"^(.*?):(\d+): (\w+):.*", re.DOTALL)
# Text in quotes, in a line from Qt or a library: the one place such a line would carry a value.
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|«[^»]*»|“[^”]*”")
# Libraries that would log the addresses they fetch (the server's paths carry ids, and a query
# could carry more) at DEBUG: at most their warnings reach the file.
_QUIET = ("urllib3", "requests", "keyring", "sqlalchemy", "alembic", "asyncio")


def mask_phones(text: str) -> str:
    """Every phone-shaped run of digits as ``[phone]``; ids (UUIDs, case numbers) kept whole."""
    kept: list[str] = []
    last = 0
    for match in _PROTECTED.finditer(text):
        kept.append(_PHONE.sub("[phone]", text[last : match.start()]))
        kept.append(match.group())
        last = match.end()
    kept.append(_PHONE.sub("[phone]", text[last:]))
    return "".join(kept)


def scrub_foreign(text: str) -> str:
    """A line from Qt, a library or ``warnings``: quoted text out too (the console's own lines
    quote nothing a caller said; others' might)."""
    return mask_phones(_QUOTED.sub("[text]", text))


def safe_traceback(
    kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
) -> str:
    """A traceback with every frame and exception type, and no exception message (see above)."""
    lines: list[str] = []
    chain: list[BaseException] = []
    seen: set[int] = set()
    current = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for number, link in enumerate(reversed(chain)):
        if number:
            lines.append("which led to:")
        frames = traceback.extract_tb(link.__traceback__ if link is not error else tb)
        lines.append("Traceback (most recent call last):")
        lines += [f'  File "{_short(f.filename)}", line {f.lineno}, in {f.name}' for f in frames]
        lines.append(f"{type(link).__module__}.{type(link).__qualname__}: {WITHHELD}")
    if not chain and kind is not None:
        lines.append(f"{kind.__module__}.{kind.__qualname__}: {WITHHELD}")
    return "\n".join(lines)


def _short(filename: str) -> str:
    """A frame's file from its package on (``operator_console/gui/shell/main_window.py``): the folders
    above it name the user's home."""
    parts = Path(filename).parts
    for anchor in ("site-packages", "operator_console", "_internal"):
        if anchor in parts:
            at = parts.index(anchor)
            return "/".join(parts[at + 1 :] if anchor != "operator_console" else parts[at:])
    return Path(filename).name


class SafeFormatter(logging.Formatter):
    def formatException(self, ei: logging._SysExcInfoType) -> str:
        kind, error, tb = ei
        return safe_traceback(kind, error, tb)

    def formatStack(self, stack_info: str) -> str:
        return stack_info

    def format(self, record: logging.LogRecord) -> str:
        # logging caches the first handler's rendering of the exception on the record (with its
        # message): render it afresh here, and leave the record as it was for other handlers.
        if not record.name.startswith(OWN):
            # Another's line: its message scrubbed (the traceback below is frames only anyway).
            message = record.getMessage()
            record = logging.makeLogRecord(record.__dict__)
            if record.name == "py.warnings":
                # "file:line: Category: message\n  source": the place and the kind, not the message.
                place = _WARNING_PLACE.match(message)
                message = f"{_short(place[1])}:{place[2]}: {place[3]}: {WITHHELD}" if place else WITHHELD
            record.msg, record.args = scrub_foreign(message), None
        cached, record.exc_text = record.exc_text, None
        try:
            return mask_phones(super().format(record))
        finally:
            record.exc_text = cached


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Each log file created readable by its user only (it sits beside the store)."""

    def _open(self):  # type: ignore[no-untyped-def]
        create_private(Path(self.baseFilename))
        return super()._open()


def log_folder(data: Path) -> Path:
    return private_folder(data / "logs")


def setup_logging(data: Path, level: str = "INFO") -> Path:
    """Send the console's logging to ``<data>/logs/console.log`` (rotated); returns the file."""
    path = log_folder(data) / LOG_FILE
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(SafeFormatter(FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level.upper() if level.upper() in LEVELS else "INFO")
    for name in _QUIET:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    logging.captureWarnings(True)
    return path


def close_logging() -> None:
    logging.captureWarnings(False)  # Python's own warning output again (and a later setup re-hooks)
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.NOTSET)
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    for handler in [h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()
