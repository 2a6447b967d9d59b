"""What the endpoints depend on: the runtime, the caller's language, who is asking and their role."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import OAuth2PasswordBearer

from operator_console.domain.messages import Language
from operator_console.server.db import transaction
from operator_console.server.problems import ProblemError, language_of
from operator_console.server.runtime import Runtime
from operator_console.server.security import Principal, Role, TokenProblem, principal_for

API = "/api/v1"
ALL_ROLES = frozenset(Role)
WRITERS = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
"""Who takes calls and records them: new cases, repeat contacts, links, heartbeats."""
OVERSIGHT = frozenset({Role.SUPERVISOR, Role.MONITOR, Role.ADMIN})
ADMINS = frozenset({Role.ADMIN})
UPDATERS = frozenset({Role.UNIT, Role.SUPERVISOR, Role.ADMIN, Role.OPERATOR})
"""Who changes a case: a unit handler moves its own unit's along, a supervisor also re-routes and
re-prioritises, an operator records a call back (``cases.patch_case`` says who may change what)."""
AUTH_ERRORS = (401, 403, 413, 422, 429, 503)

bearer = OAuth2PasswordBearer(tokenUrl=f"{API}/auth/token", auto_error=False)


def now_utc() -> datetime:
    return datetime.now(UTC)


def runtime(request: Request) -> Runtime:
    value: Runtime = request.app.state.runtime
    return value


def language(accept_language: Annotated[str | None, Header()] = None) -> Language:
    return language_of(accept_language)


RuntimeDep = Annotated[Runtime, Depends(runtime)]
LanguageDep = Annotated[Language, Depends(language)]


def current_principal(rt: RuntimeDep, token: Annotated[str | None, Depends(bearer)]) -> Principal:
    if not token:
        raise ProblemError("not_authenticated", headers={"WWW-Authenticate": "Bearer"})
    try:
        with transaction(rt.reads) as session:
            return principal_for(session, token, now_utc())
    except TokenProblem as exc:
        raise ProblemError(exc.code, headers={"WWW-Authenticate": "Bearer"}) from exc


def allow(roles: frozenset[Role]) -> Callable[[Principal], Principal]:
    def check(who: Annotated[Principal, Depends(current_principal)]) -> Principal:
        if who.role not in roles:
            raise ProblemError("forbidden")
        return who

    return check


Anyone = Annotated[Principal, Depends(allow(ALL_ROLES))]
Writer = Annotated[Principal, Depends(allow(WRITERS))]
Overseer = Annotated[Principal, Depends(allow(OVERSIGHT))]
Admin = Annotated[Principal, Depends(allow(ADMINS))]
Updater = Annotated[Principal, Depends(allow(UPDATERS))]
