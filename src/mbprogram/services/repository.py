"""Where a register is kept: the :class:`Repository` protocol, and a fake in memory.

A repository loads a whole register together with a :class:`Revision`, and
saves a whole register only if what it holds is still at the revision the
caller expects::

    loaded = repository.load()
    loaded.register.record_attendance("S-01", "SES-03", Present(Hours(3)), by=stamp)
    repository.save(loaded.register, expected=loaded.revision)  # ConflictError if someone saved

This is optimistic concurrency: nothing is locked while a register is
changed, and a save that would overwrite somebody else's save is refused with
:class:`~mbprogram.exceptions.ConflictError` and writes nothing. Every
implementation keeps the same contract (``tests/services/test_repository_contract.py``
runs one suite against each):

- loading a new, empty repository gives an empty register;
- a save and a load give back an equal register, history included;
- a save whose ``expected`` revision is not the stored one raises
  :class:`~mbprogram.exceptions.ConflictError` and leaves the stored data as it was;
- a save that fails for any reason writes nothing;
- a save that changes what is kept gives a new revision, so whoever loaded
  the earlier state is refused. (A revision may name the content, as a
  document's hash does: saving an equal register may then give the same
  revision back, and nobody's change is lost by accepting it.)

The adapters in :mod:`mbprogram.storage.repositories` keep a register in a
JSON document or an SQLite store; :class:`InMemoryRepository` keeps one in
memory, for tests and for trying out a change.
"""

from __future__ import annotations

from typing import Protocol

import attrs

from mbprogram.catalogue import Phrase, Term
from mbprogram.exceptions import ConflictError
from mbprogram.model import validators as v
from mbprogram.register.aggregate import Register

__all__ = ["InMemoryRepository", "Loaded", "Repository", "Revision", "conflict"]


@attrs.frozen
class Revision:
    """An opaque token for one saved state of a repository: pass it back and compare it.

    Each repository makes its own tokens (a counter, a store's revision number,
    a hash of a file's bytes); a token of one repository means nothing to
    another, and none is to be parsed.

    Attributes:
        token: the repository's name for the state.
    """

    token: str = attrs.field(validator=v.text(max_length=200))

    def __str__(self) -> str:
        return self.token


@attrs.frozen
class Loaded:
    """A register as loaded, and the revision it was loaded at.

    Attributes:
        register: the register; the caller's own (changing it changes nothing stored).
        revision: what to pass as ``expected`` when saving the changed register.
    """

    register: Register = attrs.field(validator=v.instance(Register))
    revision: Revision = attrs.field(validator=v.instance(Revision))


class Repository(Protocol):
    """A place that keeps one whole register, with a revision for optimistic concurrency."""

    def load(self) -> Loaded:
        """Read the register and the revision it is at.

        A new repository, which nothing was saved to yet, gives an empty register.

        Raises:
            DocumentError: if what is stored cannot be read, listing every problem.
        """

    def save(self, register: Register, *, expected: Revision) -> Revision:
        """Keep ``register``, replacing what was kept, if the repository is at ``expected``.

        Returns:
            The new revision.

        Raises:
            ConflictError: if the repository is not at ``expected`` (someone else
                saved since that revision was loaded). Nothing is written: load
                again, re-apply the change and save again.
            DocumentError: if the register cannot be written; nothing is written.
        """


def conflict(where: str, detail: str = "") -> ConflictError:
    """The error of a save refused because ``where`` is no longer at the revision expected.

    ``detail`` (such as ``" (at revision 3, loaded at 2)"``) follows the place;
    ``where`` and ``detail`` may be catalogue texts (``Term``, ``Phrase``), which
    read in the language the message is shown in (``services.conflict``).
    """
    return ConflictError(key="services.conflict", values={"where": where, "detail": detail})


class InMemoryRepository:
    """A repository that keeps a register in memory: the fake for tests and dry runs.

    It keeps the same contract as the stores: each save keeps a copy of the
    register (the records themselves are immutable, so the copy is cheap),
    each load hands out a copy, and a save from a stale revision is refused.
    Its revisions count the saves: ``"0"`` before the first.

    Args:
        register: what the repository holds before the first save (default: an
            empty register).
    """

    def __init__(self, register: Register | None = None) -> None:
        """Start holding ``register`` (copied), or an empty register, at revision ``"0"``."""
        if register is not None:
            v.check_instance(register, Register, "register", "a Register or None")
        self._kept = Register() if register is None else register.copy()
        self._saves = 0

    @property
    def revision(self) -> Revision:
        """The revision the repository is at."""
        return Revision(str(self._saves))

    def load(self) -> Loaded:
        """A copy of the register kept, and the revision it is at."""
        return Loaded(self._kept.copy(), self.revision)

    def save(self, register: Register, *, expected: Revision) -> Revision:
        """Keep a copy of ``register`` if at ``expected``; see :meth:`Repository.save`.

        Raises:
            ConflictError: if the repository is not at ``expected``; nothing is kept.
            InvalidValueError: if ``register`` is not a Register.
        """
        v.check_instance(register, Register, "register", "a Register")
        if expected != self.revision:
            raise conflict(
                Term("services.conflict.register"),
                Phrase("services.conflict.revisions", revision=self.revision, loaded=expected),
            )
        kept = register.copy()
        self._kept, self._saves = kept, self._saves + 1
        return self.revision

    def __repr__(self) -> str:
        return f"InMemoryRepository(revision={self.revision}, register={self._kept!r})"
