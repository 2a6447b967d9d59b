"""Who may do what: each role against each endpoint, a unit handler kept to its unit, tokens, limits."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select, text

from operator_console.server.db import open_engine, session_factory, transaction
from operator_console.server.idempotency import body_hash, request_identity
from operator_console.server.models import IdempotencyRow, TokenRow, UserRow
from operator_console.server.schemas import CaseIn
from operator_console.server.security import digest
from tests.server.harness import (
    USERS,
    Server,
    drop_database,
    fresh_database,
    key,
    new_case,
    prepare,
    running_server,
)

ROLES = ["operator", "supervisor", "unit", "monitor", "admin"]
# (method, path, the roles allowed); {case} is a case of unit A.
MATRIX = [
    ("POST", "/cases", {"operator", "supervisor", "admin"}),
    ("GET", "/cases", set(ROLES)),
    ("GET", "/cases/{case}", set(ROLES)),
    ("PATCH", "/cases/{case}", {"unit", "supervisor", "admin"}),
    ("POST", "/cases/{case}/contacts", {"operator", "supervisor", "admin"}),
    ("POST", "/cases/{case}/links", {"operator", "supervisor", "admin"}),
    ("GET", "/changes", set(ROLES)),
    ("GET", "/units", set(ROLES)),
    ("POST", "/units", {"admin"}),
    ("GET", "/users", {"admin"}),
    ("POST", "/users", {"admin"}),
    ("GET", "/routing-rules", set(ROLES)),
    ("GET", "/stats/queue", {"supervisor", "monitor", "admin"}),
    ("POST", "/heartbeat", {"operator", "supervisor", "admin"}),
    ("GET", "/telephony/calls/current", {"operator", "supervisor", "admin"}),
]


def _body(method: str, path: str, case: dict[str, str], target: dict[str, str]) -> dict[str, Any] | None:
    suffix = key()[:8]
    return {
        ("POST", "/cases"): new_case(),
        ("PATCH", "/cases/{case}"): {"note": "đã xem"},
        ("POST", "/cases/{case}/contacts"): {"caller_name": "Người gọi lại"},
        ("POST", "/cases/{case}/links"): {"target_id": target["id"], "kind": "related"},
        ("POST", "/units"): {"code": f"test-{suffix}", "name": "Đơn vị thử", "kind": "other"},
        ("POST", "/users"): {"username": f"u{suffix}", "password": "a-long-password", "role": "operator"},
        ("POST", "/heartbeat"): {"console_id": f"console-{suffix}", "outbox_size": 0},
    }.get((method, path))


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_its_endpoints(server: Server, role: str) -> None:
    operator = server.session("operator")
    case = operator.post(
        server.api("/cases"), json=new_case(), headers={"Idempotency-Key": key()}, timeout=30
    ).json()
    http = server.session(role)
    for method, path, allowed in MATRIX:
        target = operator.post(
            server.api("/cases"), json=new_case(), headers={"Idempotency-Key": key()}, timeout=30
        ).json()
        answer = http.request(
            method,
            server.api(path.format(case=case["id"])),
            json=_body(method, path, case, target),
            headers={"Idempotency-Key": key()},
            timeout=30,
        )
        if role in allowed:
            assert answer.status_code < 400, (role, method, path, answer.text)
        else:
            assert answer.status_code == 403, (role, method, path, answer.status_code)
            assert answer.json()["code"] == "forbidden"


def test_a_unit_handler_sees_and_updates_only_its_own_units_cases(server: Server) -> None:
    case = (
        server.session("operator")
        .post(server.api("/cases"), json=new_case(), headers={"Idempotency-Key": key()}, timeout=30)
        .json()
    )
    other_unit = server.session("unit_b")
    url = server.api(f"/cases/{case['id']}")
    assert other_unit.get(url, timeout=30).status_code == 404
    assert other_unit.patch(url, json={"status": "accepted"}, timeout=30).status_code == 404
    listed = other_unit.get(server.api("/cases"), params={"limit": 500}, timeout=30).json()["items"]
    assert case["id"] not in {c["id"] for c in listed}
    assert all(c["handling_unit"] == "ubnd-27004" for c in listed)
    feed = other_unit.get(server.api("/changes"), params={"limit": 1000}, timeout=30).json()["items"]
    assert case["id"] not in {item["case_id"] for item in feed}
    assert server.session("unit").get(url, timeout=30).status_code == 200
    rerouted = server.session("unit").patch(url, json={"handling_unit": "ubnd-27004"}, timeout=30)
    assert rerouted.status_code == 403


def test_a_monitor_reads_everything_and_changes_nothing(server: Server) -> None:
    monitor = server.session("monitor")
    assert monitor.get(server.api("/stats/queue"), timeout=30).status_code == 200
    for method, path in (("POST", "/cases"), ("PATCH", "/cases/x"), ("POST", "/heartbeat")):
        answer = monitor.request(
            method, server.api(path), json={}, headers={"Idempotency-Key": key()}, timeout=30
        )
        assert answer.status_code == 403, (method, path)


def test_no_token_a_forged_token_and_an_expired_token_are_refused(server: Server) -> None:
    url = server.api("/cases")
    assert requests.get(url, timeout=30).json()["code"] == "not_authenticated"
    forged = requests.get(url, headers={"Authorization": "Bearer not-a-token-we-gave"}, timeout=30)
    assert forged.status_code == 401 and forged.json()["code"] == "token_invalid"
    assert forged.headers["WWW-Authenticate"] == "Bearer"
    engine = open_engine(server.database_url)
    with transaction(session_factory(engine)) as session:
        user = session.scalars(select(UserRow).where(UserRow.username == USERS["operator"][0])).one()
        past = datetime.now(UTC) - timedelta(minutes=1)
        session.add(
            TokenRow(digest=digest("an-expired-token"), user_id=user.id, issued_at=past, expires_at=past)
        )
    engine.dispose()
    expired = requests.get(url, headers={"Authorization": "Bearer an-expired-token"}, timeout=30)
    assert expired.status_code == 401 and expired.json()["code"] == "token_expired"


def test_logout_ends_the_token_at_once(server: Server) -> None:
    login = requests.post(
        server.api("/auth/token"), data={"username": "op", "password": "test-password-1022"}, timeout=30
    )
    token = login.json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert requests.get(server.api("/me"), headers=headers, timeout=30).json()["username"] == "op"
    assert requests.delete(server.api("/auth/token"), headers=headers, timeout=30).status_code == 200
    assert requests.get(server.api("/me"), headers=headers, timeout=30).status_code == 401


def test_many_wrong_passwords_at_the_same_moment_get_no_more_tries_than_one_after_another(
    server: Server,
) -> None:
    url = server.api("/auth/token")

    def attempt(i: int) -> int:
        return requests.post(url, data={"username": "op2", "password": f"guess-{i}"}, timeout=60).status_code

    with ThreadPoolExecutor(12) as pool:
        codes = list(pool.map(attempt, range(24)))
    assert codes.count(401) <= 5, codes
    assert codes.count(429) >= 19


def test_repeated_failed_logins_are_slowed_down_and_a_good_password_then_waits_too(server: Server) -> None:
    url = server.api("/auth/token")
    answers = [
        requests.post(url, data={"username": "mon", "password": f"wrong-{i}"}, timeout=30) for i in range(6)
    ]
    assert [a.status_code for a in answers[:5]] == [401] * 5
    assert answers[0].json()["code"] == "login_failed"
    assert answers[5].status_code == 429
    assert 1 <= int(answers[5].headers["Retry-After"]) <= 30
    blocked = requests.post(url, data={"username": "mon", "password": "test-password-1022"}, timeout=30)
    assert blocked.status_code == 429
    unknown = requests.post(url, data={"username": "nobody-here", "password": "x"}, timeout=30)
    assert unknown.json()["code"] == "login_failed"


def test_an_oversized_body_is_refused_before_it_is_read(server: Server) -> None:
    http = server.session("operator")
    huge = new_case(description="x" * 300_000)
    answer = http.post(server.api("/cases"), json=huge, headers={"Idempotency-Key": key()}, timeout=30)
    assert answer.status_code == 413
    assert answer.json()["code"] == "payload_too_large"


def test_malformed_json_and_wrong_types_get_a_problem_naming_the_field(server: Server) -> None:
    http = server.session("operator")
    broken = http.post(
        server.api("/cases"),
        data=b'{"category": ',
        headers={"Idempotency-Key": key(), "Content-Type": "application/json"},
        timeout=30,
    )
    assert broken.status_code == 422
    assert broken.headers["Content-Type"] == "application/problem+json"
    wrong = http.post(
        server.api("/cases"),
        json=new_case(household_size="many"),
        headers={"Idempotency-Key": key()},
        timeout=30,
    )
    assert wrong.json()["errors"][0]["field"] == "household_size"


def _in_flight(server: Server, body: dict[str, object], idem: str, lease: timedelta) -> None:
    engine = open_engine(server.database_url)
    with transaction(session_factory(engine)) as session:
        now = datetime.now(UTC)
        session.add(
            IdempotencyRow(
                principal="desk",  # the scope every account that takes calls shares
                scope="POST /cases",
                key=idem,
                request_hash=body_hash(request_identity(CaseIn.model_validate(body))),
                state="in_flight",
                lease_until=now + lease,
                created_at=now,
            )
        )
    engine.dispose()


def test_a_key_whose_first_request_is_in_flight_gets_409_and_a_dead_workers_key_is_taken_over(
    server: Server,
) -> None:
    # Another worker has claimed the key and is still working on it (its row is in the database).
    http = server.session("operator")
    busy, stale = key(), key()
    _in_flight(server, new_case(), busy, timedelta(seconds=30))
    answer = http.post(server.api("/cases"), json=new_case(), headers={"Idempotency-Key": busy}, timeout=30)
    assert answer.status_code == 409
    assert answer.json()["code"] == "idempotency_in_flight"
    assert answer.headers["Retry-After"] == "1"
    # A worker that died holding a key: once its lease has run out, the retry goes through.
    _in_flight(server, new_case(), stale, timedelta(seconds=-1))
    answer = http.post(server.api("/cases"), json=new_case(), headers={"Idempotency-Key": stale}, timeout=30)
    assert answer.status_code == 201


def test_a_request_in_flight_when_the_server_died_is_retried_at_once_after_its_restart(
    backend: str, tmp_path: Path
) -> None:
    url = fresh_database(backend, tmp_path)
    prepare(url)
    idem, body = key(), new_case()
    try:
        with running_server(backend, tmp_path / "before", database_url=url, prepared=True) as server:
            # A request was writing this case when the server died: its key is still claimed, for
            # a minute, and the console's retry is told to wait (its ordered outbox waits behind it).
            _in_flight(server, body, idem, timedelta(seconds=60))
            answer = server.session("operator").post(
                server.api("/cases"), json=body, headers={"Idempotency-Key": idem}, timeout=30
            )
            assert answer.status_code == 409
        with running_server(backend, tmp_path / "after", database_url=url, prepared=True) as restarted:
            # The restarted server lets go of what the dead one held: the retry runs at once.
            answer = restarted.session("operator").post(
                restarted.api("/cases"), json=body, headers={"Idempotency-Key": idem}, timeout=30
            )
            assert answer.status_code == 201
            assert "1 request(s) in flight when the server last stopped: let go" in restarted.log()
    finally:
        drop_database(url)


def test_the_server_log_holds_no_callers_details(scratch_server: Server) -> None:
    server = scratch_server
    http = server.session("operator")
    body = new_case(caller_phone="0938 271 645", caller_name="Võ Thị Quỳnh Như", address="77/19 Âu Dương Lân")
    case = http.post(server.api("/cases"), json=body, headers={"Idempotency-Key": key()}, timeout=30).json()
    http.get(server.api("/cases"), params={"phone": "0938271645"}, timeout=30)
    http.post(
        server.api("/cases"),
        json=new_case(caller_phone="0938 27"),
        headers={"Idempotency-Key": key()},
        timeout=30,
    )
    requests.post(
        server.api("/auth/token"), data={"username": "Võ Thị Quỳnh Như", "password": "x"}, timeout=30
    )
    log = server.log()
    assert "GET /api/v1/cases 200" in log, "the access log is written"
    for detail in ("0938", "938271645", "Quỳnh", "Quynh", "Âu Dương", "77/19", case["case_number"]):
        assert detail not in log, detail


def test_a_retry_that_takes_over_a_stalled_key_makes_the_only_case(
    backend: str, scratch_server: Server
) -> None:
    """The first request stalls (its database row is locked) until its lease runs out; the retry
    takes the key over. When the first one wakes up, it must not add a second case."""
    if backend != "postgresql":
        pytest.skip("holding one row lock while the server writes needs PostgreSQL")
    server = scratch_server
    http = server.session("operator")
    http.post(server.api("/cases"), json=new_case(), headers={"Idempotency-Key": key()}, timeout=30)
    idem, body = key(), new_case(description="Ca bị kẹt")
    engine = open_engine(server.database_url)
    blocker = engine.connect()
    blocker.begin()
    blocker.execute(text("SELECT value FROM case_counters FOR UPDATE"))
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(
            http.post, server.api("/cases"), json=body, headers={"Idempotency-Key": idem}, timeout=60
        )
        _wait_for_claim(engine, idem)
        with engine.begin() as connection:  # the lease runs out (as if 60 s had passed)
            connection.execute(
                text("UPDATE idempotency_keys SET lease_until = :past WHERE key = :key"),
                {"past": datetime(2000, 1, 1), "key": idem},
            )
        second = pool.submit(
            server.session("operator").post,
            server.api("/cases"),
            json=body,
            headers={"Idempotency-Key": idem},
            timeout=60,
        )
        # The retry has taken the key over and waits behind the blocker too (or has answered).
        _wait_until(lambda: second.done() or _lock_waiters(engine) >= 2, "the retry never reached the lock")
        blocker.rollback()
        blocker.close()
        answers = sorted([first.result().status_code, second.result().status_code])
    assert answers == [201, 409]
    with engine.connect() as connection:
        made = connection.execute(
            text("SELECT count(*) FROM cases WHERE source_key = :k"), {"k": idem}
        ).scalar()
    engine.dispose()
    assert made == 1
    again = http.post(server.api("/cases"), json=body, headers={"Idempotency-Key": idem}, timeout=30)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"


def _lock_waiters(engine: Any) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar_one()
        )


def _wait_until(condition: Callable[[], bool], failure: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, failure
        time.sleep(0.05)  # polling a condition, with a ceiling: not a wait for a guessed duration


def _wait_for_claim(engine: Any, idem: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with engine.connect() as connection:
            if connection.execute(text("SELECT 1 FROM idempotency_keys WHERE key = :k"), {"k": idem}).first():
                return
        time.sleep(0.05)
    raise AssertionError("the first request never claimed its key")


def test_consoles_reporting_at_once_are_all_heard(server: Server) -> None:
    http = server.session("operator")

    def beat(i: int) -> int:
        body: dict[str, str | int] = {"console_id": "desk-shared", "outbox_size": i, "operator": "Lan"}
        return http.post(server.api("/heartbeat"), json=body, timeout=30).status_code

    with ThreadPoolExecutor(10) as pool:
        assert set(pool.map(beat, range(30))) == {200}
