"""Bring a store's schema to the newest revision: checked first, all or nothing, backed up.

Alembic is imported only when a store needs upgrading; an up-to-date store costs one query.
"""

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from careerset.errors import UserError
from careerset.store.engine import (
    STORE_FILE_MODE,
    create_store_file,
    lock_wait_milliseconds,
    sqlite_path,
)
from careerset.store.faults import as_fault
from careerset.store.revision import HEAD_REVISION, server_revision, sqlite_file_revision

if TYPE_CHECKING:
    from alembic.config import Config

Notice = Callable[[str], None]


def alembic_config(
    connection: Connection | None = None, script_location: str | None = None
) -> "Config":
    from alembic.config import Config

    config = Config()
    location = script_location or str(files("careerset.store") / "migrations")
    config.set_main_option("script_location", location)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision(script_location: str | None = None) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(None, script_location)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _transactional_sqlite(engine: Engine) -> Engine:
    """An engine on the same SQLite file whose transactions cover DDL too.

    pysqlite commits each CREATE TABLE on its own; with its own transaction handling off and
    an explicit BEGIN IMMEDIATE, a migration either happens whole or not at all.
    """
    migrating = create_engine(engine.url, poolclass=NullPool)

    @event.listens_for(migrating, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute(f"PRAGMA busy_timeout={lock_wait_milliseconds()}")

    @event.listens_for(migrating, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return migrating


def upgrade(engine: Engine, revision: str = "head", script_location: str | None = None) -> None:
    """Run migrations up to `revision` in one transaction, on SQLite as on PostgreSQL."""
    from alembic import command

    migrating = _transactional_sqlite(engine) if engine.dialect.name == "sqlite" else engine
    try:
        with migrating.begin() as connection:
            command.upgrade(alembic_config(connection, script_location), revision)
    finally:
        if migrating is not engine:
            migrating.dispose()


# The version table as Alembic makes it, so later migrations find a store made at head.
_VERSION_TABLE = (
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
    " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)


def create_at_head(engine: Engine) -> None:
    """Make a new SQLite store straight at the head revision: the tables of `tables.py` and the
    revision Alembic would record, in one transaction, without importing Alembic.

    Replaying every migration on an empty file costs a third of a second, paid by each first
    command and each demo; `tests/store/test_migrations.py` keeps the two schemas identical.
    A store another process made meanwhile is left as it is.
    """
    from careerset.store.tables import metadata

    migrating = _transactional_sqlite(engine)
    try:
        with migrating.begin() as connection:
            made = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).first()
            if made is None:
                metadata.create_all(connection)
                connection.exec_driver_sql(_VERSION_TABLE)
                connection.exec_driver_sql(
                    "INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,)
                )
    finally:
        migrating.dispose()


def backup_copy(path: Path, revision: str) -> Path:
    """A consistent copy of the SQLite store at `path`, beside it, named after its revision."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
    number = 2
    while target.exists():
        target = path.with_name(
            f"{path.stem}.before-upgrade-{revision}-{stamp}-{number}{path.suffix}"
        )
        number += 1
    create_store_file(target)
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    os.chmod(target, STORE_FILE_MODE)
    return target


def ensure_current(engine: Engine, where: str = "", notice: Notice | None = None) -> None:
    """Check the store, then upgrade it only when behind (naming the backup taken first).

    A file that is not a careerset store, or a store from a newer careerset, is refused before
    anything is written to it.
    """
    path = sqlite_path(engine.url)
    backup: Path | None = None
    if path is not None:
        revision = sqlite_file_revision(path)
        if revision == HEAD_REVISION:
            return
        if revision is None:
            create_store_file(path)
        else:
            backup = backup_copy(path, revision)
    else:
        with engine.connect() as connection:
            revision = server_revision(connection)
        if revision == HEAD_REVISION:
            return
    try:
        if path is not None and revision is None:
            create_at_head(engine)
        else:
            upgrade(engine)
    except DBAPIError as error:
        fault = as_fault(error, where)
        if fault is not None:
            raise fault from None
        if revision is None:
            raise
        reason = str(error.orig).strip().splitlines()[0] if error.orig else "unknown error"
        raise UserError(
            f"upgrading the store from revision {revision} failed ({reason[:150]}); it was left"
            f" unchanged at revision {revision}."
        ) from None
    if revision is not None and notice is not None:
        kept = f"; the store as it was is copied to {backup}" if backup else ""
        notice(f"upgraded the store from revision {revision} to {HEAD_REVISION}{kept}.")
