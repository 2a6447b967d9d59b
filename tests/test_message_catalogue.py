"""Every message said outside Qt comes from the one catalogue (``domain/messages.py``), whole in
both languages: the counterpart of the GUI's test that no Qt string is left untranslated."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from operator_console.domain import messages
from operator_console.domain.messages import LANGUAGES, render
from operator_console.server import problems
from operator_console.server.problems import ProblemError, status_of

PACKAGE = Path(messages.__file__).resolve().parent.parent
CATALOG = messages._CATALOG
# Calls that name a catalogue code as their first argument, and the prefix they add to it.
SPEAKERS = {"Message": "", "render": "", "ProblemError": "problem.", "_say": "reason.", "_text": "server."}
# Word tables that are not messages: the names of the domain's values (a status, a priority), shown
# inside messages as parameters (``Words``) and as labels in the GUI.
VOCABULARY = {("domain/case.py", "LABELS")}


def sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("gui/forms/"):
            continue
        yield relative, ast.parse(path.read_text(encoding="utf-8"), filename=relative)


def constants(node: ast.expr) -> list[str]:
    """The codes an argument can be: a literal, or either branch of ``a if … else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return constants(node.body) + constants(node.orelse)
    return []


def params_given(speaker: str, call: ast.Call) -> set[str] | None:
    """The parameters a call gives its message, or None when the source does not say them whole
    (a ``**`` of a mapping, a dict that is not written out)."""
    if speaker == "Message":
        if len(call.args) < 2:
            return set()
        table = call.args[1]
        if not isinstance(table, ast.Dict) or not all(isinstance(k, ast.Constant) for k in table.keys):
            return None
        return {str(k.value) for k in table.keys if isinstance(k, ast.Constant)}
    if speaker == "ProblemError":
        return set()  # a problem's title takes none; its detail is the caller's own text
    if any(k.arg is None for k in call.keywords):
        return None
    return {str(k.arg) for k in call.keywords}


def calls_with_params() -> list[tuple[str, str, set[str] | None]]:
    calls.clear()
    codes_named()
    return list(calls)


calls: list[tuple[str, str, set[str] | None]] = []


def codes_named() -> dict[str, list[str]]:
    """Each code the source names, with where."""
    named: dict[str, list[str]] = {}
    for relative, tree in sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            # ``messages.render`` is ours; ``Message.render("en")`` and a Qt widget's are not
            owner = func.value if isinstance(func, ast.Attribute) else None
            ours = owner is None or (isinstance(owner, ast.Name) and owner.id == "messages")
            if name == "render" and not ours:
                continue
            if name in SPEAKERS:
                for code in constants(node.args[0]):
                    named.setdefault(SPEAKERS[name] + code, []).append(f"{relative}:{node.lineno}")
                    calls.append(
                        (SPEAKERS[name] + code, f"{relative}:{node.lineno}", params_given(name, node))
                    )
    return named


def placeholders(template: str) -> set[str]:
    return {field for _text, field, _spec, _conv in string.Formatter().parse(template) if field is not None}


def test_every_message_is_in_both_languages_with_the_same_parameters() -> None:
    for code, (vi, en) in CATALOG.items():
        assert vi.strip() and en.strip(), code
        assert placeholders(vi) == placeholders(en), code
        assert all(name.isidentifier() for name in placeholders(vi)), f"{code}: parameters are named"
        assert vi != en or not any(c.isalpha() for c in vi), f"{code}: the Vietnamese is not translated"


def test_every_code_the_source_names_is_in_the_catalogue() -> None:
    named = codes_named()
    assert len(named) > 80, "the scan found the source's messages"
    missing = {code: where for code, where in named.items() if code not in CATALOG}
    assert missing == {}


def test_no_message_in_the_catalogue_is_left_unsaid() -> None:
    """A code nobody names any more is a message nobody reads, left to go stale."""
    said = set(codes_named())
    words = {
        node.value
        for _relative, tree in sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    # A code can be passed on through a table (``code = {401: "not_authenticated", …}``) or built
    # from a status: its last part is then a literal somewhere in the source.
    unsaid = [c for c in CATALOG if c not in said and c.split(".", 1)[-1] not in words and c not in words]
    assert unsaid == []


def test_every_server_problem_has_a_status_and_a_title() -> None:
    problem_codes = [c.removeprefix("problem.") for c in CATALOG if c.startswith("problem.")]
    assert len(problem_codes) > 20
    assert sorted(problem_codes) == sorted(problems._STATUS)
    for code in problem_codes:
        assert 400 <= status_of(code) < 600
        body = ProblemError(code).body("en")
        assert body["title"] == render(f"problem.{code}", "en") and body["status"] == status_of(code)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_renders_with_its_parameters(language: messages.Language) -> None:
    for code, (vi, _en) in CATALOG.items():
        assert render(code, language, **dict.fromkeys(placeholders(vi), 1)).strip(), code


def test_every_call_gives_its_message_exactly_the_parameters_it_names() -> None:
    """``_say("given", language, nam=…)`` would fail only when an operator's search hit it."""
    checked = 0
    for code, where, given in calls_with_params():
        if given is None or code not in CATALOG:
            continue
        checked += 1
        assert given == placeholders(CATALOG[code][0]), (
            f"{where}: {code} takes {placeholders(CATALOG[code][0])}"
        )
    assert checked > 80


def test_no_other_module_keeps_a_table_of_its_own_in_two_languages() -> None:
    """A dict whose values are (Vietnamese, English) pairs outside the catalogue is a sixth way to
    translate: it gets no check. The GUI is Qt Linguist's."""
    tables = []
    for relative, tree in sources():
        if relative in ("domain/messages.py",) or relative.startswith("gui/"):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign | ast.AnnAssign) or not isinstance(node.value, ast.Dict):
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            name = target.id if isinstance(target, ast.Name) else ""
            pairs = [
                v
                for v in node.value.values
                if isinstance(v, ast.Tuple)
                and len([e for e in v.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]) >= 2
            ]
            if pairs and (relative, name) not in VOCABULARY:
                tables.append(f"{relative}: {name}")
    assert tables == []
