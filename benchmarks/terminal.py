"""What a command writes to standard error when that is a (pseudo-)terminal, or a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
from collections.abc import Mapping, Sequence


def stderr_of(command: Sequence[str], *, terminal: bool, env: Mapping[str, str]) -> bytes:
    """Run ``command`` with standard output discarded; return what it wrote to standard error."""
    if not terminal:
        return subprocess.run(  # noqa: S603
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
        ).stderr
    master, slave = pty.openpty()
    with subprocess.Popen(  # noqa: S603
        command, stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL, env=env
    ):
        os.close(slave)
        written = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the command closed its end
                break
            if not chunk:
                break
            written += chunk
    os.close(master)
    return written
