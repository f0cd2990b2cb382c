"""The documentation's code blocks run, and print what the documentation says they print.

Each Markdown file's ``python`` blocks run in order in one namespace. A block
followed by a line ``prints`` and a plain code block must print exactly that.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.DOTALL)


def blocks(text: str) -> list[tuple[str, str, str | None]]:
    """``(language, code, expected output or None)`` for every python block."""
    found = list(BLOCK.finditer(text))
    out = []
    for i, m in enumerate(found):
        if m.group(1) != "python":
            continue
        expected = None
        if i + 1 < len(found):
            between = text[m.end() : found[i + 1].start()]
            if between.strip() == "prints" and found[i + 1].group(1) == "":
                expected = found[i + 1].group(2)
        out.append((m.group(1), m.group(2), expected))
    return out


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_the_code_blocks_of_the_docs_run_and_print_what_they_say(doc: Path) -> None:
    namespace: dict[str, object] = {"__name__": f"docs_{doc.stem}"}
    for _, code, expected in blocks(doc.read_text(encoding="utf-8")):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, str(doc), "exec"), namespace)  # noqa: S102 - our own docs
        if expected is not None:
            assert expected == out.getvalue()
