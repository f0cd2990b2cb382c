"""The commands that record what became of graduates, one change at a time.

``add-budget-pot``, ``hire``, ``end-employment``, ``extend-employment``,
``make-permanent``, ``confirm-end`` and ``record-outcome``, each named for the
:class:`~mbprogram.register.aggregate.Register` method it calls and refusing
what it refuses, with the same codes (cli/changes.py, docs/hiring.md).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Final, TextIO

from mbprogram.catalogue import Lang, text
from mbprogram.cli.changes import (
    add_change_arguments,
    add_choice,
    add_date,
    decimal_reader,
    run_change,
)
from mbprogram.cli.common import Command, UsageError
from mbprogram.model.hiring import Benefit, Funding, OutcomeKind, Pathway, Role, Supervision

if TYPE_CHECKING:
    from mbprogram.model.hiring import PanelMember

__all__ = ["COMMANDS", "GROUP"]


def _employment_argument(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--id", required=True, metavar="ID", help=text("cli.option.employment", lang)
    )


def _pot_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    parser.add_argument("--id", required=True, metavar="ID", help=text("cli.option.id", lang))
    parser.add_argument("--name", required=True, help=text("cli.option.name", lang))
    parser.add_argument(
        "--capacity", required=True, type=int, help=text("cli.add-budget-pot.capacity", lang)
    )


def _add_budget_pot(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.hiring import BudgetPot  # noqa: PLC0415

    pot = BudgetPot(id=args.id, name=args.name, capacity=args.capacity)

    return run_change(args, stdout, lambda register, by: register.add_budget_pot(pot, by=by))


def _hire_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    parser.add_argument("--id", required=True, metavar="ID", help=text("cli.option.id", lang))
    parser.add_argument("--person", required=True, metavar="ID", help=text("cli.hire.person", lang))
    parser.add_argument("--unit", required=True, metavar="ID", help=text("cli.hire.unit", lang))
    add_choice(parser, "--pathway", "cli.hire.pathway", lang, Pathway, required=True)
    add_date(parser, "--start", "cli.hire.start", lang)
    add_date(parser, "--end", "cli.hire.end", lang, required=False)
    parser.add_argument(
        "--percent", required=True, type=decimal_reader(lang), help=text("cli.hire.percent", lang)
    )
    add_choice(parser, "--funding", "cli.hire.funding", lang, Funding, required=True)
    parser.add_argument("--pot", metavar="ID", help=text("cli.hire.pot", lang))
    add_choice(parser, "--benefit", "cli.hire.benefit", lang, Benefit, default=Benefit.NONE.value)
    add_choice(parser, "--role", "cli.hire.role", lang, Role, action="append", default=[])
    add_choice(parser, "--supervision", "cli.hire.supervision", lang, Supervision, default="none")
    parser.add_argument(
        "--peer-network", action="store_true", help=text("cli.hire.peer_network", lang)
    )
    parser.add_argument("--permanent", action="store_true", help=text("cli.hire.permanent", lang))
    parser.add_argument(
        "--panel", action="append", default=[], metavar="MEMBER", help=text("cli.hire.panel", lang)
    )


def _panel_member(value: str) -> PanelMember:
    from mbprogram.model.hiring import PanelMember  # noqa: PLC0415

    name, _, organisation = value.partition(":")
    return PanelMember(name=name.strip(), user_organisation=organisation.strip())


def _hire(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.hiring import Employment  # noqa: PLC0415
    from mbprogram.model.values import Percent  # noqa: PLC0415

    employment = Employment(
        id=args.id,
        person=args.person,
        unit=args.unit,
        pathway=Pathway(args.pathway),
        start=args.start,
        end=args.end,
        percent=Percent(args.percent),
        permanent_from=args.start if args.permanent else None,
        funding=Funding(args.funding),
        pot=args.pot,
        benefit=Benefit(args.benefit),
        roles=frozenset(Role(r) for r in args.role),
        supervision=Supervision(args.supervision),
        peer_network=args.peer_network,
        panel=tuple(_panel_member(m) for m in args.panel),
    )

    return run_change(args, stdout, lambda register, by: register.hire(employment, by=by))


def _end_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    _employment_argument(parser, lang)
    add_date(parser, "--last-day", "cli.end-employment.last_day", lang)


def _end_employment(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args,
        stdout,
        lambda register, by: register.end_employment(args.id, last_day=args.last_day, by=by),
    )


def _extend_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    _employment_argument(parser, lang)
    add_date(parser, "--new-end", "cli.extend-employment.new_end", lang, required=False)
    parser.add_argument(
        "--open-ended", action="store_true", help=text("cli.extend-employment.open_ended", lang)
    )


def _extend_employment(args: argparse.Namespace, stdout: TextIO) -> int:
    if (args.new_end is None) == (not args.open_ended):
        raise UsageError(text("cli.error.extend_needs_end", args.lang))

    return run_change(
        args,
        stdout,
        lambda register, by: register.extend_employment(args.id, new_end=args.new_end, by=by),
    )


def _on_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    _employment_argument(parser, lang)
    add_date(parser, "--on", "cli.option.on", lang)


def _make_permanent(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args, stdout, lambda register, by: register.make_permanent(args.id, on=args.on, by=by)
    )


def _confirm_end(args: argparse.Namespace, stdout: TextIO) -> int:
    return run_change(
        args, stdout, lambda register, by: register.confirm_end(args.id, on=args.on, by=by)
    )


def _outcome_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    add_change_arguments(parser, lang)
    parser.add_argument("--id", required=True, metavar="ID", help=text("cli.option.id", lang))
    parser.add_argument("--person", required=True, metavar="ID", help=text("cli.hire.person", lang))
    add_choice(parser, "--kind", "cli.record-outcome.kind", lang, OutcomeKind, required=True)
    add_date(parser, "--on", "cli.record-outcome.on", lang)
    parser.add_argument("--note", default="", help=text("cli.assess-placement.note", lang))


def _record_outcome(args: argparse.Namespace, stdout: TextIO) -> int:
    from mbprogram.model.hiring import OutcomeRecord  # noqa: PLC0415

    outcome = OutcomeRecord(
        id=args.id, person=args.person, kind=OutcomeKind(args.kind), on=args.on, note=args.note
    )
    return run_change(args, stdout, lambda register, by: register.record_outcome(outcome, by=by))


#: The title ``--help`` lists these commands under: ``cli.group.hiring``.
GROUP: Final = "hiring"
COMMANDS: Final = (
    Command("add-budget-pot", _pot_arguments, _add_budget_pot),
    Command("hire", _hire_arguments, _hire),
    Command("end-employment", _end_arguments, _end_employment),
    Command("extend-employment", _extend_arguments, _extend_employment),
    Command("make-permanent", _on_arguments, _make_permanent),
    Command("confirm-end", _on_arguments, _confirm_end),
    Command("record-outcome", _outcome_arguments, _record_outcome),
)
