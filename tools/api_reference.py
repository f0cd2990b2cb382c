"""Write docs/api.md: every public name of ``mbprogram`` with its signature and one line.

The names are ``mbprogram.__all__``; each is looked up where the package root
imports it from. A class or function is shown with its signature and the
first line of its docstring; an enumeration with its members; a constant or
type alias with its type (or value) and the ``#:`` comment above its
assignment. A name with no such line is an error: a public name is
documented or it is not public.

Usage (from the project root, with the project's virtual environment)::

    python tools/api_reference.py           # write docs/api.md
    python tools/api_reference.py --check   # exit 1 if docs/api.md is not current

``tests/test_api_reference.py`` runs the check (docs/testing.md).
"""

from __future__ import annotations

import argparse
import ast
import enum
import importlib
import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "api.md"
PACKAGE = ROOT / "src" / "mbprogram"

HEADER = """\
# API reference

Every public name of `mbprogram` (`mbprogram.__all__`), importable as
`from mbprogram import NAME`, with its signature and what it is in one line.
The guides explain them: [tutorial.md](tutorial.md), [rules.md](rules.md),
[format.md](format.md), [cli.md](cli.md), [privacy.md](privacy.md),
[hiring.md](hiring.md), [csv.md](csv.md).

This page is generated from the code by `tools/api_reference.py`; a test
fails when it is out of date (run `python tools/api_reference.py` after
changing a public name).
"""


class UndocumentedError(Exception):
    """Public names without a line of documentation."""


def _origins() -> dict[str, tuple[str, str]]:
    """Each public name's module and its name there, from the root's imports for type checkers."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    origins: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                origins[alias.asname or alias.name] = (node.module, alias.name)
    return origins


def _comment_line(module: str, name: str) -> str:
    """The first line of the ``#:`` comment above ``name``'s assignment in ``module``."""
    source = _source_of(module)
    lines = source.splitlines()
    assignment = re.compile(rf"^{re.escape(name)}\s*(:[^=]*)?=")
    for i, line in enumerate(lines):
        if assignment.match(line):
            comments = []
            j = i - 1
            while j >= 0 and lines[j].startswith("#:"):
                comments.insert(0, lines[j].removeprefix("#:").strip())
                j -= 1
            if comments:
                return _first_sentence(" ".join(comments))
    return ""


def _source_of(module: str) -> str:
    path = PACKAGE.parent.joinpath(*module.split("."))
    file = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    return file.read_text(encoding="utf-8")


def _first_sentence(docstring: str) -> str:
    """The summary line of a docstring (its first paragraph, on one line)."""
    paragraph = docstring.strip().split("\n\n", maxsplit=1)[0]
    return " ".join(paragraph.split())


def _own_doc(obj: object) -> str:
    """The docstring an object was given itself, not one inherited from a builtin."""
    doc = getattr(obj, "__doc__", None)
    if not isinstance(doc, str) or not doc.strip():
        return ""
    if not (inspect.isclass(obj) or inspect.isfunction(obj) or inspect.ismethod(obj)):
        return ""  # an instance: its docstring is its type's
    return inspect.cleandoc(doc)


class _Written:
    """An annotation as the code writes it: ``str | None``, not ``'str | None'``."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _plain(signature: inspect.Signature) -> inspect.Signature:
    def written(annotation: object) -> object:
        return _Written(annotation) if isinstance(annotation, str) else annotation

    return signature.replace(
        parameters=[
            p.replace(annotation=written(p.annotation)) for p in signature.parameters.values()
        ],
        return_annotation=written(signature.return_annotation),
    )


def _signature(name: str, obj: object) -> str:
    if inspect.isclass(obj) and issubclass(obj, enum.Enum):
        members = ", ".join(m.name for m in obj)
        return f"enum {name}: {members}"
    if inspect.isclass(obj):
        bases = [b.__name__ for b in obj.__bases__ if b is not object]
        head = f"class {name}" + (f"({', '.join(bases)})" if bases else "")
        try:
            return f"{head}{_plain(inspect.signature(obj))}".replace(" -> None", "")
        except (TypeError, ValueError):
            return head
    if inspect.isfunction(obj) or inspect.isbuiltin(obj):
        return f"{name}{_plain(inspect.signature(obj))}"
    if name[:1].isupper() and not name.isupper():  # a type alias
        return f"{name} = {_alias(obj)}"
    return f"{name}: {type(obj).__name__}"


def _alias(obj: object) -> str:
    written = str(obj).replace("typing.", "")
    written = re.sub(r"<class '(?:[\w.]+\.)?(\w+)'>", r"\1", written)
    return re.sub(r"\bmbprogram(?:\.\w+)*\.(\w+)", r"\1", written)


def _entries() -> Iterator[tuple[str, str, str, str]]:
    """``(name, module, signature, line)`` for every public name, in ``__all__``'s order."""
    sys.path.insert(0, str(PACKAGE.parent))
    mbprogram = importlib.import_module("mbprogram")
    origins = _origins()
    for name in mbprogram.__all__:
        obj = getattr(mbprogram, name)
        module, original = origins.get(name, ("mbprogram", name))
        line = _first_sentence(_own_doc(obj)) or _comment_line(module, original)
        home = module.rsplit("._", maxsplit=1)[0]
        yield name, home, _signature(name, obj), line


def reference() -> str:
    """The text of docs/api.md.

    Raises:
        UndocumentedError: naming every public name without a line of documentation.
    """
    parts = [HEADER]
    missing = []
    for name, module, signature, line in _entries():
        if not line:
            missing.append(name)
        if "0x" in signature:
            raise ValueError(f"{name}: a default without a stable repr: {signature}")
        parts.append(f"## `{name}`\n\n```\n{signature}\n```\n\n{line} (`{module}`)\n")
    if missing:
        raise UndocumentedError(", ".join(missing))
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Write docs/api.md, or with ``--check`` say whether it is current."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", maxsplit=1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/api.md is stale")
    args = parser.parse_args(argv)
    try:
        text = reference()
    except UndocumentedError as e:
        print(f"public names without documentation: {e}", file=sys.stderr)
        return 1
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/api.md is out of date: run python tools/api_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
