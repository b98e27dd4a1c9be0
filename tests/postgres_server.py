"""A throwaway PostgreSQL server for the test session, from the machine's PostgreSQL binaries.

Used when CAREERSET_TEST_POSTGRES_URL is not set; skipped cleanly where PostgreSQL is not installed.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BIN_DIRS = [Path("/usr/lib/postgresql/15/bin"), Path("/usr/lib/postgresql/16/bin")]


def find_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    return next((d for d in BIN_DIRS if (d / "initdb").exists()), None)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_postgres() -> Iterator[str]:
    """Start PostgreSQL on a free loopback port; yield its SQLAlchemy URL; stop and delete it."""
    bin_dir = find_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL binaries not found")
    folder = Path(tempfile.mkdtemp(prefix="careerset-pg-"))
    data = folder / "data"
    # PostgreSQL refuses to run as root; CI runs as root, so run it as the postgres user there.
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        folder.chmod(0o755)
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(
        [
            *as_user,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "careerset",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
        ],
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    )
    subprocess.run(
        [
            *as_user,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-w",
            "-l",
            str(folder / "log"),
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://careerset@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def postgres_database(base_url: str, template: str | None = None) -> Iterator[str]:
    """A fresh database on the session's PostgreSQL server, dropped afterwards: empty, or a
    copy of the database `template` (which nothing may be connected to)."""
    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    copy = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    try:
        yield base_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def empty_postgres_database(url: str) -> None:
    """Close every other connection to the database at `url` (stores or servers a test left
    open), then delete every row but Alembic's and restart the id sequences: the database is
    then as a fresh copy of the migrated template would be, at a fraction of the cost.

    DELETE rather than TRUNCATE: the tables hold a few rows, and TRUNCATE makes new files for
    each table. Foreign keys are not checked meanwhile (replica mode), so the order is free.
    """
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            tables = connection.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    " AND tablename <> 'alembic_version'"
                )
            ).scalars()
            sequences = connection.execute(
                text("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")
            ).scalars()
            statements = ["SET session_replication_role = replica"]
            statements += [f'DELETE FROM "{name}"' for name in tables]
            statements += [f'ALTER SEQUENCE "{name}" RESTART' for name in sequences]
            statements.append("SET session_replication_role = DEFAULT")
            connection.exec_driver_sql("; ".join(statements))
    finally:
        engine.dispose()
