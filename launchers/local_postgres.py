"""A throwaway PostgreSQL server from Debian's packages: the tests', the bench's and the demo's
clinic database, on a free 127.0.0.1 port in a temporary folder, stopped and removed afterwards.

PostgreSQL refuses to run as root (as CI and `make` as root do): the server then runs as the
`postgres` account Debian's package creates, in a folder that account owns. Its superuser is
`kiosk_admin`, with a password; every connection is over TCP with SCRAM passwords, as a clinic's
server would take them, so the roles and their row-level security are tested as deployed.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ADMIN = "kiosk_admin"
DATABASE = "clinic"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL's programs are not installed (`make setup` installs them)."""


def postgres_bin_dir() -> Path:
    """The newest Debian PostgreSQL's programs (`/usr/lib/postgresql/<version>/bin`)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if not found:
        raise PostgresUnavailable(
            "PostgreSQL is not installed: run `make setup` (it installs Debian's postgresql)"
        )
    return found[-1].parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalPostgres:
    """initdb, then `start()`/`stop()` as often as a fault test needs (the port and data stay)."""

    def __init__(self, *, port: int | None = None) -> None:
        self.bin = postgres_bin_dir()
        self.port = port or _free_port()
        self.password = secrets.token_urlsafe(16)
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-postgres-"))
        self.data = self.folder / "data"
        self._account = self._server_account()
        self._initdb()

    @staticmethod
    def _server_account() -> pwd.struct_passwd | None:
        if os.geteuid() != 0:
            return None
        try:
            return pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PostgresUnavailable("running as root needs Debian's `postgres` account") from exc

    def _run(self, *args: str) -> None:
        user = self._account.pw_uid if self._account else None
        done = subprocess.run(
            args, capture_output=True, text=True, user=user, cwd=self.folder, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")

    def _initdb(self) -> None:
        password_file = self.folder / "password"
        password_file.write_text(self.password)
        if self._account:
            os.chown(self.folder, self._account.pw_uid, self._account.pw_gid)
            os.chown(password_file, self._account.pw_uid, self._account.pw_gid)
        self._run(
            str(self.bin / "initdb"),
            "--pgdata",
            str(self.data),
            "--username",
            ADMIN,
            "--pwfile",
            str(password_file),
            "--auth-host=scram-sha-256",
            "--auth-local=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )
        password_file.unlink()
        settings = (
            f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{self.folder}'\nfsync = on\nmax_connections = 60\n"
        )
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(settings)

    def start(self, timeout: float = 30.0) -> None:
        self._run(
            str(self.bin / "pg_ctl"),
            "start",
            "--pgdata",
            str(self.data),
            "--log",
            str(self.folder / "server.log"),
            "--wait",
            f"--timeout={int(timeout)}",
        )
        self._create_database()

    def stop(self) -> None:
        """A fast shutdown: connections are cut, as when the clinic's server goes down."""
        self._run(str(self.bin / "pg_ctl"), "stop", "--pgdata", str(self.data), "--mode=fast")

    def _create_database(self) -> None:
        import psycopg

        deadline = time.monotonic() + 10
        while True:
            try:
                with psycopg.connect(self.admin_url("postgres"), autocommit=True) as db:
                    exists = db.execute(
                        "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)
                    ).fetchone()
                    if not exists:
                        db.execute(f"CREATE DATABASE {DATABASE}")
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def url(self, user: str, password: str, database: str = DATABASE) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def admin_url(self, database: str = DATABASE) -> str:
        """The superuser's URL: what `kiosk clinic-db init` and `add-desk` are given."""
        return self.url(ADMIN, self.password, database)

    def remove(self) -> None:
        with contextlib.suppress(RuntimeError):  # not running
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def local_postgres() -> Iterator[LocalPostgres]:
    """A started throwaway server, stopped and removed on leaving."""
    server = LocalPostgres()
    try:
        server.start()
        yield server
    finally:
        server.remove()
