"""Shared fixtures: a real SQLite store in a temporary folder, the real gazetteer and taxonomy,
and for GUI tests fresh settings that never touch the user's disk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from operator_console.domain.case import Case
from operator_console.domain.gazetteer import Gazetteer, default_gazetteer
from operator_console.domain.intake import CaseDraft, build_case
from operator_console.domain.taxonomy import Taxonomy, default_taxonomy
from operator_console.store.case_store import CaseStore
from tests.keyring_stand_in import MemoryKeyring

NOW = datetime(2021, 8, 29, 2, 15, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes into the developer's own data folder."""
    monkeypatch.setenv("OPERATOR_CONSOLE_DATA", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(autouse=True)
def keyring_stand_in() -> Iterator[MemoryKeyring]:
    """The OS keyring every test sees: an explicit in-memory stand-in, fresh for each test."""
    previous = keyring.get_keyring()
    stand_in = MemoryKeyring()
    keyring.set_keyring(stand_in)
    yield stand_in
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return default_taxonomy()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CaseStore]:
    s = CaseStore(tmp_path / "console.sqlite3")
    yield s
    s.close()


@pytest.fixture
def make_case(gazetteer: Gazetteer, taxonomy: Taxonomy):  # type: ignore[no-untyped-def]
    def make(**fields: object) -> Case:
        fields.setdefault("category", "essential_supplies")
        return build_case(
            CaseDraft(**fields), gazetteer=gazetteer, taxonomy=taxonomy, now=NOW, operator="op1"
        )  # type: ignore[arg-type]

    return make
