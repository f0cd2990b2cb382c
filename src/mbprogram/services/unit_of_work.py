"""One change to a kept register: load it, change it, save it with the revision it was loaded at.

::

    with UnitOfWork(repository) as work:
        work.register.record_attendance("S-01", "SES-03", Present(Hours(3)), by=stamp)
        work.commit()  # ConflictError if someone saved since the load; nothing is saved then

A conflict is handled one way, whatever the repository: :meth:`UnitOfWork.commit`
raises :class:`~mbprogram.exceptions.ConflictError` and saves nothing, and the
change is made again on a fresh load (a new ``with`` block, which may use the
same unit of work)::

    work = UnitOfWork(repository)
    for attempt in range(3):
        try:
            with work:
                work.register.change_places("K1", 20, by=stamp)
                work.commit()
            break
        except ConflictError:
            continue
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

import attrs

from mbprogram.exceptions import MbprogramError
from mbprogram.model import validators as v
from mbprogram.register.aggregate import Register
from mbprogram.services.repository import Repository, Revision

__all__ = ["UnitOfWork"]


@attrs.define(eq=False)
class _Work:
    """A block's register, a copy of it as last saved (or loaded), and that revision."""

    register: Register
    saved: Register
    revision: Revision


class UnitOfWork:
    """Load a register on entering a ``with`` block; :meth:`commit` saves what changed.

    Leaving the block without committing saves nothing, and so does an error
    inside it. :meth:`commit` saves only if the register differs from what was
    loaded (or last committed), and saves it with the revision it was loaded
    at, so that nobody's save is overwritten.

    Args:
        repository: where the register is kept.
    """

    def __init__(self, repository: Repository) -> None:
        """Work on the register kept in ``repository``; nothing is loaded until the block begins."""
        self.repository = repository
        self._work: _Work | None = None

    def __enter__(self) -> Self:
        """Load the register and the revision it is at.

        Raises:
            MbprogramError: if this unit of work is in a block already.
            DocumentError: if what is kept cannot be read.
        """
        if self._work is not None:
            raise MbprogramError(key="services.unit_of_work.begun")
        loaded = self.repository.load()
        self._work = _Work(loaded.register, loaded.register.copy(), loaded.revision)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Forget the register; whatever was not committed is not saved."""
        self._work = None

    @property
    def register(self) -> Register:
        """The register to change (loaded when the block began).

        Raises:
            MbprogramError: outside a ``with`` block.
        """
        return self._begun().register

    @property
    def revision(self) -> Revision:
        """The revision the register was loaded (or last committed) at.

        Raises:
            MbprogramError: outside a ``with`` block.
        """
        return self._begun().revision

    def replace(self, register: Register) -> None:
        """Put ``register`` in place of the loaded one, to be saved whole by :meth:`commit`.

        Raises:
            InvalidValueError: if ``register`` is not a Register.
            MbprogramError: outside a ``with`` block.
        """
        v.check_instance(register, Register, "register", "a Register")
        self._begun().register = register

    def commit(self) -> bool:
        """Save the register if it changed, with the revision it was loaded at.

        Returns:
            Whether anything was saved (``False`` if the register is as loaded).

        Raises:
            ConflictError: if someone else saved since the load; nothing is saved.
                Load again (a new block), make the change again and commit.
            DocumentError: if the register cannot be written; nothing is saved.
            MbprogramError: outside a ``with`` block.
        """
        work = self._begun()
        if work.register == work.saved:
            return False
        work.revision = self.repository.save(work.register, expected=work.revision)
        work.saved = work.register.copy()
        return True

    def _begun(self) -> _Work:
        if self._work is None:
            raise MbprogramError(key="services.unit_of_work.not_begun")
        return self._work

    def __repr__(self) -> str:
        state = "idle" if self._work is None else f"at revision {self._work.revision}"
        return f"UnitOfWork({self.repository!r}, {state})"
