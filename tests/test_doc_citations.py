"""Shipped code and docs cite shipped docs only: every ``docs/….md`` they name exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(
    [
        *(ROOT / "src").rglob("*.py"),
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / "examples").glob("*.py"),
        ROOT / "README.md",
        ROOT / "CHANGELOG.md",
    ]
)
CITED = re.compile(r"\b(?:docs/)?([A-Za-z_-]+\.md)\b")
#: Documents of the project's making that are not shipped, and their section signs.
UNSHIPPED = re.compile(r"DESIGN\.md|ARCHITECTURE\.md|STYLE\.md|\bDESIGN\b|§")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_document_cited_is_shipped(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    shipped = {p.name for p in (ROOT / "docs").glob("*.md")} | {"README.md", "CHANGELOG.md"}

    assert [] == UNSHIPPED.findall(text)
    assert set() == set(CITED.findall(text)) - shipped
