"""Open the store's database: a SQLite path or any SQLAlchemy URL, with clear errors for bad ones."""

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from careerset.errors import UserError
from careerset.paths import default_store_path


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


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # Foreign keys make deleting a profile delete its entries; WAL lets readers and a writer coexist.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def open_engine(target: str | None) -> Engine:
    """An engine for the store; a URL that cannot be used is a UserError naming it."""
    url_text = resolve_url(target)
    try:
        url = make_url(url_text)
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
