"""Units, users and machine keys: what an admin creates (from the command line or the API)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from operator_console.paths import resource
from operator_console.server.models import ClientKeyRow, TokenRow, UnitRow, UserRow
from operator_console.server.problems import FieldProblem, ProblemError
from operator_console.server.schemas import UnitIn, UserIn, UserOut
from operator_console.server.security import (
    DUTIES,
    MIN_PASSWORD_LENGTH,
    Role,
    digest,
    duties_of,
    hash_password,
    new_secret,
)

CHANNELS_FOR_KEYS = ("web", "zalo", "app")


def seed_units(session: Session) -> int:
    """Create the shipped units that are missing (never renames or deletes one); how many were new."""
    data = json.loads(resource("data", "units.json").read_text(encoding="utf-8"))
    known = set(session.scalars(select(UnitRow.code)))
    new = [u for u in data["units"] if u["code"] not in known]
    session.add_all(
        UnitRow(code=u["code"], name=u["name"], kind=u["kind"], ward_code=u.get("ward_code"), active=True)
        for u in new
    )
    return len(new)


def unit_codes(session: Session) -> set[str]:
    return set(session.scalars(select(UnitRow.code).where(UnitRow.active)))


def create_unit(session: Session, body: UnitIn) -> UnitRow:
    if session.get(UnitRow, body.code) is not None:
        raise ProblemError("conflict", f"unit {body.code} exists already")
    row = UnitRow(
        code=body.code, name=body.name.strip(), kind=body.kind, ward_code=body.ward_code, active=True
    )
    session.add(row)
    return row


def create_user(session: Session, body: UserIn, now: datetime) -> UserRow:
    if body.role == Role.UNIT.value and not body.unit_code:
        raise ProblemError(
            "validation", errors=[FieldProblem(field="unit_code", message="a unit handler belongs to a unit")]
        )
    if body.unit_code is not None and session.get(UnitRow, body.unit_code) is None:
        raise ProblemError("validation", errors=[FieldProblem(field="unit_code", message="no such unit")])
    if session.scalars(select(UserRow).where(UserRow.username == body.username)).first() is not None:
        raise ProblemError("conflict", f"user {body.username} exists already")
    _check_duties(body.role, body.duties)
    row = UserRow(
        username=body.username,
        display_name=body.display_name.strip(),
        role=body.role,
        unit_code=body.unit_code if body.role == Role.UNIT.value else None,
        duties=",".join(sorted(set(body.duties))),
        password_hash=hash_password(body.password),
        active=True,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


def _check_duties(role: str, duties: Iterable[str]) -> None:
    # Triage is an operator's extra duty: a supervisor routes every case already, and a unit's
    # focal point or a monitor routing the city's unrouted cases would be a mistake to refuse.
    unknown = set(duties) - set(DUTIES)
    if unknown or (duties and role != Role.OPERATOR.value):
        message = "unknown duty" if unknown else "triage is a duty for an operator (supervisors route anyway)"
        raise ProblemError("validation", errors=[FieldProblem(field="duties", message=message)])


def set_duties(session: Session, username: str, duties: Iterable[str]) -> UserRow:
    """Give an account its duties (replacing the ones it had): effective at its next request."""
    row = session.scalars(select(UserRow).where(UserRow.username == username)).first()
    if row is None:
        raise ProblemError("not_found", f"no user {username}")
    wanted = sorted(set(duties))
    _check_duties(row.role, wanted)
    row.duties = ",".join(wanted)
    return row


def user_out(row: UserRow) -> UserOut:
    return UserOut(
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        unit_code=row.unit_code,
        active=row.active,
        duties=sorted(duties_of(row.duties)),
    )


def create_client_key(
    session: Session,
    name: str,
    kind: str,
    channel: str | None,
    now: datetime,
    secret: str | None = None,
    *,
    full_reads: bool = False,
) -> str:
    """A new key for a channel (Open311) or a telephone exchange; the secret is shown once.

    ``secret`` is for the demo's published keys only; real keys are random. ``full_reads``: the
    channel reads back in full what it posted (a server-side integration); without it, the key
    posts and reads only what is public (a form on a public page, an app holding the key).
    """
    if kind not in ("channel", "exchange"):
        raise ValueError(kind)
    if kind == "channel" and channel not in CHANNELS_FOR_KEYS:
        raise ValueError(f"channel must be one of {', '.join(CHANNELS_FOR_KEYS)}")
    if session.scalars(select(ClientKeyRow).where(ClientKeyRow.name == name)).first() is not None:
        raise ProblemError("conflict", f"a key named {name} exists already")
    secret = secret or new_secret()
    session.add(
        ClientKeyRow(
            digest=digest(secret),
            name=name,
            kind=kind,
            channel=channel if kind == "channel" else None,
            created_at=now,
            full_reads=full_reads and kind == "channel",
        )
    )
    return secret


def _user(session: Session, username: str) -> UserRow:
    user = session.scalars(select(UserRow).where(UserRow.username == username)).first()
    if user is None:
        raise ProblemError("not_found", f"no user {username}")
    return user


def disable_user(session: Session, username: str) -> None:
    """The account stops at once: no login, and its tokens are deleted."""
    user = _user(session, username)
    user.active = False
    session.execute(delete(TokenRow).where(TokenRow.user_id == user.id))


def set_password(session: Session, username: str, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ProblemError(
            "validation",
            errors=[FieldProblem(field="password", message=f"at least {MIN_PASSWORD_LENGTH} characters")],
        )
    user = _user(session, username)
    user.password_hash = hash_password(password)
    user.active = True
    session.execute(delete(TokenRow).where(TokenRow.user_id == user.id))


def set_key_reads(session: Session, name: str, *, full: bool) -> None:
    """Whether a channel's key reads back in full what it posted (see ``ClientKeyRow.full_reads``)."""
    row = session.scalars(select(ClientKeyRow).where(ClientKeyRow.name == name)).first()
    if row is None or row.kind != "channel":
        raise ProblemError("not_found", f"no channel key named {name}")
    row.full_reads = full


def revoke_client_key(session: Session, name: str) -> None:
    removed = session.execute(delete(ClientKeyRow).where(ClientKeyRow.name == name))
    if not removed.rowcount:  # type: ignore[attr-defined]
        raise ProblemError("not_found", f"no key named {name}")
