"""Atomic file writes: the new content in full, or the old file exactly as it was.

:func:`write_atomically` writes to a temporary file in the same directory,
flushes it to disk, renames it over the target (an atomic step on POSIX and
Windows) and flushes the directory, so that after a crash or an error at any
point the target holds either its old bytes or all of the new ones. The file
is created readable and writable by its owner only (mode 0600): the records
are special-category health data.

**Links.** A save through a symbolic link writes to the file the link points
to (the link stays a link), never a new file in the link's place that would
leave the real file holding the old records. A file with more than one name
(hard links) is refused: renaming a new file over one name would leave the
others holding the old records, an erased person's too.

**Temporary files.** The temporary file is named ``.NAME.<eight random characters>.tmp``
beside the target and removed on any error. A process that is killed mid-save
cannot remove it; the next save of the same target removes every such file
that no running save holds (each save holds a lock on its own while it writes).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from pathlib import Path

from mbprogram.exceptions import DocumentError, Problem
from mbprogram.storage._problems import ROOT

if sys.platform != "win32":  # Windows has no flock, and removes no open file anyway
    import fcntl

__all__ = ["real_target", "stale_temporaries", "write_atomically"]


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a save of ``path`` writes: ``path`` with every symbolic link resolved.

    Raises:
        DocumentError: if the file has more than one name (hard links).
    """
    target = Path(os.path.realpath(os.fspath(path)))
    try:
        links = target.stat().st_nlink
    except OSError:  # no file yet (or one that cannot be read): the write says why
        return target
    if links > 1:
        raise DocumentError(
            [Problem.of(ROOT, "reading.file.hard_links", name=os.fspath(path), links=links)],
            summary_key="reading.file.cannot_save",
        )
    return target


def _temporary_name(target: Path) -> re.Pattern[str]:
    # tempfile.mkstemp's names: the prefix, eight of [a-z0-9_], the suffix.
    return re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")


def stale_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """The temporary files that saves of ``path`` left behind and no running save holds."""
    target = real_target(path)
    pattern = _temporary_name(target)
    try:
        names = [p for p in target.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return []
    # Only plain files: a link or a pipe of that name is not a save's temporary file.
    return [p for p in names if not p.is_symlink() and p.is_file() and not _held(p)]


def _held(path: Path) -> bool:
    """Whether a running save holds its lock on the temporary file ``path``."""
    if sys.platform == "win32":
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return True  # gone already, or not ours to touch
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing releases the lock
    return False


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, atomically, with mode 0600.

    A symbolic link is followed: the file it points to is replaced. Temporary
    files left by earlier saves of the same file that crashed are removed first.

    Raises:
        DocumentError: if the file has more than one name (hard links); nothing
            is written.
        OSError: if any step fails; the old file (if any) is then unchanged and
            the temporary file removed.
    """
    target = real_target(path)
    directory = target.parent
    for stale in stale_temporaries(target):
        with contextlib.suppress(OSError):
            stale.unlink()
    fd, name = tempfile.mkstemp(  # created with mode 0600
        prefix=f".{target.name}.", suffix=".tmp", dir=directory
    )
    temporary = Path(name)
    try:
        try:
            if sys.platform != "win32":
                fcntl.flock(fd, fcntl.LOCK_EX)  # held until closed: this save is running
            _write_all(fd, data)
            os.fsync(fd)
            if sys.platform != "win32":
                temporary.replace(target)  # still locked: no other save takes it for stale
        finally:
            os.close(fd)
        if sys.platform == "win32":
            temporary.replace(target)  # Windows renames no open file
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
