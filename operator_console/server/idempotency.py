"""Idempotency keys, after draft-ietf-httpapi-idempotency-key-header.

The first request with a key records it *in flight* (committed at once, with a lease), does its
work, and stores its answer with the key in the work's own transaction. Then:

- the same key and the same body again: the stored answer, again (``Idempotent-Replayed: true``);
- the same key with another body: 422;
- the same key while the first request is still in flight: 409 (retry shortly);
- the first request failed (a validation error, a crash): the key is released, a retry runs anew;
- a worker died holding a lease: once the lease has run out, the next retry takes the key over;
- the server died (a crash, a power cut): at its next start every lease still held is let go
  (:func:`release_leases`), so the consoles' ordered outboxes drain at once instead of waiting out
  the lease behind a key whose request died with the server.

Keys are scoped to the caller and the operation and kept for good (a unique constraint, not a
cache that forgets after a day: a console may be offline for days before it retries).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from operator_console.server.db import transaction
from operator_console.server.models import IdempotencyRow
from operator_console.server.problems import ProblemError

LEASE = timedelta(seconds=60)
"""Longer than a request should ever take (database waits are capped at 30 s, see ``db``): past
it, the first request's worker is taken for dead. Should it be alive after all, its result is
rolled back when it finds its lease taken, so a key still makes one result."""
_KEY_CHARS = frozenset(chr(c) for c in range(0x21, 0x7F))


def parse_key(header: str | None) -> str:
    """The key from the header, bare (``abc``) or as a structured-field string (``"abc"``)."""
    if header is None or not header.strip():
        raise ProblemError("idempotency_key_missing")
    value = header.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if not (1 <= len(value) <= 200) or not set(value) <= _KEY_CHARS | {" "} or value != value.strip():
        raise ProblemError("idempotency_key_invalid")
    return value


# Fields that say how a client came to a value, not what the request is: left out of its identity,
# so that a request from a client that did not send them (an earlier release) is the same request.
NOT_IDENTITY = frozenset({"ward_checked"})


ADDED_LATER = frozenset({"caller_email", "lat", "long", "media_url", "channel_refs", "subject_age"})
"""Fields a body gained in a later release (Open311's e-mail, pin, photo, the app's references).
Left empty they are not part of the identity: a case sent by a console before the server's
upgrade, and retried after it, is still the same request."""


def _empty(value: object) -> bool:
    if isinstance(value, BaseModel):
        return not any(value.model_dump().values())
    return value is None or value == ""


def request_identity(body: BaseModel) -> dict[str, Any]:
    """What makes two requests with one key the same request."""
    fields = set(type(body).model_fields)
    unset_later = {name for name in ADDED_LATER & fields if _empty(getattr(body, name))}
    return body.model_dump(mode="json", exclude=set(NOT_IDENTITY & fields) | unset_later)


def earlier_identity(body: BaseModel) -> dict[str, Any]:
    """The identity an earlier release gave this request: it dropped the later fields, given or not."""
    fields = set(type(body).model_fields)
    return body.model_dump(mode="json", exclude=set((NOT_IDENTITY | ADDED_LATER) & fields))


def body_hash(body: Any) -> str:
    """The same request body hashes the same, whatever its key order or spacing."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict[str, Any]
    replayed: bool


Work = Callable[[Session], tuple[int, dict[str, Any]]]


def run_once(
    factory: sessionmaker[Session],
    principal: str,
    scope: str,
    key: str,
    request_hash: str,
    work: Work,
    also_same: Collection[str] = (),
) -> Outcome:
    """Run ``work`` once for this key, or give back what its first run answered.

    ``also_same``: hashes of this very request as an earlier release would have sent it (a
    console's store upgraded between a send and its retry sends official ward codes where its
    first try sent draft ones): a key stored with one of them is not a key reused.
    """
    claim = _claim(factory, principal, scope, key, request_hash, frozenset(also_same))
    if isinstance(claim, Outcome):
        return claim
    claim_id, lease = claim
    mine = (
        IdempotencyRow.id == claim_id,
        IdempotencyRow.state == "in_flight",
        IdempotencyRow.lease_until == lease,
    )
    try:
        with transaction(factory) as session:
            status, body = work(session)
            stored = session.execute(
                update(IdempotencyRow)
                .where(*mine)
                .values(state="done", response_status=status, response_body=json.dumps(body, default=str))
            )
            if stored.rowcount != 1:  # type: ignore[attr-defined]
                # This request outlived its lease and a retry took the key over: the work is rolled
                # back, so that the key makes one result only (the retry's).
                raise ProblemError("idempotency_in_flight", headers={"Retry-After": "1"})
    except BaseException:
        with transaction(factory) as session:
            session.execute(delete(IdempotencyRow).where(*mine))
        raise
    return Outcome(status, body, replayed=False)


def release_leases(factory: sessionmaker[Session], now: datetime) -> int:
    """At the server's start: every key still *in flight* was claimed by a request of a process that
    is gone (its work was rolled back with it); its lease ends now, so the next retry runs at once.
    How many were let go.

    With several servers on one database, a start also lets go of the leases of requests still
    running on the others: a retry may then run beside one of them, and whichever finishes second
    finds its lease taken and rolls its work back (see :func:`run_once`), so a key still makes one
    result; a wasted request is the price, only at a start."""
    with transaction(factory) as session:
        result = session.execute(
            update(IdempotencyRow)
            .where(IdempotencyRow.state == "in_flight", IdempotencyRow.lease_until > now)
            .values(lease_until=now)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


def _claim(
    factory: sessionmaker[Session],
    principal: str,
    scope: str,
    key: str,
    request_hash: str,
    also_same: frozenset[str],
) -> tuple[int, datetime] | Outcome:
    """The key's row id and this request's lease on it, or the stored answer (or an error)."""
    for _attempt in range(3):
        now = datetime.now(UTC)
        try:
            with transaction(factory) as session:
                row = session.scalars(
                    select(IdempotencyRow).where(
                        IdempotencyRow.principal == principal,
                        IdempotencyRow.scope == scope,
                        IdempotencyRow.key == key,
                    )
                ).first()
                if row is None:
                    row = IdempotencyRow(
                        principal=principal,
                        scope=scope,
                        key=key,
                        request_hash=request_hash,
                        state="in_flight",
                        lease_until=now + LEASE,
                        created_at=now,
                    )
                    session.add(row)
                    session.flush()
                    return row.id, row.lease_until
                if row.request_hash != request_hash and row.request_hash not in also_same:
                    raise ProblemError("idempotency_key_reused")
                if row.state == "done":
                    assert row.response_status is not None and row.response_body is not None
                    return Outcome(row.response_status, json.loads(row.response_body), replayed=True)
                if row.lease_until > now:
                    raise ProblemError("idempotency_in_flight", headers={"Retry-After": "1"})
                lease = now + LEASE
                taken = session.execute(
                    update(IdempotencyRow)
                    .where(IdempotencyRow.id == row.id, IdempotencyRow.lease_until == row.lease_until)
                    .values(lease_until=lease)
                )
                if taken.rowcount == 1:  # type: ignore[attr-defined]
                    return row.id, lease
        except IntegrityError:
            continue  # another request inserted the same key a moment ago: read its row
    raise ProblemError("idempotency_in_flight", headers={"Retry-After": "1"})
