"""Hiring changes keep the pot and certificate rules, refuse with stable codes, and keep history.

Each refusal is checked with :func:`refused`, which also checks that the
refused change left the register exactly as it was, history included.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from mbprogram import (
    BudgetPot,
    DateRange,
    Funding,
    InvalidValueError,
    MbprogramError,
    NotFoundError,
    OutcomeKind,
    OutcomeRecord,
    Pathway,
    Percent,
    Register,
    Supervision,
    ValidationError,
    employment_summary,
)
from mbprogram.model.codes import RuleCode
from tests.builders import (
    GRADUATION_DAY,
    STAMP,
    UNIT,
    UNIT_ONE_PLACE,
    complete,
    make_register,
    path_of,
    placement,
    stamp,
)
from tests.hiring.scenario import (
    FIRST_DAY_AT_WORK,
    POT,
    UNIT_THREE,
    employment,
    hiring_register,
    on_day,
    paths,
    refused,
)

OVER_CAPACITY = "BUDGET_POT_OVER_CAPACITY"
WITHOUT_CERTIFICATE = "BUDGET_POT_WITHOUT_CERTIFICATE"
YEAR_END = dt.date(2026, 12, 31)
NEW_YEAR = dt.date(2027, 1, 1)


@pytest.fixture
def register() -> Register:
    """Three graduates (S-01 to S-03, certificates of ``GRADUATION_DAY``) and ``POT`` for two."""
    return hiring_register()


@pytest.fixture
def full(register: Register) -> Register:
    """``register`` with ``POT`` full from ``FIRST_DAY_AT_WORK``: E1 open-ended, E2 to year end."""
    register.hire(employment("E1", "S-01", pot=POT), by=STAMP)
    register.hire(employment("E2", "S-02", pot=POT, end=YEAR_END), by=STAMP)
    return register


# -- errors ------------------------------------------------------------------------------


def test_a_refused_hire_is_a_library_error_and_a_value_error(full):
    error = refused(full, lambda: full.hire(employment("E3", "S-03", pot=POT), by=STAMP))

    assert isinstance(error, ValidationError)
    assert isinstance(error, MbprogramError)
    assert isinstance(error, ValueError)


# -- budget pots --------------------------------------------------------------------------


def test_a_pot_is_added_and_recorded_in_the_history():
    register = hiring_register(pot_capacity=None)

    register.add_budget_pot(BudgetPot(id=POT, name="MB-potten", capacity=10), by=stamp(1))

    assert BudgetPot(id=POT, name="MB-potten", capacity=10) == register.budget_pot(POT)
    [change] = register.history_of("budget_pots[POT]")
    assert ("budget-pot.added", None) == (change.action, change.before)


def test_a_second_pot_with_the_same_id_is_refused(register):
    error = refused(
        register,
        lambda: register.add_budget_pot(BudgetPot(id=POT, name="Ny pott", capacity=5), by=STAMP),
    )

    assert ["budget_pots[POT]"] == paths(error)


def test_an_unknown_pot_is_not_found(register):
    refused(register, lambda: register.budget_pot("POT9"), NotFoundError)
    refused(register, lambda: register.change_pot_capacity("POT9", 3, by=STAMP), NotFoundError)


# -- hiring into a full pot ---------------------------------------------------------------


def test_hiring_into_a_full_pot_is_refused_with_its_code_and_changes_nothing(full):
    error = refused(full, lambda: full.hire(employment("E3", "S-03", pot=POT), by=STAMP))

    assert frozenset({OVER_CAPACITY}) == error.codes
    assert ["employments[E3].pot"] == paths(error)
    assert (
        "hiring refused: employments[E3].pot: budget pot 'POT' would pay 3 positions at once "
        "2026-10-01..2026-12-31; it has room for 2" == str(error)
    )
    assert "E3" not in full.employments


def test_a_pot_place_is_free_again_the_day_after_a_position_ends(full):
    full.hire(employment("E3", "S-03", pot=POT, start=NEW_YEAR), by=STAMP)

    assert NEW_YEAR == full.employment("E3").start


def test_a_pot_is_full_on_the_last_day_of_a_position(full):
    error = refused(
        full, lambda: full.hire(employment("E3", "S-03", pot=POT, start=YEAR_END), by=STAMP)
    )

    assert frozenset({OVER_CAPACITY}) == error.codes
    assert "3 positions at once 2026-12-31..2026-12-31" in str(error)


def test_a_position_that_ends_before_the_pot_fills_up_is_accepted(full):
    full.hire(
        employment("E3", "S-03", pot=POT, start=dt.date(2026, 9, 1), end=dt.date(2026, 9, 30)),
        by=STAMP,
    )

    assert {"E1", "E2", "E3"} == set(full.employments)


def test_positions_are_counted_not_people(register):
    register.hire(employment("E1", "S-01", pot=POT, percent=20), by=STAMP)
    register.hire(employment("E2", "S-01", pot=POT, percent=20), by=STAMP)

    error = refused(
        register, lambda: register.hire(employment("E3", "S-01", pot=POT, percent=10), by=STAMP)
    )

    assert frozenset({OVER_CAPACITY}) == error.codes


def test_posts_paid_by_others_take_no_place_in_the_pot(full):
    full.hire(employment("E3", "S-03", unit=UNIT_ONE_PLACE), by=STAMP)

    assert Funding.MUNICIPAL_BUDGET == full.employment("E3").funding


def test_ending_a_position_early_frees_its_place(full):
    full.end_employment("E2", last_day=dt.date(2026, 11, 30), by=stamp(1))

    full.hire(employment("E3", "S-03", pot=POT, start=dt.date(2026, 12, 1)), by=stamp(2))

    assert dt.date(2026, 11, 30) == full.employment("E2").end


# -- certificates -------------------------------------------------------------------------


def test_a_pot_hire_before_the_certificate_date_is_refused_with_its_code(register):
    day_before = GRADUATION_DAY - dt.timedelta(days=1)

    error = refused(
        register, lambda: register.hire(employment(pot=POT, start=day_before), by=STAMP)
    )

    assert frozenset({WITHOUT_CERTIFICATE}) == error.codes
    assert ["employments[E1].start"] == paths(error)
    assert "the student has a certificate from 2026-09-01" in str(error)


def test_a_pot_hire_on_the_certificate_date_is_accepted(register):
    register.hire(employment(pot=POT, start=GRADUATION_DAY), by=STAMP)

    assert GRADUATION_DAY == register.employment("E1").start


def test_a_pot_hire_of_someone_without_a_certificate_is_refused_with_its_code(register):
    error = refused(
        register,
        lambda: register.hire(employment(person="S-04", unit=UNIT_THREE, pot=POT), by=STAMP),
    )

    assert frozenset({WITHOUT_CERTIFICATE}) == error.codes
    assert "the student has no certificate" in str(error)


def test_a_hire_that_breaks_both_pot_rules_lists_both_problems(full):
    error = refused(
        full,
        lambda: full.hire(employment("E3", "S-04", unit=UNIT_THREE, pot=POT), by=STAMP),
    )

    assert frozenset({WITHOUT_CERTIFICATE, OVER_CAPACITY}) == error.codes
    assert ["employments[E3].start", "employments[E3].pot"] == paths(error)


def test_a_position_cannot_be_made_permanent_after_it_ends():
    with pytest.raises(InvalidValueError) as caught:
        employment(end=dt.date(2026, 12, 31), permanent_from=dt.date(2027, 1, 1))

    assert ["permanent_from"] == paths(caught.value)
    assert "cannot be made permanent after it ends" in str(caught.value)


# -- extending and converting must not overfill the pot ------------------------------------


@pytest.fixture
def one_place() -> Register:
    """A pot for one: E1 (S-01) until year end, then E2 (S-02) from the new year."""
    register = hiring_register(pot_capacity=1)
    register.hire(employment("E1", "S-01", pot=POT, end=YEAR_END), by=STAMP)
    register.hire(
        employment("E2", "S-02", pot=POT, start=NEW_YEAR, end=dt.date(2027, 6, 30)),
        by=STAMP,
    )
    return register


def test_extending_a_position_into_a_full_pot_is_refused_with_its_code(one_place):
    error = refused(
        one_place,
        lambda: one_place.extend_employment("E1", new_end=dt.date(2027, 1, 31), by=STAMP),
    )

    assert frozenset({OVER_CAPACITY}) == error.codes
    assert ["employments[E1].pot"] == paths(error)


def test_making_a_position_open_ended_in_a_full_pot_is_refused(one_place):
    error = refused(one_place, lambda: one_place.extend_employment("E1", new_end=None, by=STAMP))

    assert frozenset({OVER_CAPACITY}) == error.codes


def test_making_a_position_permanent_in_a_full_pot_is_refused(one_place):
    error = refused(
        one_place, lambda: one_place.make_permanent("E1", on=dt.date(2026, 12, 1), by=STAMP)
    )

    assert frozenset({OVER_CAPACITY}) == error.codes
    assert ["employments[E1].pot"] == paths(error)


def test_a_position_may_be_made_permanent_once_the_pot_has_room(one_place):
    one_place.end_employment("E2", last_day=dt.date(2027, 1, 31), by=stamp(1))
    one_place.confirm_end("E2", on=dt.date(2026, 11, 1), by=stamp(2))
    refused(one_place, lambda: one_place.make_permanent("E1", on=NEW_YEAR, by=stamp(3)))

    one_place.change_pot_capacity(POT, 2, by=stamp(4))
    one_place.make_permanent("E1", on=NEW_YEAR, by=stamp(5))

    assert (NEW_YEAR, None) == (
        one_place.employment("E1").permanent_from,
        one_place.employment("E1").end,
    )


# -- pot capacity -------------------------------------------------------------------------


def test_lowering_a_pots_capacity_below_its_use_is_refused_with_its_code(full):
    error = refused(full, lambda: full.change_pot_capacity(POT, 1, by=STAMP))

    assert frozenset({OVER_CAPACITY}) == error.codes
    assert ["budget_pots[POT]"] == paths(error)
    assert 2 == full.budget_pot(POT).capacity


def test_lowering_a_pots_capacity_to_its_use_is_accepted(register):
    register.hire(employment("E1", "S-01", pot=POT), by=stamp(1))
    register.hire(
        employment("E2", "S-02", pot=POT, start=dt.date(2026, 11, 1), end=YEAR_END), by=stamp(2)
    )
    refused(register, lambda: register.change_pot_capacity(POT, 1, by=stamp(3)))
    register.end_employment("E1", last_day=dt.date(2026, 10, 31), by=stamp(4))

    register.change_pot_capacity(POT, 1, by=stamp(5))

    assert 1 == register.budget_pot(POT).capacity
    [*_, change] = register.history_of("budget_pots[POT]")
    assert ("budget-pot.capacity-changed", 2, 1) == (
        change.action,
        change.before.capacity,  # type: ignore[attr-defined]
        change.after.capacity,  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("capacity", [0, -1, True, "3"])
def test_a_pot_capacity_that_is_not_a_positive_whole_number_is_refused(register, capacity):
    error = refused(register, lambda: register.change_pot_capacity(POT, capacity, by=STAMP))

    assert ["budget_pots[POT].capacity"] == paths(error)


# -- references: person, unit, pot, placement -----------------------------------------------


def test_the_placement_unit_pathway_needs_a_placement_at_that_unit(register):
    hired_elsewhere = employment(unit=UNIT_ONE_PLACE, pathway=Pathway.PLACEMENT_UNIT)

    error = refused(register, lambda: register.hire(hired_elsewhere, by=STAMP))

    assert ["employments[E1].pathway"] == paths(error)
    assert "needs a placement at 'U2'" in str(error)


def test_the_placement_unit_pathway_is_accepted_where_the_graduate_did_practice(register):
    register.hire(employment(unit=UNIT, pathway=Pathway.PLACEMENT_UNIT), by=STAMP)

    assert Pathway.PLACEMENT_UNIT == register.employment("E1").pathway


@pytest.mark.parametrize("unit", [UNIT, UNIT_ONE_PLACE])
def test_the_placement_unit_pathway_is_accepted_at_any_unit_where_the_graduate_did_practice(
    unit,
):
    register = make_register(1)
    register.place("S-01", placement("P0", unit=UNIT_ONE_PLACE, end=dt.date(2026, 3, 31)), by=STAMP)
    complete(register, "S-01")  # P1 at U1
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)

    register.hire(employment(unit=unit, pathway=Pathway.PLACEMENT_UNIT), by=STAMP)

    assert unit == register.employment("E1").unit


def test_an_unknown_person_unit_and_pot_are_refused_all_at_once(register):
    error = refused(
        register,
        lambda: register.hire(employment(person="S-99", unit="U9", pot="POT9"), by=STAMP),
    )

    assert ["employments[E1].person", "employments[E1].unit", "employments[E1].pot"] == paths(error)
    assert frozenset({RuleCode.UNKNOWN_RECORD}) == error.codes


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r.employment("E9"),
        lambda r: r.end_employment("E9", last_day=YEAR_END, by=STAMP),
        lambda r: r.extend_employment("E9", new_end=YEAR_END, by=STAMP),
        lambda r: r.make_permanent("E9", on=YEAR_END, by=STAMP),
        lambda r: r.confirm_end("E9", on=YEAR_END, by=STAMP),
        lambda r: r.amend_employment("E9", percent=20, by=STAMP),
    ],
)
def test_an_unknown_employment_is_not_found(full, change):
    error = refused(full, lambda: change(full), NotFoundError)

    assert isinstance(error, LookupError)
    assert "E9" == error.record_id


def test_a_second_employment_with_the_same_id_is_refused(full):
    error = refused(
        full, lambda: full.hire(employment("E1", "S-03", unit=UNIT_ONE_PLACE), by=STAMP)
    )

    assert ["employments[E1]"] == paths(error)


def test_something_other_than_an_employment_is_refused(register):
    error = refused(register, lambda: register.hire("E1", by=STAMP))  # type: ignore[arg-type]

    assert ["employment"] == paths(error)


def test_a_change_without_a_stamp_is_refused(full):
    error = refused(full, lambda: full.hire(employment("E3", "S-03"), by="Koordinator"))  # type: ignore[arg-type]

    assert ["by"] == paths(error)


# -- several employments at once ----------------------------------------------------------


def test_a_person_may_hold_a_permanent_16_percent_post_beside_a_50_percent_pot_post(register):
    permanent = employment("E1", percent=16, unit=UNIT_ONE_PLACE, permanent_from=FIRST_DAY_AT_WORK)
    paid_by_pot = employment("E2", percent=50, pot=POT)

    register.hire(permanent, by=STAMP)
    register.hire(paid_by_pot, by=stamp(1))

    assert (permanent, paid_by_pot) == register.employments_of("S-01")
    summary = employment_summary(register, dt.date(2026, 11, 2))
    assert (2, 1, 1) == (summary.employments, summary.people, summary.permanent)
    assert {"50-79 %": 1} == {k: n for k, n in summary.percent_bands.items() if n}


# -- ending, extending, converting and confirming -------------------------------------------


@pytest.fixture
def project(register: Register) -> Register:
    """``register`` with E1: a temporary project position until year end."""
    register.hire(
        employment("E1", pathway=Pathway.PROJECT_POSITION, end=YEAR_END, percent=40), by=STAMP
    )
    return register


def test_converting_a_project_position_to_permanent_keeps_its_history(project):
    temporary = project.employment("E1")

    project.make_permanent("E1", on=NEW_YEAR, by=stamp(1))

    hired, converted = project.history_of("employments[E1]")
    assert ["employment.hired", "employment.made-permanent"] == [hired.action, converted.action]
    assert (None, temporary) == (hired.before, hired.after)
    assert temporary == converted.before
    assert project.employment("E1") == converted.after
    assert stamp(1) == converted.stamp


def test_a_converted_position_keeps_its_id_start_and_details_and_loses_its_end(project):
    temporary = project.employment("E1")

    project.make_permanent("E1", on=NEW_YEAR, by=stamp(1))

    permanent = project.employment("E1")
    assert attrs.evolve(temporary, permanent_from=NEW_YEAR, end=None) == permanent
    assert (NEW_YEAR, None, None) == (
        permanent.permanent_from,
        permanent.end,
        permanent.end_confirmed_on,
    )
    assert not permanent.temporary
    assert not permanent.permanent_on(YEAR_END)
    assert permanent.permanent_on(NEW_YEAR)


def test_a_position_may_be_made_permanent_from_the_day_after_it_ended(project):
    project.make_permanent("E1", on=NEW_YEAR, by=stamp(1))

    assert NEW_YEAR == project.employment("E1").permanent_from


def test_a_position_cannot_be_made_permanent_after_a_gap(project):
    error = refused(project, lambda: project.make_permanent("E1", on=dt.date(2027, 1, 2), by=STAMP))

    assert ["employments[E1].permanent_from"] == paths(error)


def test_a_position_cannot_be_made_permanent_before_it_starts(project):
    error = refused(
        project, lambda: project.make_permanent("E1", on=dt.date(2026, 9, 30), by=STAMP)
    )

    assert ["employments[E1].permanent_from"] == paths(error)


def test_a_permanent_position_cannot_be_made_permanent_again(project):
    project.make_permanent("E1", on=NEW_YEAR, by=stamp(1))

    error = refused(project, lambda: project.make_permanent("E1", on=NEW_YEAR, by=stamp(2)))

    assert ["employments[E1].permanent_from"] == paths(error)
    assert "permanent already from 2027-01-01" in str(error)


def test_ending_a_position_records_its_last_day_and_the_decision(project):
    project.end_employment("E1", last_day=dt.date(2026, 11, 30), by=stamp(1))

    e = project.employment("E1")
    assert (dt.date(2026, 11, 30), STAMP.at.date()) == (e.end, e.end_confirmed_on)
    assert "employment.ended" == project.history[-1].action


def test_a_position_cannot_end_after_its_planned_end(project):
    error = refused(project, lambda: project.end_employment("E1", last_day=NEW_YEAR, by=STAMP))

    assert ["employments[E1].end"] == paths(error)
    assert "extend the employment instead" in str(error)


def test_a_position_cannot_end_before_it_starts(project):
    error = refused(
        project, lambda: project.end_employment("E1", last_day=dt.date(2026, 9, 30), by=STAMP)
    )

    assert ["employments[E1].end"] == paths(error)


def test_extending_a_position_moves_its_end_and_calls_for_a_new_decision(project):
    project.confirm_end("E1", on=dt.date(2026, 11, 1), by=stamp(1))

    project.extend_employment("E1", new_end=dt.date(2027, 6, 30), by=stamp(2))

    e = project.employment("E1")
    assert (dt.date(2027, 6, 30), None, None) == (e.end, e.end_confirmed_on, e.permanent_from)


@pytest.mark.parametrize("new_end", [YEAR_END, dt.date(2026, 12, 1)])
def test_extending_a_position_to_its_end_or_earlier_is_refused(project, new_end):
    error = refused(project, lambda: project.extend_employment("E1", new_end=new_end, by=STAMP))

    assert ["employments[E1].end"] == paths(error)


def test_an_open_ended_position_cannot_be_extended(register):
    register.hire(employment("E1"), by=STAMP)

    error = refused(register, lambda: register.extend_employment("E1", new_end=NEW_YEAR, by=STAMP))

    assert ["employments[E1].end"] == paths(error)


def test_confirming_the_end_records_the_day_of_the_decision(project):
    project.confirm_end("E1", on=dt.date(2026, 11, 15), by=stamp(1))

    assert dt.date(2026, 11, 15) == project.employment("E1").end_confirmed_on
    assert "employment.end-confirmed" == project.history[-1].action


def test_ending_after_a_later_dated_confirmation_keeps_the_earlier_day_of_the_ending(project):
    project.confirm_end("E1", on=dt.date(2026, 11, 11), by=on_day(dt.date(2026, 11, 11)))

    project.end_employment("E1", last_day=YEAR_END, by=on_day(dt.date(2026, 10, 19)))

    assert dt.date(2026, 10, 19) == project.employment("E1").end_confirmed_on


def test_ending_twice_keeps_the_earlier_decision(project):
    project.end_employment("E1", last_day=dt.date(2026, 12, 15), by=on_day(dt.date(2026, 11, 20)))

    project.end_employment("E1", last_day=dt.date(2026, 12, 1), by=on_day(dt.date(2026, 10, 20)))
    project.end_employment("E1", last_day=dt.date(2026, 11, 30), by=on_day(dt.date(2026, 11, 25)))

    e = project.employment("E1")
    assert (dt.date(2026, 11, 30), dt.date(2026, 10, 20)) == (e.end, e.end_confirmed_on)


def test_a_later_confirmation_leaves_an_earlier_decision_standing(project):
    project.end_employment("E1", last_day=YEAR_END, by=on_day(dt.date(2026, 10, 19)))
    history = project.history

    project.confirm_end("E1", on=dt.date(2026, 11, 11), by=on_day(dt.date(2026, 11, 11)))

    assert dt.date(2026, 10, 19) == project.employment("E1").end_confirmed_on
    assert history == project.history  # the record is as it was: nothing is recorded


def test_a_confirmation_of_a_decision_made_earlier_moves_the_decision_day_earlier(project):
    project.confirm_end("E1", on=dt.date(2026, 11, 11), by=on_day(dt.date(2026, 11, 11)))

    project.confirm_end("E1", on=dt.date(2026, 10, 1), by=on_day(dt.date(2026, 11, 12)))

    assert dt.date(2026, 10, 1) == project.employment("E1").end_confirmed_on


def test_a_decision_made_before_an_extension_does_not_stand_after_it(project):
    project.confirm_end("E1", on=dt.date(2026, 10, 1), by=on_day(dt.date(2026, 10, 1)))
    project.extend_employment("E1", new_end=dt.date(2027, 6, 30), by=on_day(dt.date(2026, 11, 1)))

    project.confirm_end("E1", on=dt.date(2027, 3, 1), by=on_day(dt.date(2027, 3, 1)))

    assert dt.date(2027, 3, 1) == project.employment("E1").end_confirmed_on


def test_the_end_of_a_permanent_or_open_ended_position_cannot_be_confirmed(project):
    project.hire(employment("E2", "S-02"), by=stamp(1))
    project.make_permanent("E1", on=NEW_YEAR, by=stamp(2))

    for eid in ("E1", "E2"):
        error = refused(project, lambda eid=eid: project.confirm_end(eid, on=NEW_YEAR, by=STAMP))
        assert [f"employments[{eid}]"] == paths(error)


def test_the_end_cannot_be_confirmed_on_something_other_than_a_date(project):
    error = refused(project, lambda: project.confirm_end("E1", on="2026-11-15", by=STAMP))  # type: ignore[arg-type]

    assert ["employments[E1].end_confirmed_on"] == paths(error)


# -- amending -----------------------------------------------------------------------------


def test_an_employments_details_are_amended_and_recorded(project):
    before = project.employment("E1")

    project.amend_employment(
        "E1", percent="45.5", supervision=Supervision.GROUP, peer_network=True, by=stamp(1)
    )

    after = project.employment("E1")
    assert (Percent("45.5"), Supervision.GROUP, True) == (
        after.percent,
        after.supervision,
        after.peer_network,
    )
    assert (before, after) == (project.history[-1].before, project.history[-1].after)


@pytest.mark.parametrize("field", ["start", "end", "funding", "pot", "pathway", "person"])
def test_dates_funding_and_pathway_are_not_amended(project, field):
    error = refused(project, lambda: project.amend_employment("E1", by=STAMP, **{field: None}))

    assert [f"employments[E1].{field}"] == paths(error)


@pytest.mark.parametrize("percent", [0, "-1", "100.5", 0.5])
def test_an_invalid_percent_is_refused_when_amending(project, percent):
    error = refused(project, lambda: project.amend_employment("E1", percent=percent, by=STAMP))

    assert ["employments[E1].percent"] == paths(error)


# -- other outcomes -------------------------------------------------------------------------


def test_an_outcome_other_than_employment_is_recorded(register):
    outcome = OutcomeRecord(
        id="O1", person="S-03", kind=OutcomeKind.FURTHER_EDUCATION, on=dt.date(2027, 1, 10)
    )

    register.record_outcome(outcome, by=stamp(1))

    assert {"O1": outcome} == dict(register.outcomes)
    assert "outcome.recorded" == register.history[-1].action


def test_an_outcome_for_an_unknown_person_or_with_a_used_id_is_refused(register):
    register.record_outcome(
        OutcomeRecord(id="O1", person="S-03", kind=OutcomeKind.UNKNOWN, on=NEW_YEAR), by=STAMP
    )

    unknown = refused(
        register,
        lambda: register.record_outcome(
            OutcomeRecord(id="O2", person="S-99", kind=OutcomeKind.UNKNOWN, on=NEW_YEAR),
            by=STAMP,
        ),
    )
    twice = refused(
        register,
        lambda: register.record_outcome(
            OutcomeRecord(id="O1", person="S-02", kind=OutcomeKind.NOT_EMPLOYED, on=NEW_YEAR),
            by=STAMP,
        ),
    )

    assert ["outcomes[O2].person"] == paths(unknown)
    assert ["outcomes[O1]"] == paths(twice)


# -- restoring from records -----------------------------------------------------------------


def records(register: Register, **replaced: object) -> dict[str, object]:
    """The keyword arguments of ``Register.from_records`` for ``register``'s records."""
    parts: dict[str, object] = {
        "cohorts": register.cohorts.values(),
        "students": register.students.values(),
        "host_units": register.host_units.values(),
        "budget_pots": register.budget_pots.values(),
        "employments": register.employments.values(),
        "outcomes": register.outcomes.values(),
        "history": register.history,
    }
    parts.update(replaced)
    return parts


def test_a_register_is_restored_from_its_hiring_records(full):
    full.record_outcome(
        OutcomeRecord(id="O1", person="S-03", kind=OutcomeKind.NOT_EMPLOYED, on=NEW_YEAR),
        by=stamp(1),
    )

    assert full == Register.from_records(**records(full))  # type: ignore[arg-type]


def test_restoring_an_overfull_pot_is_refused_and_every_problem_is_listed_with_its_path(full):
    hired = [
        *full.employments.values(),
        employment("E3", "S-03", unit=UNIT_ONE_PLACE, pot=POT),  # a third in a pot for two
        employment("E4", "S-04", unit=UNIT_THREE, pot=POT, start=NEW_YEAR),  # no certificate
        employment("E5", "S-99", unit="U9"),  # unknown person and unit
        employment("E1", "S-02", unit=UNIT_ONE_PLACE, pot=POT),  # E1 used twice
    ]
    outcomes = [OutcomeRecord(id="O1", person="S-98", kind=OutcomeKind.UNKNOWN, on=NEW_YEAR)]

    with pytest.raises(ValidationError) as caught:
        Register.from_records(**records(full, employments=hired, outcomes=outcomes))  # type: ignore[arg-type]

    error = caught.value
    assert [
        "employments[E1]",
        "employments[E4].start",
        "employments[E5].person",
        "employments[E5].unit",
        "budget_pots[POT]",
        "outcomes[O1].person",
    ] == paths(error)
    assert (
        frozenset(
            {OVER_CAPACITY, WITHOUT_CERTIFICATE, RuleCode.ID_USED_TWICE, RuleCode.UNKNOWN_RECORD}
        )
        == error.codes
    )
    assert "budget pot 'POT' would pay 3 positions at once from 2026-10-01" in str(error)


def test_restoring_a_pot_hire_from_before_the_certificate_is_refused(register):
    early = employment(pot=POT, start=dt.date(2026, 8, 1))

    with pytest.raises(ValidationError) as caught:
        Register.from_records(**records(register, employments=[early]))  # type: ignore[arg-type]

    assert frozenset({WITHOUT_CERTIFICATE}) == caught.value.codes
    assert ["employments[E1].start"] == paths(caught.value)


def test_restoring_two_pots_with_one_id_is_refused(register):
    pots = [BudgetPot(id=POT, name="A", capacity=1), BudgetPot(id=POT, name="B", capacity=2)]

    with pytest.raises(ValidationError) as caught:
        Register.from_records(**records(register, budget_pots=pots))  # type: ignore[arg-type]

    assert ["budget_pots[POT]"] == paths(caught.value)


def test_a_history_of_employment_changes_names_who_made_each(project):
    project.make_permanent("E1", on=NEW_YEAR, by=stamp(5))

    assert [STAMP.actor, STAMP.actor] == [c.actor for c in project.history_of("employments[E1]")]
    assert path_of("S-01") != "employments[E1]"
    assert DateRange(FIRST_DAY_AT_WORK, dt.date.max) == project.employment("E1").period


def test_a_position_planned_to_the_last_day_of_the_calendar_may_be_made_permanent(register):
    register.hire(employment("E1", end=dt.date.max), by=STAMP)

    register.make_permanent("E1", on=NEW_YEAR, by=stamp(1))

    assert (NEW_YEAR, None) == (
        register.employment("E1").permanent_from,
        register.employment("E1").end,
    )
