"""Hiring records are valid when made: exact percentages, ordered dates, funding and pot agree.

Every refusal is a library error (:class:`mbprogram.InvalidValueError`) naming the
field, and benefits, step-up periods, panel members' names and outcome notes
never show in ``repr``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

from mbprogram import (
    Benefit,
    BudgetPot,
    DateRange,
    Employment,
    Funding,
    InvalidValueError,
    MbprogramError,
    OutcomeKind,
    OutcomeRecord,
    PanelMember,
    Pathway,
    Percent,
    Privacy,
    Role,
    classification,
)
from tests import strategies as gen
from tests.hiring.scenario import FIRST_DAY_AT_WORK, POT, employment

START = FIRST_DAY_AT_WORK
DOCS = Path(__file__).resolve().parents[2] / "docs"


def problems_of(make: object) -> list[tuple[str, str]]:
    """Make a record that must be refused; return its problems as (field, message)."""
    with pytest.raises(InvalidValueError) as caught:
        make()  # type: ignore[operator]
    error = caught.value
    assert isinstance(error, MbprogramError)
    assert isinstance(error, ValueError)
    return [(p.path, p.message) for p in error.problems]


def fields_of(make: object) -> list[str]:
    return [field for field, _ in problems_of(make)]


# -- position percentage ------------------------------------------------------------------


@pytest.mark.parametrize("percent", ["0.1", "16", "50", "99.99", 100, Decimal("37.5")])
def test_a_position_percentage_above_0_and_at_most_100_is_accepted(percent):
    assert Percent(percent) == employment(percent=percent).percent


@pytest.mark.parametrize("percent", [0, "0", "0.0", "-10", "100.01", 101, "1e3"])
def test_a_position_percentage_of_0_or_less_or_above_100_is_refused(percent):
    assert ["percent"] == fields_of(lambda: employment(percent=percent))


@pytest.mark.parametrize("percent", [50.0, 0.1, True, None, "halv", "NaN"])
def test_a_position_percentage_must_be_an_exact_number(percent):
    assert ["percent"] == fields_of(lambda: employment(percent=percent))


def test_a_percent_value_object_is_taken_as_it_is():
    assert Percent("42.5") == employment(percent=Percent("42.5")).percent  # type: ignore[arg-type]


def test_a_float_percentage_is_refused_with_a_hint_to_give_it_exactly():
    [(field, message)] = problems_of(lambda: employment(percent=0.5))

    assert "percent" == field
    assert "binary float" in message


# -- dates --------------------------------------------------------------------------------


def test_an_employment_may_end_on_the_day_it_starts():
    assert START == employment(end=START).end


def test_an_employment_cannot_end_before_it_starts():
    [(field, message)] = problems_of(lambda: employment(end=START - dt.timedelta(days=1)))

    assert "end" == field
    assert "2026-09-30 is before start 2026-10-01" == message


def test_a_position_cannot_become_permanent_before_it_starts():
    assert ["permanent_from"] == fields_of(
        lambda: employment(permanent_from=START - dt.timedelta(days=1))
    )


@pytest.mark.parametrize("field", ["start", "end", "permanent_from", "end_confirmed_on"])
def test_dates_must_be_dates(field):
    assert [field] == fields_of(lambda: employment(**{field: "2026-10-01"}))


def test_every_problem_of_an_employment_is_listed_at_once():
    assert ["percent", "end", "pot"] == fields_of(
        lambda: employment(percent=0, end=START - dt.timedelta(days=1), funding=Funding.BUDGET_POT)
    )


# -- funding and pot -----------------------------------------------------------------------


def test_a_pot_is_named_when_the_pot_pays():
    e = employment(pot=POT)

    assert (Funding.BUDGET_POT, POT, Pathway.BUDGET_POT) == (e.funding, e.pot, e.pathway)


def test_a_pot_funded_employment_without_a_pot_is_refused():
    [(field, message)] = problems_of(lambda: employment(funding=Funding.BUDGET_POT))

    assert "pot" == field
    assert "name the budget pot exactly when the funding is the budget pot" == message


@pytest.mark.parametrize(
    "funding", [Funding.STATE_GRANT, Funding.MUNICIPAL_BUDGET, Funding.NAV_WAGE_SUBSIDY]
)
def test_a_pot_named_for_an_employment_the_pot_does_not_pay_is_refused(funding):
    assert ["pot"] == fields_of(
        lambda: employment(pot=POT, funding=funding, pathway=Pathway.ORDINARY_POSITION)
    )


def test_the_budget_pot_pathway_is_paid_by_the_pot():
    assert ["funding"] == fields_of(lambda: employment(pathway=Pathway.BUDGET_POT))


def test_another_pathway_may_be_paid_by_the_pot():
    e = employment(pot=POT, pathway=Pathway.PROJECT_POSITION)

    assert (Pathway.PROJECT_POSITION, Funding.BUDGET_POT) == (e.pathway, e.funding)


@pytest.mark.parametrize("pot", ["", " POT", "pott/1"])
def test_a_pot_id_must_be_an_id(pot):
    assert ["pot"] == fields_of(lambda: employment(pot=pot))


# -- AAP step-up ---------------------------------------------------------------------------


def step_up(months_minus_a_day: int, *, start: dt.date = START) -> DateRange:
    """A step-up period of ``months_minus_a_day`` months (its last day the day before)."""
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415

    return DateRange(start, start + relativedelta(months=months_minus_a_day) - dt.timedelta(1))


def test_a_step_up_period_of_12_months_beside_aap_is_accepted():
    period = step_up(12)

    e = employment(benefit=Benefit.AAP, aap_step_up=period)

    assert DateRange(dt.date(2026, 10, 1), dt.date(2027, 9, 30)) == e.aap_step_up


#: The limit as the message words it, and as docs/hiring.md, docs/format.md and the
#: model's docstring must word it too.
STEP_UP_LIMIT = "at most 12 months: its last day is before the day 12 months after its start"


def test_a_step_up_period_one_day_longer_than_12_months_is_refused():
    period = DateRange(START, dt.date(2027, 10, 1))

    [(field, message)] = problems_of(lambda: employment(benefit=Benefit.AAP, aap_step_up=period))

    assert ("aap_step_up", f"a step-up period lasts {STEP_UP_LIMIT}") == (field, message)


# The edges of docs/hiring.md: 12 months as dateutil's relativedelta counts them, so
# 12 months after 29 February is 28 February and the last day is 27 February.
@pytest.mark.parametrize(
    ("first", "last"),
    [
        (dt.date(2024, 3, 15), dt.date(2025, 3, 14)),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 27)),
        (dt.date(2028, 2, 29), dt.date(2029, 2, 27)),
        (dt.date(2023, 3, 1), dt.date(2024, 2, 29)),
        (dt.date(2024, 1, 31), dt.date(2025, 1, 30)),
    ],
)
def test_a_step_up_period_ending_the_day_before_12_months_after_its_start_is_accepted(first, last):
    period = DateRange(first, last)

    assert period == employment(benefit=Benefit.AAP, aap_step_up=period).aap_step_up


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (dt.date(2024, 3, 15), dt.date(2025, 3, 15)),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        (dt.date(2028, 2, 29), dt.date(2029, 2, 28)),
        (dt.date(2023, 3, 1), dt.date(2024, 3, 1)),
        (dt.date(2024, 1, 31), dt.date(2025, 1, 31)),
    ],
)
def test_a_step_up_period_ending_12_months_after_its_start_is_refused(first, last):
    period = DateRange(first, last)

    [(field, message)] = problems_of(lambda: employment(benefit=Benefit.AAP, aap_step_up=period))

    assert ("aap_step_up", f"a step-up period lasts {STEP_UP_LIMIT}") == (field, message)
    assert [] == [y for y in (str(first.year), str(last.year)) if y in message]  # sensitive


@pytest.mark.parametrize("doc", ["hiring.md", "format.md"])
def test_the_docs_word_the_step_up_limit_as_the_message_does(doc):
    text = (DOCS / doc).read_text(encoding="utf-8")
    [row] = [line for line in text.splitlines() if line.startswith("| `aap_step_up` |")]

    assert STEP_UP_LIMIT in row
    assert "under 12 months" not in text


def test_the_employment_docstring_words_the_step_up_limit_as_the_message_does():
    assert STEP_UP_LIMIT in " ".join((Employment.__doc__ or "").split())


def test_the_docs_state_the_edges_from_29_february_and_from_an_ordinary_day():
    text = " ".join((DOCS / "hiring.md").read_text(encoding="utf-8").split())

    assert "from 29 February 2024 to 27 February 2025 is accepted" in text
    assert "one to 28 February 2025 is refused" in text
    assert "from 15 March 2024 to 14 March 2025 is accepted" in text
    assert "one to 15 March 2025 is refused" in text


@pytest.mark.parametrize("benefit", [Benefit.NONE, Benefit.DISABILITY])
def test_a_step_up_period_without_aap_is_refused(benefit):
    [(field, message)] = problems_of(lambda: employment(benefit=benefit, aap_step_up=step_up(6)))

    assert ("aap_step_up", "a step-up period needs the AAP benefit") == (field, message)


def test_a_step_up_period_must_be_a_date_range():
    assert ["aap_step_up"] == fields_of(
        lambda: employment(benefit=Benefit.AAP, aap_step_up=(START, START))
    )


# -- enums, roles, panel -------------------------------------------------------------------


def test_roles_may_be_given_by_their_values():
    e = employment(roles=["individual-users", Role.RELATIVES])

    assert frozenset({Role.INDIVIDUAL_USERS, Role.RELATIVES}) == e.roles


def test_an_unknown_role_is_refused():
    assert ["roles"] == fields_of(lambda: employment(roles=["kaffekoking"]))


@pytest.mark.parametrize("field", ["pathway", "funding", "supervision"])
def test_pathway_funding_and_supervision_must_be_their_enums(field):
    assert [field] == fields_of(lambda: employment(**{field: "annet"}))


def test_a_refused_benefit_is_not_quoted():
    [(field, message)] = problems_of(lambda: employment(benefit="hemmelig-ytelse"))

    assert "benefit" == field
    assert "hemmelig-ytelse" not in message
    assert "not shown: sensitive field" in message


def test_a_panel_holds_panel_members_and_a_bare_name_is_not_quoted():
    [(field, message)] = problems_of(lambda: employment(panel=["Leder Lie"]))

    assert ("panel[0]", "expected PanelMember, got str") == (field, message)


def test_a_panel_member_represents_a_user_organisation_when_one_is_named():
    assert (True, False, False) == (
        PanelMember(name="Ola Testesen", user_organisation="RiO").represents_user_organisation,
        PanelMember(name="Leder Lie").represents_user_organisation,
        PanelMember(name="Leder Lie", user_organisation=" ").represents_user_organisation,
    )


def test_a_panel_member_needs_a_name():
    assert ["name"] == fields_of(lambda: PanelMember(name=" "))


# -- budget pots and outcomes -----------------------------------------------------------------


@pytest.mark.parametrize("capacity", [0, -1, True, "10", 10.0])
def test_a_pot_needs_room_for_at_least_one_position(capacity):
    assert ["capacity"] == fields_of(lambda: BudgetPot(id=POT, name="MB-potten", capacity=capacity))


def test_bergens_pot_has_room_for_10_positions():
    assert 10 == BudgetPot(id="BERGEN", name="Budsjettpott MB", capacity=10).capacity


def test_an_outcome_needs_a_kind_and_a_date():
    assert ["kind", "on"] == [
        *fields_of(lambda: OutcomeRecord(id="O1", person="S-01", kind="studier", on=START)),
        *fields_of(
            lambda: OutcomeRecord(id="O1", person="S-01", kind=OutcomeKind.UNKNOWN, on="2026-10-01")
        ),
    ]


# -- employment over time ---------------------------------------------------------------------


def test_an_employment_is_active_from_its_first_to_its_last_day():
    e = employment(end=dt.date(2026, 12, 31))

    assert [False, True, True, False] == [
        e.active_on(d)
        for d in (dt.date(2026, 9, 30), START, dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    ]


def test_an_open_ended_employment_runs_to_the_end_of_the_calendar():
    e = employment()

    assert DateRange(START, dt.date.max) == e.period
    assert e.active_on(dt.date(2099, 12, 31))


def test_a_position_is_temporary_until_it_is_made_permanent():
    temporary = employment(end=dt.date(2027, 3, 31))
    permanent = employment(permanent_from=dt.date(2027, 1, 1))

    assert (True, False) == (temporary.temporary, permanent.temporary)
    assert (False, True) == (
        permanent.permanent_on(dt.date(2026, 12, 31)),
        permanent.permanent_on(dt.date(2027, 1, 1)),
    )


# -- privacy ------------------------------------------------------------------------------------


def test_benefits_step_up_periods_names_and_notes_are_classified():
    assert (Privacy.SENSITIVE, Privacy.SENSITIVE) == (
        classification(Employment)["benefit"],
        classification(Employment)["aap_step_up"],
    )
    assert Privacy.DIRECT_IDENTIFIER == classification(PanelMember)["name"]
    assert Privacy.SENSITIVE == classification(OutcomeRecord)["note"]


def test_an_employments_repr_shows_no_benefit_step_up_or_panel_names():
    e = employment(
        benefit=Benefit.AAP,
        aap_step_up=step_up(6),
        panel=(PanelMember(name="Kari Prøvedal", user_organisation="Mental Helse"),),
    )

    text = repr(e)

    for hidden in ("benefit", "aap", "AAP", "step_up", "2027-03-31", "Kari Prøvedal"):
        assert hidden not in text
    assert "Mental Helse" in text  # the organisation is not about the person


def test_an_outcomes_repr_shows_no_note():
    outcome = OutcomeRecord(
        id="O1",
        person="S-01",
        kind=OutcomeKind.NOT_EMPLOYED,
        on=START,
        note="Sykemeldt etter tilbakefall",
    )

    assert "Sykemeldt" not in repr(outcome)
    assert "note" not in repr(outcome)


@given(gen.employments())
def test_no_drawn_employment_shows_its_benefit_or_panel_names_in_repr(e):
    text = repr(e)

    assert "benefit=" not in text
    assert "aap_step_up=" not in text
    assert "name=" not in text
    for member in e.panel:
        assert member.name not in text


@given(gen.outcome_records())
def test_no_drawn_outcome_shows_its_note_in_repr(outcome):
    assert "note=" not in repr(outcome)


@given(gen.employments())
def test_every_drawn_employment_keeps_the_record_rules(e):
    assert Decimal(0) < e.percent.value <= Decimal(100)
    assert e.end is None or e.start <= e.end
    assert (e.funding is Funding.BUDGET_POT) == (e.pot is not None)
    assert e.aap_step_up is None or e.benefit is Benefit.AAP
    assert e.active_on(e.start)


@given(gen.budget_pots, gen.panel_members)
def test_drawn_pots_and_panel_members_are_valid(pot, member):
    assert 1 <= pot.capacity
    assert member.name.strip()
