"""The versioned JSON document format ``mbprogram/2``: a whole register in one file.

::

    {"format": "mbprogram/2", "synthetic_ids": false,
     "host_units": [...], "cohorts": [{..., "rules": {...}, "sessions": [...],
     "students": [...]}], "budget_pots": [...], "employments": [...],
     "outcomes": [...], "history": [...]}

Every field is described in ``docs/format.md``; a JSON Schema of the format
ships with the package (:func:`document_schema`). Loading anything invalid
raises one :class:`~mbprogram.exceptions.DocumentError` listing every problem
with its path from the document's root (list positions in brackets)::

    cohorts[0].students[3].placements[1].end: 2026-03-01 is before start 2026-04-01

Saving is atomic: a failed save leaves the old file as it was.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar

import cattrs

from mbprogram.catalogue import Phrase
from mbprogram.exceptions import DocumentError, Problem
from mbprogram.model.cohort import Cohort
from mbprogram.model.hiring import BudgetPot, Employment, OutcomeRecord
from mbprogram.model.history import Change
from mbprogram.model.placements import HostUnit
from mbprogram.register.aggregate import Register
from mbprogram.storage._converter import converter
from mbprogram.storage._history_codec import history_json, read_history_list
from mbprogram.storage._history_migration import migrated_history
from mbprogram.storage._history_v1 import LegacyChange
from mbprogram.storage._json_text import JsonTextError, read_json
from mbprogram.storage._kept import one_load
from mbprogram.storage._problems import (
    ROOT,
    kind_problem,
    os_reason,
    shown,
    unknown_key_problems,
)
from mbprogram.storage._register_codec import (
    Records,
    build_register,
    gc_paused,
    quick_student,
    read,
    read_student,
    student_json,
)
from mbprogram.storage.atomic import write_atomically

__all__ = [
    "FORMAT",
    "document_bytes",
    "document_schema",
    "dumps",
    "load_document",
    "loads",
    "save_document",
]

T = TypeVar("T")

#: The format this version of mbprogram writes.
FORMAT: Final = "mbprogram/2"
#: The formats it reads: an ``mbprogram/1`` document's history is migrated as it is read.
READABLE: Final = ("mbprogram/1", FORMAT)
_SECTIONS: Final = ("host_units", "cohorts", "budget_pots", "employments", "outcomes", "history")
_KEYS: Final = ("format", "synthetic_ids", *_SECTIONS)
_FORMAT_NAME: Final = re.compile(r"mbprogram/[0-9]{1,6}")


def dumps(register: Register, *, indent: int | None = None) -> str:
    """Write ``register`` as a JSON document of the format ``mbprogram/2``.

    ``indent`` pretty-prints (slower); by default the document is compact.

    Raises:
        DocumentError: if a history entry holds a value that has no document form.
    """
    with gc_paused():  # the many dicts made here hold no cycles
        return json.dumps(_document(register), ensure_ascii=False, indent=indent)


def _document(register: Register) -> dict[str, Any]:
    """The document of ``register`` as plain values, ready for :func:`json.dumps`."""
    conv = converter()
    students: dict[str, list[dict[str, Any]]] = {c: [] for c in register.cohorts}
    for s in register.students.values():
        students[s.cohort].append(student_json(conv, s))
    cohorts = []
    for cohort in register.cohorts.values():
        body = conv.unstructure(cohort, Cohort)
        body["students"] = students[cohort.id]
        cohorts.append(body)
    return {
        "format": FORMAT,
        "synthetic_ids": register.allow_synthetic_ids,
        "host_units": [conv.unstructure(u, HostUnit) for u in register.host_units.values()],
        "cohorts": cohorts,
        "budget_pots": [conv.unstructure(p, BudgetPot) for p in register.budget_pots.values()],
        "employments": [conv.unstructure(e, Employment) for e in register.employments.values()],
        "outcomes": [conv.unstructure(o, OutcomeRecord) for o in register.outcomes.values()],
        "history": history_json(conv, register.history),
    }


def loads(text: str | bytes) -> Register:
    """Read a register from a JSON document of the format ``mbprogram/2`` (or ``mbprogram/1``).

    Every number is read within the bounds of ``docs/format.md``.

    Raises:
        DocumentError: listing every problem with its path, e.g.
            ``cohorts[0].students[3].placements[1].end: 2026-03-01 is before start
            2026-04-01``. Nothing is loaded when there is any. The error never
            chains the JSON decoder's own (which holds the whole text).
    """
    with gc_paused(kept=True):
        try:
            document = read_json(text)
        except JsonTextError as e:
            problem = e.problem(ROOT)
        else:
            try:
                return register_from_json(document)
            finally:
                # Freed while the collector is paused: else its first collection after
                # the pause would walk every object of the parsed document once more.
                del document
    raise DocumentError([problem])


def register_from_json(document: object) -> Register:
    """Read a register from a parsed JSON document (the value :func:`json.loads` gives).

    Raises:
        DocumentError: as :func:`loads`.
    """
    with one_load():
        return _register_from_json(document)


def _register_from_json(document: object) -> Register:
    if type(document) is not dict:
        raise DocumentError(
            [kind_problem(ROOT, "reading.document.not_object", document, format=FORMAT)]
        )
    found = document.get("format")
    if found not in READABLE:
        if "format" not in document:
            got: str = Phrase("reading.document.no_format")
        elif type(found) is str and _FORMAT_NAME.fullmatch(found):
            got = repr(found)  # another version's marker, never data
        else:
            got = shown(found)
        readable = Phrase("reading.and", first=", ".join(READABLE[:-1]), last=READABLE[-1])
        raise DocumentError(
            [Problem.of("format", "reading.document.format", format=repr(FORMAT), got=got,
                        readable=readable)],
            summary_key="reading.document.not_mbprogram",
        )  # fmt: skip
    problems = unknown_key_problems(ROOT, [k for k in document if k not in _KEYS], _KEYS)
    problems += [Problem.of(k, "reading.missing_key") for k in _KEYS if k not in document]
    synthetic = document.get("synthetic_ids", False)
    if type(synthetic) is not bool:
        problems.append(kind_problem("synthetic_ids", "reading.expected.flag", synthetic))
        synthetic = False
    conv = converter()
    records = Records()
    sections: dict[str, tuple[type[Any], list[Any]]] = {
        "host_units": (HostUnit, records.host_units),
        "budget_pots": (BudgetPot, records.budget_pots),
        "employments": (Employment, records.employments),
        "outcomes": (OutcomeRecord, records.outcomes),
        "history": (Change, records.history),
    }
    legacy: list[LegacyChange] = []
    if found != FORMAT:
        sections["history"] = (LegacyChange, legacy)
    for name in _SECTIONS:  # in the order of the document, so problems are too
        if name == "cohorts":
            _read_cohorts(conv, document.get(name, []), records, problems)
            continue
        if name == "history" and found == FORMAT:
            records.history = read_history_list(conv, document.get(name, []), name, problems)
            continue
        cls, into = sections[name]
        found_records = read(conv, document.get(name, []), _list_of(cls), name, problems)
        into.extend(found_records or ())
    if not problems and found != FORMAT:
        records.history = migrated_history(legacy, records, problems)
    if problems:
        raise DocumentError(problems, summary_key="reading.document.invalid")
    positions = _positions(document)
    return build_register(records, allow_synthetic_ids=synthetic, locate=positions)


def _list_of(cls: type[T]) -> type[tuple[T, ...]]:
    return tuple[cls, ...]  # type: ignore[valid-type]


def _read_cohorts(
    conv: cattrs.Converter, raw: object, records: Records, problems: list[Problem]
) -> None:
    if type(raw) is not list:
        problems.append(kind_problem("cohorts", "reading.expected.list", raw))
        return
    for ci, item in enumerate(raw):
        path = f"cohorts[{ci}]"
        if type(item) is not dict:
            problems.append(kind_problem(path, "reading.expected.object", item))
            continue
        body = {k: v for k, v in item.items() if k != "students"}
        cohort_problems: list[Problem] = []
        cohort = read(conv, body, Cohort, path, cohort_problems)
        problems += cohort_problems
        if cohort is not None:
            records.cohorts.append(cohort)
        students = item.get("students")
        if "students" not in item:
            problems.append(Problem.of(f"{path}.students", "reading.missing_key"))
            continue
        if type(students) is not list:
            problems.append(kind_problem(f"{path}.students", "reading.expected.list", students))
            continue
        cohort_id = cohort.id if cohort is not None else "unknown"
        for si, s in enumerate(students):
            student = quick_student(s, cohort_id)  # a valid student: no path is made
            if student is not None:
                records.students.append(student)
                continue
            student_problems: list[Problem] = []
            student = read_student(conv, s, cohort_id, f"{path}.students[{si}]", student_problems)
            if cohort is None:  # a bad cohort id shows again as each student's cohort
                student_problems = [p for p in student_problems if not p.path.endswith(".cohort")]
            problems += student_problems
            if student is not None:
                records.students.append(student)


def _positions(document: dict[str, Any]) -> Callable[[str, str, str | None], str]:
    """Name records by their position in ``document``: ``cohorts[0].students[3]``.

    The positions are indexed when a record is first named (only a register that
    breaks a rule has one named).
    """
    index: dict[tuple[str, str], int] = {}
    students: dict[tuple[str, str], tuple[int, int]] = {}
    made: list[bool] = []

    def indexed() -> None:
        made.append(True)
        for section in ("cohorts", "host_units", "budget_pots", "employments", "outcomes"):
            for i, item in enumerate(document[section]):
                index[section, item["id"]] = i  # a repeated id names its last use
        for ci, cohort in enumerate(document["cohorts"]):
            for si, student in enumerate(cohort["students"]):
                students[cohort["id"], student["id"]] = (ci, si)

    def locate(section: str, record_id: str, student_id: str | None) -> str:
        if not made:
            indexed()
        if student_id is not None and (record_id, student_id) in students:
            ci, si = students[record_id, student_id]
            return f"cohorts[{ci}].students[{si}]"
        if (section, record_id) in index:
            return f"{section}[{index[section, record_id]}]"
        return f"{section}[{record_id}]"

    return locate


def load_document(path: str | os.PathLike[str]) -> Register:
    """Read a register from a JSON document file.

    Raises:
        DocumentError: if the file cannot be read or holds an invalid document.
    """
    try:
        text = Path(path).read_bytes()
    except OSError as e:
        raise DocumentError(
            [
                Problem.of(
                    ROOT, "reading.file.cannot_read", name=os.fspath(path), reason=os_reason(e)
                )
            ]
        ) from None
    return loads(text)


def save_document(
    register: Register, path: str | os.PathLike[str], *, indent: int | None = None
) -> None:
    """Write ``register`` to a JSON document file, atomically, readable by its owner only.

    The document is written to a temporary file beside ``path``, flushed to
    disk and renamed over the old file, so a failed save leaves the old file
    exactly as it was. A symbolic link is followed (the file it names is
    replaced); a file with several names (hard links) is refused
    (:func:`~mbprogram.storage.atomic.write_atomically`).

    Raises:
        DocumentError: if the register cannot be written as a document, or the
            file has several names.
        OSError: if the file cannot be written (the old file is then unchanged).
    """
    write_atomically(path, document_bytes(register, indent=indent))


def document_bytes(register: Register, *, indent: int | None = None) -> bytes:
    """``register`` as the bytes of a JSON document file (UTF-8).

    Raises:
        DocumentError: if the register cannot be written as a document (a history
            entry without a document form, or a text that UTF-8 cannot hold).
    """
    text = dumps(register, indent=indent)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # not chained below: the error holds the whole text
        pass
    raise DocumentError(
        [Problem.of(ROOT, "reading.document.surrogate")],
        summary_key="reading.document.unwritable",
    )


def document_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``mbprogram/2`` document format."""
    resource = importlib.resources.files("mbprogram.storage") / "schema" / "mbprogram-2.schema.json"
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return schema
