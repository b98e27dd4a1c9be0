"""What every route needs: the store, the profile, the reference data and today's date.

Routes reach the database only through `WebContext`: the repository owns every connection.

Local mode has one context per app, for the profile named at launch. Server mode makes one per
request, carrying the signed-in `Actor`: every `transaction()` passes it to the store, which checks
the actor's rights on each profile it touches, so a route that forgot a check still cannot leak.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from fastapi import Request

from careerset.errors import UserError
from careerset.model.career import Career

if TYPE_CHECKING:
    from careerset.coding.service import Coder
    from careerset.reference.query import ReferencePack
    from careerset.store.comments import Comment
    from careerset.store.repository import Store, StoreSession
    from careerset.store.rights import Actor


class NoCareerOpen(UserError):
    """A coach (or admin) signed in but looking at nobody's career yet."""

    def __init__(self) -> None:
        super().__init__("Open a client's career first, from the list of your clients.")


class SignInRequired(Exception):
    """Server mode: the request carries no valid session."""


@dataclass
class Resources:
    """Shared by every context of one app: the title coder."""

    coder: Coder | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class WebContext:
    """The store and the career a request works on; in server mode also who is asking."""

    def __init__(
        self,
        store: Store,
        profile: str | None,
        *,
        server: bool = False,
        actor: Actor | None = None,
        viewing: int | None = None,
        session_token: str | None = None,
        resources: Resources | None = None,
    ) -> None:
        self.store = store
        self.server = server
        self.actor = actor
        self.viewing = viewing
        self.session_token = session_token
        self.resources = resources or Resources()
        self._profile = profile
        self._profile_error: UserError | None = None
        self._can_edit: bool | None = None

    def for_request(self, actor: Actor, viewing: int | None, session_token: str) -> WebContext:
        """Server mode: a context for one signed-in request, sharing this app's resources."""
        if viewing is None and actor.role == "client":
            viewing = actor.profile_id
        return WebContext(
            self.store,
            None,
            server=True,
            actor=actor,
            viewing=viewing,
            session_token=session_token,
            resources=self.resources,
        )

    @property
    def profile(self) -> str:
        """The name of the career this request works on.

        Server mode resolves it from the session's viewed profile id on first use, in the first
        store transaction, rights-checked by the store; a refusal is raised here, when a route
        actually needs the career (so pages that show none still work).
        """
        if self._profile is None and self._profile_error is None:
            with self.transaction():
                pass  # resolves the name, or notes why not
        if self._profile_error is not None:
            raise self._profile_error
        assert self._profile is not None
        return self._profile

    def resolve_profile(self, session: StoreSession) -> None:
        """Server mode: the viewed profile's name; the store refuses one the actor may not read."""
        if self._profile is not None or self._profile_error is not None:
            return
        if self.viewing is None:
            self._profile_error = NoCareerOpen()
            return
        try:
            self._profile = session.profile_name_for(self.viewing)
        except UserError as error:
            self._profile_error = error

    def profile_or_none(self) -> str | None:
        """The profile name for page footers; None where there is none to show (never raises:
        error pages show it too, also when the database is down)."""
        if self._profile is None and self.server and self.actor is not None:
            try:
                return self.profile
            except UserError:
                return None
        return self._profile

    def can_edit(self) -> bool:
        """Whether the forms may offer changes: a coach needs an "edit" grant (the store checks too)."""
        if not self.server:
            return True
        if self._can_edit is None:
            self._can_edit = self._may_edit()
        return self._can_edit

    def _may_edit(self) -> bool:
        actor, viewing = self.actor, self.viewing
        if actor is None or viewing is None:
            return False
        if actor.role == "client":
            return viewing == actor.profile_id
        with self.transaction() as session:
            clients = session.clients_of(actor)
        return any(pid == viewing and level == "edit" for pid, _name, level in clients)

    @contextmanager
    def transaction(self) -> Iterator[StoreSession]:
        """A store transaction bound to the request's actor (server mode) or to nobody (local)."""
        if not self.server:
            with self.store.transaction() as session:
                yield session
            return
        if self.actor is None:
            # The app-wide context of a server has no actor: never let it reach user data.
            raise SignInRequired()
        with self.store.transaction(self.actor) as session:
            self.resolve_profile(session)
            yield session

    def career(self) -> Career:
        with self.transaction() as session:
            return session.load_career(self.profile)

    def data_status(self) -> dict[str, Any]:
        """Store, profile, entries and reference in use; a server's clients see no paths."""
        from careerset.actions.status import data_status

        with self.transaction() as session:
            return data_status(
                session,
                self.profile,
                self.store.label(private=self.server),
                self.reference().status(),
                private=self.server,
            )

    def career_and_comments(self) -> tuple[Career, list[Comment] | None]:
        """The viewed career and (server mode) its comments, read in one transaction."""
        with self.transaction() as session:
            career = session.load_career(self.profile)
            if not self.server:
                return career, None
            if self.actor is None:
                raise SignInRequired()
            return career, list(session.comments(self.actor, self.profile))

    def reference(self) -> ReferencePack:
        """The installed pack or the embedded default, shared by the process's threads."""
        from careerset.reference.query import shared_reference

        return shared_reference()

    def coder(self) -> Coder:
        """The title coder, loaded once: finding its index opens the reference each time."""
        if self.resources.coder is None:
            from careerset.coding.service import load_coder

            with self.resources.lock:
                if self.resources.coder is None:
                    self.resources.coder = load_coder()
        return self.resources.coder

    @staticmethod
    def today() -> date:
        return date.today()


def get_context(request: Request) -> WebContext:
    """FastAPI dependency: the app's context (local mode) or this request's (server mode)."""
    app_context: WebContext = request.app.state.context
    if not app_context.server:
        return app_context
    from careerset.web.accounts import request_context

    return request_context(request)
