"""Passwords, bearer tokens, machine keys and the login throttle.

Passwords: Argon2id (argon2-cffi's defaults follow RFC 9106's second recommended option); a hash
made with older parameters is upgraded at the next successful login.

Tokens are 256 random bits handed to the client once; the database keeps only their SHA-256, so a
stolen backup logs nobody in. A token expires (``token_ttl``, a shift by default) and logout
deletes it. Machine keys (Open311 channels, telephone exchanges) work the same way, without expiry.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from operator_console.server.db import insert_for
from operator_console.server.models import ClientKeyRow, LoginFailureRow, TokenRow, UserRow

_HASHER = PasswordHasher()
# Verifying against this when the user does not exist makes a wrong name cost as much time as a
# wrong password: the answer's timing does not tell which names exist.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")
FREE_FAILURES = 5
"""Failed logins allowed before each next attempt must wait (30 s, 1 min, 2 min… up to 15 minutes).

The first wait is 30 s, not 1 s: a guessing script got a try a second at first, and how many tries
slipped through depended on how fast the server answered (a busy server let a sixth one through).
An operator who mistyped five times reads the wait in the login dialog."""
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(minutes=15)
FORGET_FAILURES_AFTER = timedelta(days=1)
MIN_PASSWORD_LENGTH = 8


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    UNIT = "unit"
    """A unit handler: sees and updates only the cases of its own unit."""
    MONITOR = "monitor"
    """People's Council / Fatherland Front: reads everything, changes nothing."""
    ADMIN = "admin"


DUTIES = ("triage",)
"""Duties an admin gives an account on top of its role. ``triage``: an operator who routes the cases
waiting at the triage desk (a supervisor routes any case anyway)."""


def duties_of(text: str) -> frozenset[str]:
    return frozenset(d for d in text.split(",") if d in DUTIES)


@dataclass(frozen=True)
class Principal:
    """Who is asking: a logged-in user."""

    user_id: int
    username: str
    role: Role
    unit_code: str | None
    duties: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return f"user:{self.user_id}"


@dataclass(frozen=True)
class Machine:
    """A channel's or an exchange's key."""

    name: str
    kind: str
    channel: str | None
    full_reads: bool = False
    """A channel that reads back in full what it posted (see ``ClientKeyRow.full_reads``)."""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.name}"


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class LoginThrottled(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


def begin_attempt(session: Session, username: str, now: datetime) -> None:
    """Count a login attempt for this name before its password is checked, or refuse it.

    Counting first (and forgetting the count after a success) means that attempts made at the
    same moment cannot all slip past the limit before any of them has failed. The row is locked
    for the decision (``FOR UPDATE`` on PostgreSQL; SQLite writes one at a time), so concurrent
    attempts are counted one by one. Raises :class:`LoginThrottled` while the name must wait.
    """
    key = username.casefold()[:80]
    upsert = insert_for(session, LoginFailureRow)
    session.execute(
        upsert.values(username=key, failures=0, last_failed_at=now).on_conflict_do_nothing(
            index_elements=["username"]
        )
    )
    row = session.scalars(
        select(LoginFailureRow).where(LoginFailureRow.username == key).with_for_update()
    ).one()
    if row.failures >= FREE_FAILURES:
        # The exponent capped: a name tried every 15 minutes for days must not overflow timedelta.
        wait = min(FIRST_LOCK * 2 ** min(row.failures - FREE_FAILURES, 10), MAX_LOCK)
        remaining = row.last_failed_at + wait - now
        if remaining > timedelta(0):
            raise LoginThrottled(max(1, int(remaining.total_seconds() + 0.999)))
    row.failures += 1
    row.last_failed_at = now
    # Names nobody has tried for a day are forgotten: the table cannot grow without bound.
    session.execute(
        delete(LoginFailureRow).where(LoginFailureRow.last_failed_at < now - FORGET_FAILURES_AFTER)
    )


def check_password(user: UserRow | None, password: str) -> bool:
    """Argon2 verification (about 0.1 s of CPU), done outside any transaction; a missing user
    costs the same time as a wrong password."""
    stored = user.password_hash if user is not None else _DUMMY_HASH
    try:
        ok: bool = _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        ok = False
    return ok and user is not None and user.active


def login_succeeded(session: Session, user: UserRow, password: str) -> None:
    """Forget the name's counted attempts; upgrade a hash made with older parameters."""
    session.execute(delete(LoginFailureRow).where(LoginFailureRow.username == user.username.casefold()))
    if _HASHER.check_needs_rehash(user.password_hash):
        session.execute(
            update(UserRow).where(UserRow.id == user.id).values(password_hash=_HASHER.hash(password))
        )


def issue_token(session: Session, user: UserRow, now: datetime, ttl: timedelta) -> tuple[str, datetime]:
    token = new_secret()
    expires = now + ttl
    session.add(TokenRow(digest=digest(token), user_id=user.id, issued_at=now, expires_at=expires))
    session.execute(delete(TokenRow).where(TokenRow.expires_at < now - timedelta(days=1)))
    return token, expires


class TokenProblem(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def principal_for(session: Session, token: str, now: datetime) -> Principal:
    row = session.get(TokenRow, digest(token))
    if row is None:
        raise TokenProblem("token_invalid")
    if row.expires_at <= now:
        raise TokenProblem("token_expired")
    user = session.get(UserRow, row.user_id)
    if user is None or not user.active:
        raise TokenProblem("token_invalid")
    return Principal(user.id, user.username, Role(user.role), user.unit_code, duties_of(user.duties))


def revoke(session: Session, token: str) -> None:
    session.execute(delete(TokenRow).where(TokenRow.digest == digest(token)))


def machine_for(session: Session, key: str, kind: str) -> Machine | None:
    row = session.get(ClientKeyRow, digest(key))
    if row is None or row.kind != kind:
        return None
    return Machine(row.name, row.kind, row.channel, row.full_reads)
