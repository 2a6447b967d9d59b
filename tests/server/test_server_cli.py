"""What an admin does with ``operator-console-server``: start it, demo it, add people and keys."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import requests

from operator_console.server.demo import PASSWORD
from tests.server.harness import Server, drop_database, fresh_database, running_server

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "operator_console.server.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_an_admin_creates_a_unit_a_handler_and_an_exchange_key_from_the_command_line(
    backend: str, scratch_server: Server
) -> None:
    url = scratch_server.database_url
    made = cli("--database-url", url, "create-unit", "ubnd-test", "UBND Thử nghiệm", "--kind", "other")
    assert made.returncode == 0, made.stderr
    user = cli(
        "create-user",
        "handler7",
        "--role",
        "unit",
        "--unit",
        "ubnd-test",
        "--database-url",
        url,
        stdin="a-long-secret\n",
    )
    assert user.returncode == 0, user.stderr
    login = requests.post(
        scratch_server.api("/auth/token"),
        data={"username": "handler7", "password": "a-long-secret"},
        timeout=30,
    ).json()
    assert (login["role"], login["unit_code"]) == ("unit", "ubnd-test")
    no_unit = cli("--database-url", url, "create-user", "h8", "--role", "unit", stdin="a-long-secret\n")
    assert no_unit.returncode == 2 and "unit_code" in no_unit.stderr
    short = cli("--database-url", url, "create-user", "h9", "--role", "operator", stdin="short\n")
    assert short.returncode == 2 and "password" in short.stderr
    key = cli("--database-url", url, "create-key", "pbx-2", "--kind", "exchange")
    secret = key.stdout.strip().splitlines()[-1]
    answer = requests.post(
        scratch_server.api("/telephony/events"),
        data={"event": "newCall", "callId": "c1", "from": "0903123456"},
        headers={"X-Exchange-Key": secret},
        timeout=30,
    )
    assert answer.status_code == 200


def test_an_unreachable_database_is_said_plainly() -> None:
    result = cli("--database-url", "postgresql+psycopg://nobody:x@127.0.0.1:1/none", "create-unit", "a1", "A")
    assert result.returncode == 3
    assert "cannot be reached" in result.stderr


def test_demo_mode_says_so_loudly_and_has_one_account_per_role(backend: str, tmp_path: Path) -> None:
    url = fresh_database(backend, tmp_path)
    try:
        with running_server(backend, tmp_path / "demo", extra_args=("--demo",), database_url=url) as server:
            assert requests.get(server.api("/info"), timeout=30).json()["demo"] is True
            assert "DEMO MODE" in server.log()
            roles = {}
            for name in ("operator1", "supervisor1", "unit1", "monitor1", "admin1"):
                answer = requests.post(
                    server.api("/auth/token"), data={"username": name, "password": PASSWORD}, timeout=30
                )
                assert answer.status_code == 200, name
                roles[name] = answer.json()["role"]
            assert roles == {
                "operator1": "operator",
                "supervisor1": "supervisor",
                "unit1": "unit",
                "monitor1": "monitor",
                "admin1": "admin",
            }
            headers = {"Authorization": f"Bearer {server.token_for('unit1', PASSWORD)}"}
            mine = requests.get(
                server.api("/cases"), params={"limit": 500}, headers=headers, timeout=30
            ).json()
            assert len(mine["items"]) >= 3, "the demo unit handler has cases to work on"
            stats = requests.get(
                server.api("/stats/queue"),
                headers={"Authorization": f"Bearer {server.token_for('supervisor1', PASSWORD)}"},
                timeout=30,
            ).json()
            assert stats["open_total"] > 100
            # The simulated colleagues are on shift within a tick or two: a dashboard with a desk at work.
            deadline = time.monotonic() + 90
            on_shift: set[str] = set()
            while time.monotonic() < deadline and not {"operator2", "operator3", "operator4"} <= on_shift:
                time.sleep(0.5)
                stats = requests.get(
                    server.api("/stats/queue"),
                    headers={"Authorization": f"Bearer {server.token_for('supervisor1', PASSWORD)}"},
                    timeout=30,
                ).json()
                on_shift = {o["username"] for o in stats["consoles"]["operators"]}
            assert {"operator2", "operator3", "operator4"} <= on_shift
            assert (
                sum(sum(hour.values()) for hour in stats["arrivals"]["by_hour"]) >= 200
            )  # three days of cases
    finally:
        drop_database(url)


def test_a_deadlines_file_with_a_mistake_stops_the_server_at_start_and_names_the_entry(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "deadlines.json"
    bad.write_text('{"default": {"normal": 72, "urgent": 24, "critical": -1}}', encoding="utf-8")
    result = cli(
        "--database-url",
        f"sqlite:///{tmp_path / 'server.sqlite3'}",
        "serve",
        "--port",
        "0",
        "--routing-rules",
        str(tmp_path / "rules.json"),
        "--deadlines",
        str(bad),
    )
    assert result.returncode == 2
    assert "default.critical: a number of hours above 0" in result.stderr


def test_without_demo_there_are_no_demo_accounts(server: Server) -> None:
    answer = requests.post(
        server.api("/auth/token"), data={"username": "operator1", "password": PASSWORD}, timeout=30
    )
    assert answer.status_code == 401
    assert requests.get(server.api("/info"), timeout=30).json()["demo"] is False


def test_several_workers_serve_the_same_database(backend: str, tmp_path: Path) -> None:
    with running_server(backend, tmp_path, extra_args=("--workers", "2")) as server:
        numbers = set()
        for i in range(10):
            answer = server.session("operator").post(
                server.api("/cases"),
                json={"caller_name": f"Người {i}", "category": "other", "ward": "Phường Sài Gòn"},
                headers={"Idempotency-Key": f"worker-test-{i}"},
                timeout=30,
            )
            assert answer.status_code == 201, answer.text
            numbers.add(answer.json()["case_number"])
        assert len(numbers) == 10


def test_the_openapi_document_in_docs_is_the_one_the_server_serves(server: Server) -> None:
    served = requests.get(server.api("/openapi.json"), timeout=30).json()
    kept = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
    assert served == kept, (
        "docs/openapi.json is stale: operator-console-server openapi --out docs/openapi.json"
    )
    for path, operations in kept["paths"].items():
        for method, operation in operations.items():
            if path.startswith("/api/v1/") and path not in ("/api/v1/info", "/api/v1/health"):
                assert {"401", "422", "429"} <= set(operation["responses"]), (method, path)


def test_an_admin_stops_an_account_resets_a_password_and_revokes_a_leaked_key(scratch_server: Server) -> None:
    url = scratch_server.database_url
    token = scratch_server.token("operator")
    assert cli("--database-url", url, "disable-user", "op").returncode == 0
    headers = {"Authorization": f"Bearer {token}"}
    assert requests.get(scratch_server.api("/me"), headers=headers, timeout=30).status_code == 401
    login = {"username": "op", "password": "test-password-1022"}
    assert requests.post(scratch_server.api("/auth/token"), data=login, timeout=30).status_code == 401
    assert cli("--database-url", url, "set-password", "op", stdin="a-new-password\n").returncode == 0
    login["password"] = "a-new-password"
    assert requests.post(scratch_server.api("/auth/token"), data=login, timeout=30).status_code == 200
    assert cli("--database-url", url, "revoke-key", "web-form").returncode == 0
    answer = requests.get(
        f"{scratch_server.url}/open311/v2/requests.json",
        params={"api_key": scratch_server.keys["web"]},
        timeout=30,
    )
    assert answer.status_code == 403
    missing = cli("--database-url", url, "revoke-key", "no-such-key")
    assert missing.returncode == 2 and "no key named" in missing.stderr


def test_the_database_url_can_come_from_the_environment_and_a_wrong_one_is_explained(tmp_path: Path) -> None:
    env = os.environ | {"OPERATOR_CONSOLE_DATABASE_URL": f"sqlite:///{tmp_path / 'env.sqlite3'}"}
    made = cli("create-unit", "from-env", "Đơn vị", env=env)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "env.sqlite3").exists()
    wrong = cli("--database-url", "postgres://x@127.0.0.1/db", "create-unit", "a1", "A")
    assert wrong.returncode == 2 and "postgresql+psycopg://" in wrong.stderr
