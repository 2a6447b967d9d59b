"""``/auth/token`` and ``/me``: logging in for a shift, logging out, and who the token is."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Form
from sqlalchemy import select

from operator_console.server import accounts
from operator_console.server.db import transaction
from operator_console.server.deps import API, AUTH_ERRORS, Anyone, RuntimeDep, bearer, now_utc
from operator_console.server.models import UserRow
from operator_console.server.problems import ProblemError, responses
from operator_console.server.schemas import Ack, TokenOut, UserOut
from operator_console.server.security import (
    LoginThrottled,
    begin_attempt,
    check_password,
    duties_of,
    issue_token,
    login_succeeded,
    revoke,
)

log = logging.getLogger("operator_console.server")
router = APIRouter(tags=["auth"])


@router.post(f"{API}/auth/token", response_model=TokenOut, responses=responses(401, 413, 422, 429, 503))
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


@router.delete(f"{API}/auth/token", response_model=Ack, responses=responses(*AUTH_ERRORS))
def logout(rt: RuntimeDep, _who: Anyone, token: Annotated[str | None, Depends(bearer)]) -> Ack:
    """Log out: the token stops working at once."""
    assert token is not None
    with transaction(rt.factory) as session:
        revoke(session, token)
    return Ack()


@router.get(f"{API}/me", response_model=UserOut, responses=responses(*AUTH_ERRORS))
def me(rt: RuntimeDep, who: Anyone) -> UserOut:
    with transaction(rt.reads) as session:
        user = session.get(UserRow, who.user_id)
        assert user is not None
        return accounts.user_out(user)
