"""Sends the outbox to the central server: in order, each item once, whatever the network does.

:func:`drain` sends what is due, oldest first, and stops at the first item the server cannot take
now (unreachable, busy, garbage: retried after an exponential pause with jitter, or the server's
``Retry-After``), so the queue drains in order when the server comes back. An item the server
refuses for good (a 4xx retrying cannot fix) is set aside with the server's message for the
operator, and the rest goes on. A 401 stops everything until the operator logs in again.
Retrying is safe because every POST carries its idempotency key (the case's or the contact's local
id): a case the server took before the console crashed is answered again, not made twice.

:class:`~operator_console.client.sync_worker.SyncWorker` runs :func:`drain` on its own thread,
woken by each save.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from operator_console.client.api import AuthenticationNeeded, Refused, ServerClient, Unreachable
from operator_console.client.payload import case_body
from operator_console.client.replica_sync import case_from_server
from operator_console.domain.case import Contact
from operator_console.store.case_store import CaseStore
from operator_console.store.outbox import Outbox, OutboxItem
from operator_console.store.server_state import ServerCase

log = logging.getLogger(__name__)

BASE_DELAY_S = 2.0
MAX_DELAY_S = 300.0
MAX_RETRY_AFTER_S = 3600.0


def backoff(attempts: int, retry_after: float | None, rng: random.Random) -> float:
    """Seconds before the next try: the server's word if it gave one, else 2, 4, 8… up to 5 min,
    each scaled by a random half to whole (jitter: a hundred consoles do not all retry at once)."""
    if retry_after is not None:
        return min(retry_after, MAX_RETRY_AFTER_S)
    return float(min(MAX_DELAY_S, BASE_DELAY_S * 2**attempts) * rng.uniform(0.5, 1.0))


@dataclass(frozen=True)
class DrainReport:
    sent: int = 0
    refused: int = 0
    next_try: datetime | None = None
    """When the first waiting item is due again (the server could not take it)."""
    reason: str = ""
    """Why it waits, in the operator's language."""
    needs_login: bool = False
    failed: bool = False
    """The server was tried in this drain and could not take the item (else it was not due yet)."""


def _contact_body(contact: Contact) -> dict[str, Any]:
    phone = contact.caller.phone
    return {
        "received_at": contact.received_at.isoformat(),
        "channel": contact.channel.value,
        "caller_phone": phone.legacy_form or phone.national,
        "caller_name": contact.caller.name,
        "relation": contact.relation.value,
        "note": contact.note,
    }


def drain(
    store: CaseStore,
    outbox: Outbox,
    client: ServerClient,
    *,
    by: str,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    rng: random.Random | None = None,
    stop: threading.Event | None = None,
) -> DrainReport:
    rng = rng or random.Random()
    sent = refused = 0
    while stop is None or not stop.is_set():
        item = outbox.next_item()
        if item is None:
            return DrainReport(sent, refused)
        if item.next_attempt_at > now():
            return DrainReport(sent, refused, next_try=item.next_attempt_at, reason=outbox.state().last_error)
        # Logged: the item's kind, its ids and the server's codes; the server's messages stay in the
        # store (they may quote what was sent).
        try:
            _send(store, outbox, client, item, by, now())
            sent += 1
            if item.kind == "case":
                log.info("sent case %s", item.case_id)
            else:
                log.info("sent %s %s of case %s", item.kind, item.item_id, item.case_id)
        except Unreachable as exc:
            due = now() + timedelta(seconds=backoff(item.attempts, exc.retry_after, rng))
            outbox.retry_later(item.seq, due, exc.message)
            log.info(
                "%s %s not sent (%s); next try at %s", item.kind, item.item_id, _cause(exc), f"{due:%H:%M:%S}"
            )
            return DrainReport(sent, refused, next_try=due, reason=exc.message, failed=True)
        except AuthenticationNeeded as exc:
            log.info("the server asks for a login; %s %s waits", item.kind, item.item_id)
            return DrainReport(sent, refused, reason=exc.message, needs_login=True)
        except Refused as exc:
            details = "; ".join(f"{e.field}: {e.message}" for e in exc.errors)
            outbox.refuse(item.seq, f"{exc.message} ({details})" if details else exc.message)
            refused += 1
            fields = ",".join(e.field for e in exc.errors)
            log.warning(
                "server refused %s %s: HTTP %d %s %s", item.kind, item.item_id, exc.status, exc.code, fields
            )
    return DrainReport(sent, refused)


def _cause(error: Unreachable) -> str:
    """Why a request failed, as a type name (the message is in the operator's language)."""
    cause = error.__cause__
    return type(cause).__name__ if cause is not None else "server busy or unclear answer"


def _send(
    store: CaseStore, outbox: Outbox, client: ServerClient, item: OutboxItem, by: str, now: datetime
) -> None:
    case = store.get_case(item.case_id)
    if case is None:  # deleted locally (cannot happen today): nothing to send
        outbox.item_sent(item.seq, now)
        return
    if item.kind == "case":
        answer = client.create_case(case_body(case), idempotency_key=item.item_id)
        outbox.case_sent(
            item.seq,
            case.id,
            server_id=answer["id"],
            case_number=answer["case_number"],
            handling_unit=answer["handling_unit"],
            by=by,
            now=now,
            version=answer["version"] if isinstance(answer.get("version"), int) else None,
        )
        return
    if item.kind == "link":
        link = outbox.link_to_send(item.item_id)
        if link is None:  # cannot happen (links are never deleted): nothing to send
            outbox.item_sent(item.seq, now)
            return
        target, kind, note = link
        if item.server_case_id is None or target is None:
            raise Refused(422, "case_not_sent", "a case of this link was not accepted by the server")
        body = {"target_id": target, "kind": kind, "note": note}
        client.add_link(item.server_case_id, body, idempotency_key=item.item_id)
        outbox.item_sent(item.seq, now)
        return
    if item.kind == "change":
        change = outbox.change_to_send(item.item_id)
        if change is None:  # cannot happen (changes are never deleted): nothing to send
            outbox.item_sent(item.seq, now)
            return
        if item.server_case_id is None:
            raise Refused(422, "case_not_sent", "the case of this change was not accepted by the server")
        body, versions = change
        changed = client.update_case(
            item.server_case_id, body, idempotency_key=item.item_id, if_match=versions
        )
        try:
            now_on_server: ServerCase | None = case_from_server(changed.case)
        except Unreachable:
            now_on_server = None  # made on the server all the same; the feed brings its state
        outbox.change_sent(
            item.seq, item.item_id, now_on_server, (changed.applied_from, changed.applied_to), now
        )
        return
    contact = next((c for c in case.contacts if c.id == item.item_id), None)
    if contact is None or item.server_case_id is None:
        # The case itself was refused by the server: its repeat call cannot go on its own.
        raise Refused(422, "case_not_sent", "the case of this call was not accepted by the server")
    client.add_contact(item.server_case_id, _contact_body(contact), idempotency_key=item.item_id)
    outbox.item_sent(item.seq, now)
