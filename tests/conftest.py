"""Shared fixtures: a real SQLite store in a temporary folder, the real gazetteer and taxonomy,
and for GUI tests fresh settings that never touch the user's disk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from operator_console.domain.case import Case
from operator_console.domain.gazetteer import Gazetteer, default_gazetteer
from operator_console.domain.intake import CaseDraft, build_case
from operator_console.domain.taxonomy import Taxonomy, default_taxonomy
from operator_console.store.case_store import CaseStore
from tests.drafts import DraftFields, MakeCase
from tests.keyring_stand_in import MemoryKeyring

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

NOW = datetime(2021, 8, 29, 2, 15, tzinfo=UTC)


# How long a wait may take before it is a failure (ms). A wait ends as soon as its condition holds or
# its signal comes; this only says when to give up. pytest-qt's 5 s failed tests on a machine
# with four CPU-bound processes beside the suite (issue 18).
CEILING_MS = 60_000


@pytest.fixture
def qtbot(qapp: Any, request: pytest.FixtureRequest) -> QtBot:
    """pytest-qt's ``qtbot``, with :data:`CEILING_MS` as every wait's default ceiling."""
    from pytestqt.qtbot import QtBot

    class PatientQtBot(QtBot):
        def waitUntil(self, callback: Any, *, timeout: int = CEILING_MS) -> None:
            super().waitUntil(callback, timeout=timeout)

        def waitSignal(self, signal: Any, *, timeout: int = CEILING_MS, **kwargs: Any) -> Any:
            return super().waitSignal(signal, timeout=timeout, **kwargs)

        def waitSignals(self, signals: Any, *, timeout: int = CEILING_MS, **kwargs: Any) -> Any:
            return super().waitSignals(signals, timeout=timeout, **kwargs)

        def waitCallback(self, *, timeout: int = CEILING_MS, **kwargs: Any) -> Any:
            return super().waitCallback(timeout=timeout, **kwargs)

        def waitExposed(self, widget: Any, *, timeout: int = CEILING_MS) -> Any:
            return super().waitExposed(widget, timeout=timeout)

        def waitActive(self, widget: Any, *, timeout: int = CEILING_MS) -> Any:
            return super().waitActive(widget, timeout=timeout)

    return PatientQtBot(request)


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
def make_case(gazetteer: Gazetteer, taxonomy: Taxonomy) -> MakeCase:
    def make(**fields: Unpack[DraftFields]) -> Case:
        fields.setdefault("category", "essential_supplies")
        return build_case(
            CaseDraft(**fields), gazetteer=gazetteer, taxonomy=taxonomy, now=NOW, operator="op1"
        )

    return make
