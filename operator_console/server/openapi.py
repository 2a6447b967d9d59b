"""The OpenAPI document as kept in ``docs/openapi.json`` (the contract; a test keeps them equal)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI

from operator_console.server.deps import API


def document(app: FastAPI) -> str:
    return json.dumps(app.openapi(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def with_required_keys(app: FastAPI) -> None:
    """Say in the OpenAPI document that ``Idempotency-Key`` is required where it is.

    The header is optional to FastAPI only so that a missing key gets the draft's 400 with our
    problem code instead of a generic 422.
    """
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            for path, operations in schema["paths"].items():
                for operation in operations.values():
                    for parameter in operation.get("parameters", []):
                        if parameter["name"] == "Idempotency-Key" and path.startswith(API):
                            parameter["required"] = True
                            parameter["schema"] = {"type": "string", "minLength": 1, "maxLength": 202}
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
