"""The ward data the console and the server ship is the official table's, as its script makes it."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "resources" / "data"
# The domain brief's copy of the official table, beside the repository (absent on a bare clone).
BRIEF_COPY = ROOT.parent / "shared" / "domain" / "data" / "hcmc_ward_conversion_2025.csv"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_wards", DATA / "make_wards.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_files_are_what_the_script_makes_from_the_official_table() -> None:
    made = _script().make((DATA / "hcmc_ward_conversion_2025.csv").read_text(encoding="utf-8"))
    assert set(made) == {"wards_hcmc.json", "units.json", "routing_rules.json"}
    for name, text in made.items():
        assert (DATA / name).read_text(encoding="utf-8") == text, f"{name}: run resources/data/make_wards.py"


@pytest.mark.skipif(not BRIEF_COPY.exists(), reason="the domain brief's folder is not beside this clone")
def test_the_shipped_table_is_the_domain_briefs_copy_byte_for_byte() -> None:
    assert (DATA / "hcmc_ward_conversion_2025.csv").read_bytes() == BRIEF_COPY.read_bytes()


def test_units_and_rules_use_the_official_codes_of_todays_168_units() -> None:
    rows = list(
        csv.DictReader((DATA / "hcmc_ward_conversion_2025.csv").read_text(encoding="utf-8").splitlines())
    )
    official = {int(r["new_code"]): r["new_unit"] for r in rows}
    assert len(official) == 168
    units = json.loads((DATA / "units.json").read_text(encoding="utf-8"))["units"]
    wards = {u["ward_code"]: u for u in units if u["kind"] == "ward"}
    assert set(wards) == set(official)
    assert all(
        u["code"] == f"ubnd-{code}" and u["name"] == f"UBND {official[code]}" for code, u in wards.items()
    )
    rules = json.loads((DATA / "routing_rules.json").read_text(encoding="utf-8"))
    routed = {r["ward_code"]: r["unit"] for r in rules["rules"] if "ward_code" in r}
    assert routed == {code: f"ubnd-{code}" for code in official}
    assert {u["code"] for u in units} >= {r["unit"] for r in rules["rules"]} | {rules["fallback_unit"]}


def test_the_draft_codes_earlier_releases_stored_are_read_as_the_units_official_codes() -> None:
    wards = json.loads((DATA / "wards_hcmc.json").read_text(encoding="utf-8"))
    names = {u["code"]: u["name"] for u in wards["current"]}
    superseded = {int(k): v for k, v in wards["superseded_codes"]["current"].items()}
    assert len(superseded) == 10 and not set(superseded) & set(names)
    assert superseded[27160] == 27154 and names[27154] == "Phường Bàn Cờ"
    assert superseded[26794] == 26800 and names[26800] == "Phường Linh Xuân"
    former = {u["code"]: u for u in wards["former"]}
    moved = {int(k): v for k, v in wards["superseded_codes"]["former"].items()}
    assert len(moved) == 7 and not set(moved) & set(former)
    assert former[moved[27361]]["name"] == "Phường 2"  # of Quận 6, code 27367 officially


def test_the_script_refuses_a_superseded_code_that_names_no_unit_of_today() -> None:
    script = _script()
    script.SUPERSEDED_CURRENT[99999] = "Phường Không Có"
    with pytest.raises(SystemExit, match="99999"):
        script.make((DATA / "hcmc_ward_conversion_2025.csv").read_text(encoding="utf-8"))
