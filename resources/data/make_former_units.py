"""Regenerate former_units_hcmc.json: the districts and wards that today's Ho Chi Minh City was made of.

Since 1 July 2025 the city is the former Ho Chi Minh City plus the former Bình Dương and Bà Rịa –
Vũng Tàu provinces. Callers still name the units of the structure in force from 1 January to 30
June 2025: 22 district-level units and 273 wards of the city, 9 and 91 of Bình Dương, 7 and 77 of
Bà Rịa – Vũng Tàu.

Source: the PyPI package vietnam-provinces 0.6.0 (GPL-3.0-or-later, like this project), the last
release that ships that structure. Run it in a throw-away virtual environment:

    python -m venv /tmp/vp06 && /tmp/vp06/bin/pip install vietnam-provinces==0.6.0
    /tmp/vp06/bin/python resources/data/make_former_units.py > resources/data/former_units_hcmc.json

The wards merged away on 1 January 2025 (312 → 273 in the city) are in no release of the package;
callers who name one are kept as typed and flagged for the operator.
"""

import json
import sys
from pathlib import Path

import vietnam_provinces

PROVINCES = (79, 74, 77)  # Ho Chi Minh City, Bình Dương, Bà Rịa – Vũng Tàu

if vietnam_provinces.__version__ != "0.6.0":  # the later releases ship the post-2025 structure
    sys.exit(f"needs vietnam-provinces 0.6.0, found {vietnam_provinces.__version__}")
data = Path(vietnam_provinces.__file__).parent / "data" / "nested-divisions.json"
nested = {p["code"]: p for p in json.loads(data.read_text(encoding="utf-8"))}
out = {
    "source": "vietnam-provinces 0.6.0 (structure of 1 January 2025 to 30 June 2025)",
    "provinces": [
        {
            "code": code,
            "name": nested[code]["name"],
            "districts": [
                {
                    "code": d["code"],
                    "name": " ".join(d["name"].split()),
                    "wards": [{"code": w["code"], "name": " ".join(w["name"].split())} for w in d["wards"]],
                }
                for d in nested[code]["districts"]
            ],
        }
        for code in PROVINCES
    ],
}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
print()
