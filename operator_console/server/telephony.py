"""Call events from the telephone exchange, in the style of Zammad's CTI push API.

The exchange posts form fields for each event of a call:

- ``event=newCall``: ``callId``, ``from``, ``to``, ``direction`` (``in``/``out``), ``user``
  (repeated: the operators whose phones ring);
- ``event=answer``: ``callId``, ``user`` (the operator's user name here), ``answeringNumber``;
- ``event=hangup``: ``callId``, ``cause`` (``normalClearing``, ``cancel``, ``noAnswer``, ``busy``…).

It authenticates with its own key (``X-Exchange-Key``; ``operator-console-server create-key
--kind exchange``), never with a person's token. Events may repeat or arrive late: each only moves
a call forward (an answer never undoes a hang-up). A console asks ``/telephony/calls/current`` to
learn who its operator is talking to.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Form, Header, Request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from operator_console.server.db import transaction
from operator_console.server.deps import API, AUTH_ERRORS, current_principal, runtime
from operator_console.server.models import CallRow
from operator_console.server.problems import ProblemError, responses
from operator_console.server.schemas import Ack, CallOut
from operator_console.server.security import Machine, Principal, Role, machine_for

KEY_HEADER = "X-Exchange-Key"
RECENT = timedelta(hours=12)
PREFIX = f"{API}/telephony/"


def _exchange(
    request: Request,
    key: Annotated[str | None, Header(alias=KEY_HEADER, description="The exchange's key")] = None,
) -> Machine:
    if not key:
        raise ProblemError("key_invalid")
    with transaction(runtime(request).reads) as session:
        machine = machine_for(session, key, "exchange")
    if machine is None:
        raise ProblemError("key_invalid")
    return machine


def add_routes(app: FastAPI) -> None:
    @app.post(
        f"{PREFIX}events",
        tags=["telephony"],
        response_model=Ack,
        responses=responses(401, 413, 422, 429, 503),
    )
    def call_event(
        request: Request,
        exchange: Annotated[Machine, Depends(_exchange)],
        event: Annotated[Literal["newCall", "answer", "hangup"], Form()],
        call_id: Annotated[str, Form(alias="callId", min_length=1, max_length=100)],
        from_: Annotated[str, Form(alias="from", max_length=40)] = "",
        to: Annotated[str, Form(max_length=40)] = "",
        direction: Annotated[Literal["in", "out"], Form()] = "in",
        user: Annotated[list[str] | None, Form(max_length=20)] = None,
        cause: Annotated[str, Form(max_length=40)] = "",
    ) -> Ack:
        now = datetime.now(UTC)
        factory = runtime(request).factory
        for _attempt in range(2):
            try:
                with transaction(factory) as session:
                    call = session.scalars(
                        select(CallRow).where(CallRow.exchange == exchange.name, CallRow.call_id == call_id)
                    ).first()
                    if call is None:
                        call = CallRow(
                            exchange=exchange.name,
                            call_id=call_id,
                            direction=direction,
                            from_phone=from_,
                            to_number=to,
                            started_at=now,
                            cause="",
                        )
                        session.add(call)
                    if event == "newCall" and user:
                        call.ringing = " ".join(u.strip() for u in user if u.strip())[:2000]
                    if event == "answer" and call.answered_at is None and call.ended_at is None:
                        call.answered_at = now
                        call.operator = user[0] if user else None
                    elif event == "hangup" and call.ended_at is None:
                        call.ended_at = now
                        call.cause = cause
                return Ack()
            except IntegrityError:
                continue  # the same call's first event from two connections at once: read it again
        return Ack()

    @app.get(
        f"{PREFIX}calls/current",
        tags=["telephony"],
        response_model=CallOut | None,
        responses=responses(*AUTH_ERRORS),
    )
    def current_call(
        request: Request, who: Annotated[Principal, Depends(current_principal)]
    ) -> CallOut | None:
        """The call this operator is on (answered), or else one ringing at their phone, or null."""
        if who.role not in (Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN):
            raise ProblemError("forbidden")
        now = datetime.now(UTC)
        with transaction(runtime(request).reads) as session:
            recent = (CallRow.ended_at.is_(None), CallRow.started_at >= now - RECENT)
            call = session.scalars(
                select(CallRow)
                .where(CallRow.operator == who.username, *recent)
                .order_by(CallRow.answered_at.desc())
            ).first()
            if call is None:
                # Ringing at this operator's phone: the console can show who calls before the pickup.
                ringing = session.scalars(
                    select(CallRow)
                    .where(CallRow.answered_at.is_(None), CallRow.ringing != "", *recent)
                    .order_by(CallRow.started_at.desc())
                    .limit(50)
                )
                call = next((c for c in ringing if who.username in c.ringing.split()), None)
            if call is None:
                return None
            return CallOut(
                call_id=call.call_id,
                direction=call.direction,
                from_phone=call.from_phone,
                started_at=call.started_at,
                answered_at=call.answered_at,
                operator=call.operator,
            )
