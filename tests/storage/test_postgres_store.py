"""The PostgreSQL store beyond the repository contract: parts, changes, races, privacy, schema.

Runs against the session's server (the ``postgres`` fixture, ``tests/postgres_server.py``),
a fresh store (schema) per test; skipped with the reason where no server can be started.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import urllib.parse
import warnings
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mbprogram import (
    BudgetPot,
    Change,
    ConflictError,
    DocumentError,
    HostUnit,
    Hours,
    MissingExtraError,
    Present,
    RefusedChangeError,
    Register,
    Stamp,
)
from mbprogram.model.codes import RuleCode
from mbprogram.reports.progress import progress_document
from mbprogram.storage._postgres_rows import history_edit
from mbprogram.storage._postgres_schema import SCHEMA_VERSION
from mbprogram.storage.files import load, save
from mbprogram.storage.postgres_store import PostgresRepository, PostgresStore, shown_url
from mbprogram.storage.repositories import repository_for
from tests.builders import (
    COHORT,
    ENROLMENT_DAY,
    GRADUATION_DAY,
    STAMP,
    complete,
    make_register,
    new_student,
    placement,
    session_id,
    stamp,
    synthetic_id,
)
from tests.hiring.scenario import employment
from tests.postgres_server import Server
from tests.register_strategies import registers

WRITERS = 8


@pytest.fixture
def url(postgres: Server) -> str:
    return postgres.new_store_url()


def connection(url: str) -> Any:
    import psycopg  # noqa: PLC0415

    return psycopg.connect(url, autocommit=True)


def rows(url: str, query: str) -> list[tuple[Any, ...]]:
    with connection(url) as db:
        return list(db.execute(query).fetchall())


def cohorts_register(count: int, *, unit_places: int = 1) -> Register:
    """``COHORT`` (K1) and cohorts C1 … C<count>, one student each, and host units.

    ``S-00`` is in K1, ``S-<k>`` in C<k>. ``S-00`` is placed at the unit ``UR``
    of ``unit_places`` places (with one, it is full); ``UB`` has room for all.
    """
    register = make_register(0)
    register.add_host_unit(
        HostUnit(id="UR", name="Siste plass", capacity=unit_places, kind="housing"), by=STAMP
    )
    register.add_host_unit(
        HostUnit(id="UB", name="Stor enhet", capacity=100, kind="housing"), by=STAMP
    )
    for k in range(count + 1):
        cid = f"C{k}" if k else COHORT.id
        if k:
            register.open_cohort(attrs.evolve(COHORT, id=cid), by=STAMP)
        student = attrs.evolve(new_student(f"S-{k:02d}"), cohort=cid)
        register.enrol(student, on=ENROLMENT_DAY, by=STAMP)
    register.place("S-00", placement("P1", unit="UR"), by=STAMP)
    return register


def race(
    url: str,
    count: int,
    change: Callable[[Register, int], None],
    students: Callable[[int], str],
    retries: list[int] | None = None,
) -> list[BaseException | None]:
    """``count`` threads, each with its own connection, make ``change`` at once.

    Every one has read its part before any writes (a barrier in the first call
    of each), so each race is real. Returns each writer's error, or None for a win;
    adds each writer's retries to ``retries``.
    """
    barrier = threading.Barrier(count, timeout=60)
    results: list[BaseException | None] = [None] * count

    def writer(i: int) -> None:
        first = [True]

        def attempt(register: Register) -> None:
            if first[0]:
                first[0] = False
                barrier.wait()
            change(register, i)

        try:
            with PostgresStore.open(url) as store:
                try:
                    store.change(attempt, students=[students(i)])
                finally:
                    if retries is not None:
                        retries.append(store.retries)
        except BaseException as e:  # reported to the test
            results[i] = e

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def at_once(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """``work(i)`` in ``count`` threads, started together; the errors they raised."""
    barrier = threading.Barrier(count, timeout=60)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            work(i)
        except BaseException as e:  # reported to the test
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors


def assert_one_winner(results: list[BaseException | None], retries: list[int], code: str) -> None:
    """One writer won; every other lost the race, was made again and refused by ``code``."""
    assert sum(r is None for r in results) == 1
    assert sum(retries) >= WRITERS - 1  # every loser read before the winner wrote
    for error in (r for r in results if r is not None):
        assert isinstance(error, RefusedChangeError), repr(error)
        assert code in error.codes


# -- races ------------------------------------------------------------------------------------


def test_eight_writers_race_for_the_last_place_of_a_host_unit_and_exactly_one_wins(
    url: str,
) -> None:
    register = cohorts_register(WRITERS, unit_places=2)  # S-00 holds one of the two places
    save(register, url)
    retries: list[int] = []

    results = race(
        url,
        WRITERS,
        lambda r, i: r.place(f"S-{i + 1:02d}", placement("P1", unit="UR"), by=STAMP),
        lambda i: f"S-{i + 1:02d}",
        retries,
    )

    assert_one_winner(results, retries, RuleCode.HOST_UNIT_OVER_CAPACITY)
    kept = load(url)
    placed = [s.id for s in kept.students.values() if any(p.unit == "UR" for p in s.placements)]
    assert len(placed) == 2
    assert rows(url, "SELECT count(*) FROM placements WHERE unit = 'UR'") == [(2,)]
    assert len(kept.history) == len(register.history) + 1  # only the winner's entry


def graduates_register(count: int) -> Register:
    """``count + 1`` graduates in as many cohorts, and ``POT`` for two, one place taken."""
    register = cohorts_register(count)
    for k in range(count + 1):
        sid = f"S-{k:02d}"
        if k == 0:  # placed at UR already
            complete_without_placement(register, sid)
        else:
            complete(register, sid, unit="UB")
        register.graduate(sid, on=GRADUATION_DAY, by=STAMP)
    register.add_budget_pot(BudgetPot(id="POT", name="MB-potten", capacity=2), by=STAMP)
    register.hire(employment("E0", "S-00", pot="POT"), by=STAMP)
    return register


def complete_without_placement(register: Register, sid: str) -> None:
    """What :func:`complete` gives, for a student already placed (S-00 at UR)."""
    from mbprogram import Verdict  # noqa: PLC0415

    for i in range(1, 31):
        register.record_attendance(sid, session_id(i), Present(Hours(5)), by=STAMP)
    register.sign_off_literature(sid, signed_by="Lærer Lund", on=dt.date(2026, 6, 1), by=STAMP)
    register.start_assignment(sid, topic="Håp i praksis", supervisor="Lærer Lund", by=STAMP)
    register.submit_assignment(sid, on=dt.date(2026, 8, 3), by=STAMP)
    register.assess_assignment(
        sid, on=dt.date(2026, 8, 17), assessor="Lærer Lund", verdict=Verdict.APPROVED, by=STAMP
    )


def test_eight_writers_race_for_the_last_place_of_a_budget_pot_and_exactly_one_wins(
    url: str,
) -> None:
    register = graduates_register(WRITERS)
    save(register, url)
    retries: list[int] = []

    results = race(
        url,
        WRITERS,
        lambda r, i: r.hire(employment(f"E{i + 1}", f"S-{i + 1:02d}", pot="POT"), by=STAMP),
        lambda i: f"S-{i + 1:02d}",
        retries,
    )

    assert_one_winner(results, retries, RuleCode.BUDGET_POT_OVER_CAPACITY)
    kept = load(url)
    assert len([e for e in kept.employments.values() if e.pot == "POT"]) == 2
    assert rows(url, "SELECT count(*) FROM employments WHERE pot = 'POT'") == [(2,)]


def test_writers_of_different_cohorts_neither_conflict_nor_lose_an_update(url: str) -> None:
    register = cohorts_register(WRITERS)
    save(register, url)
    marks = 3

    def change(r: Register, i: int) -> None:
        for session in range(1, marks + 1):
            r.record_attendance(f"S-{i + 1:02d}", session_id(session), Present(Hours(2)), by=STAMP)

    retries: list[int] = []
    results = race(url, WRITERS, change, lambda i: f"S-{i + 1:02d}", retries)

    assert results == [None] * WRITERS
    assert sum(retries) < 0.1 * WRITERS  # the seal after the commit: they never meet
    kept = load(url)
    for i in range(WRITERS):
        assert len(kept.students[f"S-{i + 1:02d}"].attendance) == marks
    assert len(kept.history) == len(register.history) + WRITERS * marks
    assert kept.history_problems() == []  # one chain, in the order the entries were written
    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]
    assert rows(url, "SELECT count(*) FROM history WHERE body->>'chain' = ''") == [(0,)]


def test_a_change_that_loses_every_race_is_a_conflict_and_writes_nothing(url: str) -> None:
    save(make_register(), url)
    calls = []
    with PostgresStore.open(url) as store, PostgresStore.open(url) as other:

        def attend_while_someone_else_does(register: Register) -> None:
            calls.append(Hours(len(calls) + 1))  # a new mark each time: S-01's row changes
            other.change(
                lambda r: r.record_attendance("S-01", session_id(2), Present(calls[-1]), by=STAMP),
                students=["S-01"],
            )
            register.record_attendance("S-01", session_id(1), Present(Hours(1)), by=STAMP)

        with pytest.raises(ConflictError, match="concurrent change"):
            store.change(attend_while_someone_else_does, students=["S-01"], attempts=2)

        assert store.retries == 1
    kept = load(url)
    assert [a.mark for a in kept.students["S-01"].attendance] == [Present(Hours(2))]


# -- parts ------------------------------------------------------------------------------------


def test_a_cohort_is_read_with_what_its_evaluation_needs_and_evaluates_as_in_the_whole(
    url: str,
) -> None:
    register = graduates_register(3)
    save(register, url)

    with PostgresStore.open(url) as store:
        part = store.load(cohorts=["C2"])

    assert set(part.cohorts) == {"C2"}
    assert set(part.students) == {"S-02"}
    assert part.students["S-02"] == register.students["S-02"]
    assert set(part.host_units) == {"UB"}
    day = dt.date(2026, 12, 1)
    assert progress_document(part, day, cohort="C2", lang="en") == progress_document(
        register, day, cohort="C2", lang="en"
    )


def test_a_change_on_a_part_writes_only_the_rows_it_changed(url: str) -> None:
    save(cohorts_register(3), url)
    before = dict(rows(url, "SELECT id, xmin::text FROM students"))

    with PostgresStore.open(url) as store:
        store.change(
            lambda r: r.record_attendance("S-02", session_id(1), Present(Hours(4)), by=STAMP),
            students=["S-02"],
        )

    after = dict(rows(url, "SELECT id, xmin::text FROM students"))
    assert {sid for sid in before if before[sid] != after[sid]} == {"S-02"}
    assert load(url).students["S-02"].attendance[0].mark == Present(Hours(4))


def test_a_change_on_a_part_gives_the_register_the_same_change_gives_the_whole(url: str) -> None:
    register = cohorts_register(3, unit_places=2)
    save(register, url)

    with PostgresStore.open(url) as store:
        store.change(
            lambda r: r.place("S-03", placement("P1", unit="UR"), by=STAMP), cohorts=["C3"]
        )
    register.place("S-03", placement("P1", unit="UR"), by=STAMP)

    assert register == load(url)
    assert [] == load(url).history_problems()  # sealed after the last entry the store held


def test_a_new_student_whose_id_another_cohort_holds_is_refused_by_the_registers_rule(
    url: str,
) -> None:
    save(cohorts_register(2), url)
    twin = attrs.evolve(new_student("S-01"), cohort="C2")

    with PostgresStore.open(url) as store, pytest.raises(RefusedChangeError) as caught:
        store.change(lambda r: r.enrol(twin, on=ENROLMENT_DAY, by=STAMP), cohorts=["C2"])

    assert RuleCode.ID_USED_TWICE in caught.value.codes
    assert rows(url, "SELECT cohort FROM students WHERE id = 'S-01'") == [("C1",)]


def test_erasure_on_a_part_is_refused_and_on_the_whole_register_deletes_in_one_transaction(
    url: str,
) -> None:
    register = graduates_register(2)
    save(register, url)
    erase = Stamp("Personvernombud", dt.datetime(2027, 1, 4, 9, tzinfo=dt.UTC))

    with PostgresStore.open(url) as store:
        with pytest.raises(DocumentError, match="whole register"):
            store.change(lambda r: r.erase_person("S-00", by=erase), students=["S-00"])
        assert load(url) == register
        store.change(lambda r: r.erase_person("S-00", by=erase))

    register.erase_person("S-00", by=erase)
    assert register == load(url)
    for query in (
        "SELECT count(*) FROM students WHERE id = 'S-00'",
        "SELECT count(*) FROM employments WHERE person = 'S-00'",
        "SELECT count(*) FROM placements WHERE student = 'S-00'",
        ("SELECT count(*) FROM history WHERE record LIKE '%S-00%' OR body::text LIKE '%S-00%'"),
    ):
        assert rows(url, query) == [(0,)], query


def test_an_erasure_that_fails_before_its_commit_leaves_every_row_as_it_was(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mbprogram.storage._postgres_connection import Connection  # noqa: PLC0415

    register = graduates_register(1)
    save(register, url)
    real = Connection.execute
    sent: list[int] = []

    def crash_at_commit(self: Connection, query: str, values: Any = ()) -> Any:
        if query == "COMMIT":  # every delete has reached the server: then the process dies
            real(self, "SELECT 1")
            sent.append(rows(url, "SELECT count(*) FROM students")[0][0])
            raise OSError("simulated crash before the commit")
        return real(self, query, values)

    monkeypatch.setattr(Connection, "execute", crash_at_commit)
    with PostgresStore.open(url) as store, pytest.raises(OSError, match="simulated"):
        store.change(lambda r: r.erase_person("S-00", by=STAMP))
    monkeypatch.undo()

    assert sent == [2]  # another connection still saw both students: nothing committed
    assert load(url) == register
    assert rows(url, "SELECT count(*) FROM students WHERE id = 'S-00'") == [(1,)]
    assert rows(url, "SELECT count(*) FROM history WHERE body::text LIKE '%S-00%'") != [(0,)]


def test_stripping_identifiers_rewrites_history_entries_in_place(url: str) -> None:
    register = graduates_register(1)
    save(register, url)
    seqs = rows(url, "SELECT seq FROM history ORDER BY seq")

    register.strip_identifiers(ended_before=dt.date(2027, 1, 1), by=stamp(9))
    save(register, url)

    assert register == load(url)
    assert rows(url, "SELECT seq FROM history ORDER BY seq")[: len(seqs)] == seqs


# -- the history's edits -----------------------------------------------------------------------

_CHANGES = [
    Change(
        stamp=stamp(i),
        action="host-unit.added",
        record=f"host_units[U{i}]",
        after=HostUnit(id=f"U{i}", name="Enhet", capacity=1),
    )
    for i in range(6)
]
_EDITED = [
    attrs.evolve(c, after=attrs.evolve(c.after, name=f"Enhet {i}")) for i, c in enumerate(_CHANGES)
]


@given(
    st.lists(st.sampled_from(range(6)), unique=True).map(sorted),
    st.lists(st.sampled_from(_CHANGES + _EDITED)),
    st.sets(st.sampled_from(range(6))),
)
def test_the_history_edit_turns_the_stored_history_into_the_new_one(
    kept: list[int], appended: list[Change], edited: set[int]
) -> None:
    old = [(10 * i, _CHANGES[i]) for i in range(6)]
    new = [_EDITED[i] if i in edited else _CHANGES[i] for i in kept] + appended

    edit = history_edit(old, new)

    stored = {seq: c for seq, c in old if seq not in edit.delete}
    stored.update(dict(edit.rewrite))
    assert [stored[seq] for seq in sorted(stored)] + list(edit.append) == new


# -- privacy and operations --------------------------------------------------------------------


def test_a_password_in_the_url_is_never_shown(postgres: Server) -> None:
    secret = "Hemmelig-Passord-42"  # noqa: S105 - a made-up one, to look for
    unreachable = f"postgresql://mb:{secret}@/nowhere?host=/nonexistent-socket-folder"
    no_store = postgres.url(password=secret, options="-csearch_path=no_such_schema")

    for target in (unreachable, no_store):
        with pytest.raises(DocumentError) as caught:
            PostgresStore.open(target)
        assert secret not in str(caught.value)
        assert "***" in str(caught.value)
    assert secret not in repr(PostgresRepository(unreachable))
    assert secret not in shown_url(f"postgresql://u:{secret}@h/db?password={secret}")


def test_without_the_extra_a_url_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)

    with pytest.raises(MissingExtraError, match=r"mbprogram\[postgres\]"):
        load("postgresql:///mb")


def test_a_missing_store_is_an_error_unless_asked_to_create_one(url: str) -> None:
    with pytest.raises(DocumentError, match="there is no store"):
        PostgresRepository(url).load()

    assert PostgresRepository(url, create=True).load().register == Register()


def test_a_store_of_a_newer_version_or_with_other_tables_is_refused(url: str) -> None:
    save(make_register(), url)
    with connection(url) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(DocumentError, match="schema version 99"):
        load(url)
    with connection(url) as db:
        db.execute(
            "UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
        )
        db.execute("ALTER TABLE students ADD COLUMN copy_of_body text")
    with pytest.raises(DocumentError, match="the table students has 1 extra column"):
        load(url)


def test_a_damaged_body_is_named_by_its_path(url: str) -> None:
    save(make_register(), url)
    with connection(url) as db:
        db.execute("UPDATE students SET body = body - 'name' WHERE id = 'S-02'")

    with pytest.raises(DocumentError) as caught:
        load(url)

    assert [p.path for p in caught.value.problems] == ["cohorts[K1].students[S-02].name"]


def test_a_register_that_cannot_be_written_writes_nothing(url: str) -> None:
    save(make_register(), url)
    bad = Change(stamp=STAMP, action="person.erased", record="cohorts[K1]", part="students")
    object.__setattr__(bad, "after", dt.timedelta(1))  # a value with no document form, unchecked
    unwritable = Register.from_records(cohorts=[], students=[], host_units=[], history=[bad])

    with pytest.raises(DocumentError, match="the register cannot be written"):
        save(unwritable, url)

    assert load(url) == make_register()


def test_repository_for_a_url_is_the_postgres_repository(url: str) -> None:
    repository = repository_for(url, create=True)

    assert isinstance(repository, PostgresRepository)
    loaded = repository.load()
    loaded.register.open_cohort(COHORT, by=STAMP)
    repository.save(loaded.register, expected=loaded.revision)
    assert load(url).cohorts[COHORT.id] == COHORT


def test_a_role_may_read_and_write_the_records_without_the_right_to_change_the_schema(
    url: str,
) -> None:
    """The grants of docs/postgres.md: the application's role, not the owner's."""
    import psycopg  # noqa: PLC0415

    save(make_register(), url)  # the owner (here the server's superuser) made the store
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    schema = query["options"].removeprefix("-csearch_path=")
    role = f"app_{schema}"
    with connection(url) as db:
        for statement in (
            f"CREATE ROLE {role} LOGIN",
            f"GRANT USAGE ON SCHEMA {schema} TO {role}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}",
            f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        ):
            db.execute(statement)
    app = url.replace("user=mbprogram", f"user={role}")

    from mbprogram.storage.postgres_store import UnsealedHistoryWarning  # noqa: PLC0415

    with PostgresStore.open(app) as store, warnings.catch_warnings():
        warnings.simplefilter("error", UnsealedHistoryWarning)  # the role may seal, too
        store.change(
            lambda r: r.record_attendance("S-01", session_id(1), Present(Hours(3)), by=STAMP),
            students=["S-01"],
        )
        store.change(
            lambda r: r.enrol(new_student("S-09"), on=ENROLMENT_DAY, by=STAMP), cohorts=["K1"]
        )
        store.change(lambda r: r.erase_person("S-02", by=STAMP))

    assert set(load(app).students) == {"S-01", "S-03", "S-09"}
    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]
    assert load(app).history_problems() == []
    for statement in (
        "CREATE TABLE copies (body jsonb)",
        "ALTER TABLE students ADD COLUMN copy text",
        "DROP TABLE history",
        (
            "CREATE TRIGGER keep BEFORE DELETE ON students "
            "EXECUTE FUNCTION suppress_redundant_updates_trigger()"
        ),
    ):
        with connection(app) as db, pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute(statement)


def test_an_older_store_is_migrated_forward_when_opened(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mbprogram.storage import _postgres_schema as schema  # noqa: PLC0415

    save(make_register(), url)
    version = schema.SCHEMA_VERSION + 1
    later = (*schema.MIGRATIONS, (version, ("CREATE INDEX history_action ON history (action)",)))
    monkeypatch.setattr(schema, "MIGRATIONS", later)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", version)

    assert load(url) == make_register()

    assert rows(url, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(version),)]
    assert rows(url, "SELECT count(*) FROM pg_indexes WHERE indexname = 'history_action'") == [(1,)]


@settings(max_examples=max(10, settings().max_examples // 4))
@given(registers())
def test_any_cohort_of_any_register_is_read_with_its_students_and_their_records(
    postgres: Server, register: Register
) -> None:
    url = postgres.new_store_url()
    save(register, url)

    with PostgresStore.open(url) as store:
        for cohort in register.cohorts:
            part = store.load(cohorts=[cohort])
            students = {s.id: s for s in register.students.values() if s.cohort == cohort}
            assert dict(part.students) == students
            assert part.cohorts[cohort] == register.cohorts[cohort]
            assert {e.id for e in part.employments.values()} == {
                e.id for e in register.employments.values() if e.person in students
            }
            assert {o.id for o in part.outcomes.values()} == {
                o.id for o in register.outcomes.values() if o.person in students
            }
            assert not part.history


def test_a_new_host_unit_whose_id_is_taken_is_refused_by_the_registers_rule(url: str) -> None:
    save(cohorts_register(1), url)
    twin = HostUnit(id="UR", name="Ny enhet", capacity=5, kind="housing")

    with PostgresStore.open(url) as store, pytest.raises(RefusedChangeError) as caught:
        store.change(lambda r: r.add_host_unit(twin, by=STAMP), students=["S-01"])

    assert RuleCode.ID_USED_TWICE in caught.value.codes
    assert store.retries == 0


def test_a_key_taken_where_the_part_did_not_look_is_an_error_naming_the_constraint(
    url: str,
) -> None:
    save(make_register(1, allow_synthetic_ids=True), url)
    number = synthetic_id(5)
    with connection(url) as db:  # a damaged typed column: the body holds no number
        db.execute("UPDATE students SET national_id = %s WHERE id = 'S-01'", (number.value,))
    newcomer = new_student("S-02", national_id=number)

    with PostgresStore.open(url) as store, pytest.raises(DocumentError) as caught:
        store.change(lambda r: r.enrol(newcomer, on=ENROLMENT_DAY, by=STAMP), cohorts=["K1"])

    assert "students_national_id_key" in str(caught.value)
    assert number.value not in str(caught.value)
    assert store.retries == 1
    assert rows(url, "SELECT id FROM students") == [("S-01",)]


# -- the seal after the commit ----------------------------------------------------------------


def unsealed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Changes on a part commit but are not sealed (as if each stopped right after its commit)."""
    from mbprogram.storage import postgres_store  # noqa: PLC0415

    monkeypatch.setattr(postgres_store, "SEAL", "SELECT 0")


def attend(url: str, student: str, session: int, hours: int = 2) -> None:
    with PostgresStore.open(url) as store:
        store.change(
            lambda r: r.record_attendance(
                student, session_id(session), Present(Hours(hours)), by=STAMP
            ),
            students=[student],
        )


def test_a_change_on_a_part_leaves_its_entries_sealed_after_the_last_one(url: str) -> None:
    register = cohorts_register(2)
    save(register, url)

    attend(url, "S-01", 1)
    attend(url, "S-02", 1)
    register.record_attendance("S-01", session_id(1), Present(Hours(2)), by=STAMP)
    register.record_attendance("S-02", session_id(1), Present(Hours(2)), by=STAMP)

    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]
    kept = load(url)
    assert kept == register
    assert kept.history == register.history  # the same seals as made in memory, in order


def test_entries_left_waiting_are_read_sealed_and_sealed_by_the_next_change(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = cohorts_register(3)
    save(register, url)
    with monkeypatch.context() as m:
        unsealed(m)
        for n, k in enumerate((1, 2, 3, 1), start=1):
            attend(url, f"S-{k:02d}", n, hours=k)
            register.record_attendance(f"S-{k:02d}", session_id(n), Present(Hours(k)), by=STAMP)
    assert rows(url, "SELECT count(*) FROM history_pending") == [(4,)]
    waiting = PostgresRepository(url).load()

    assert waiting.register == register
    assert waiting.register.history == register.history  # read sealed, as they will be
    assert waiting.register.history_problems() == []

    attend(url, "S-02", 6)  # seals the four waiting, then its own
    register.record_attendance("S-02", session_id(6), Present(Hours(2)), by=STAMP)
    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]
    kept = load(url)
    assert kept.history == register.history
    assert kept.history_problems() == []


def test_sealing_the_waiting_entries_changes_no_revision(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(cohorts_register(2), url)
    with monkeypatch.context() as m:
        unsealed(m)
        attend(url, "S-01", 1)
    repository = PostgresRepository(url)
    loaded = repository.load()
    with connection(url) as db:
        assert db.execute("SELECT mb_seal_pending()").fetchone() == (1,)  # the step a change runs
    assert repository.load().revision == loaded.revision
    loaded.register.record_attendance("S-02", session_id(1), Present(Hours(1)), by=STAMP)

    repository.save(loaded.register, expected=loaded.revision)  # not a conflict

    assert load(url).history == loaded.register.history
    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]


def test_a_whole_register_change_takes_the_waiting_entries_into_its_history(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = cohorts_register(2)
    save(register, url)
    with monkeypatch.context() as m:
        unsealed(m)
        attend(url, "S-01", 1)
        attend(url, "S-02", 1)
    register.record_attendance("S-01", session_id(1), Present(Hours(2)), by=STAMP)
    register.record_attendance("S-02", session_id(1), Present(Hours(2)), by=STAMP)

    with PostgresStore.open(url) as store:
        store.change(lambda r: r.erase_person("S-01", by=STAMP))
    register.erase_person("S-01", by=STAMP)

    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]
    kept = load(url)
    assert kept == register
    assert kept.history == register.history
    assert kept.history_problems() == []
    assert rows(url, "SELECT count(*) FROM history WHERE record LIKE '%S-01%'") == [(0,)]


@settings(max_examples=max(5, settings().max_examples // 10), deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.integers(1, 8), st.booleans()), max_size=12))
def test_any_mix_of_sealed_and_waiting_changes_keeps_one_chain_in_the_order_written(
    postgres: Server, changes: list[tuple[int, int, bool]]
) -> None:
    url = postgres.new_store_url()
    register = cohorts_register(3)
    save(register, url)
    from mbprogram.storage import postgres_store  # noqa: PLC0415

    sealer = postgres_store.SEAL
    for k, session, sealed in changes:
        postgres_store.SEAL = sealer if sealed else "SELECT 0"  # type: ignore[misc]
        try:
            attend(url, f"S-{k:02d}", session, hours=1 + session % 4)
        finally:
            postgres_store.SEAL = sealer  # type: ignore[misc]
        register.record_attendance(
            f"S-{k:02d}", session_id(session), Present(Hours(1 + session % 4)), by=STAMP
        )

    kept = load(url)
    assert kept == register
    assert kept.history == register.history
    assert kept.history_problems() == []


def test_a_store_of_schema_version_1_is_migrated_to_seal_after_the_commit(url: str) -> None:
    register = cohorts_register(1)
    save(register, url)
    with connection(url) as db:
        db.execute("DROP FUNCTION mb_seal_pending()")
        db.execute("DROP TABLE history_pending")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")

    attend(url, "S-01", 1)
    register.record_attendance("S-01", session_id(1), Present(Hours(2)), by=STAMP)

    assert rows(url, "SELECT value FROM meta WHERE key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)
    ]
    assert load(url).history == register.history


def test_a_seal_that_fails_after_the_commit_warns_and_loses_nothing(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mbprogram.storage import postgres_store  # noqa: PLC0415

    register = cohorts_register(1)
    save(register, url)

    monkeypatch.setattr(postgres_store, "SEAL", "SELECT -1")  # what the function says on failure
    with pytest.warns(postgres_store.UnsealedHistoryWarning, match="the next change seals"):
        attend(url, "S-01", 1)
    monkeypatch.undo()
    register.record_attendance("S-01", session_id(1), Present(Hours(2)), by=STAMP)

    assert load(url).history == register.history  # saved once, read sealed
    attend(url, "S-01", 2)
    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]


def test_the_seal_function_seals_nothing_and_says_so_when_it_fails(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(cohorts_register(1), url)
    with monkeypatch.context() as m:
        unsealed(m)
        attend(url, "S-01", 1)
    with connection(url) as db:
        db.execute("ALTER TABLE history RENAME TO history_elsewhere")
        assert db.execute("SELECT mb_seal_pending()").fetchone() == (-1,)
        db.execute("ALTER TABLE history_elsewhere RENAME TO history")
    assert rows(url, "SELECT count(*) FROM history_pending") == [(1,)]  # waiting, not lost
    with connection(url) as db:
        assert db.execute("SELECT mb_seal_pending()").fetchone() == (1,)
    assert load(url).history_problems() == []


def test_a_change_of_a_placed_student_is_made_once_on_the_part_first_read(url: str) -> None:
    save(cohorts_register(1), url)  # S-00 is placed at UR
    calls: list[int] = []

    def change(r: Register) -> None:
        calls.append(1)
        r.record_attendance("S-00", session_id(1), Present(Hours(2)), by=STAMP)

    with PostgresStore.open(url) as store:
        store.change(change, students=["S-00"])

    assert calls == [1]  # the part read holds the unit its placement names: nothing more to read


def test_whole_register_changes_racing_writers_of_parts_keep_one_chain(url: str) -> None:
    register = cohorts_register(WRITERS)
    save(register, url)

    def writer(i: int) -> None:
        with PostgresStore.open(url) as store:
            for session in range(1, 4):
                if i % 2:  # a change on the whole register: a new host unit
                    unit = HostUnit(
                        id=f"U{i}-{session}", name="Ny enhet", capacity=1, kind="housing"
                    )
                    store.change(lambda r, unit=unit: r.add_host_unit(unit, by=STAMP))
                else:
                    store.change(
                        lambda r, s=session: r.record_attendance(
                            f"S-{i + 1:02d}", session_id(s), Present(Hours(2)), by=STAMP
                        ),
                        students=[f"S-{i + 1:02d}"],
                    )

    errors = at_once(WRITERS, writer)

    assert errors == []
    kept = load(url)
    assert kept.history_problems() == []
    assert len(kept.history) == len(register.history) + WRITERS * 3
    for i in range(WRITERS):
        if i % 2:
            assert {f"U{i}-{s}" for s in range(1, 4)} <= kept.host_units.keys()
        else:
            assert len(kept.students[f"S-{i + 1:02d}"].attendance) == 3
    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]


def test_a_seal_waits_for_a_whole_register_change_that_began_before_it(url: str) -> None:
    register = cohorts_register(2)
    save(register, url)
    done: list[threading.Thread] = []

    def attend_while_a_part_is_changed(r: Register) -> None:
        if not done:  # the first attempt: another writer changes a part and seals meanwhile
            t = threading.Thread(target=attend, args=(url, "S-01", 1))
            t.start()
            t.join(timeout=1.5)  # its commit is quick; its seal waits for this change
            done.append(t)
        # a record the other change does not read: nothing for SERIALIZABLE to refuse
        r.record_attendance("S-02", session_id(1), Present(Hours(2)), by=STAMP)

    with PostgresStore.open(url) as store:
        store.change(attend_while_a_part_is_changed)
    done[0].join(timeout=60)

    kept = load(url)
    assert kept.history_problems() == []  # one chain: the seal came after the whole change
    assert len(kept.students["S-01"].attendance) == 1
    assert len(kept.students["S-02"].attendance) == 1
    assert len(kept.history) == len(register.history) + 2


def test_a_store_without_its_seal_function_is_refused_naming_it(url: str) -> None:
    save(make_register(), url)
    with connection(url) as db:
        db.execute("DROP FUNCTION mb_seal_pending()")

    with pytest.raises(DocumentError, match="the function mb_seal_pending is missing"):
        load(url)


def with_options(url: str, extra: str) -> str:
    """``url`` with ``extra`` server options (``-cname=value``) after those it has."""
    base, query = url.split("?", 1)
    values = dict(urllib.parse.parse_qsl(query))
    values["options"] = f"{values['options']} {extra}"
    return f"{base}?{urllib.parse.urlencode(values, quote_via=urllib.parse.quote)}"


def test_a_seal_cancelled_after_the_commit_is_a_warning_not_a_change_unwritten(
    url: str,
) -> None:
    from mbprogram.storage._postgres_schema import CHAIN_LOCK  # noqa: PLC0415
    from mbprogram.storage.postgres_store import UnsealedHistoryWarning  # noqa: PLC0415

    register = cohorts_register(1)
    save(register, url)
    with connection(url) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (CHAIN_LOCK,))  # a long whole change
        impatient = with_options(url, "-cstatement_timeout=300")
        with PostgresStore.open(impatient) as store, pytest.warns(UnsealedHistoryWarning):
            store.change(
                lambda r: r.record_attendance("S-01", session_id(1), Present(Hours(2)), by=STAMP),
                students=["S-01"],
            )  # committed: the seal's wait for the lock was cancelled
    register.record_attendance("S-01", session_id(1), Present(Hours(2)), by=STAMP)

    assert rows(url, "SELECT count(*) FROM history_pending") == [(1,)]
    assert load(url).history == register.history
    attend(url, "S-01", 2)
    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]


def test_the_seal_is_read_committed_whatever_the_servers_default_isolation(url: str) -> None:
    from mbprogram.storage.postgres_store import UnsealedHistoryWarning  # noqa: PLC0415

    register = cohorts_register(WRITERS)
    save(register, url)
    strict = with_options(url, "-cdefault_transaction_isolation=serializable")

    def writer(i: int) -> None:
        with PostgresStore.open(strict) as store:
            for s in range(1, 4):
                store.change(
                    lambda r, s=s: r.record_attendance(
                        f"S-{i + 1:02d}", session_id(s), Present(Hours(2)), by=STAMP
                    ),
                    students=[f"S-{i + 1:02d}"],
                )

    with warnings.catch_warnings(record=True) as caught:  # one catcher: filters are global
        warnings.simplefilter("always", UnsealedHistoryWarning)
        errors = at_once(WRITERS, writer)

    assert errors == []
    assert [w for w in caught if issubclass(w.category, UnsealedHistoryWarning)] == []
    assert rows(url, "SELECT count(*) FROM history_pending") == [(0,)]
    assert load(url).history_problems() == []
