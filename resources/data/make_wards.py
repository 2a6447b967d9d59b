"""Regenerate the ward data the console and the server ship, from the official conversion table.

Source of truth: ``hcmc_ward_conversion_2025.csv`` beside this script, a verbatim copy of the
statistics office's old→new conversion for Resolution 1685/NQ-UBTVQH15 (Ho Chi Minh City's rows,
as published in the ``vietnam-provinces`` project's ``dev/seed-data/2025-07/``; the project's
domain brief keeps the same file in ``shared/domain/data/``). Columns: ``new_unit, new_code``
(today's 168 units and their official codes), ``former_unit, former_code, former_district,
former_province`` (the 441 former wards and communes of Ho Chi Minh City, Bình Dương and Bà Rịa –
Vũng Tàu, and the former Côn Đảo district) and ``how`` (*Nhập toàn bộ*: merged whole, *Nhập một
phần*: split, one row per successor, *Giữ nguyên*: kept, and a few worded cases).

It writes, beside itself:

- ``wards_hcmc.json``: today's units, the former districts and wards, and for each former ward the
  successors the table gives (with ``how``), in the table's order; the codes earlier releases of
  this project stored that are not the official ones (``superseded_codes``, see below);
- ``units.json``: the handling units the server creates (one People's Committee per unit of today,
  the social affairs department, the 1022 triage queue);
- ``routing_rules.json``: the shipped default rules (policy support to the department, then each
  ward to its People's Committee).

Run it after replacing the CSV with a newer official table, from the repository's root:

    python resources/data/make_wards.py

``tests/test_ward_data.py`` fails when the shipped files differ from what this script makes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "hcmc_ward_conversion_2025.csv"

# Earlier releases of this project took today's units from vietnam-provinces 2025.10.1, which
# carries the statistics office's early *draft* codes for ten of them, and the former units from
# vietnam-provinces 0.6.0, whose codes for seven former wards differ from the official table.
# Stores and server databases made by those releases hold these codes; the migrations re-key them
# and the console accepts them in old files. Each entry names its unit, and make() checks that
# name against the official table, so a wrong number here stops the script.
SUPERSEDED_CURRENT: dict[int, str] = {
    26794: "Phường Linh Xuân",
    26797: "Phường Tam Bình",
    26812: "Phường Hiệp Bình",
    26887: "Phường An Nhơn",
    26899: "Phường Thông Tây Hội",
    26902: "Phường Hạnh Thông",
    27010: "Phường Tân Sơn Nhì",
    27118: "Phường An Khánh",
    27160: "Phường Bàn Cờ",
    27385: "Phường Bình Phú",
}
SUPERSEDED_FORMER: dict[int, tuple[str, str]] = {
    26935: ("Phường 14", "Quận Bình Thạnh"),
    26959: ("Phường 19", "Quận Bình Thạnh"),
    27067: ("Phường 15", "Quận Phú Nhuận"),
    27217: ("Phường 11", "Quận 11"),
    27223: ("Phường 10", "Quận 11"),
    27361: ("Phường 2", "Quận 6"),
    27379: ("Phường 1", "Quận 6"),
}
TRIAGE_UNIT = {"code": "1022-triage", "name": "Tổng đài 1022 – phân loại", "kind": "triage"}
DEPARTMENT_UNIT = {"code": "so-ldtbxh", "name": "Sở Lao động – Thương binh và Xã hội", "kind": "department"}
_CODED = re.compile(r"^(?P<name>.+?) \((?P<code>\d+)\)$")


def _coded(text: str) -> tuple[str, int]:
    """("Quận 1", 760) from "Quận 1 (760)"."""
    match = _CODED.match(text.strip())
    if match is None:
        raise SystemExit(f"{SOURCE.name}: cannot read a name and code from {text!r}")
    return " ".join(match["name"].split()), int(match["code"])


def make(csv_text: str) -> dict[str, str]:
    """The three files' text, by file name, from the official table's text."""
    rows = list(csv.DictReader(csv_text.splitlines()))
    current: dict[int, str] = {}
    provinces: dict[int, str] = {}
    districts: dict[int, tuple[str, int]] = {}
    former: dict[int, dict[str, object]] = {}
    whole_districts: list[dict[str, object]] = []
    for row in rows:
        code, name = int(row["new_code"]), " ".join(row["new_unit"].split())
        if current.setdefault(code, name) != name:
            raise SystemExit(f"{SOURCE.name}: code {code} has two names")
        province, province_code = _coded(row["former_province"])
        district, district_code = _coded(row["former_district"])
        provinces[province_code] = province
        districts[district_code] = (district, province_code)
        how = " ".join(row["how"].split())
        if not row["former_code"].strip():
            # Côn Đảo: the whole former district became one unit (it had no wards).
            whole_districts.append({"district_code": district_code, "successor": code, "how": how})
            continue
        former_code = int(row["former_code"])
        unit = former.setdefault(
            former_code,
            {
                "code": former_code,
                "name": " ".join(row["former_unit"].split()),
                "district_code": district_code,
                "successors": [],
            },
        )
        successors = unit["successors"]
        assert isinstance(successors, list)
        successors.append({"code": code, "how": how})
    names_today = {name: code for code, name in current.items()}
    for old, name in SUPERSEDED_CURRENT.items():
        if name not in names_today or old in current:
            raise SystemExit(f"superseded code {old}: {name} is not a unit of today under another code")
    former_by_name = {(u["name"], districts[int(str(u["district_code"]))][0]): u for u in former.values()}
    for old, (name, district) in SUPERSEDED_FORMER.items():
        if (name, district) not in former_by_name or old in former:
            raise SystemExit(f"superseded former code {old}: {name}, {district} is not in the table")
    wards = {
        "source": (
            f"{SOURCE.name} (sha256 {hashlib.sha256(csv_text.encode('utf-8')).hexdigest()}): the "
            "statistics office's conversion of Ho Chi Minh City's units for Resolution "
            "1685/NQ-UBTVQH15, in force since 1 July 2025. Generated by make_wards.py: do not edit."
        ),
        "current": [{"code": code, "name": current[code]} for code in sorted(current)],
        "former_provinces": [{"code": code, "name": provinces[code]} for code in sorted(provinces)],
        "former_districts": [
            {"code": code, "name": districts[code][0], "province_code": districts[code][1]}
            for code in sorted(districts)
        ],
        "former": [former[code] for code in sorted(former)],
        "former_districts_whole": whole_districts,
        "superseded_codes": {
            "note": (
                "Codes earlier releases of the console stored that are not the official ones: today's "
                "units' draft codes (vietnam-provinces 2025.x) and former wards' codes from "
                "vietnam-provinces 0.6.0. Read as the official code; never written."
            ),
            "current": {str(old): names_today[name] for old, name in sorted(SUPERSEDED_CURRENT.items())},
            "former": {
                str(old): former_by_name[key]["code"] for old, key in sorted(SUPERSEDED_FORMER.items())
            },
        },
    }
    ward_units = [
        {"code": f"ubnd-{code}", "name": f"UBND {current[code]}", "kind": "ward", "ward_code": code}
        for code in sorted(current)
    ]
    units = {
        "version": 2,
        "note": (
            "Handling units the central server creates at start when missing (never deletes or renames "
            "one). One People's Committee (UBND) per ward/commune/special zone of Ho Chi Minh City since "
            "1 July 2025, with the official codes (hcmc_ward_conversion_2025.csv), the social affairs "
            "department and the 1022 triage queue. Generated by make_wards.py. More units: "
            "operator-console-server create-unit."
        ),
        "units": [TRIAGE_UNIT, DEPARTMENT_UNIT, *ward_units],
    }
    rules = {
        "version": 2,
        "note": (
            "Where a new case goes. The first rule whose every given field matches wins: category (a "
            "top-level code also matches its sub-categories), ward_code (today's ward, official code). "
            "A case no rule matches goes to fallback_unit. The server reads this file again when it "
            "changes; a file with an error is refused and the previous rules stay."
        ),
        "fallback_unit": TRIAGE_UNIT["code"],
        "rules": [
            {"category": "policy_support", "unit": DEPARTMENT_UNIT["code"]},
            *({"ward_code": code, "unit": f"ubnd-{code}"} for code in sorted(current)),
        ],
    }
    return {
        "wards_hcmc.json": _dump(wards, list_keys=("current", "former", "former_districts")),
        "units.json": _dump(units, list_keys=("units",)),
        "routing_rules.json": _dump(rules, list_keys=("rules",)),
    }


def _dump(data: dict[str, object], list_keys: tuple[str, ...]) -> str:
    """JSON with one list item per line: small diffs when the official table changes."""
    lines = ["{"]
    items = list(data.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if key in list_keys and isinstance(value, list):
            lines.append(f" {json.dumps(key)}: [")
            lines.extend(
                f"  {json.dumps(item, ensure_ascii=False)}{',' if i < len(value) - 1 else ''}"
                for i, item in enumerate(value)
            )
            lines.append(f" ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    for name, text in make(SOURCE.read_text(encoding="utf-8")).items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
