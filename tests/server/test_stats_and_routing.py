"""The supervisor's figures against cases whose answer is known; routing rules edited while running."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import requests

from tests.server.harness import UNIT_A, Server, key, new_case, running_server


def post(server: Server, body: dict[str, Any]) -> dict[str, object]:
    answer = server.session("operator").post(
        server.api("/cases"), json=body, headers={"Idempotency-Key": key()}, timeout=30
    )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def test_queue_figures_match_the_cases_entered(scratch_server: Server) -> None:
    server = scratch_server
    now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    a = post(server, new_case(received_at=now))
    post(server, new_case(received_at=now, channel="zalo"))
    post(server, new_case(received_at=now, ward="Phường Tân Bình", ward_code=27004))
    post(server, new_case(received_at="2021-08-01T09:00:00+07:00", ward="Phường Tân Bình", ward_code=27004))
    server.session("unit").patch(server.api(f"/cases/{a['id']}"), json={"status": "accepted"}, timeout=30)
    server.session("operator").post(
        server.api(f"/cases/{a['id']}/contacts"),
        json={"note": "gọi lại"},
        headers={"Idempotency-Key": key()},
        timeout=30,
    )
    server.session("operator").post(
        server.api("/heartbeat"),
        json={"console_id": "desk-1", "outbox_size": 3, "oldest_waiting_s": 40},
        timeout=30,
    )
    stats = server.session("monitor").get(server.api("/stats/queue"), timeout=30).json()
    assert stats["received_today"] == {"total": 3, "by_channel": {"phone": 2, "zalo": 1}}
    assert stats["open_by_status"] == {"dispatched": 3, "accepted": 1}
    assert stats["open_total"] == 4
    units = {u["unit"]: u for u in stats["backlog_by_unit"]}
    assert units[UNIT_A]["open"] == 2
    assert units["ubnd-27004"]["open"] == 2
    assert units["ubnd-27004"]["oldest_received_at"].startswith("2021-08-01T09:00:00")
    assert stats["backlog_by_unit"][0]["open"] == 2
    wards = {w["ward_code"]: w for w in stats["backlog_by_ward"]}
    assert wards[26740]["ward_name"] == "Phường Sài Gòn"
    assert stats["repeat_contacts_today"] == 1
    assert stats["repeat_rate_today"] == 0.25
    assert stats["consoles"]["on_shift"] == 1
    assert stats["consoles"]["outbox_waiting"] == 3
    assert stats["consoles"]["operators"][0]["cases_today"] == 4


def test_edited_routing_rules_apply_without_a_restart_and_a_broken_file_is_refused(
    scratch_server: Server,
) -> None:
    server = scratch_server
    rules = json.loads(server.rules_path.read_text(encoding="utf-8"))
    rules["rules"].insert(0, {"category": "essential_supplies", "unit": "so-ldtbxh"})
    server.rules_path.write_text(json.dumps(rules), encoding="utf-8")
    deadline = time.monotonic() + 60  # a ceiling for a loaded machine, not a timing
    while post(server, new_case())["handling_unit"] != "so-ldtbxh":
        assert time.monotonic() < deadline, "the edited rules were not applied"
        time.sleep(0.3)
    server.rules_path.write_text('{"rules": [ {"unit": "nowhere"} ]', encoding="utf-8")
    deadline = time.monotonic() + 60  # a ceiling for a loaded machine, not a timing
    while not requests.get(
        server.api("/routing-rules"),
        headers={"Authorization": f"Bearer {server.token('supervisor')}"},
        timeout=30,
    ).json()["last_error"]:
        assert time.monotonic() < deadline, "the broken file was not noticed"
        time.sleep(0.3)
    assert post(server, new_case())["handling_unit"] == "so-ldtbxh"
    # A unit created after the start (here by the admin command) can be named by new rules.
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "operator_console.server.cli",
            "--database-url",
            server.database_url,
            "create-unit",
            "to-cong-tac",
            "Tổ công tác đặc biệt",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    rules["rules"].insert(0, {"category": "essential_supplies", "unit": "to-cong-tac"})
    server.rules_path.write_text(json.dumps(rules), encoding="utf-8")
    deadline = time.monotonic() + 60  # a ceiling for a loaded machine, not a timing
    while post(server, new_case())["handling_unit"] != "to-cong-tac":
        assert time.monotonic() < deadline, "rules naming a unit created after the start were refused"
        time.sleep(0.3)


def test_a_server_started_with_a_broken_rules_file_runs_on_the_last_good_rules(
    backend: str, tmp_path: Path
) -> None:
    folder = tmp_path / "server"
    folder.mkdir()
    (folder / "routing_rules.json").write_text('{"rules": [ {broken', encoding="utf-8")
    with running_server(backend, folder) as server:
        assert post(server, new_case())["handling_unit"] == UNIT_A  # the shipped rules
        rules = server.session("supervisor").get(server.api("/routing-rules"), timeout=30).json()
        assert "routing_rules.json" in rules["last_error"] and "not JSON" in rules["last_error"]
