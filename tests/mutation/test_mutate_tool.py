"""The mutation tool (tools/mutate.py) and its reviewed list of equivalent mutants stay in step.

``make mutate`` itself takes minutes and is not part of ``make test``; these
checks are quick: the test files each module is measured against exist and are
the ones docs/testing.md names, every mutant is a program that differs from the
module in one place, and every equivalent mutant listed gives its reason. An
entry that no longer names a mutant (its module was edited and lines moved) is
shown as a skip, not a failure: make mutate notes it for review.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutate", ROOT / "tools" / "mutate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mutate", module)
    spec.loader.exec_module(module)
    return module


mutate = _load_tool()


@pytest.mark.parametrize("name", sorted(mutate.TARGETS))
def test_every_module_is_measured_against_test_files_that_exist(name: str) -> None:
    target = mutate.TARGETS[name]

    assert (ROOT / "src" / "mbprogram" / target.path).is_file()
    assert [] == [t for t in target.tests if not (ROOT / t).is_file()]


def test_the_docs_name_the_test_files_each_module_is_measured_against() -> None:
    text = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` — `([\w/.]+)` \| (.+) \|$", text, re.MULTILINE)

    documented = {
        name: (path, tuple(f"tests/{t}" for t in re.findall(r"`([\w/.]+)`", files)))
        for name, path, files in rows
    }
    assert {name: (t.path, t.tests) for name, t in mutate.TARGETS.items()} == documented


def test_every_mutant_of_the_theory_rule_is_a_program_changed_in_one_place() -> None:
    source = (ROOT / "src" / "mbprogram" / "rules" / "theory.py").read_text(encoding="utf-8")
    unmutated = ast.unparse(ast.parse(source))

    for mutant in mutate.mutants_of("theory"):
        changed = mutant.source(source)
        compile(changed, "theory.py", "exec")
        assert unmutated != changed, mutant.key
        assert 1 == sum(
            a != b for a, b in zip(unmutated.splitlines(), changed.splitlines(), strict=True)
        )


def test_every_listed_equivalent_mutant_is_in_a_measured_module_and_gives_its_reason() -> None:
    equivalents = mutate.read_equivalents()
    modules = tuple(f"src/mbprogram/{t.path}:" for t in mutate.TARGETS.values())

    assert [] == [key for key in equivalents if not key.startswith(modules)]
    assert all(reason for reason in equivalents.values())


def test_every_listed_equivalent_mutant_names_a_mutant_of_the_code_as_it_is_now() -> None:
    equivalents = mutate.read_equivalents()
    known = {m.key for name in mutate.TARGETS for m in mutate.mutants_of(name)}

    # A rule module's edit that moves lines makes an entry stale: update its line here
    # (make mutate lists the mutant as a survivor until then).
    assert [] == sorted(set(equivalents) - known)
