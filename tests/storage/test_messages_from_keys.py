"""Every problem the storage layer reports is built from a catalogue key, never from English text.

The check walks the source of ``mbprogram/storage/*.py``: a ``Problem`` is made with
``Problem.of(path, key, …)`` (never ``Problem(path, message)``); the errors that carry a
message into a problem (``CellError``, ``BadValueError``, ``JsonTextError``, the store's
and file's refusals, a lost race) are given a key; a ``ValidationError`` gets its
summary as ``summary_key`` (or a catalogue ``Phrase``), not as text; and every key
written out is in the catalogue. A string literal with a space in it, an f-string or
``str(error)`` where a key or value belongs is English that ``--lang nb`` would show.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import mbprogram.storage
from mbprogram.catalogue import CATALOGUE

STORAGE = Path(mbprogram.storage.__file__).parent

#: Callables whose first positional argument is a catalogue key.
_KEYED_FIRST = frozenset(
    {
        "CellError",
        "BadValueError",
        "JsonTextError",
        "KeyedError",
        "store_error",
        "_refuse",
        "invalid",
        "kind_problem",
        "Phrase",
        "Term",
    }
)
#: Callables whose second positional argument is a catalogue key (the first is a path).
_KEYED_SECOND = frozenset({"Problem.of", "invalid", "kind_problem"})
#: The errors whose summary the command line shows.
_SUMMARISED = frozenset(
    {
        "ValidationError",
        "DocumentError",
        "ImportRowsError",
        "InvalidValueError",
        "RefusedChangeError",
    }
)
#: Made with a message: never directly in storage (a keyed subclass or ``Problem.of`` instead).
_NEVER = frozenset({"Problem", "ConflictError"})


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return f"{owner}.{func.attr}" if owner == "Problem" else func.attr
    return ""


def _is_prose(node: ast.expr) -> bool:
    """Whether ``node`` is English written into the code: text with a space, or text built."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return " " in node.value.strip()
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and " " in str(v.value) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _is_prose(node.left) or _is_prose(node.right)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "str" and node.args:
            arg = node.args[0]  # str(error): an error's English message
            return isinstance(arg, ast.Name) and arg.id in {"e", "error", "err", "exc"}
        if isinstance(func, ast.Attribute) and func.attr == "format":
            return _is_prose(func.value)
    return False


def _key_problem(node: ast.expr) -> str:
    """Why ``node`` is not a catalogue key (``""`` if it is one, or a value that holds one)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "" if node.value in CATALOGUE else f"{node.value!r} is not a catalogue key"
    if isinstance(node, ast.JoinedStr):  # a family of keys: "reading.store.ids.{what}"
        first = node.values[0] if node.values else None
        prefix = first.value if isinstance(first, ast.Constant) else ""
        family = isinstance(prefix, str) and prefix.endswith(".")
        if family and any(key.startswith(prefix) for key in CATALOGUE):
            return ""
        return "an f-string where a key belongs"
    if _is_prose(node):
        return "English text where a key belongs"
    return ""


def findings(source: str, filename: str = "<source>") -> Iterator[str]:
    """Each place in ``source`` where a message is built from text rather than a key."""
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        where = f"{filename}:{node.lineno}: {name}"
        keyed = {k.arg: k.value for k in node.keywords if k.arg in ("key", "values")}
        if name in _NEVER and not (name == "ConflictError" and "key" in keyed and not node.args):
            yield f"{where}: made with a message (use Problem.of or a keyed error)"
            continue
        if "key" in keyed and (why := _key_problem(keyed["key"])):
            yield f"{where}: {why}"
        positions = ([0] if name in _KEYED_FIRST - _KEYED_SECOND else []) + (
            [1] if name in _KEYED_SECOND else []
        )
        for i in positions:
            if i < len(node.args) and (why := _key_problem(node.args[i])):
                yield f"{where}: {why}"
        if name in _KEYED_FIRST | _KEYED_SECOND:
            for keyword in node.keywords:
                if keyword.arg is not None and _is_prose(keyword.value):
                    yield f"{where}: the value {keyword.arg} is English text"
        if name.endswith("Warning") and any(_is_prose(a) for a in node.args):
            yield f"{where}: a warning in English (give it a key: KeyedWarning)"
        if name in _SUMMARISED:
            for keyword in node.keywords:
                if keyword.arg == "summary" and _is_prose(keyword.value):
                    yield f"{where}: a summary in English (give summary_key)"
                if keyword.arg == "summary_key" and (why := _key_problem(keyword.value)):
                    yield f"{where}: {why}"
            if name == "InvalidValueError" and any(_is_prose(a) for a in node.args):
                yield f"{where}: a message in English"


def _modules() -> list[Path]:
    return sorted(STORAGE.glob("*.py"))


def test_the_storage_layer_builds_every_message_from_a_catalogue_key() -> None:
    assert len(_modules()) > 20  # the walk sees the package
    found = [f for path in _modules() for f in findings(path.read_text("utf-8"), path.name)]

    assert [] == found


@pytest.mark.parametrize(
    "source",
    [
        'Problem(ROOT, "required key is missing")',
        'Problem.of(path, "expected a list")',
        'Problem.of(path, "reading.no.such.key")',
        'CellError("expected hours such as 3,5")',
        'CellError(f"expected {what}")',
        'BadValueError(f"expected one of {choices}", o)',
        'problems.append(Problem.of(path, key, reason=f"cannot read {name}"))',
        'store_error("cannot use " + name)',
        'raise DocumentError(problems, summary="invalid document")',
        'raise DocumentError(problems, summary=f"invalid records in {name}")',
        'InvalidValueError("path", f"expected a file path, got {kind}")',
        'ConflictError("the store was saved by someone else")',
        'ConflictError(key="the store was saved by someone else")',
        "problems.append(e.problem(path) if x else Problem.of(path, str(e)))",
        'JsonTextError("not valid JSON ({}) at line {}".format(msg, line))',
        'warnings.warn(UnsealedHistoryWarning(f"the change was saved at {name}"))',
    ],
)
def test_the_check_finds_a_message_written_in_english(source: str) -> None:
    assert list(findings(source))


@pytest.mark.parametrize(
    "source",
    [
        'Problem.of(f"{path}.students", "reading.missing_key")',
        'CellError("reading.cell.hours")',
        'BadValueError("reading.expected.one_of", o, choices=", ".join(names))',
        'store_error("reading.store.missing", name=name)',
        'raise DocumentError(problems, summary_key="reading.document.invalid")',
        "raise ImportRowsError(problems, summary=layout.refused)",
        "problems.append(e.problem(cell_path(n, column)))",
        "Problem.of(path, trouble[0], **trouble[1])",
        'ConflictError(key="reading.store.locked", values={"path": path, "what": what})',
    ],
)
def test_the_check_accepts_a_message_built_from_a_key(source: str) -> None:
    assert [] == list(findings(source))
