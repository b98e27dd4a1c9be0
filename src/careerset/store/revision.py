"""Which schema revision a store holds, read with plain SQL, and whether careerset may use it.

A store is checked before anything writes to it: a foreign or corrupt file is refused untouched,
and an up-to-date store is opened without importing Alembic.
"""

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, text

from careerset.errors import UserError
from careerset.store.faults import as_fault

# Every migration under migrations/versions, oldest first; a test keeps this equal to Alembic's.
REVISIONS = ("0001", "0002", "0003", "0004")
HEAD_REVISION = REVISIONS[-1]
# The tables careerset makes; a database holding any of them without `alembic_version` is not ours.
OWN_TABLES = frozenset(
    {"profiles", "entries", "store_meta", "users", "grants", "comments", "audit_log"}
    | {"web_sessions", "alembic_version"}
)
SQLITE_HEADER = b"SQLite format 3\x00"


def check_known(revision: str | None) -> None:
    """A revision this careerset does not know was written by a newer one: refuse, never guess."""
    if revision is not None and revision not in REVISIONS:
        shown = revision[:40]
        raise UserError(
            f"this store was written by a newer careerset (revision {shown}); upgrade careerset."
        )


def sqlite_file_revision(path: Path) -> str | None:
    """The revision of the careerset store at `path`; None when it is missing, empty or has no
    tables yet. Reads only: a file that is not a careerset store is refused byte-identical."""
    try:
        with path.open("rb") as stream:
            head = stream.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UserError(f"the store {path} cannot be read: {error.strerror or error}.") from None
    if not head:
        return None
    if head != SQLITE_HEADER:
        raise UserError(
            f"{path} is not a careerset store (it is not a SQLite database); give another --db path."
        )
    try:
        # mode=ro: this look must never change the file (no WAL switch, no journal, no header).
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in names:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        fault = as_fault(error, str(path))
        if fault is not None and fault.fault != "damaged":
            raise fault from None
        reason = str(error).splitlines()[0] if str(error) else "it cannot be read"
        raise UserError(
            f"{path} is not a usable careerset store ({reason}); restore it from a backup"
            " or give another --db path."
        ) from None
    if names and "alembic_version" not in names:
        raise UserError(
            f"{path} is a database of another application, not a careerset store;"
            " give another --db path."
        )
    if "alembic_version" in names and revision is None and names - {"alembic_version"}:
        raise UserError(f"{path} is a damaged careerset store (it names no revision).")
    check_known(revision)
    return revision


def server_revision(connection: Connection) -> str | None:
    """The revision of a store on a database server; None for a database careerset has not set
    up. A database that holds careerset's tables but no revision is refused, not written."""
    found = set(
        connection.execute(
            text(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
            )
        ).scalars()
    )
    revision = None
    if "alembic_version" in found:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    elif found & OWN_TABLES:
        raise UserError(
            "the database holds tables named like careerset's but is not a careerset store;"
            " give another --db URL."
        )
    check_known(revision)
    return None if revision is None else str(revision)
