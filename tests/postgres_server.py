"""A throwaway PostgreSQL server for the tests and benchmarks: no network, gone at the end.

:func:`start` runs ``initdb`` and ``pg_ctl`` into a new temporary folder and
starts a server that listens on a Unix socket in that folder only
(``listen_addresses = ''``). The programs are found on ``PATH`` or under
``/usr/lib/postgresql/*/bin`` (the newest). ``initdb`` refuses to run as
root, so as root (as CI runs) the server runs as the ``postgres`` account that
the distribution's package makes, in a folder that account owns.

Each test gets a fresh schema of one database (:meth:`Server.new_store_url`):
a store lives in the first schema of the connection's ``search_path``, so
this isolates stores as databases would, and costs a fraction of a
``CREATE DATABASE``.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import urllib.parse
from pathlib import Path
from typing import Final

import attrs

#: The database the tests' schemas are made in.
DATABASE: Final = "mbprogram_tests"
#: The server's superuser (trusted over the socket).
ADMIN: Final = "mbprogram"
#: Set to 1 (as ``.ci/run`` does) to make a missing server a failure rather than a skip.
REQUIRED: Final = "MBPROGRAM_REQUIRE_POSTGRES"


class NoServerError(Exception):
    """No PostgreSQL server can be started here (the reason is the message)."""


def server_programs() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or ``None`` if there is none."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for folder in reversed(versions):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


@attrs.define
class Server:
    """A running server: its folder, the programs' folder, and who runs it."""

    folder: Path
    programs: Path
    user: str | None  # the account the server runs as, if not this process's
    _count: itertools.count[int] = attrs.field(factory=itertools.count)

    def url(self, database: str = DATABASE, **parameters: str) -> str:
        """A URL for ``database`` over the server's socket."""
        query = urllib.parse.urlencode({"host": str(self.folder), "user": ADMIN, **parameters})
        return f"postgresql:///{database}?{query}"

    def new_store_url(self) -> str:
        """The URL of a fresh, empty schema (a new store with ``create=True``)."""
        import psycopg  # noqa: PLC0415

        name = f"s{os.getpid()}_{next(self._count)}"
        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f"CREATE SCHEMA {name}")
        return self.url(options=f"-csearch_path={name}")

    def new_database(self, name: str) -> str:
        """The URL of a new, empty database ``name``."""
        import psycopg  # noqa: PLC0415

        with psycopg.connect(self.url("postgres"), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        """Run a server program (as the server's account)."""
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        return subprocess.run(  # noqa: S603 - our own commands
            [*prefix, str(self.programs / command[0]), *command[1:]],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    """Start a server in a new temporary folder; see the module.

    Raises:
        NoServerError: if the programs, the psycopg driver or (as root) the
            ``postgres`` account are missing, or the server does not start.
    """
    programs = server_programs()
    if programs is None:
        raise NoServerError(
            "no PostgreSQL server programs (initdb, pg_ctl) on PATH or under "
            "/usr/lib/postgresql/*/bin"
        )
    try:
        import psycopg  # noqa: PLC0415
    except ImportError:
        raise NoServerError("psycopg is not installed (the 'postgres' extra)") from None
    user = None
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            raise NoServerError("running as root and there is no 'postgres' account") from None
        user = account.pw_name
    folder = Path(tempfile.mkdtemp(prefix="mbpg-"))  # short: a socket path has a length limit
    if user is not None:
        os.chown(folder, account.pw_uid, account.pw_gid)
    server = Server(folder, programs, user)
    data = folder / "data"
    try:
        server.run(
            "initdb",
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            ADMIN,
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        )
        settings = {
            "listen_addresses": "''",
            "unix_socket_directories": f"'{folder}'",
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": "40",
            "shared_buffers": "64MB",
        }
        with (data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        server.run("pg_ctl", "-D", str(data), "-l", str(folder / "log"), "-w", "start")
        with psycopg.connect(server.url("postgres"), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {DATABASE}")
    except (subprocess.SubprocessError, OSError, psycopg.Error) as e:
        log = folder / "log"
        detail = log.read_text()[-2000:] if log.exists() else ""
        server.stop()
        raise NoServerError(f"the PostgreSQL server did not start: {e}\n{detail}") from None
    return server
