"""Atomic file writes: the new content in full, or the old file exactly as it was.

:func:`write_atomically` writes to a temporary file in the same directory,
flushes it to disk, renames it over the target (an atomic step on POSIX and
Windows) and flushes the directory, so that after a crash or an error at any
point the target holds either its old bytes or all of the new ones. The file
is created readable and writable by its owner only (mode 0600): the records
are special-category health data.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, atomically, with mode 0600.

    Raises:
        OSError: if any step fails; the old file (if any) is then unchanged and
            the temporary file removed.
    """
    target = Path(path).absolute()
    directory = target.parent
    fd, name = tempfile.mkstemp(  # created with mode 0600
        prefix=f".{target.name}.", suffix=".tmp", dir=directory
    )
    temporary = Path(name)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_directory(directory)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _sync_directory(directory: Path) -> None:
    """Flush the directory entry of the rename to disk (where the platform allows it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # e.g. Windows, where directories cannot be opened
        return
    try:
        with contextlib.suppress(OSError):  # some file systems refuse it; the rename stands
            os.fsync(fd)
    finally:
        os.close(fd)
