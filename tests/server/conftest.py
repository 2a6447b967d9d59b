"""Server fixtures: one running server per backend for the session (SQLite always, PostgreSQL when
``OPERATOR_CONSOLE_TEST_POSTGRES`` names one; ``.ci/run`` installs and starts it and sets
``OPERATOR_CONSOLE_REQUIRE_POSTGRES=1``, so that a PostgreSQL that failed to start fails the run
instead of skipping its half)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.harness import POSTGRES_VARIABLE, Server, postgres_url, running_server


def _check_backend(backend: str) -> None:
    if backend == "postgresql" and postgres_url() is None:
        if os.environ.get("OPERATOR_CONSOLE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"OPERATOR_CONSOLE_REQUIRE_POSTGRES=1 but {POSTGRES_VARIABLE} is not set")
        pytest.skip(f"PostgreSQL: set {POSTGRES_VARIABLE} to a URL whose role may create databases")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    _check_backend(str(request.param))
    return str(request.param)


@pytest.fixture(scope="session")
def server(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(backend, tmp_path_factory.mktemp(f"server-{backend}")) as running:
        yield running


@pytest.fixture
def scratch_server(backend: str, tmp_path: Path) -> Iterator[Server]:
    """A server of its own, for tests that count everything in the database or change its files."""
    with running_server(backend, tmp_path / "server") as running:
        yield running
