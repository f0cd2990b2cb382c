"""The package root: ``import mbprogram`` is light, and every public name still resolves.

The root imports each name from its home module on first use (PEP 562). The
import-time checks run in a fresh interpreter, since this test session has long
since imported the whole package.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import mbprogram

ROOT_SOURCE = Path(mbprogram.__file__).resolve()
SRC = ROOT_SOURCE.parent.parent

#: The only modules of the package that ``import mbprogram`` may load.
LOADED_BY_THE_ROOT = {"mbprogram"}

#: What using the core may not load: the adapters, the demo and the services.
NOT_FOR_THE_CORE = (
    "mbprogram.storage",
    "mbprogram.reports",
    "mbprogram.privacy",
    "mbprogram.demo",
    "mbprogram.services",
)

PUBLIC_NAMES = [n for n in mbprogram.__all__ if n != "__version__"]

#: Code that prints, as JSON, the modules of the package loaded so far.
LOADED = (
    "import json, sys; "
    "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'mbprogram')))"
)


def fresh(code: str) -> Any:
    """What ``code``, run in a new interpreter, prints as JSON on its last line."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert 0 == done.returncode, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def under(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    """The ``modules`` that are one of ``packages`` or inside one."""
    return [m for m in modules if any(m == p or m.startswith(f"{p}.") for p in packages)]


def home(name: str) -> tuple[str, str]:
    """The module a public name is imported from, and its name there."""
    module, _, attribute = mbprogram._LAZY[name].partition(":")
    return module, attribute or name


# -- what the root loads ---------------------------------------------------------------


def test_importing_the_package_loads_no_other_module_of_it() -> None:
    assert sorted(LOADED_BY_THE_ROOT) == fresh(f"import mbprogram; {LOADED}")


def test_importing_the_package_loads_no_adapter_and_not_the_demo() -> None:
    loaded = fresh(f"import mbprogram; {LOADED}")

    assert [] == under(loaded, NOT_FOR_THE_CORE)


def test_using_the_core_from_the_root_loads_no_adapter() -> None:
    loaded = fresh(
        "import datetime as dt\n"
        "from mbprogram import BERGEN_2010, Hours, Register, Stamp, evaluate_register\n"
        "Register(); Hours(1); Stamp('test', dt.datetime(2025, 1, 1, tzinfo=dt.UTC))\n"
        f"{LOADED}"
    )

    assert "mbprogram.register.aggregate" in loaded
    assert [] == under(loaded, NOT_FOR_THE_CORE)


def test_a_name_is_imported_on_first_use_and_then_kept_in_the_package() -> None:
    before, after, same = fresh(
        "import json, mbprogram\n"
        "before = 'Register' in vars(mbprogram)\n"
        "first = mbprogram.Register\n"
        "after = vars(mbprogram).get('Register') is first\n"
        "print(json.dumps([before, after, mbprogram.Register is first]))"
    )

    assert [False, True, True] == [before, after, same]


def importers_of_the_root(src: Path = SRC) -> list[str]:
    """The modules of the package under ``src`` that do ``from mbprogram import ...``."""
    found = []
    for path in (src / "mbprogram").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if (path.name != "__init__.py" or path.parent != src / "mbprogram") and any(
            isinstance(node, ast.ImportFrom) and node.module == "mbprogram"
            for node in ast.walk(tree)
        ):
            found.append(".".join(path.relative_to(src).with_suffix("").parts))
    return sorted(found)


def test_the_modules_that_import_from_the_root_are_found(tmp_path: Path) -> None:
    package = tmp_path / "mbprogram"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text("from mbprogram import x\n", encoding="utf-8")
    (package / "cli" / "app.py").write_text(
        "def f():\n    from mbprogram import __version__\n", encoding="utf-8"
    )
    (package / "cli" / "common.py").write_text("import mbprogram.version\n", encoding="utf-8")

    assert ["mbprogram.cli.app"] == importers_of_the_root(tmp_path)


@pytest.mark.parametrize("module", importers_of_the_root())
def test_a_module_that_imports_from_the_root_can_be_imported_first(module: str) -> None:
    loaded = fresh(f"import {module}; {LOADED}")

    assert module in loaded


# -- every name resolves -----------------------------------------------------------------


def test_the_table_holds_every_public_name_and_no_other() -> None:
    assert sorted(PUBLIC_NAMES) == sorted(mbprogram._LAZY)


def test_the_table_and_the_typed_imports_give_each_name_the_same_home() -> None:
    tree = ast.parse(ROOT_SOURCE.read_text(encoding="utf-8"))
    (type_checking,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    ]
    typed = {
        alias.asname or alias.name: (node.module, alias.name)
        for node in type_checking.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }

    assert typed == {name: home(name) for name in mbprogram._LAZY}


@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_every_public_name_is_the_object_of_its_home_module(name: str) -> None:
    module, attribute = home(name)

    assert getattr(importlib.import_module(module), attribute) is getattr(mbprogram, name)


@pytest.mark.parametrize(
    "name",
    [n for n in PUBLIC_NAMES if inspect.isclass(getattr(mbprogram, n))]
    + [n for n in PUBLIC_NAMES if inspect.isfunction(getattr(mbprogram, n))],
)
def test_every_class_and_function_is_found_where_it_is_written_or_in_its_package(
    name: str,
) -> None:
    module, _ = home(name)
    written_in = getattr(mbprogram, name).__module__

    assert written_in == module or written_in.startswith(f"{module}.")


def test_dir_lists_every_public_name_before_any_is_used() -> None:
    listed = fresh("import json, mbprogram; print(json.dumps(dir(mbprogram)))")

    assert [] == sorted(set(mbprogram.__all__) - set(listed))
    assert sorted(listed) == listed


def test_a_star_import_gives_every_public_name() -> None:
    names = fresh(
        "import json\n"
        "namespace = {}\n"
        "exec('from mbprogram import *', namespace)\n"
        "print(json.dumps(sorted(set(namespace) - {'__builtins__'})))"
    )

    assert sorted(mbprogram.__all__) == names


# -- unknown names ---------------------------------------------------------------------


def test_an_unknown_name_is_an_attribute_error_that_names_it() -> None:
    with pytest.raises(AttributeError) as raised:
        _ = mbprogram.Regsiter  # type: ignore[attr-defined]

    assert "module 'mbprogram' has no attribute 'Regsiter'" == str(raised.value)
    assert "Regsiter" == raised.value.name


def test_an_unknown_name_cannot_be_imported_from_the_package() -> None:
    with pytest.raises(ImportError, match="Regsiter"):
        exec("from mbprogram import Regsiter", {})  # noqa: S102
