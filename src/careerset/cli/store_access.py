"""Open the store named by the global options; commands never build queries themselves."""

from collections.abc import Iterator
from contextlib import contextmanager

from careerset.cli.state import current_state
from careerset.store.repository import Store, StoreSession


@contextmanager
def transaction() -> Iterator[tuple[StoreSession, str]]:
    """One command = one transaction on the chosen store, for the chosen profile."""
    state = current_state()
    store = Store.open(state.db)
    try:
        with store.transaction() as session:
            yield session, state.profile
    finally:
        store.close()
