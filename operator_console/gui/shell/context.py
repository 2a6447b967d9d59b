"""What the console's widgets are given: built once in ``app.py``, passed in, never looked up."""

from __future__ import annotations

from dataclasses import dataclass

from operator_console.dedupe.finder import DuplicateFinder
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.messages import Language
from operator_console.domain.taxonomy import Taxonomy
from operator_console.gui.shell.tasks import TaskRunner
from operator_console.store.case_store import CaseStore


@dataclass(frozen=True)
class ConsoleContext:
    store: CaseStore
    runner: TaskRunner
    gazetteer: Gazetteer
    taxonomy: Taxonomy
    language: Language
    operator: str
    finder: DuplicateFinder
