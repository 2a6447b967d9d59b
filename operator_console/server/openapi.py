"""The OpenAPI document as kept in ``docs/openapi.json`` (the contract; a test keeps them equal)."""

from __future__ import annotations

import json

from fastapi import FastAPI


def document(app: FastAPI) -> str:
    return json.dumps(app.openapi(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
