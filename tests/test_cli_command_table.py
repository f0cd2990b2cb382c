"""The static table of commands (cli/command_table.py) holds the command modules' commands."""

from __future__ import annotations

import importlib
import pkgutil

import mbprogram.cli
from mbprogram.cli.app import command
from mbprogram.cli.command_table import GROUP_ORDER, LISTED, listed


def command_modules() -> dict[str, object]:
    """Every module under mbprogram.cli that defines ``COMMANDS``, by its short name."""
    found = {}
    for info in pkgutil.iter_modules(mbprogram.cli.__path__):
        module = importlib.import_module(f"mbprogram.cli.{info.name}")
        if hasattr(module, "COMMANDS"):
            found[info.name] = module
    return found


def test_the_table_lists_every_command_of_every_module_in_its_order_and_group() -> None:
    modules = command_modules()
    assert {c.module for c in LISTED} == modules.keys()
    for name, module in modules.items():
        in_table = [(c.name, c.group) for c in LISTED if c.module == name]
        assert [(c.name, module.GROUP) for c in module.COMMANDS] == in_table  # type: ignore[attr-defined]


def test_a_command_s_name_is_listed_once_and_found_in_its_module() -> None:
    names = [c.name for c in LISTED]
    assert len(names) == len(set(names))
    for entry in LISTED:
        assert listed(entry.name) == entry
        assert command(entry.name).name == entry.name


def test_the_groups_come_in_the_order_of_their_first_command() -> None:
    firsts = [next(i for i, c in enumerate(LISTED) if c.group == g) for g in GROUP_ORDER]
    assert sorted(firsts) == firsts
    assert set(GROUP_ORDER) == {c.group for c in LISTED}


def test_an_unknown_name_is_no_command() -> None:
    assert listed("no-such-command") is None
