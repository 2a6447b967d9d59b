"""Regenerate former_units_hcmc.json: Ho Chi Minh City's districts and wards before 1 July 2025.

Source: the PyPI package vietnam-provinces 0.6.0 (GPL-3.0-or-later, like this project), which
ships the structure in force from 1 January 2025 to 30 June 2025 (22 district-level units, 273
wards/communes/townships). Run it in a throw-away virtual environment:

    python -m venv /tmp/vp06 && /tmp/vp06/bin/pip install vietnam-provinces==0.6.0
    /tmp/vp06/bin/python resources/data/make_former_units.py > resources/data/former_units_hcmc.json

The wards merged away on 1 January 2025 (312 → 273) are not in any release of the package; callers
who name one are kept as typed and flagged for the operator.
"""

import json
import sys
from pathlib import Path

import vietnam_provinces

if vietnam_provinces.__version__ != "0.6.0":  # the later releases ship the post-2025 structure
    sys.exit(f"needs vietnam-provinces 0.6.0, found {vietnam_provinces.__version__}")
nested = json.loads((Path(vietnam_provinces.__file__).parent / "data" / "nested-divisions.json").read_text())
hcmc = next(p for p in nested if p["code"] == 79)
out = {
    "source": "vietnam-provinces 0.6.0 (structure of 1 January 2025 to 30 June 2025)",
    "province_code": 79,
    "districts": [
        {
            "code": d["code"],
            "name": d["name"],
            "wards": [{"code": w["code"], "name": " ".join(w["name"].split())} for w in d["wards"]],
        }
        for d in hcmc["districts"]
    ],
}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
print()
