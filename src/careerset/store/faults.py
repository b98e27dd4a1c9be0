"""Store faults a person must fix (read-only file, full disk, locked database) as one sentence.

The CLI shows a `StoreFault` like any UserError (exit 2); the web app answers with its `status`.
Faults that pass by themselves (a database server restarting) are left to the caller to retry.
"""

import sqlite3
from typing import Literal

from careerset.errors import UserError

Fault = Literal["read_only", "full", "locked", "unopenable", "damaged"]

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE: dict[int, Fault] = {
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    11: "damaged",  # SQLITE_CORRUPT
    13: "full",  # SQLITE_FULL
    14: "unopenable",  # SQLITE_CANTOPEN
    26: "damaged",  # SQLITE_NOTADB
}
# PostgreSQL SQLSTATEs with the same meaning.
_POSTGRES: dict[str, Fault] = {
    "53100": "full",  # disk_full
    "25006": "read_only",  # read_only_sql_transaction
    "55P03": "locked",  # lock_not_available
}
_STATUS: dict[Fault, int] = {
    "read_only": 503,
    "full": 507,
    "locked": 503,
    "unopenable": 503,
    "damaged": 500,
}


class StoreFault(UserError):
    """The store cannot do what was asked until a person fixes the file, the disk or the lock."""

    def __init__(self, message: str, fault: Fault) -> None:
        super().__init__(message)
        self.fault = fault
        self.status = _STATUS[fault]
        # Only a lock goes away by itself.
        self.retry = fault == "locked"


class StoreUnavailable(UserError):
    """The database is not answering (restarting, unreachable): nothing was committed, and the
    same request may succeed in a moment. The web app answers 503 with Retry-After."""

    def __init__(self) -> None:
        super().__init__(
            "The database is not answering, so nothing was changed; check that it is running "
            "and try again in a moment."
        )


class UnstorableValue(UserError):
    """A value the database refuses (PostgreSQL cannot hold NUL in text); nothing was stored."""

    def __init__(self) -> None:
        super().__init__("That value cannot be stored; remove control characters such as NUL.")


def fault_message(fault: Fault, where: str = "") -> str:
    """The sentence for `fault`; `where` names the store (left out where strangers read it)."""
    store = f"the store {where}" if where else "the store"
    if fault == "read_only":
        return (
            f"{store} is read-only, so nothing was changed; make the file and its"
            " folder writable, or use another --db."
        )
    if fault == "full":
        return f"the disk holding {store} is full, so nothing was changed; free some space."
    if fault == "locked":
        return (
            f"{store} is locked by another program that is writing to it;"
            " nothing was changed, so try again when it has finished."
        )
    if fault == "unopenable":
        return (
            f"{store} cannot be opened (its folder may be read-only or missing);"
            " check the folder's permissions."
        )
    return f"{store} is damaged; restore it from a backup."


def classify(error: BaseException) -> Fault | None:
    """Which fault a database error is, or None for any other error (a bug or a passing fault)."""
    original = getattr(error, "orig", error)
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        if isinstance(code, int):
            return _SQLITE.get(code & 0xFF)
        text = str(original).lower()
        for phrase, fault in (
            ("readonly", "read_only"),
            ("read-only", "read_only"),
            ("disk is full", "full"),
            ("locked", "locked"),
            ("unable to open", "unopenable"),
            ("not a database", "damaged"),
            ("malformed", "damaged"),
        ):
            if phrase in text:
                return fault  # type: ignore[return-value]
        return None
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return _POSTGRES.get(state) if isinstance(state, str) else None


def as_fault(error: BaseException, where: str) -> StoreFault | None:
    """The StoreFault for `error` at the store named `where`, or None when it is not one."""
    fault = classify(error)
    return None if fault is None else StoreFault(fault_message(fault, where), fault)
