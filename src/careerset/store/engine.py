"""Open the store's database: a SQLite path or any SQLAlchemy URL, with clear errors for bad ones."""

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from careerset.errors import UserError
from careerset.paths import default_store_path

# A store holds a person's career: only its owner may read it. SQLite gives the -wal and -shm
# files the main file's permissions, so creating the main file 0600 covers all three.
STORE_FILE_MODE = 0o600
# How long a command waits for another process's write to a SQLite store before it says the
# store is locked: long enough for any one command's write, short enough not to seem hung.
DEFAULT_LOCK_WAIT_SECONDS = 5.0


def lock_wait_milliseconds() -> int:
    """SQLite's busy timeout: `CAREERSET_LOCK_WAIT` seconds (0 to 600), else the default.

    A value that cannot be read falls back to the default rather than failing every command.
    """
    try:
        seconds = float(os.environ.get("CAREERSET_LOCK_WAIT", DEFAULT_LOCK_WAIT_SECONDS))
    except ValueError:
        seconds = DEFAULT_LOCK_WAIT_SECONDS
    if not 0.0 <= seconds <= 600.0:  # also refuses nan
        seconds = DEFAULT_LOCK_WAIT_SECONDS
    return round(seconds * 1000)


def resolve_url(target: str | None) -> str:
    """`None` means the default file; text with `://` is a URL; anything else is a file path."""
    if target is None or target == "":
        path = default_store_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" in target:
        return target
    path = Path(target).expanduser()
    if path.is_dir():
        raise UserError(
            f"--db {target} is a folder; give a file path such as {path / 'careerset.sqlite'}."
        )
    if not path.parent.exists():
        raise UserError(f"--db {target}: the folder {path.parent} does not exist.")
    return f"sqlite:///{path.resolve()}"


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for another database."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if (
        database in ("", ":memory:")
        or database.startswith("file::memory:")
        or url.query.get("mode") == "memory"
    ):
        raise UserError(
            "--db sqlite:// is a store in memory that is lost when the command ends;"
            " give a file path instead."
        )
    return Path(database)


def create_store_file(path: Path) -> None:
    """Make an empty store file readable by its owner only (if there is none yet)."""
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, STORE_FILE_MODE)
    except FileExistsError:
        return
    except OSError as error:
        raise UserError(
            f"the store {path} cannot be created: {error.strerror or error}; check the folder."
        ) from None
    os.close(descriptor)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # Foreign keys make deleting a profile delete its entries; WAL lets readers and a writer coexist.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={lock_wait_milliseconds()}")
    cursor.close()


def parse_url(target: str | None) -> URL:
    """The SQLAlchemy URL of `target`; a URL that cannot be read is a UserError naming it."""
    try:
        return make_url(resolve_url(target))
    except (ArgumentError, ValueError) as error:
        raise UserError(f"cannot use --db '{target}': {str(error).splitlines()[0]}.") from None


def open_engine(target: str | None, url: URL | None = None) -> Engine:
    """An engine for the store; a URL that cannot be used is a UserError naming it."""
    if url is None:
        url = parse_url(target)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=url.get_backend_name() != "sqlite")
    except (ArgumentError, NoSuchModuleError, ValueError) as error:
        raise UserError(f"cannot use --db '{target}': {str(error).splitlines()[0]}.") from None
    except ImportError as error:
        raise UserError(
            f"cannot use --db '{target}': the driver is not installed ({error.name})."
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine
