"""A unit of work loads a register, and saves a change to it with the revision it was loaded at."""

from __future__ import annotations

from pathlib import Path

import pytest

from mbprogram import ConflictError, Hours, MbprogramError, Present, RefusedChangeError, Register
from mbprogram.services.repository import InMemoryRepository, Revision
from mbprogram.services.unit_of_work import UnitOfWork
from tests.builders import COHORT_ID, STAMP, make_register, session_id
from tests.services.test_repository_contract import KINDS, Kind


def attend(register: Register, sid: str, hours: int = 5) -> None:
    register.record_attendance(sid, session_id(1), Present(Hours(hours)), by=STAMP)


def someone_else_attends(repository: InMemoryRepository, sid: str) -> None:
    """Another writer's change, saved through the repository itself."""
    loaded = repository.load()
    attend(loaded.register, sid)
    repository.save(loaded.register, expected=loaded.revision)


@pytest.fixture
def repository() -> InMemoryRepository:
    return InMemoryRepository(make_register())


def test_a_committed_change_is_saved_with_the_revision_it_was_loaded_at(
    repository: InMemoryRepository,
) -> None:
    with UnitOfWork(repository) as work:
        assert Revision("0") == work.revision
        attend(work.register, "S-01")

        assert work.commit()
        assert Revision("1") == work.revision

    expected = make_register()
    attend(expected, "S-01")
    assert expected == repository.load().register


def test_a_commit_of_an_unchanged_register_saves_nothing(repository: InMemoryRepository) -> None:
    with UnitOfWork(repository) as work:
        assert not work.commit()

    assert Revision("0") == repository.revision


def test_a_refused_change_leaves_nothing_to_save(repository: InMemoryRepository) -> None:
    with UnitOfWork(repository) as work:
        with pytest.raises(RefusedChangeError):
            attend(work.register, "S-01", hours=99)  # longer than the session

        assert not work.commit()

    assert Revision("0") == repository.revision


def test_leaving_the_block_without_committing_saves_nothing(
    repository: InMemoryRepository,
) -> None:
    with UnitOfWork(repository) as work:
        attend(work.register, "S-01")

    assert Revision("0") == repository.revision
    assert make_register() == repository.load().register


def change_then_fail(repository: InMemoryRepository) -> None:
    with UnitOfWork(repository) as work:
        attend(work.register, "S-01")
        raise KeyError("S-01")


def test_an_error_in_the_block_saves_nothing(repository: InMemoryRepository) -> None:
    with pytest.raises(KeyError):
        change_then_fail(repository)

    assert make_register() == repository.load().register


def test_a_commit_after_someone_else_saved_is_a_conflict_and_keeps_their_change(
    repository: InMemoryRepository,
) -> None:
    with UnitOfWork(repository) as work:
        attend(work.register, "S-01")
        someone_else_attends(repository, "S-02")

        with pytest.raises(ConflictError, match="load it again, re-apply the change"):
            work.commit()

    kept = repository.load().register
    assert {"S-02"} == {sid for sid, s in kept.students.items() if s.attendance}


def test_after_a_conflict_a_new_block_makes_the_change_on_top_of_the_other(
    repository: InMemoryRepository,
) -> None:
    work = UnitOfWork(repository)
    outcomes = []
    for attempt in range(2):
        try:
            with work:
                attend(work.register, "S-01")
                if attempt == 0:
                    someone_else_attends(repository, "S-02")
                work.commit()
            outcomes.append("saved")
            break
        except ConflictError:
            outcomes.append("conflict")

    assert ["conflict", "saved"] == outcomes
    kept = repository.load().register
    assert {"S-01", "S-02"} == {sid for sid, s in kept.students.items() if s.attendance}


def test_a_change_after_a_commit_is_saved_by_the_next_commit(
    repository: InMemoryRepository,
) -> None:
    with UnitOfWork(repository) as work:
        attend(work.register, "S-01")
        work.commit()
        assert not work.commit()
        attend(work.register, "S-02")

        assert work.commit()

    assert Revision("2") == repository.revision
    kept = repository.load().register
    assert {"S-01", "S-02"} == {sid for sid, s in kept.students.items() if s.attendance}


def test_a_replaced_register_is_saved_whole_unless_it_equals_the_loaded_one(
    repository: InMemoryRepository,
) -> None:
    with UnitOfWork(repository) as work:
        work.replace(make_register())
        assert not work.commit()
        work.replace(make_register(1))
        assert work.commit()

    assert make_register(1) == repository.load().register


def test_only_a_register_can_replace_the_loaded_one(repository: InMemoryRepository) -> None:
    with UnitOfWork(repository) as work, pytest.raises(MbprogramError, match="register: expected"):
        work.replace("register")  # type: ignore[arg-type]


def test_the_register_is_there_only_inside_the_block(repository: InMemoryRepository) -> None:
    work = UnitOfWork(repository)
    with work:
        pass

    for use in (
        lambda: work.register,
        lambda: work.revision,
        work.commit,
        lambda: work.replace(Register()),
    ):
        with pytest.raises(MbprogramError, match="has not begun: use it in a with block"):
            use()


def test_blocks_of_one_unit_of_work_do_not_nest(repository: InMemoryRepository) -> None:
    with UnitOfWork(repository) as work, pytest.raises(MbprogramError, match="do not nest"):
        work.__enter__()


def test_a_unit_of_work_says_where_it_works_and_at_which_revision(
    repository: InMemoryRepository,
) -> None:
    work = UnitOfWork(repository)
    assert repr(work).endswith(", idle)")
    with work:
        assert repr(work).startswith("UnitOfWork(InMemoryRepository(revision=0, ")
        assert repr(work).endswith(", at revision 0)")


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_unit_of_work_saves_and_refuses_the_same_way_over_every_repository(
    kind: Kind, tmp_path: Path
) -> None:
    repository = kind.make(tmp_path)
    with UnitOfWork(repository) as work:
        work.replace(make_register())
        work.commit()
    with UnitOfWork(repository) as mine, UnitOfWork(repository) as theirs:
        mine.register.change_places(COHORT_ID, 20, by=STAMP)
        theirs.register.change_places(COHORT_ID, 25, by=STAMP)
        mine.commit()

        with pytest.raises(ConflictError):
            theirs.commit()

    assert 20 == repository.load().register.cohort(COHORT_ID).places
