"""Twenty consoles at once, retrying over each other: no duplicate, no lost case, no skipped change."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import func, select

from operator_console.server.db import open_engine
from operator_console.server.models import CaseRow
from tests.server.harness import PASSWORD, Server, key, new_case

CLIENTS = 20
CASES_PER_CLIENT = 10


def test_twenty_clients_retrying_the_same_keys_make_each_case_once_and_the_feed_misses_nothing(
    server: Server,
) -> None:
    token = server.token("operator")
    # The reader starts from the newest event it can see and follows the feed during the load.
    cursor = begin = _last_seq(server, token)
    # Each client logs in for itself (the same operator account: a console retrying after a new login).
    tokens = [server.token_for("op", PASSWORD) for _ in range(CLIENTS)]
    keys = [key() for _ in range(CLIENTS * CASES_PER_CLIENT)]
    bodies = {k: new_case(description=f"Ca {i}", caller_phone=f"0903{i:06d}") for i, k in enumerate(keys)}
    stop = threading.Event()
    seen: list[int] = []

    def reader() -> None:
        nonlocal cursor
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {token}"
        while True:
            finished = stop.is_set()
            page = http.get(server.api("/changes"), params={"after": cursor, "limit": 200}, timeout=30).json()
            seen.extend(item["seq"] for item in page["items"])
            cursor = page["next_after"]
            if finished and not page["items"]:
                return

    def client(number: int) -> dict[str, str]:
        # Each client sends its own keys, and also retries a random handful of everyone's keys, as a
        # console does after a lost answer: several of the same key in flight at once.
        rng = random.Random(number)
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {tokens[number]}"
        mine = keys[number * CASES_PER_CLIENT : (number + 1) * CASES_PER_CLIENT]
        results: dict[str, str] = {}
        for k in mine + rng.sample(keys, CASES_PER_CLIENT):
            for _attempt in range(50):
                answer = http.post(
                    server.api("/cases"), json=bodies[k], headers={"Idempotency-Key": k}, timeout=60
                )
                if answer.status_code == 409:  # the same key in flight elsewhere: retry shortly
                    continue
                assert answer.status_code == 201, answer.text
                results[k] = answer.json()["id"]
                break
            else:
                raise AssertionError("a key stayed in flight")
        return results

    # Meanwhile units note progress on cases: those writes do not take the case-number counter's
    # lock, so only the feed lock keeps their events in commit order.
    targets = [
        server.session("operator")
        .post(server.api("/cases"), json=new_case(), headers={"Idempotency-Key": key()}, timeout=30)
        .json()["id"]
        for _ in range(4)
    ]
    noting = threading.Event()

    def unit_notes(number: int) -> None:
        http = server.session("unit")
        while not noting.is_set():
            answer = http.patch(
                server.api(f"/cases/{targets[number]}"), json={"note": "đang xử lý"}, timeout=60
            )
            assert answer.status_code == 200, answer.text

    follower = threading.Thread(target=reader)
    follower.start()
    with ThreadPoolExecutor(CLIENTS + len(targets)) as pool:
        notes = [pool.submit(unit_notes, n) for n in range(len(targets))]
        outcomes = list(pool.map(client, range(CLIENTS)))
        noting.set()
        for done in notes:
            done.result()
    stop.set()
    follower.join(timeout=120)

    ids_by_key: dict[str, set[str]] = {}
    for outcome in outcomes:
        for k, case_id in outcome.items():
            ids_by_key.setdefault(k, set()).add(case_id)
    assert set(ids_by_key) == set(keys), "a case was lost"
    assert all(len(ids) == 1 for ids in ids_by_key.values()), "a key made two cases"
    http = server.session("operator")
    numbers = set()
    for k in keys:
        (case_id,) = ids_by_key[k]
        case = http.get(server.api(f"/cases/{case_id}"), timeout=30).json()
        assert case["source_key"] == k
        numbers.add(case["case_number"])
    assert len(numbers) == len(keys), "two cases share a number"
    engine = open_engine(server.database_url)
    with engine.connect() as connection:
        counts = connection.execute(
            select(CaseRow.source_key, func.count())
            .where(CaseRow.source_key.in_(keys))
            .group_by(CaseRow.source_key)
        ).all()
    engine.dispose()
    assert sorted(n for _k, n in counts) == [1] * len(keys), "the database holds a key's case twice"
    # Everything the feed holds after the reader's starting point, the reader saw, in order.
    assert seen == sorted(seen)
    everything = _all_after(server, token, begin)
    assert [s for s in everything if s <= seen[-1]] == seen


def _last_seq(server: Server, token: str) -> int:
    return max(_all_after(server, token, 0), default=0)


def _all_after(server: Server, token: str, after: int) -> list[int]:
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"
    out: list[int] = []
    while True:
        page = http.get(server.api("/changes"), params={"after": after, "limit": 1000}, timeout=30).json()
        if not page["items"]:
            return out
        out += [item["seq"] for item in page["items"]]
        after = page["next_after"]
