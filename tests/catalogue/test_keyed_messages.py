"""Every problem, refusal and error of the core layers and services is built from a catalogue key.

The test reads the source (``ast``) of the model, calendar, register, services
and command-line modules and of ``exceptions.py``, and fails where a message a
user may read is written as English text instead of a key: a ``Problem(path,
"text")``, an ``InvalidValueError(path, "text")``, a ``refuse(what, path,
f"text")``, an error or argparse refusal made from text, or a ``summary=`` in
words. Keys given as literals must be in the catalogue.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mbprogram.catalogue import CATALOGUE, Term, text
from mbprogram.model.placements import AssessmentStage
from mbprogram.model.students import Status
from mbprogram.model.validators import expected_words
from mbprogram.register.commit import catalogue_term, refused_summary

SRC = Path(__file__).resolve().parents[2] / "src" / "mbprogram"
LAYERS = ("model", "calendar", "rules", "register", "services", "cli")
MODULES = sorted(
    [p for layer in LAYERS for p in (SRC / layer).rglob("*.py")] + [SRC / "exceptions.py"]
)

#: Calls whose argument at this position is a catalogue key.
KEY_AT = {
    "refuse": 2,
    "_refuse": 0,
    "Problem.of": 1,
    "InvalidValueError.at": 1,
    "text": 0,
    "Phrase": 0,
    "Term": 0,
    "problem": 1,
    "_fail": 1,
}
#: Methods and helpers known by their own name, wherever they are called from.
_BY_SHORT_NAME = ("refuse", "_refuse", "problem", "_fail")
#: Words in a literal: two letters in a row (``": "`` or ``"row {n}"`` paths are not words).
WORDS = re.compile(r"[A-Za-z]{2}")
#: The errors whose text a user reads (the library's own, and the command line's refusals);
#: a ``TypeError`` or ``RuntimeError`` is a programming error, read by a programmer.
ERRORS = frozenset(
    {
        "MbprogramError",
        "ValidationError",
        "InvalidValueError",
        "RefusedChangeError",
        "GraduationRefusedError",
        "DocumentError",
        "ImportRowsError",
        "NotFoundError",
        "ConflictError",
        "ArgumentTypeError",
        "UsageError",
    }
)
#: Where a problem is made from a path and a message on purpose: the one constructor that
#: takes them (``InvalidValueError(path, message)`` for the layers that still pass text).
LEGACY = {("exceptions.py", "Problem")}
#: The prefix of a key put together from a known prefix and a value (``problems.state.…``).
PREFIX = re.compile(r"[a-z_-]+(\.[a-z_-]+)*\.$")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        inner = _name(func.value)
        return f"{inner}.{func.attr}" if inner else func.attr
    return ""


def _words(node: ast.expr) -> bool:
    """Whether ``node`` is text in words: a literal, or an f-string with words outside ``{}``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):  # "a " + "b", "%s" % x
        return _words(node.left) or _words(node.right)
    return False


def _key_problem(call: ast.Call, name: str) -> str | None:
    position = KEY_AT[name]
    if len(call.args) <= position:
        return None
    key = call.args[position]
    if isinstance(key, ast.JoinedStr):
        head = key.values[0]
        prefix = head.value if isinstance(head, ast.Constant) else ""
        known = isinstance(prefix, str) and PREFIX.fullmatch(prefix)
        if not known or not any(k.startswith(prefix) for k in CATALOGUE):
            return f"{name} with a key put together from parts"
    elif isinstance(key, ast.BinOp):
        return f"{name} with a key put together from parts"
    elif isinstance(key, ast.Constant) and key.value not in CATALOGUE:
        return f"{name} with {key.value!r}, which is not a catalogue key"
    return None


def unkeyed(source: str, module: str = "") -> Iterator[tuple[int, str]]:
    """``(line, what)`` for every message in ``source`` built from text instead of a key."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        short = name.rsplit(".", 1)[-1]
        if name in KEY_AT or short in _BY_SHORT_NAME:
            found = _key_problem(node, name if name in KEY_AT else short)
            if found:
                yield node.lineno, found
            continue
        if short == "Problem" and len(node.args) >= 2 and (module, short) not in LEGACY:
            yield node.lineno, "Problem(path, message) instead of Problem.of(path, key)"
        elif short == "InvalidValueError" and len(node.args) >= 2:
            yield node.lineno, "InvalidValueError(path, message) instead of .at(path, key)"
        elif short in ERRORS and any(_words(a) for a in node.args):
            yield node.lineno, f"{short} built from text"
        for keyword in node.keywords:
            if keyword.arg in ("summary", "message") and _words(keyword.value):
                yield node.lineno, f"{keyword.arg}= in words"
            if (
                keyword.arg in ("key", "summary_key")
                and isinstance(keyword.value, ast.Constant)
                and keyword.value.value not in CATALOGUE
            ):
                yield node.lineno, f"{keyword.arg}={keyword.value.value!r} is not a catalogue key"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_message_of_the_module_comes_from_the_catalogue(path: Path) -> None:
    module = str(path.relative_to(SRC))
    found = list(unkeyed(path.read_text(encoding="utf-8"), module))

    assert [] == [f"{path.relative_to(SRC)}:{line}: {what}" for line, what in found]


@pytest.mark.parametrize(
    "source",
    [
        'raise refuse(what, path, "the student has a final assignment already")',
        'raise refuse(what, path, f"no session {session_id!r} to cancel")',
        'problems.append(Problem(f"sessions[{i}].day", "is outside the period"))',
        'raise InvalidValueError("moment", "expected a date-time with a time zone")',
        'raise InvalidValueError.at("moment", f"{kind} refused")',
        'raise InvalidValueError.at("moment", f"no.such.prefix.{kind}")',
        'raise InvalidValueError.at("moment", "no.such.key")',
        'raise ConflictError(f"{where} was saved by someone else")',
        'raise MbprogramError("the unit of work has begun already")',
        'raise argparse.ArgumentTypeError(f"expected hours, got {value!r}")',
        'raise ValidationError(problems, summary="the records break the rules")',
        'raise MbprogramError(key="services.no_such_key")',
        'self.problem("student", f"conflicts with row {first} for the same placement")',
        'Problem.of(path, "problems." + kind)',
    ],
)
def test_the_walk_finds_a_message_written_as_text(source: str) -> None:
    assert list(unkeyed(source))


@pytest.mark.parametrize(
    "source",
    [
        'raise refuse(what, path, "refusals.no_placement", placement=repr(p))',
        'Problem.of(cell_path(row, column), "services.sheet.formula")',
        'raise InvalidValueError.at("hours", "records.session.hours", hours=h)',
        'raise MbprogramError(key="services.unit_of_work.begun")',
        'raise UsageError(f"{self.prog}: {message}")',
        'raise InvalidValueError([p.under("rules") for p in e.problems])',
        "raise _fail(attribute, key, **values)",
        'Term(f"problems.state.{status.value}")',
    ],
)
def test_the_walk_lets_a_keyed_message_be(source: str) -> None:
    assert [] == list(unkeyed(source))


_NAMES = ("what", "action")


def _change_names() -> Iterator[str]:
    """Every name a change of ``register/changes`` is refused under (``what``/``action``)."""
    for path in sorted((SRC / "register" / "changes").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id in _NAMES for t in node.targets)
                and isinstance(node.value, ast.Constant)
            ):
                yield node.value.value
            elif isinstance(node, ast.Call) and _name(node.func).endswith("refuse"):
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant):
                    yield first.value
    yield from (f"changing the status to {s.value}" for s in Status)
    yield from (f"recording the {s.value} assessment" for s in AssessmentStage)


@pytest.mark.parametrize("what", sorted(set(_change_names())))
def test_every_refused_change_is_named_in_the_catalogue(what: str) -> None:
    summary = refused_summary(what)["summary_values"]["what"]

    assert isinstance(summary, Term), f"no problems.what / refusals.what key for {what!r}"


def test_a_word_the_catalogue_lacks_stays_as_it_is() -> None:
    assert not isinstance(catalogue_term("no such change", "refusals.what"), Term)


@pytest.mark.parametrize(
    ("expected", "bokmal"),
    [
        ("a Register", "en Register"),
        ("a DateRange or None", "en DateRange eller None"),
        ("an Employment", "en Employment"),
        ("date or Unreadable", "date eller Unreadable"),
        ("True or False", "True eller False"),
        ("a whole number", "et heltall"),
        ("Milestones", "Milestones"),
    ],
)
def test_what_a_check_expected_reads_in_bokmal_with_the_types_name_kept(
    expected: str, bokmal: str
) -> None:
    words = expected_words(expected)

    assert expected == str(words)
    assert f"forventet {bokmal}, fikk int" == text(
        "problems.field.expected", "nb", expected=words, got="int"
    )
