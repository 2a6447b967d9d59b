"""A city-wide surge: 20,000 posts in a minute through Open311 and the API, as they arrive.

    python benchmarks/bench_surge.py [--backend postgresql|sqlite] [--posts 20000] [--seconds 60]

A flood or a lockdown announcement brings thousands of web-form, Zalo and app posts in minutes on
top of the phones. This sends ``--posts`` posts at an even rate over ``--seconds`` to a fresh
server (``--workers 2``, one per core, on the same two cores as this load): three in four through
Open311 (``POST /open311/v2/requests.json`` with the web form's, the Zalo bot's and the app's
keys, each a citizen's request), one in four through the API (``POST /api/v1/cases`` from
``--consoles`` logged-in consoles, each with its Idempotency-Key). The load is open-loop: each
post has its moment, and its latency is counted from that moment to its 201 (a post that waits
for a free connection, or is told to come back, waits in the figures too, as a citizen's would),
over at most ``--connections`` keep-alive connections. A post answered 503 with Retry-After (the
server's writes-at-once limit) is sent again after that wait, as a console's outbox does; one
unanswered 30 s after its try is an error (and the server may still make it).

Then it checks that nothing was lost or doubled: every post answered 201 is a case in the
database, no post made two, and the changes feed holds one ``created`` event for each case. It
reports the rate answered, the latency percentiles, the errors by kind, and the CPU the server and
the database spent per case; and writes them into benchmarks/README.md (``bench_surge_<backend>``).

The load generator is plain asyncio over raw HTTP/1.1 (a few tens of microseconds of CPU a post),
so that the generator is not what limits the figures. PostgreSQL: ``OPERATOR_CONSOLE_TEST_POSTGRES``
names a role that may create databases, as for the tests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import requests
from sqlalchemy import Engine, create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_duplicates import percentile
from readme import machine, today, write_section

from tests.server.harness import PASSWORD, USERS, new_case, running_server

TIMEOUT_S = 30.0
SERVICES = ("essential_supplies.food", "vulnerable_person.lone_elderly", "policy_support.covid_package")
STREETS = ("Nguyễn Trãi", "Lê Văn Sỹ", "Trần Hưng Đạo", "Hậu Giang", "Cách Mạng Tháng Tám")
WARDS = ("Phường Sài Gòn", "Phường Chợ Quán", "Phường Bàn Cờ", "Phường Bảy Hiền", "Phường An Lạc")


@dataclass
class Post:
    kind: str  # "open311" or "api"
    request: bytes
    at: float = 0.0  # its moment, on the loop's clock
    attempt_at: float = 0.0  # the moment of its current try (a retry's, after Retry-After)
    sent: float = 0.0
    done: float = 0.0
    status: int = 0
    error: str = ""
    tries: int = 0


def open311_post(host: str, number: int, api_key: str) -> bytes:
    form = {
        "api_key": api_key,
        "service_code": SERVICES[number % len(SERVICES)],
        "address_string": f"{number % 900 + 1} {STREETS[number % 5]}, {WARDS[number % len(WARDS)]}",
        "first_name": "Thị Lan",
        "last_name": "Phạm",
        "phone": f"091{number:07d}",
        "description": "Nhà có 2 cháu nhỏ, hết sữa",
    }
    body = urlencode(form).encode()
    head = (
        f"POST /open311/v2/requests.json HTTP/1.1\r\nHost: {host}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def api_post(host: str, number: int, token: str) -> bytes:
    case = new_case(caller_phone=f"090{number:07d}", address=f"{number % 900 + 1} {STREETS[number % 5]}")
    body = json.dumps(case | {"ward": WARDS[number % len(WARDS)]}, ensure_ascii=False).encode()
    head = (
        f"POST /api/v1/cases HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n"
        f"Idempotency-Key: {uuid.uuid4()}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, bool, float | None]:
    """The status, whether the server keeps the connection open, and its Retry-After."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    length, keep, retry = 0, True, None
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "connection" and value.strip().lower() == "close":
            keep = False
        elif name.lower() == "retry-after":
            retry = float(value)
    await reader.readexactly(length)
    return status, keep, retry


class Surge:
    """The posts in flight: each is sent at its moment over a free connection; one answered 503
    with Retry-After is sent again after that wait (as a console's outbox and a well-made app do),
    up to ``GIVE_UP_S`` after its moment; one unanswered ``TIMEOUT_S`` after its try is an error."""

    GIVE_UP_S = 600.0

    def __init__(self, host: str, port: int, posts: list[Post]) -> None:
        self.host, self.port = host, port
        self.queue: asyncio.Queue[Post | None] = asyncio.Queue()
        self.outstanding = len(posts)
        self.finished = asyncio.Event()

    def settle(self, post: Post, now: float) -> None:
        post.done = now
        self.outstanding -= 1
        if self.outstanding == 0:
            self.finished.set()

    async def connection(self, source: str) -> None:
        """One citizen's network at a time: its own loopback address (127.0.0.0/8 is all this
        machine's), so that the server's limit per address sees a city, not one machine."""
        loop = asyncio.get_running_loop()
        streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        while (post := await self.queue.get()) is not None:
            retry = None
            post.tries += 1
            for fresh in (streams is None, True):  # a kept-alive connection the server closed: once more
                try:
                    if streams is None:
                        streams = await asyncio.open_connection(self.host, self.port, local_addr=(source, 0))
                    reader, writer = streams
                    post.sent = loop.time()
                    writer.write(post.request)
                    remaining = TIMEOUT_S - (post.sent - post.attempt_at)
                    answer = read_answer(reader)
                    post.status, keep, retry = await asyncio.wait_for(answer, max(remaining, 0.001))
                    post.error = ""
                    if not keep:
                        writer.close()
                        streams = None
                    break
                except (TimeoutError, ConnectionError, OSError, ValueError, IndexError) as exc:
                    post.error = "timeout" if isinstance(exc, TimeoutError) else type(exc).__name__
                    if streams is not None:
                        streams[1].close()
                    streams = None
                    if fresh or isinstance(exc, TimeoutError):
                        break
            now = loop.time()
            if post.status in (429, 503) and retry is not None and now - post.at < self.GIVE_UP_S:
                # Told to come back: after the wait it names, doubled at each refusal (with jitter,
                # up to a minute), as a client that does not want to make a surge worse does.
                wait = random.uniform(retry, min(60.0, retry * 2 ** (post.tries - 1)))
                post.attempt_at = now + wait
                loop.call_later(wait, self.queue.put_nowait, post)
            else:
                self.settle(post, now)
        if streams is not None:
            streams[1].close()


async def surge(host: str, port: int, posts: list[Post], seconds: float, connections: int) -> float:
    state = Surge(host, port, posts)
    sources = [f"127.0.{1 + n // 250}.{1 + n % 250}" for n in range(connections)]
    workers = [asyncio.create_task(state.connection(source)) for source in sources]
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.2
    interval = seconds / len(posts)
    for number, post in enumerate(posts):
        post.at = post.attempt_at = start + number * interval
        delay = post.at - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        state.queue.put_nowait(post)
    await state.finished.wait()
    for _ in workers:
        state.queue.put_nowait(None)
    await asyncio.gather(*workers)
    return start


def cpu_seconds(pids: set[int]) -> dict[int, float]:
    """User and system time of each of these processes so far (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        times[pid] = sum(int(f) for f in fields[11:15]) / tick  # utime, stime, cutime, cstime
    return times


def spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU spent between the two readings; a process started in between counts whole."""
    return sum(max(0.0, value - before.get(pid, 0.0)) for pid, value in after.items())


def descendants(root: int) -> set[int]:
    """``root`` and every process under it (the server's workers)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    found, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in found} - found
        found |= more
        grew = bool(more)
    return found


def named(prefix: str) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "cmdline").read_bytes().startswith(prefix.encode()):
                    found.add(int(entry.name))
            except OSError:
                continue
    return found


def created_in_feed(server_url: str, token: str) -> int:
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"
    after, created = 0, 0
    while True:
        answer = http.get(f"{server_url}/api/v1/changes", params={"after": after, "limit": 1000}, timeout=60)
        if answer.status_code == 429:  # the surge's retries used this minute's share: wait for it
            time.sleep(float(answer.headers.get("Retry-After", "1")))
            continue
        answer.raise_for_status()
        page = answer.json()
        created += sum(1 for item in page["items"] if item["kind"] == "created")
        if not page["items"]:
            return created
        after = page["next_after"]


def integrity(stored: int, in_feed: int, answered: int, sent: int) -> str:
    """Each case once in the feed, none lost, none made twice. A post the generator gave up on (30 s)
    may still have been made: the server finishes what it took."""
    if stored != in_feed or not answered <= stored <= sent:
        return f"**no**: {stored:,} stored, {in_feed:,} in the feed, {answered:,} answered"
    late = stored - answered
    return "yes" + (f" ({late:,} made after the generator gave up on them)" if late else "")


def settled(engine: Engine, server_url: str) -> tuple[float, int]:
    """Seconds until the server has made everything it took in (what it took before the generator
    gave up on it, it still makes), and the cases then stored: the count no longer moves and the
    server answers at once."""
    started, last = time.perf_counter(), -1
    while True:
        with engine.connect() as db:
            stored = int(db.execute(text("SELECT count(*) FROM cases")).scalar_one())
        asked = time.perf_counter()
        try:
            requests.get(f"{server_url}/api/v1/health", timeout=300)
        except requests.RequestException:
            continue
        if stored == last and time.perf_counter() - asked < 0.5:
            return time.perf_counter() - started, stored
        last = stored
        time.sleep(3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="postgresql", choices=["postgresql", "sqlite"])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--consoles", type=int, default=20)
    parser.add_argument("--writes-in-flight", type=int, default=64, help="the server's --writes-in-flight")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as folder,
        running_server(
            args.backend,
            Path(folder),
            extra_args=(
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
                "--writes-in-flight",
                str(args.writes_in_flight),
            ),
        ) as server,
    ):
        url = urlsplit(server.url)
        host, port = url.hostname or "127.0.0.1", url.port or 80
        operator = USERS["operator"][0]
        tokens = [server.token_for(operator, PASSWORD) for _ in range(args.consoles)]
        supervisor = server.token("supervisor")
        keys = [server.keys["web"], server.keys["zalo"], server.keys["app"]]
        posts = [
            Post("api", api_post(f"{host}:{port}", n, tokens[n % len(tokens)]))
            if n % 4 == 3
            else Post("open311", open311_post(f"{host}:{port}", n, keys[n % 3]))
            for n in range(args.posts)
        ]
        server_pids = descendants(server.process.pid)
        # PostgreSQL's backends (each "postgres: console_ci …"), its writer and WAL writer
        database_pids = named("postgres") if args.backend == "postgresql" else set()
        cpu_before = cpu_seconds(server_pids), cpu_seconds(database_pids)
        started = time.perf_counter()
        begin = asyncio.run(surge(host, port, posts, args.seconds, args.connections))
        wall = time.perf_counter() - started
        answered = [p for p in posts if p.status == 201]
        print(f"sent {len(posts):,}, answered 201: {len(answered):,}, in {wall:.0f} s", flush=True)
        engine = create_engine(server.database_url)
        drained, stored = settled(engine, server.url)
        engine.dispose()
        cpu_server = spent(cpu_before[0], cpu_seconds(descendants(server.process.pid)))
        database_now = cpu_seconds(named("postgres") if args.backend == "postgresql" else set())
        cpu_database = spent(cpu_before[1], database_now)
        in_feed = created_in_feed(server.url, supervisor)
    last_answer = max(p.done for p in posts) - begin
    latencies = [p.done - p.at for p in answered]
    tries = [p.tries for p in answered]
    errors = Counter(p.error or f"HTTP {p.status}" for p in posts if p.status != 201)
    by_kind = Counter(p.kind for p in answered)
    cases = max(stored, 1)
    row = [
        f"{args.backend}, {args.workers} workers, {args.writes_in_flight} writes at once",
        f"{args.posts:,} in {args.seconds:.0f} s ({args.posts / args.seconds:.0f}/s)",
        f"{len(answered):,} ({by_kind['open311']:,} Open311, {by_kind['api']:,} API); "
        f"the last at {last_answer:.0f} s ({len(answered) / last_answer:.0f}/s)",
        f"{sum(1 for t in tries if t > 1):,} (at most {max(tries, default=0)} tries)",
        " / ".join(f"{percentile(latencies, q):,.1f}" for q in (0.5, 0.95, 0.99)) + " s",
        ", ".join(f"{n:,} {k}" for k, n in errors.most_common()) or "none",
        f"{cpu_server / cases * 1000:.1f} ms + {cpu_database / cases * 1000:.1f} ms",
        integrity(stored, in_feed, len(answered), len(posts)),
    ]
    section = (
        f"Last run, {today()}, {machine()}:\n\n"
        "| server | posts sent | answered 201 | of them told to come back (503) first "
        "| from each post's moment to its 201: p50 / p95 / p99 | errors "
        "| CPU per case: server + database | every case stored once and in the feed |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n| " + " | ".join(row) + " |"
    )
    print(section)
    print(f"(wall {wall:.0f} s; the server idle again {drained:.0f} s later)")
    write_section(f"bench_surge_{args.backend}", section)


if __name__ == "__main__":
    main()
