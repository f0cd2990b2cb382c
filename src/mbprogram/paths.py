"""Typed record paths: where a record or a field is, as segments rather than text.

A :class:`RecordPath` is a ``str`` (so it prints, compares and serialises as the
text every message and document uses, ``cohorts[K1].students[S-01].attendance[T03]``)
that also holds its :attr:`~RecordPath.segments`: a field name with an optional
key in brackets (an id, or a position in a list). Code that needs to know what
a path names — whether one record lies inside another, which cohort and
student a problem concerns — reads the segments, never the text.

Every layer may import this module, like :mod:`mbprogram.exceptions`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

__all__ = ["Part", "RecordPath", "Segment", "unparsed_reason"]

Key = str | int


def _key(key: Key | None) -> str | None:
    return None if key is None else str(key)


@attrs.frozen
class Segment:
    """One step of a path: a field ``name`` and, for a collection, the ``key`` of one item.

    A key is an id or a position in a list, held as text (``3`` and ``"3"`` are one key).
    """

    name: str
    key: str | None = attrs.field(default=None, converter=_key)

    def __str__(self) -> str:
        return self.name if self.key is None else f"{self.name}[{self.key}]"


Part = Segment | str | tuple[str, Key]


def _segment(part: Part) -> Segment:
    if isinstance(part, Segment):
        return part
    if isinstance(part, tuple):
        name, key = part
        return Segment(name, key)
    return Segment(part)


def _render(segments: tuple[Segment, ...]) -> str:
    return ".".join(str(s) for s in segments)


class RecordPath(str):
    """A path naming a record or field, held as :class:`Segment` s and rendered as text.

    Build one with :meth:`of` (``RecordPath.of(("cohorts", "K1"), ("students", "S-01"))``)
    or :meth:`child`; read one back from text with :meth:`parse`. Two paths are
    equal when their texts are, and a path equals the plain ``str`` it renders as.
    """

    segments: tuple[Segment, ...]

    def __new__(cls: type[RecordPath], segments: Iterable[Segment] | str = ()) -> RecordPath:
        """A path of ``segments``, or read from its text (see :meth:`of` and :meth:`parse`).

        Raises:
            ValueError: for text that is not a path.
            TypeError: for segments that are not :class:`Segment` s.
        """
        if isinstance(segments, str):
            return cls.parse(segments)
        parts = tuple(segments)
        if not all(isinstance(s, Segment) for s in parts):
            raise TypeError("expected Segment objects (or a path's text)")
        self = super().__new__(cls, _render(parts))
        object.__setattr__(self, "segments", parts)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a RecordPath cannot be changed (tried to set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a RecordPath cannot be changed (tried to delete {name!r})")

    @classmethod
    def of(cls, *parts: Part) -> RecordPath:
        """A path of ``parts``: a str is a field name, a ``(name, key)`` pair one item."""
        return cls(_segment(p) for p in parts)

    @classmethod
    def parse(cls, text: str) -> RecordPath:
        """Read a path back from its text (``cohorts[K1].students[S-01].placements[P1]``).

        Keys may hold dots (an id such as ``MB.2026``).

        Raises:
            ValueError: if ``text`` is not a path (an empty name, an unclosed bracket);
                its argument is the reason, a catalogue phrase (English as a ``str``,
                any language filled into a text: :func:`unparsed_reason`).
        """
        if isinstance(text, RecordPath):
            return text
        if not isinstance(text, str):
            raise TypeError(f"expected a path as text, got {type(text).__name__}")
        if not text:
            return cls(())
        segments: list[Segment] = []
        i, n = 0, len(text)
        while i < n:
            start = i
            while i < n and text[i] not in ".[":
                i += 1
            name = text[start:i]
            if not _is_name(name):
                raise _unparsed("reading.path.field_name", at=start + 1)
            keys: list[str] = []
            while i < n and text[i] == "[":
                close = text.find("]", i + 1)
                if close < 0:
                    raise _unparsed("reading.path.unclosed", at=i + 1)
                keys.append(text[i + 1 : close])
                i = close + 1
            if len(keys) > 1:
                raise _unparsed("reading.path.keys", at=start + 1)
            segments.append(Segment(name, keys[0] if keys else None))
            if i < n:
                if text[i] != ".":
                    raise _unparsed("reading.path.dot", at=i + 1)
                i += 1
                if i == n:
                    raise _unparsed("reading.path.end")
        return cls(segments)

    def child(self, *parts: Part) -> RecordPath:
        """This path followed by ``parts`` (as in :meth:`of`)."""
        return RecordPath((*self.segments, *(_segment(p) for p in parts)))

    def then(self, other: RecordPath) -> RecordPath:
        """This path followed by every segment of ``other``."""
        return RecordPath((*self.segments, *other.segments))

    def is_within(self, prefix: RecordPath | str) -> bool:
        """Whether this path is ``prefix`` itself or a record or field inside it.

        A prefix that ends in a collection without a key (``…students[S-01].makeups``)
        holds every item of it (``…makeups[M1]``). A prefix given as text is read as a path.
        """
        prefix = RecordPath.parse(prefix)
        n = len(prefix.segments)
        if n == 0:
            return True
        if len(self.segments) < n or self.segments[: n - 1] != prefix.segments[:-1]:
            return False
        last, mine = prefix.segments[-1], self.segments[n - 1]
        return last == mine or (last.key is None and last.name == mine.name)

    @property
    def parent(self) -> RecordPath:
        """The path without its last segment."""
        return RecordPath(self.segments[:-1])

    def key_of(self, name: str) -> str | None:
        """The key of the first segment called ``name`` (``students`` → ``"S-01"``), or None."""
        return next((s.key for s in self.segments if s.name == name), None)

    def __reduce__(self) -> tuple[object, ...]:
        return (RecordPath, (self.segments,))


_NAME_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz_0123456789")


def _is_name(name: str) -> bool:
    return bool(name) and set(name) <= _NAME_CHARS


def _unparsed(key: str, /, **values: object) -> ValueError:
    """The error of a text that is not a record path, its reason the catalogue's ``key``."""
    from mbprogram.catalogue import Phrase  # noqa: PLC0415 - the catalogue's users import this

    return ValueError(Phrase(key, **values))


def unparsed_reason(error: ValueError) -> str:
    """Why :meth:`RecordPath.parse` refused a text: a catalogue phrase, read in any language."""
    reason = error.args[0] if error.args else ""
    return reason if isinstance(reason, str) else str(reason)
