"""docs/api.md is generated from the code and current; every public name is documented."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import mbprogram

ROOT = Path(__file__).resolve().parent.parent


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "api_reference", ROOT / "tools" / "api_reference.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


API = tool()


def test_docs_api_md_is_what_the_tool_writes_from_the_code() -> None:
    assert API.reference() == (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), (
        "docs/api.md is out of date: run python tools/api_reference.py"
    )


def test_every_public_name_has_a_section_with_its_signature_and_one_line() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    sections = text.split("\n## `")[1:]

    assert list(mbprogram.__all__) == [s.split("`", maxsplit=1)[0] for s in sections]
    for section in sections:
        name, rest = section.split("`", maxsplit=1)
        _, signature, line = rest.split("```")
        assert name in signature
        assert line.strip(), name


def test_a_public_name_without_documentation_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mbprogram, "__all__", [*mbprogram.__all__, "undocumented_thing"])
    monkeypatch.setattr(mbprogram, "undocumented_thing", lambda: None, raising=False)

    with pytest.raises(API.UndocumentedError, match="undocumented_thing"):
        API.reference()


def test_the_check_says_when_the_page_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "api.md"
    stale.write_text("# API reference\n", encoding="utf-8")
    monkeypatch.setattr(API, "TARGET", stale)

    assert 1 == API.main(["--check"])
    assert "out of date" in capsys.readouterr().err
    assert 0 == API.main([])
    assert 0 == API.main(["--check"])
