"""The hiring warnings of docs/hiring.md, Warnings: each raised and not raised, in nb and en.

Every warning is evaluated as of a date: an employment counts only on the days it
is active, and a decision counts from the day it was made.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram import (
    Benefit,
    DateRange,
    Employment,
    Finding,
    FindingCode,
    NotFoundError,
    PanelMember,
    ProgrammeRules,
    Register,
    Severity,
    Student,
    Supervision,
    hiring_findings,
)
from tests.builders import STAMP, UNIT_ONE_PLACE, path_of, stamp
from tests.hiring.scenario import (
    FIRST_DAY_AT_WORK,
    POT,
    UNIT_THREE,
    codes,
    employment,
    hiring_register,
    on_day,
    registers_with_hires,
)

AS_OF = dt.date(2026, 11, 2)
#: The last day of a temporary position in the tests of undecided endings.
LAST_DAY = dt.date(2027, 3, 31)


def of(code: FindingCode, register: Register, as_of: dt.date = AS_OF) -> list[Finding]:
    """The findings with ``code`` as of ``as_of``."""
    return [f for f in register.hiring_findings(as_of) if f.code is code]


@pytest.fixture
def register() -> Register:
    return hiring_register()


# -- every hiring finding is a warning, and the register and the function agree -----------


def test_every_hiring_finding_is_a_warning(register):
    register.hire(employment("E1", supervision=Supervision.NONE, benefit=Benefit.AAP), by=STAMP)
    register.hire(employment("E2", unit=UNIT_ONE_PLACE, percent=20, end=LAST_DAY), by=STAMP)
    register.amend_employment("E2", panel=(PanelMember(name="Leder Lie"),), by=stamp(1))

    findings = register.hiring_findings(AS_OF)

    assert {
        "SINGLE_PEER_WORKER_IN_UNIT",
        "NO_SUPERVISION",
        "PANEL_WITHOUT_USER_REPRESENTATIVE",
        "AAP_POSITION_ABOVE_LIMIT",
    } == set(codes(findings))
    assert {Severity.WARNING} == {f.severity for f in findings}
    assert not any(f.is_error for f in findings)
    assert hiring_findings(register, AS_OF) == findings


def test_a_register_without_employments_has_no_hiring_findings(register):
    assert () == register.hiring_findings(AS_OF)


# -- a unit with exactly one active peer worker ----------------------------------------------


def test_a_unit_with_exactly_one_active_peer_worker_is_warned_about(register):
    register.hire(employment("E1", "S-01"), by=STAMP)

    [finding] = of(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, register)

    assert "host_units[U1]" == finding.path
    assert (
        "Enheten har bare én aktiv medarbeider med brukererfaring; "
        "ønsket er minst to per avdeling." == finding.message("nb")
    )
    assert (
        "The unit has only one active peer worker; the wish is at least two per department."
        == finding.message("en")
    )


def test_a_unit_with_two_active_peer_workers_is_not_warned_about(register):
    register.hire(employment("E1", "S-01"), by=STAMP)
    register.hire(employment("E2", "S-02"), by=STAMP)

    assert [] == of(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, register)


def test_a_peer_worker_with_two_posts_in_a_unit_is_still_one_peer_worker(register):
    register.hire(employment("E1", "S-01", percent=30), by=STAMP)
    register.hire(employment("E2", "S-01", percent=20), by=STAMP)

    assert ["host_units[U1]"] == [
        f.path for f in of(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, register)
    ]


def test_a_unit_is_warned_about_again_once_its_second_peer_worker_has_left(register):
    register.hire(employment("E1", "S-01"), by=STAMP)
    register.hire(employment("E2", "S-02", end=dt.date(2026, 12, 31)), by=STAMP)

    assert [] == of(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, register, dt.date(2026, 12, 31))
    assert ["host_units[U1]"] == [
        f.path for f in of(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, register, dt.date(2027, 1, 1))
    ]


def test_a_peer_worker_who_has_not_started_yet_does_not_count(register):
    register.hire(employment("E1", "S-01"), by=STAMP)
    register.hire(employment("E2", "S-02", start=dt.date(2027, 1, 1)), by=STAMP)

    assert 1 == len(of(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, register, dt.date(2026, 12, 31)))
    assert [] == of(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, register, dt.date(2027, 1, 1))
    assert [] == of(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, register, dt.date(2026, 9, 30))


# -- an employment without supervision ------------------------------------------------------


def test_an_employment_without_supervision_is_warned_about(register):
    register.hire(employment("E1", supervision=Supervision.NONE), by=STAMP)

    [finding] = of(FindingCode.NO_SUPERVISION, register)

    assert "employments[E1]" == finding.path
    assert "Ansettelsen har ingen avtale om veiledning." == finding.message("nb")
    assert "The employment has no supervision arrangement." == finding.message("en")


@pytest.mark.parametrize(
    "supervision", [Supervision.INDIVIDUAL, Supervision.GROUP, Supervision.INDIVIDUAL_AND_GROUP]
)
def test_an_employment_with_any_supervision_is_not_warned_about(register, supervision):
    register.hire(employment("E1", supervision=supervision), by=STAMP)

    assert [] == of(FindingCode.NO_SUPERVISION, register)


def test_an_unsupervised_employment_is_warned_about_only_while_it_is_active(register):
    register.hire(
        employment("E1", supervision=Supervision.NONE, end=dt.date(2026, 12, 31)), by=STAMP
    )

    assert [] == of(FindingCode.NO_SUPERVISION, register, FIRST_DAY_AT_WORK - dt.timedelta(1))
    assert 1 == len(of(FindingCode.NO_SUPERVISION, register, FIRST_DAY_AT_WORK))
    assert 1 == len(of(FindingCode.NO_SUPERVISION, register, dt.date(2026, 12, 31)))
    assert [] == of(FindingCode.NO_SUPERVISION, register, dt.date(2027, 1, 1))


def test_arranging_supervision_ends_the_warning(register):
    register.hire(employment("E1", supervision=Supervision.NONE), by=STAMP)

    register.amend_employment("E1", supervision=Supervision.GROUP, by=stamp(1))

    assert [] == of(FindingCode.NO_SUPERVISION, register)


# -- a temporary employment ending within 90 days with no decision ---------------------------


@pytest.fixture
def temporary(register: Register) -> Register:
    """``register`` with ``E1``: a temporary project position ending on ``LAST_DAY``."""
    register.hire(employment("E1", end=LAST_DAY), by=STAMP)
    return register


def days_before_the_end(n: int) -> dt.date:
    return LAST_DAY - dt.timedelta(days=n)


def test_a_temporary_employment_ending_in_90_days_without_a_decision_is_warned_about(temporary):
    [finding] = of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, days_before_the_end(90))

    assert "employments[E1]" == finding.path
    assert (
        "Det midlertidige arbeidsforholdet slutter 2027-03-31 (90 dager), "
        "og det er ikke avgjort om det blir fast." == finding.message("nb")
    )
    assert (
        "The temporary employment ends on 2027-03-31 (in 90 days) "
        "with no decision on making it permanent." == finding.message("en")
    )


def test_a_temporary_employment_ending_in_91_days_is_not_warned_about_yet(temporary):
    assert [] == of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, days_before_the_end(91))


def test_a_temporary_employment_is_warned_about_until_its_last_day(temporary):
    [finding] = of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, LAST_DAY)

    assert "The temporary employment ends on 2027-03-31 (in 0 days) " in finding.message("en")
    assert [] == of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, days_before_the_end(-1))


def test_confirming_the_end_stops_the_warning_from_the_day_of_the_decision(temporary):
    decided = days_before_the_end(30)

    temporary.confirm_end("E1", on=decided, by=stamp(1))

    assert 1 == len(
        of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, decided - dt.timedelta(1))
    )
    assert [] == of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, decided)
    assert [] == of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, LAST_DAY)


def test_making_the_position_permanent_stops_the_warning(temporary):
    temporary.make_permanent("E1", on=dt.date(2027, 2, 1), by=stamp(1))

    for n in (90, 60, 0):
        assert [] == of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, days_before_the_end(n))


def test_extending_the_position_calls_for_a_new_decision(temporary):
    temporary.confirm_end("E1", on=days_before_the_end(80), by=stamp(1))

    temporary.extend_employment("E1", new_end=dt.date(2027, 6, 30), by=stamp(2))

    [finding] = of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, dt.date(2027, 6, 1))
    assert "The temporary employment ends on 2027-06-30 (in 29 days) " in finding.message("en")


def test_ending_a_position_early_is_a_decision(temporary):
    temporary.end_employment("E1", last_day=dt.date(2027, 1, 31), by=stamp(1))

    assert [] == of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, dt.date(2027, 1, 15))


def test_an_ending_recorded_after_a_later_dated_confirmation_is_a_decision_from_its_stamp(
    temporary,
):
    """Issue 17: the ending's stamp is the earliest decision, so it stands."""
    confirmed, ended = days_before_the_end(30), days_before_the_end(100)
    temporary.confirm_end("E1", on=confirmed, by=on_day(confirmed))

    temporary.end_employment("E1", last_day=LAST_DAY, by=on_day(ended))

    assert [] == of(FindingCode.TEMPORARY_ENDING_UNDECIDED, temporary, days_before_the_end(60))


def test_an_open_ended_or_permanent_employment_is_not_warned_about(register):
    register.hire(employment("E1"), by=STAMP)
    register.hire(
        employment("E2", "S-02", end=LAST_DAY, permanent_from=FIRST_DAY_AT_WORK), by=STAMP
    )

    assert [] == of(FindingCode.TEMPORARY_ENDING_UNDECIDED, register, days_before_the_end(10))


# -- a hiring panel without a user-organisation representative -------------------------------


def hire_with_panel(register: Register, *panel: PanelMember) -> None:
    register.hire(employment("E1", panel=panel), by=STAMP)


def test_a_panel_without_a_user_organisation_member_is_warned_about(register):
    hire_with_panel(register, PanelMember(name="Leder Lie"), PanelMember(name="Rådgiver Ruud"))

    [finding] = of(FindingCode.PANEL_WITHOUT_USER_REPRESENTATIVE, register)

    assert "employments[E1]" == finding.path
    assert (
        "Ansettelsesutvalget hadde ingen representant fra en brukerorganisasjon."
        == finding.message("nb")
    )
    assert "The hiring panel had no representative of a user organisation." == finding.message("en")


def test_a_panel_with_a_user_organisation_member_is_not_warned_about(register):
    hire_with_panel(
        register,
        PanelMember(name="Leder Lie"),
        PanelMember(name="Siri Syntetland", user_organisation="Mental Helse"),
    )

    assert [] == of(FindingCode.PANEL_WITHOUT_USER_REPRESENTATIVE, register)


def test_an_employment_with_no_panel_recorded_is_not_warned_about(register):
    hire_with_panel(register)

    assert [] == of(FindingCode.PANEL_WITHOUT_USER_REPRESENTATIVE, register)


def test_a_blank_user_organisation_is_no_representation(register):
    hire_with_panel(register, PanelMember(name="Leder Lie", user_organisation="   "))

    assert 1 == len(of(FindingCode.PANEL_WITHOUT_USER_REPRESENTATIVE, register))


# -- an AAP recipient above 60 % (80 % in a step-up period) ----------------------------------

STEP_UP = DateRange(dt.date(2026, 10, 1), dt.date(2027, 3, 31))


def test_an_aap_recipient_in_two_posts_adding_up_to_70_percent_is_warned_about(register):
    register.hire(employment("E1", percent=50, benefit=Benefit.AAP), by=STAMP)
    register.hire(employment("E2", unit=UNIT_ONE_PLACE, percent=20), by=STAMP)

    [finding] = of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register)

    assert path_of("S-01") == finding.path
    assert (("total", "70"), ("limit", "60")) == finding.details
    assert (
        "Aktive stillinger utgjør til sammen 70 %, over grensen på 60 % som gjelder "
        "ved ytelsen personen mottar ved siden av lønn." == finding.message("nb")
    )
    assert (
        "Active positions add up to 70 %, above the 60 % limit that applies "
        "to the benefit this person receives beside the salary." == finding.message("en")
    )


def test_the_aap_warning_never_names_the_benefit(register):
    register.hire(employment("E1", percent=50, benefit=Benefit.AAP), by=STAMP)
    register.hire(employment("E2", unit=UNIT_ONE_PLACE, percent=20), by=STAMP)

    [finding] = of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register)

    for text in (finding.message("nb"), finding.message("en")):
        assert "aap" not in text.lower()
        assert "arbeidsavklaring" not in text.lower()
    assert {"total", "limit"} == {name for name, _ in finding.details}


def test_an_aap_recipient_at_exactly_60_percent_is_not_warned_about(register):
    register.hire(employment("E1", percent=50, benefit=Benefit.AAP), by=STAMP)
    register.hire(employment("E2", unit=UNIT_ONE_PLACE, percent=10), by=STAMP)

    assert [] == of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register)


def test_an_aap_recipient_half_a_percent_above_60_is_warned_about(register):
    register.hire(employment("E1", percent=50, benefit=Benefit.AAP), by=STAMP)
    register.hire(employment("E2", unit=UNIT_ONE_PLACE, percent="10.5"), by=STAMP)

    [finding] = of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register)

    assert (("total", "60.5"), ("limit", "60")) == finding.details


def test_an_aap_recipient_at_70_percent_in_a_step_up_period_is_not_warned_about(register):
    register.hire(employment("E1", percent=70, benefit=Benefit.AAP, aap_step_up=STEP_UP), by=STAMP)

    assert [] == of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register, STEP_UP.start)
    assert [] == of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register, STEP_UP.end)


def test_an_aap_recipient_at_70_percent_is_warned_about_once_the_step_up_period_is_over(
    register,
):
    register.hire(employment("E1", percent=70, benefit=Benefit.AAP, aap_step_up=STEP_UP), by=STAMP)

    [finding] = of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register, STEP_UP.end + dt.timedelta(1))

    assert (("total", "70"), ("limit", "60")) == finding.details


@pytest.mark.parametrize("stepping_up", ["E1", "E2"])
def test_a_step_up_period_of_any_one_post_raises_the_limit_for_all_of_them(register, stepping_up):
    def post(eid: str, percent: int, **details: object) -> Employment:
        step_up = {"aap_step_up": STEP_UP} if eid == stepping_up else {}
        return employment(eid, percent=percent, benefit=Benefit.AAP, **step_up, **details)

    register.hire(post("E1", 70), by=STAMP)
    register.hire(post("E2", 10, unit=UNIT_ONE_PLACE), by=STAMP)

    assert [] == of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register, STEP_UP.start)
    [finding] = of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register, STEP_UP.end + dt.timedelta(1))
    assert (("total", "80"), ("limit", "60")) == finding.details


def test_an_aap_recipient_at_85_percent_in_a_step_up_period_is_warned_about_with_limit_80(
    register,
):
    register.hire(employment("E1", percent=85, benefit=Benefit.AAP, aap_step_up=STEP_UP), by=STAMP)

    [finding] = of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register)

    assert (("total", "85"), ("limit", "80")) == finding.details
    assert (
        "Active positions add up to 85 %, above the 80 % limit that applies "
        "to the benefit this person receives beside the salary." == finding.message("en")
    )
    assert "over grensen på 80 %" in finding.message("nb")


@pytest.mark.parametrize("benefit", [Benefit.NONE, Benefit.DISABILITY])
def test_someone_above_60_percent_without_aap_is_not_warned_about(register, benefit):
    register.hire(employment("E1", percent=100, benefit=benefit), by=STAMP)
    register.hire(employment("E2", unit=UNIT_ONE_PLACE, percent=20, benefit=benefit), by=STAMP)

    assert [] == of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register)


def test_only_active_posts_count_towards_the_aap_limit(register):
    register.hire(employment("E1", percent=50, benefit=Benefit.AAP), by=STAMP)
    register.hire(
        employment("E2", unit=UNIT_ONE_PLACE, percent=20, end=dt.date(2026, 10, 31)), by=STAMP
    )
    register.hire(
        employment("E3", unit=UNIT_ONE_PLACE, percent=20, start=dt.date(2027, 1, 1)),
        by=STAMP,
    )

    assert 1 == len(of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register, dt.date(2026, 10, 31)))
    assert [] == of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register, dt.date(2026, 11, 1))
    assert 1 == len(of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register, dt.date(2027, 1, 1)))


def test_pot_funded_and_ordinary_posts_add_up_for_the_aap_limit(register):
    register.hire(employment("E1", percent=16, permanent_from=FIRST_DAY_AT_WORK), by=STAMP)
    register.hire(
        employment("E2", unit=UNIT_ONE_PLACE, percent=50, pot=POT, benefit=Benefit.AAP),
        by=STAMP,
    )

    [finding] = of(FindingCode.AAP_POSITION_ABOVE_LIMIT, register)

    assert (("total", "66"), ("limit", "60")) == finding.details


# -- every warning, over any register of accepted hires, as of any day ------------------------


def expected_findings(register: Register, as_of: dt.date) -> set[tuple[str, str]]:
    """The hiring warnings as of ``as_of``, worked out from docs/hiring.md, Warnings directly."""
    active = [e for e in register.employments.values() if e.active_on(as_of)]
    expected: set[tuple[str, str]] = set()
    for unit in register.host_units:
        if 1 == len({e.person for e in active if e.unit == unit}):
            expected.add(("SINGLE_PEER_WORKER_IN_UNIT", f"host_units[{unit}]"))
    for e in active:
        path = f"employments[{e.id}]"
        if e.supervision is Supervision.NONE:
            expected.add(("NO_SUPERVISION", path))
        confirmed = e.end_confirmed_on is not None and e.end_confirmed_on <= as_of
        if (
            e.end is not None
            and (e.end - as_of).days <= 90
            and e.permanent_from is None
            and not confirmed
        ):
            expected.add(("TEMPORARY_ENDING_UNDECIDED", path))
        if e.panel and not any(m.user_organisation.strip() for m in e.panel):
            expected.add(("PANEL_WITHOUT_USER_REPRESENTATIVE", path))
    for person in {e.person for e in active}:
        posts = [e for e in active if e.person == person]
        if not any(e.benefit is Benefit.AAP for e in posts):
            continue
        stepping_up = any(e.aap_step_up and as_of in e.aap_step_up for e in posts)
        if sum(e.percent.value for e in posts) > (80 if stepping_up else 60):
            expected.add(("AAP_POSITION_ABOVE_LIMIT", path_of(person)))
    return expected


@given(registers_with_hires(), st.data())
def test_the_warnings_are_exactly_those_the_design_describes(register, data):
    ends = sorted({e.end for e in register.employments.values() if e.end is not None})
    near_an_end = (
        st.tuples(st.sampled_from(ends), st.integers(-5, 100)).map(
            lambda end_and_days: end_and_days[0] - dt.timedelta(days=end_and_days[1])
        )
        if ends
        else st.nothing()
    )
    as_of = data.draw(
        st.dates(min_value=dt.date(2026, 8, 1), max_value=dt.date(2029, 6, 30)) | near_an_end
    )

    findings = register.hiring_findings(as_of)

    assert expected_findings(register, as_of) == {(f.code.value, f.path) for f in findings}
    assert len(findings) == len({(f.code, f.path) for f in findings})
    for f in findings:
        assert f.message("nb")
        assert f.message("en")


def test_warnings_may_be_asked_for_as_of_the_last_day_of_the_calendar(register):
    register.hire(employment("E1", end=dt.date.max, supervision=Supervision.NONE), by=STAMP)

    assert {
        ("SINGLE_PEER_WORKER_IN_UNIT", "host_units[U1]"),
        ("NO_SUPERVISION", "employments[E1]"),
        ("TEMPORARY_ENDING_UNDECIDED", "employments[E1]"),
    } == {(f.code.value, f.path) for f in register.hiring_findings(dt.date.max)}


# -- the warnings about the graduates of some cohorts ---------------------------------------


@pytest.fixture
def two_cohorts(register):
    """``register`` with a second cohort, ``K2``, and four employments.

    S-01 (of K1) works alone at U1, unsupervised; S-21 (of K2) alone at U2,
    unsupervised and on AAP above the limit; S-02 (of K1) and S-22 (of K2)
    work side by side at U3.
    """
    no_requirements = ProgrammeRules.from_dict(
        {
            "name": "Uten krav",
            "theory_hours": "0",
            "practice_weeks": "0",
            "literature_sign_off": False,
            "assignment_approval": False,
        }
    )
    later = attrs.evolve(
        register.cohort("K1"),
        id="K2",
        name="MB 2027",
        rules=no_requirements,
        period=DateRange(dt.date(2027, 1, 4), dt.date(2027, 12, 17)),
        sessions=(),
    )
    register.open_cohort(later, by=stamp(1))
    for sid in ("S-21", "S-22"):  # graduates of a cohort without requirements
        register.enrol(
            Student(id=sid, cohort="K2", name="Tor Fiktivsen"), on=later.period.start, by=stamp(2)
        )
        register.graduate(sid, on=later.period.start, by=stamp(2))
    register.hire(employment("E1", "S-01", supervision=Supervision.NONE), by=stamp(3))
    register.hire(
        employment(
            "E2",
            "S-21",
            unit=UNIT_ONE_PLACE,
            percent=70,
            benefit=Benefit.AAP,
            supervision=Supervision.NONE,
        ),
        by=stamp(4),
    )
    register.hire(employment("E3", "S-02", unit=UNIT_THREE), by=stamp(5))
    register.hire(employment("E4", "S-22", unit=UNIT_THREE), by=stamp(6))
    return register


def test_the_warnings_may_be_limited_to_the_graduates_of_some_cohorts(two_cohorts):
    def found(**cohorts: object) -> set[tuple[str, str]]:
        return {(f.code.value, f.path) for f in two_cohorts.hiring_findings(AS_OF, **cohorts)}

    k1 = {("SINGLE_PEER_WORKER_IN_UNIT", "host_units[U1]"), ("NO_SUPERVISION", "employments[E1]")}
    k2 = {
        ("SINGLE_PEER_WORKER_IN_UNIT", "host_units[U2]"),
        ("NO_SUPERVISION", "employments[E2]"),
        ("AAP_POSITION_ABOVE_LIMIT", "cohorts[K2].students[S-21]"),
    }

    assert k1 | k2 == found()
    assert k1 == found(cohorts=["K1"])
    assert k1 == found(cohorts="K1")
    assert k2 == found(cohorts=("K2",))
    assert k1 | k2 == found(cohorts={"K1", "K2"})
    assert set() == found(cohorts=[])


def test_a_unit_where_the_cohort_s_graduate_is_left_alone_is_warned_about(two_cohorts):
    two_cohorts.end_employment("E3", last_day=AS_OF - dt.timedelta(days=1), by=stamp(7))

    only_k2 = hiring_findings(two_cohorts, AS_OF, cohorts=["K2"])

    assert Finding(FindingCode.SINGLE_PEER_WORKER_IN_UNIT, "host_units[U3]") in only_k2


def test_the_register_and_the_function_agree_on_the_warnings_of_a_cohort(two_cohorts):
    assert hiring_findings(two_cohorts, AS_OF, cohorts=["K2"]) == two_cohorts.hiring_findings(
        AS_OF, cohorts=["K2"]
    )


@pytest.mark.parametrize("cohorts", [["K9"], ["K1", "K9"], "K9"])
def test_the_warnings_of_a_cohort_that_does_not_exist_are_refused(two_cohorts, cohorts):
    with pytest.raises(NotFoundError, match="K9"):
        two_cohorts.hiring_findings(AS_OF, cohorts=cohorts)


@given(
    registers_with_hires(), st.dates(min_value=dt.date(2026, 8, 1), max_value=dt.date(2029, 6, 30))
)
def test_the_warnings_of_every_cohort_are_all_the_warnings(register, as_of):
    assert register.hiring_findings(as_of) == register.hiring_findings(
        as_of, cohorts=list(register.cohorts)
    )
