"""Open the store named by the global options; commands never build queries themselves."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from careerset.cli.state import current_state

if TYPE_CHECKING:
    from careerset.store.repository import Store, StoreSession


@contextmanager
def transaction() -> Iterator[tuple["StoreSession", str]]:
    """One command = one transaction on the chosen store, for the chosen profile."""
    state = current_state()
    with opened_store(state.db) as store, store.transaction() as session:
        yield session, state.profile


def _say(message: str) -> None:
    from careerset.cli.output import err_console

    err_console.print(f"careerset: {message}", markup=False, highlight=False, soft_wrap=True)


@contextmanager
def opened_store(target: str | None) -> Iterator["Store"]:
    """The store at a path or URL, closed afterwards (for commands that need several transactions)."""
    # Imported here: SQLAlchemy and Alembic are most of the start-up time of commands that
    # never touch the store (`code`, `occupation show`).
    from careerset.store.repository import Store

    store = Store.open(target, notice=_say)
    try:
        yield store
    finally:
        store.close()
