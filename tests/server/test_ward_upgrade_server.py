"""A central server's database made by the previous release, upgraded by this one, on both databases.

``tests/fixtures/previous_release/server.sqlite3`` was written by the previous release's server
(``make_fixtures.py`` there says how): units under draft codes with a handler and cases, split
wards resolved silently, former wards sent to triage unresolved, and its rules kept. On SQLite the
file is upgraded as it is; on PostgreSQL its rows are loaded into a database at the previous
release's schema (revision 0005) first. Then the real server runs on it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import requests
from sqlalchemy import column as sa_column
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy import table as sa_table

from operator_console.client.api import ServerClient
from operator_console.client.payload import case_body
from operator_console.domain.gazetteer import Gazetteer
from operator_console.paths import resource
from operator_console.server.db import migrate, open_engine
from operator_console.server.models import Base
from operator_console.server.routing import RoutingTable, RulesError, parse_rules
from operator_console.store.case_store import CaseStore
from tests.server.harness import Server, drop_database, fresh_database, key, new_case, running_server

FIXTURES = Path(__file__).parents[1] / "fixtures" / "previous_release"
PASSWORD = "fixture-password-1022"  # the fixture's accounts (make_fixtures.py)


def _database_made_by_the_previous_release(backend: str, folder: Path) -> str:
    if backend == "sqlite":
        path = folder / "server.sqlite3"
        shutil.copyfile(FIXTURES / "server.sqlite3", path)
        return f"sqlite:///{path}"
    url = fresh_database(backend, folder)
    engine = open_engine(url)
    migrate(engine, "0005")
    source = create_engine(f"sqlite:///{FIXTURES / 'server.sqlite3'}")
    with source.connect() as old, engine.begin() as new:
        for table in Base.metadata.sorted_tables:
            # The columns the previous release had (later revisions add some).
            had = {c["name"] for c in inspect(old).get_columns(table.name)}
            columns = [c for c in table.c if c.name in had]
            rows = [dict(row._mapping) for row in old.execute(select(*columns))]
            if rows:  # into those columns only (the models' defaults name the later ones)
                new.execute(
                    sa_table(table.name, *(sa_column(c.name, c.type) for c in columns)).insert(), rows
                )
        for table in Base.metadata.sorted_tables:  # the sequences go on after the rows copied
            for column in table.primary_key.columns:
                if column.autoincrement is True or (
                    column.autoincrement == "auto" and column.type.python_type is int
                ):
                    new.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                            f"coalesce((SELECT max({column.name}) FROM {table.name}), 0) + 1, false)"
                        )
                    )
    source.dispose()
    engine.dispose()
    return url


def test_the_previous_releases_database_is_upgraded_and_served(backend: str, tmp_path: Path) -> None:
    url = _database_made_by_the_previous_release(backend, tmp_path)
    try:
        engine = open_engine(url)
        migrate(engine)
        with engine.connect() as db:
            units: dict[str, int | None] = dict(
                db.execute(text("SELECT code, ward_code FROM units WHERE code LIKE 'ubnd-27%'")).all()
            )
            assert units.get("ubnd-27154") == 27154 and "ubnd-27160" not in units
            assert db.scalar(text("SELECT unit_code FROM users WHERE username = 'ban-co'")) == "ubnd-27154"
            cases = {
                row.source_key[-1]: row
                for row in db.execute(
                    text(
                        "SELECT source_key, handling_unit, ward_code, former_ward_code, ward_needs_check, "
                        "ward_as_said, district_as_said FROM cases"
                    )
                )
            }
            # 1: P.5 Q.8 and 7: Đa Kao, resolved silently by the old release: flagged, code kept
            assert (cases["1"].ward_code, bool(cases["1"].ward_needs_check)) == (27418, True)
            assert (cases["7"].ward_code, bool(cases["7"].ward_needs_check)) == (26737, True)
            assert (cases["1"].ward_as_said, cases["1"].district_as_said) == ("P.5", "Q.8")
            # 2: Bàn Cờ under its draft code; 6: Linh Xuân
            assert (cases["2"].handling_unit, cases["2"].ward_code) == ("ubnd-27154", 27154)
            assert (cases["6"].handling_unit, cases["6"].ward_code) == ("ubnd-26800", 26800)
            # 3, 4, 8: former wards left unresolved: the ward is known now; they stay where they are
            assert [(cases[n].ward_code, cases[n].handling_unit) for n in "348"] == [
                (27367, "1022-triage"),
                (27301, "1022-triage"),
                (26929, "1022-triage"),
            ]
            events = {row[0] for row in db.execute(text("SELECT DISTINCT unit FROM case_events"))}
            assert "ubnd-27154" in events and "ubnd-27160" not in events
            answers = " ".join(r[0] for r in db.execute(text("SELECT response_body FROM idempotency_keys")))
            assert '"ubnd-27160"' not in answers and '"ubnd-27154"' in answers
            kept_rules = json.loads(
                db.scalar(text("SELECT value FROM server_state WHERE key = 'routing_rules'"))
            )
            assert {"ward_code": 27154, "unit": "ubnd-27154"} in kept_rules["rules"]
        engine.dispose()

        # The server starts on it, replaces the unedited old rules file, and the unit's handler works.
        folder = tmp_path / "served"
        folder.mkdir()
        shutil.copyfile(FIXTURES / "routing_rules.json", folder / "routing_rules.json")
        with running_server(backend, folder, database_url=url, prepared=True) as server:
            assert (folder / "routing_rules.json").read_bytes() == resource(
                "data", "routing_rules.json"
            ).read_bytes()
            assert (folder / "routing_rules.json.earlier-release").read_bytes() == (
                FIXTURES / "routing_rules.json"
            ).read_bytes()
            assert "earlier release's default" in server.log()
            handler = requests.Session()
            handler.headers["Authorization"] = f"Bearer {server.token_for('ban-co', PASSWORD)}"
            mine = handler.get(server.api("/cases"), timeout=30).json()["items"]
            assert [(c["handling_unit"], c["ward_code"], c["ward_name"]) for c in mine] == [
                ("ubnd-27154", 27154, "Phường Bàn Cờ")
            ]
            rules = handler.get(server.api("/routing-rules"), timeout=30).json()
            assert rules["last_error"] is None
    finally:
        drop_database(url)


def test_the_upgraded_consoles_unsent_cases_reach_the_upgraded_server_once(
    backend: str, tmp_path: Path
) -> None:
    """Both sides upgraded between a send and its answer: the console's retries now carry official
    (or newly resolved) ward codes where its first tries carried draft ones or none. Each retry is
    the same request under its key (never "key reused", never refused), and nothing is doubled."""
    url = _database_made_by_the_previous_release(backend, tmp_path)
    try:
        shutil.copyfile(FIXTURES / "console.sqlite3", tmp_path / "console.sqlite3")
        store = CaseStore(tmp_path / "console.sqlite3")  # the console's migrations at its start
        with running_server(backend, tmp_path / "served", database_url=url, prepared=True) as server:
            client = ServerClient(server.url)
            client.login("op", PASSWORD)
            numbers = {}
            for summary in store.list_cases(limit=20):
                case = store.get_case(summary.id)
                assert case is not None
                answer = client.create_case(case_body(case), idempotency_key=case.id)
                numbers[case.id] = answer["case_number"]
            client.close()
        store.close()
        engine = open_engine(url)
        with engine.connect() as db:
            stored: dict[str, str] = dict(db.execute(text("SELECT source_key, case_number FROM cases")).all())
        engine.dispose()
        assert stored == numbers and len(stored) == 8
    finally:
        drop_database(url)


def test_an_edited_rules_file_with_draft_codes_is_refused_with_what_to_write_instead(
    gazetteer: Gazetteer, tmp_path: Path
) -> None:
    wards = gazetteer
    units = {"1022-triage", "ubnd-27154", "ubnd-26740"}
    edited = {"fallback_unit": "1022-triage", "rules": [{"ward_code": 27160, "unit": "ubnd-27154"}]}
    with pytest.raises(RulesError, match=r"rule 1: ward_code 27160 is a draft code; Phường Bàn Cờ.*27154"):
        parse_rules(json.dumps(edited), units, wards)
    old_unit = {"fallback_unit": "1022-triage", "rules": [{"ward_code": 27154, "unit": "ubnd-27160"}]}
    with pytest.raises(RulesError, match="now unit ubnd-27154"):
        parse_rules(json.dumps(old_unit), units, wards)
    nowhere = {"fallback_unit": "1022-triage", "rules": [{"ward_code": 12345, "unit": "ubnd-27154"}]}
    with pytest.raises(RulesError, match="12345 is not a ward or commune of today's city"):
        parse_rules(json.dumps(nowhere), units, wards)

    class Kept:
        def __init__(self) -> None:
            self.text = json.dumps(
                {"fallback_unit": "1022-triage", "rules": [{"ward_code": 26740, "unit": "ubnd-26740"}]}
            )

        def last_good(self) -> str | None:
            return self.text

        def keep(self, text: str) -> None:
            self.text = text

    path = tmp_path / "routing_rules.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    table = RoutingTable(path, lambda: units, Kept(), "{}", wards)
    assert table.last_error is not None and "27160 is a draft code" in table.last_error
    assert table.route("other", 26740) == "ubnd-26740", "the last rules that parsed stay in force"


def test_a_split_ward_an_earlier_console_chose_by_itself_is_flagged_and_a_pick_is_not(server: Server) -> None:
    """Consoles not yet upgraded send a split ward's silent choice as ward_code; upgraded ones say
    with ward_checked that the code is the operator's pick."""
    http = server.session("operator")
    said = {"ward": "Phường 5", "district": "Quận 8", "ward_code": 27424}  # Bình Đông
    silent = http.post(
        server.api("/cases"), json=new_case(**said), headers={"Idempotency-Key": key()}, timeout=30
    ).json()
    picked = http.post(
        server.api("/cases"),
        json=new_case(**said, ward_checked=True),
        headers={"Idempotency-Key": key()},
        timeout=30,
    ).json()
    for case in (silent, picked):
        assert (case["ward_code"], case["former_ward_code"], case["handling_unit"]) == (
            27424,
            27418,
            "ubnd-27424",
        )
    assert silent["ward_needs_check"] and not picked["ward_needs_check"]
