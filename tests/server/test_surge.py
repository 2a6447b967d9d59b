"""A surge: past the writes a worker takes at once, a post is told to come back at once (503 with
Retry-After), nothing of it is made, and what was taken is made once. (The figures of a whole
surge are a benchmark: ``benchmarks/bench_surge.py``.)"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from sqlalchemy import Engine, text

from operator_console.client.api import ServerClient, Unreachable
from operator_console.server.db import open_engine
from tests.server.harness import Server, key, new_case, running_server
from tests.server.test_open311 import FORM


def waiting_on_a_lock(engine: Engine, count: int) -> None:
    """Until ``count`` of the server's transactions wait for the row lock the test holds."""
    deadline = time.monotonic() + 60  # a ceiling for a loaded machine, not a timing
    while True:
        with engine.connect() as connection:
            waiting = connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar_one()
        if waiting >= count:
            return
        assert time.monotonic() < deadline, f"{waiting} of {count} posts reached the lock"
        time.sleep(0.05)


def post(server: Server, idempotency_key: str, phone: str) -> requests.Response:
    return server.session("operator").post(
        server.api("/cases"),
        json=new_case(caller_phone=phone),
        headers={"Idempotency-Key": idempotency_key},
        timeout=90,
    )


def test_a_write_past_what_the_server_takes_at_once_is_told_to_come_back_and_nothing_is_lost(
    backend: str, tmp_path: Path
) -> None:
    if backend != "postgresql":
        pytest.skip("holding writes in the server needs PostgreSQL's row lock and pg_stat_activity")
    with running_server(backend, tmp_path, extra_args=("--writes-in-flight", "2")) as server:
        assert post(server, key(), "0903 000 001").status_code == 201  # the year's counter exists
        engine = open_engine(server.database_url)
        blocker = engine.connect()
        try:
            blocker.begin()  # another transaction holds the case-number counter: creates wait on it
            blocker.execute(text("SELECT value FROM case_counters FOR UPDATE"))
            with ThreadPoolExecutor(2) as pool:
                taken = [pool.submit(post, server, key(), f"0903 000 10{n}") for n in range(2)]
                waiting_on_a_lock(engine, 2)  # both in the server, holding its two places

                turned_away_key = key()
                busy = post(server, turned_away_key, "0903 000 200")
                assert busy.status_code == 503 and busy.json()["code"] == "busy"
                assert busy.headers["Retry-After"] == "2"
                assert "thử lại sau giây lát" in busy.json()["title"]
                citizen = requests.post(
                    f"{server.url}/open311/v2/requests.json",
                    data=FORM | {"api_key": server.keys["web"]},
                    timeout=30,
                )
                assert citizen.status_code == 503 and "Retry-After" in citizen.headers
                assert "busy" in citizen.text or "too many" in citizen.text.lower()
                # Reads are not writes: the supervisor's list answers in the surge.
                reads = server.session("supervisor").get(server.api("/cases"), timeout=30)
                assert reads.status_code == 200
                # The console's client takes it as "later", with the server's wait.
                client = ServerClient(server.url, language="en", token=server.token("operator"))
                with pytest.raises(Unreachable) as later:
                    client.create_case(new_case(caller_phone="0903 000 300"), idempotency_key=key())
                client.close()
                assert later.value.retry_after == 2.0

                blocker.rollback()
                assert [f.result().status_code for f in taken] == [201, 201]
            again = post(server, turned_away_key, "0903 000 200")
            assert again.status_code == 201 and "Idempotent-Replayed" not in again.headers
            with engine.connect() as connection:
                stored = connection.execute(text("SELECT count(*) FROM cases")).scalar_one()
            assert stored == 4  # the first, the two held, the one turned away and sent again
        finally:
            blocker.close()
            engine.dispose()
