"""An administrator's resources: the units cases are routed to, and the accounts with their roles
and duties (the command line, ``operator-console-server create-user`` and friends, does the same)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from sqlalchemy import select

from operator_console.server import accounts
from operator_console.server.db import transaction
from operator_console.server.deps import API, AUTH_ERRORS, Admin, RuntimeDep, now_utc
from operator_console.server.models import UserRow
from operator_console.server.problems import responses
from operator_console.server.schemas import UnitIn, UnitOut, UserIn, UserOut, UserPatch

router = APIRouter(tags=["admin"])


@router.post(f"{API}/units", status_code=201, response_model=UnitOut, responses=responses(409, *AUTH_ERRORS))
def create_unit(rt: RuntimeDep, _who: Admin, body: UnitIn) -> UnitOut:
    with transaction(rt.factory) as session:
        row = accounts.create_unit(session, body)
    rt.reference.forget_units()
    return UnitOut(code=row.code, name=row.name, kind=row.kind, ward_code=row.ward_code, active=row.active)


@router.get(f"{API}/users", response_model=list[UserOut], responses=responses(*AUTH_ERRORS))
def users(rt: RuntimeDep, _who: Admin) -> list[UserOut]:
    with transaction(rt.reads) as session:
        return [accounts.user_out(u) for u in session.scalars(select(UserRow).order_by(UserRow.username))]


@router.post(f"{API}/users", status_code=201, response_model=UserOut, responses=responses(409, *AUTH_ERRORS))
def create_user(rt: RuntimeDep, _who: Admin, body: UserIn) -> UserOut:
    with transaction(rt.factory) as session:
        return accounts.user_out(accounts.create_user(session, body, now_utc()))


@router.patch(f"{API}/users/{{username}}", response_model=UserOut, responses=responses(404, *AUTH_ERRORS))
def change_user(
    rt: RuntimeDep, _who: Admin, username: Annotated[str, PathParam(max_length=80)], body: UserPatch
) -> UserOut:
    """Give an account its duties (``triage``: an operator routes the cases waiting at triage)."""
    with transaction(rt.factory) as session:
        return accounts.user_out(accounts.set_duties(session, username, body.duties))
