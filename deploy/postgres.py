"""A throwaway PostgreSQL server (Debian's `postgresql` binaries) on a temporary data directory
and a free loopback port: for the tests, `make bench`, and trying the hosted setup locally.

    with deploy.postgres.cluster() as url: ...    # postgresql+psycopg://atlas@127.0.0.1:PORT/atlas
    python -m deploy.postgres                      # prints the URL, runs until Ctrl-C

initdb refuses to run as root: as root the directory is given to the `postgres` system user and
the server runs as that user (runuser).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from deploy.serve import free_port

USER = "atlas"
DATABASE = "atlas"
SYSTEM_USER = "postgres"


def binaries() -> Path | None:
    """The newest /usr/lib/postgresql/*/bin holding initdb and pg_ctl, if any."""
    found = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")
             if (Path(p) / "initdb").exists() and (Path(p) / "pg_ctl").exists()]
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
               default=None)


def _as_owner() -> list[str]:
    return ["runuser", "-u", SYSTEM_USER, "--"] if os.geteuid() == 0 else []


def _run(args: list[str], timeout: float = 120) -> None:
    done = subprocess.run([*_as_owner(), *args], capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"{Path(args[0]).name} failed ({done.returncode}): "
                           f"{done.stderr.strip() or done.stdout.strip()}")


def _give_away(folder: Path) -> None:
    if os.geteuid() == 0:
        account = pwd.getpwnam(SYSTEM_USER)
        os.chown(folder, account.pw_uid, account.pw_gid)


def _create_database(url_admin: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url_admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{DATABASE}"')
    finally:
        engine.dispose()


@contextlib.contextmanager
def cluster(max_connections: int = 200) -> Iterator[str]:
    """Start a server, create the database, yield its SQLAlchemy URL, then stop and delete it."""
    bin_dir = binaries()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb);"
                                " `make postgres` installs Debian's package.")
    base = Path(tempfile.mkdtemp(prefix="atlas-pg-"))
    _give_away(base)
    data, port = base / "data", free_port()
    try:
        _run([str(bin_dir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8",
              "--locale=C.UTF-8", "--no-sync", "--no-instructions"])
        options = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 "
                   f"-c max_connections={max_connections}")
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
              str(base / "server.log"), "-w", "-t", "60", "start"])
        try:
            root = f"postgresql+psycopg://{USER}@127.0.0.1:{port}"
            _create_database(f"{root}/postgres")
            yield f"{root}/{DATABASE}"
        finally:
            _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGTERM, _interrupt)  # stopped either way, the server is stopped too
    with cluster() as url:
        print(url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
