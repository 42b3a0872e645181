"""A real, throwaway PostgreSQL server for the tests that need one (the cluster gradebook).

:func:`start_postgres` runs ``initdb`` into a new temporary folder and starts ``postgres`` on
a free port of 127.0.0.1 (its unix socket stays in that folder), with ``trust``
authentication for the user ``smm``: nothing outside the folder is touched and nothing
listens beyond this machine.  PostgreSQL refuses to run as root, so when the tests run as
root (as ``.ci/run`` does) the server runs as the unprivileged user ``nobody`` through
``setpriv``, in a folder handed to that user.

The server binaries are looked for on ``PATH``, then in ``$SMM_PG_BIN``, then in Debian's
``/usr/lib/postgresql/<version>/bin`` (the ``postgresql`` package installs them there without
putting them on ``PATH``).  Without them the test is skipped on a laptop and fails under
``SMM_REQUIRE_SYSTEM=1`` (see ``tests/conftest.py``).

>>> old, new = Path("/usr/lib/postgresql/9.6/bin"), Path("/usr/lib/postgresql/15/bin")
>>> _version_key(old) < _version_key(new)
True
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import system_part_missing

USER = "smm"
"""The database superuser the tests connect as (``trust`` authentication, 127.0.0.1 only)."""
UNPRIVILEGED = "nobody"
"""Who runs the server when the tests run as root."""


def _version_key(folder: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", folder.parent.name)) or (0,)


def find_server_binaries() -> Path | None:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``, or ``None``."""
    on_path = shutil.which("initdb")
    candidates = [Path(on_path).parent] if on_path else []
    if os.environ.get("SMM_PG_BIN"):
        candidates.append(Path(os.environ["SMM_PG_BIN"]))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True)
    for folder in candidates:
        if all((folder / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """A running server: its binaries, data folder and port; :meth:`url` names a database."""

    bin_dir: Path
    data_dir: Path
    port: int
    run_as: list[str]

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` on this server (psycopg 3 driver)."""
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database ``name`` and return its SQLAlchemy URL."""
        import psycopg

        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise ValueError(f"{name!r} is not a plain database name: use a-z, 0-9 and _")
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=USER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its data folder."""
        subprocess.run(
            [
                *self.run_as,
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            capture_output=True,
            check=False,
            timeout=60,
        )
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)

    def log(self) -> str:
        """The server's log so far (for a failure message)."""
        path = self.data_dir / "server.log"
        return path.read_text(errors="replace") if path.is_file() else "(no log)"


def _run_as() -> tuple[list[str], int | None, int | None]:
    """The command prefix that drops root (``setpriv``), and the uid/gid to hand files to."""
    if os.geteuid() != 0:
        return [], None, None
    import pwd

    try:
        entry = pwd.getpwnam(UNPRIVILEGED)
    except KeyError:
        system_part_missing(
            f"the tests run as root and PostgreSQL refuses root, but there is "
            f"no user {UNPRIVILEGED!r} to run it as"
        )
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        system_part_missing(
            "the tests run as root and PostgreSQL refuses root, but setpriv "
            "(util-linux) is not installed to run it as another user"
        )
    return (
        [
            setpriv,
            f"--reuid={entry.pw_uid}",
            f"--regid={entry.pw_gid}",
            "--clear-groups",
            "--reset-env",
        ],
        entry.pw_uid,
        entry.pw_gid,
    )


def start_postgres(attempts: int = 3) -> PostgresServer:
    """initdb a new cluster in a temporary folder and start it on a free 127.0.0.1 port."""
    bin_dir = find_server_binaries()
    if bin_dir is None:
        system_part_missing(
            "the PostgreSQL server binaries (initdb, pg_ctl, postgres) are not "
            "installed; on Debian or Ubuntu: apt-get install postgresql "
            "(no running service is needed), or set SMM_PG_BIN to their folder"
        )
    assert bin_dir is not None
    run_as, uid, gid = _run_as()
    # Not under pytest's basetemp: that folder is private to the user running the tests.
    top = Path(tempfile.mkdtemp(prefix="smm-pg-"))
    data = top / "data"
    data.mkdir()
    if uid is not None:
        for path in (top, data):
            os.chown(path, uid, gid if gid is not None else -1)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    setup = subprocess.run(
        [
            *run_as,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            USER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-sync",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if setup.returncode != 0:
        shutil.rmtree(top, ignore_errors=True)
        raise RuntimeError(f"initdb failed in {data}:\n{setup.stdout}\n{setup.stderr}")
    for _ in range(attempts):  # another program may take the free port before postgres does
        server = PostgresServer(bin_dir, data, _free_port(), run_as)
        options = (
            f"-c listen_addresses=127.0.0.1 -p {server.port} "
            f"-c unix_socket_directories={data} -c fsync=off "
            "-c full_page_writes=off -c max_connections=200"
        )
        started = subprocess.run(
            [
                *run_as,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(data / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=90,
        )
        if started.returncode == 0:
            return server
        time.sleep(0.5)
    log = server.log()
    shutil.rmtree(top, ignore_errors=True)
    raise RuntimeError(f"PostgreSQL did not start ({started.stderr.strip()}); server log:\n{log}")


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """A server for the duration of a ``with`` block (a session fixture's body)."""
    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()
