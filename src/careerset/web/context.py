"""What every route needs: the store, the profile, the reference data and today's date.

Routes reach the database only through `WebContext`: the repository owns every connection.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from fastapi import Request

from careerset.model.career import Career

if TYPE_CHECKING:
    from careerset.coding.service import Coder
    from careerset.reference.query import ReferencePack
    from careerset.store.repository import Store, StoreSession


@dataclass
class WebContext:
    """One per app: the opened store and profile; reference packs are opened per thread."""

    store: Store
    profile: str
    _local: threading.local = field(default_factory=threading.local)
    _coder: Coder | None = None

    @contextmanager
    def transaction(self) -> Iterator[StoreSession]:
        with self.store.transaction() as session:
            yield session

    def career(self) -> Career:
        with self.transaction() as session:
            return session.load_career(self.profile)

    def reference(self) -> ReferencePack:
        """The installed pack or the embedded default, one connection per worker thread."""
        pack: ReferencePack | None = getattr(self._local, "pack", None)
        if pack is None:
            from careerset.reference.query import open_reference

            pack = open_reference()
            self._local.pack = pack
        return pack

    def coder(self) -> Coder:
        """The title coder, loaded once: finding its index opens the reference each time."""
        if self._coder is None:
            from careerset.coding.service import load_coder

            self._coder = load_coder()
        return self._coder

    @staticmethod
    def today() -> date:
        return date.today()


def get_context(request: Request) -> WebContext:
    """FastAPI dependency: the app's context."""
    context: WebContext = request.app.state.context
    return context
