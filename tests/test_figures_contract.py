"""The dashboard reads the supervisor's figures as the server publishes them.

The server checks its answer to ``GET /stats/queue`` against its response model; the OpenAPI
document in ``docs/`` is the one it serves (``tests/server/test_server_cli.py``); and here the
console's reader is held to that document: every field it reads is one the document promises, and
every value of the document's types (a null wherever the document allows one) is read. A field
renamed, dropped, made optional or given another type on either side fails one of these.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from operator_console.client.queue_figures import parse_queue_figures

ROOT = Path(__file__).resolve().parent.parent
Path_ = tuple[str, ...]


def published() -> dict[str, Any]:
    document: dict[str, Any] = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
    return document


def figures_schema(document: dict[str, Any]) -> dict[str, Any]:
    answer = document["paths"]["/api/v1/stats/queue"]["get"]["responses"]["200"]
    schema: dict[str, Any] = answer["content"]["application/json"]["schema"]
    return schema


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = document["components"]["schemas"][name]
    return schema


def options(document: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, Any]]:
    """A schema's alternatives (``anyOf``), each resolved; a plain schema is its only one."""
    schema = resolve(document, schema)
    return [resolve(document, o) for o in schema.get("anyOf", [schema])]


def sample(document: dict[str, Any], schema: dict[str, Any], *, nulls: bool) -> Any:
    """A value of the schema: every property given, each list and table with one entry, and a
    null wherever one is allowed (``nulls``) or a value of the other type."""
    choices = options(document, schema)
    if nulls and any(o.get("type") == "null" for o in choices):
        return None
    chosen = next(o for o in choices if o.get("type") != "null")
    kind = chosen.get("type")
    if kind == "object":
        if "properties" in chosen:
            return {k: sample(document, v, nulls=nulls) for k, v in chosen["properties"].items()}
        return {"phone": sample(document, chosen.get("additionalProperties", {}), nulls=nulls)}
    if kind == "array":
        return [sample(document, chosen["items"], nulls=nulls)]
    if kind == "integer":
        return 3
    if kind == "number":
        return 2.5
    if kind == "boolean":
        return True
    if kind == "string":
        if "enum" in chosen:
            return chosen["enum"][0]
        return "2026-12-08T09:30:00+07:00" if chosen.get("format") == "date-time" else "so-ldtbxh"
    raise AssertionError(f"a schema this test does not know: {chosen}")


class Reading(dict[str, Any]):
    """A JSON object that notes the path of every field read from it."""

    def __init__(self, data: dict[str, Any], path: Path_, seen: set[Path_]) -> None:
        super().__init__(data)
        self.path, self.seen = path, seen

    def __getitem__(self, key: str) -> Any:
        self.seen.add((*self.path, key))
        return watched(super().__getitem__(key), (*self.path, key), self.seen)

    def get(self, key: str, default: Any = None) -> Any:
        self.seen.add((*self.path, key))
        return watched(super().get(key, default), (*self.path, key), self.seen)


def watched(value: Any, path: Path_, seen: set[Path_]) -> Any:
    if isinstance(value, dict) and not isinstance(value, Reading):
        return Reading(value, path, seen)
    if isinstance(value, list):
        return [watched(item, (*path, "[]"), seen) for item in value]
    return value


def fields_read(body: dict[str, Any]) -> set[Path_]:
    seen: set[Path_] = set()
    parse_queue_figures(Reading(body, (), seen))
    return seen


def not_promised(document: dict[str, Any], paths: set[Path_]) -> list[str]:
    """The fields read that the document does not promise (absent, or not required)."""
    wrong = []
    for path in sorted(paths):
        schema = figures_schema(document)
        for step in path:
            (chosen,) = [o for o in options(document, schema) if o.get("type") != "null"]
            if step == "[]":
                schema = chosen["items"]
            elif step in chosen.get("properties", {}):
                if step not in chosen.get("required", []):
                    wrong.append(".".join(path) + " (optional)")
                    break
                schema = chosen["properties"][step]
            elif "additionalProperties" in chosen:
                schema = chosen["additionalProperties"]
            else:
                wrong.append(".".join(path))
                break
    return wrong


def paths_of(document: dict[str, Any], schema: dict[str, Any], path: Path_ = ()) -> Iterator[Path_]:
    for chosen in options(document, schema):
        for name, inner in chosen.get("properties", {}).items():
            yield (*path, name)
            yield from paths_of(document, inner, (*path, name))
        if "items" in chosen:
            yield from paths_of(document, chosen["items"], (*path, "[]"))


@pytest.mark.parametrize("nulls", [False, True], ids=["every value given", "null wherever allowed"])
def test_the_dashboard_reads_every_answer_the_published_schema_allows(nulls: bool) -> None:
    document = published()
    body = sample(document, figures_schema(document), nulls=nulls)
    figures = parse_queue_figures(body)
    assert figures.open_total == 3 and figures.phone.waiting == 3
    assert (figures.oldest_open is None) is nulls


def test_the_dashboard_reads_only_fields_the_server_promises() -> None:
    document = published()
    read = fields_read(sample(document, figures_schema(document), nulls=False))
    # the reader was watched: the figures it reads are the dashboard's whole view
    assert {("open_total",), ("consoles", "operators", "[]", "state"), ("calls", "service_level")} <= read
    assert not_promised(document, read) == []


def test_a_field_dropped_or_retyped_on_the_server_is_caught() -> None:
    """The checks above fail when the two sides part: shown on a copy of the document."""
    document = published()
    read = fields_read(sample(document, figures_schema(document), nulls=False))
    dropped = copy.deepcopy(document)
    del resolve(dropped, figures_schema(dropped))["properties"]["open_total"]
    assert not_promised(dropped, read) == ["open_total"]
    optional = copy.deepcopy(document)
    resolve(optional, figures_schema(optional))["required"].remove("calls")
    assert "calls.waiting (optional)" in not_promised(optional, read)
    retyped = copy.deepcopy(document)
    resolve(retyped, figures_schema(retyped))["properties"]["open_total"] = {"type": "number"}
    with pytest.raises(ValueError):
        parse_queue_figures(sample(retyped, figures_schema(retyped), nulls=False))
    nullable = copy.deepcopy(document)
    arrivals = resolve(nullable, resolve(nullable, figures_schema(nullable))["properties"]["arrivals"])
    a_time = {"type": "string", "format": "date-time"}
    arrivals["properties"]["first_hour"] = {"anyOf": [a_time, {"type": "null"}]}
    with pytest.raises(ValueError):
        parse_queue_figures(sample(nullable, figures_schema(nullable), nulls=True))


def test_the_published_figures_have_no_untyped_part() -> None:
    """Every object in the figures names its fields or the type of its entries: nothing is a bare
    open object that either side could fill as it likes."""
    document = published()
    schema = figures_schema(document)
    for path in [(), *paths_of(document, schema)]:
        node = schema
        for step in path:
            (chosen,) = [o for o in options(document, node) if o.get("type") != "null"]
            node = chosen["items"] if step == "[]" else chosen["properties"][step]
        for chosen in options(document, node):
            if chosen.get("type") == "object":
                assert "properties" in chosen or "type" in chosen.get("additionalProperties", {}), path
            assert chosen.get("type") is not None or "enum" in chosen, path
