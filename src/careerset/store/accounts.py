"""Server mode accounts: users, their passwords and their web sessions.

Account methods are methods of `StoreSession` (this module's `AccountsMixin` is one of its bases),
so a caller does `with store.transaction(actor=...) as session: session.create_user(...)`.
Signing in spans several transactions and lives in `careerset.store.sign_in`.
"""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Row, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from careerset.errors import UserError
from careerset.store.passwords import (
    EMAIL_MAX,
    check_email,
    check_password,
    hash_password,
    token_id,
    verify_password,
)
from careerset.store.rights import (
    AccessDenied,
    Actor,
    RightsMixin,
    Role,
    actor_of,
    check_role,
    utc,
)
from careerset.store.tables import (
    entry_table,
    profile_table,
    sign_in_limit_table,
    user_table,
    web_session_table,
)

SESSION_TTL = timedelta(hours=12)


@dataclass(frozen=True)
class UserInfo:
    """One account as an administrator sees it (never the password hash)."""

    email: str
    role: Role
    profile: str | None
    created: datetime
    locked_until: datetime | None  # the latest sign-in lock of this email from any address


def email_key(email: str) -> str:
    """What the sign-in limits store for an email: its digest (see `sign_in_limit_table`)."""
    return token_id("email|" + email.strip().lower())


class AccountsMixin(RightsMixin):
    """Accounts and web sessions: the account half of `StoreSession`."""

    def _user_or_error(self, email: str) -> Row[Any]:
        row = self._user(email)
        if row is None:
            raise UserError(f"there is no account '{email[:60]}'; see `careerset user list`.")
        return row

    def _user_by_id(self, user_id: int) -> Row[Any] | None:
        return self.session.execute(select(user_table).where(user_table.c.id == user_id)).first()

    def find_actor(self, email: str) -> Actor | None:
        """The account with this email as an Actor (no password check: for operators and tests)."""
        row = self._user(email) if len(email) <= EMAIL_MAX else None
        return None if row is None else actor_of(row)

    def create_user(
        self,
        email: str,
        password: str,
        role: str,
        profile_name: str | None = None,
        *,
        password_hash: str | None = None,
    ) -> Actor:
        """A new account. A client gets their own career, named `profile_name` or their email.

        An existing career is attached only when named explicitly and owned by nobody.
        `password_hash` (from `hash_password`) replaces `password` when seeding many accounts.
        """
        self._require_admin()
        cleaned = check_email(email)
        checked_role = check_role(role)
        hashed = (
            password_hash
            if password_hash is not None
            else hash_password(check_password(password, cleaned))
        )
        if self._user(cleaned) is not None:
            raise UserError(f"there is already an account '{cleaned}'.")
        now = datetime.now(UTC)
        profile_id: int | None = None
        if checked_role == "client":
            profile_id = self._client_profile(profile_name, cleaned, now)
        elif profile_name is not None:
            raise UserError(f"only a client has a career; a {checked_role} cannot be given one.")
        statement = insert(user_table).values(
            email=cleaned,
            password_hash=hashed,
            role=checked_role,
            profile_id=profile_id,
            created=now,
            updated=now,
            failed_logins=0,
            locked_until=None,
        )
        try:
            with self.session.begin_nested():
                user_id = self._insert_id(statement)
        except IntegrityError:
            raise UserError(f"there is already an account '{cleaned}'.") from None
        self._audit(self.actor, "user-add", profile_id, f"{cleaned} as {checked_role}")
        return Actor(user_id=user_id, email=cleaned, role=checked_role, profile_id=profile_id)

    def _client_profile(self, name: str | None, email: str, now: datetime) -> int:
        wanted = (name if name is not None else email).strip()
        if not wanted or len(wanted) > 100 or any(ch in wanted for ch in "\0\n\r"):
            raise UserError(
                f"'{wanted[:40]}' is not a usable career name; use up to 100 characters."
            )
        existing = self._profile_row(profile_table.c.name == wanted)
        if existing is None:
            statement = insert(profile_table).values(
                name=wanted, person={}, created=now, updated=now
            )
            return self._insert_id(statement)
        owner = self.session.scalar(
            select(user_table.c.email).where(user_table.c.profile_id == existing.id)
        )
        if owner is not None or name is None:
            raise UserError(
                f"a career named '{wanted}' already exists; give the client another career name."
            )
        return int(existing.id)

    def list_users(self, now: datetime | None = None) -> list[UserInfo]:
        from careerset.store.sign_in import PAIR_LIMIT

        self._require_admin()
        moment = utc(now or datetime.now(UTC))
        limits = sign_in_limit_table.c
        locks = {
            key: until
            for key, until in self.session.execute(
                select(limits.email_key, func.max(limits.reset_at))
                .where(limits.attempts >= PAIR_LIMIT, limits.reset_at > moment)
                .group_by(limits.email_key)
            )
        }
        query = (
            select(user_table, profile_table.c.name)
            .outerjoin_from(
                user_table, profile_table, profile_table.c.id == user_table.c.profile_id
            )
            .order_by(user_table.c.email)
        )
        users = []
        for user in self.session.execute(query):
            locked = locks.get(email_key(user.email))
            users.append(
                UserInfo(
                    email=user.email,
                    role=cast(Role, user.role),
                    profile=user.name,
                    created=utc(user.created),
                    locked_until=None if locked is None else utc(locked),
                )
            )
        return users

    def remove_user(self, email: str, delete_career: bool = False) -> None:
        """Remove an account with its sessions and grants; a client's career too if asked."""
        self._require_admin()
        row = self._user_or_error(email)
        profile_id = row.profile_id
        self._change(delete(user_table).where(user_table.c.id == row.id))
        if delete_career and profile_id is not None:
            self._change(delete(entry_table).where(entry_table.c.profile_id == profile_id))
            self._change(delete(profile_table).where(profile_table.c.id == profile_id))
        self._audit(self.actor, "user-remove", profile_id, row.email)

    def set_role(self, email: str, role: str) -> None:
        """Change a coach to an admin or back; a client's role is fixed (they own a career)."""
        self._require_admin()
        row = self._user_or_error(email)
        checked = check_role(role)
        if (row.role == "client") != (checked == "client"):
            raise UserError(
                "a client cannot become staff or the other way round; add a new account."
            )
        self._change(
            update(user_table)
            .where(user_table.c.id == row.id)
            .values(role=checked, updated=datetime.now(UTC))
        )
        self._audit(self.actor, "role", row.profile_id, f"{row.email} as {checked}")

    def set_password(self, email: str, new: str, *, password_hash: str | None = None) -> None:
        """An administrator's reset: sets the password, lifts its sign-in locks, ends its sessions.

        `password_hash` (from `hash_password` of a checked password) replaces `new`, so the CLI
        can hash outside the transaction.
        """
        self._require_admin()
        row = self._user_or_error(email)
        hashed = password_hash or hash_password(check_password(new, row.email))
        self._change(
            update(user_table)
            .where(user_table.c.id == row.id)
            .values(password_hash=hashed, updated=datetime.now(UTC))
        )
        limits = sign_in_limit_table.c
        self._change(delete(sign_in_limit_table).where(limits.email_key == email_key(row.email)))
        self._change(delete(web_session_table).where(web_session_table.c.user_id == row.id))
        self._audit(self.actor, "password", row.profile_id, f"reset for {row.email}")

    def change_password(
        self, actor: Actor, old: str, new: str, *, keep_session: str | None = None
    ) -> None:
        """The user's own change. With `keep_session` (a token), every other session of theirs ends."""
        row = self._user_by_id(actor.user_id)
        if row is None or not verify_password(row.password_hash, old[:1000]):
            raise UserError("the current password is not right.")
        self._change(
            update(user_table)
            .where(user_table.c.id == row.id)
            .values(
                password_hash=hash_password(check_password(new, row.email)),
                updated=datetime.now(UTC),
            )
        )
        if keep_session is not None:
            sessions = web_session_table.c
            self._change(
                delete(web_session_table).where(
                    sessions.user_id == row.id, sessions.id != token_id(keep_session)
                )
            )
        self._audit(actor, "password", actor.profile_id, "changed")

    # Web sessions ---------------------------------------------------------------------------

    def start_session(
        self, actor: Actor, ttl: timedelta = SESSION_TTL, *, now: datetime | None = None
    ) -> str:
        """A new login session; returns the raw cookie token (only its hash is stored)."""
        moment = utc(now or datetime.now(UTC))
        token = secrets.token_urlsafe(32)
        sessions = web_session_table.c
        self._change(
            delete(web_session_table).where(
                sessions.user_id == actor.user_id, sessions.expires <= moment
            )
        )
        self._change(
            insert(web_session_table).values(
                id=token_id(token),
                user_id=actor.user_id,
                created=moment,
                expires=moment + ttl,
                viewing_profile_id=actor.profile_id,
            )
        )
        return token

    def actor_for_session(
        self, token: str, now: datetime | None = None
    ) -> tuple[Actor, int | None] | None:
        """(actor, the career they are viewing) for a live token; None when unknown or expired."""
        if not token or len(token) > 200:
            return None
        moment = utc(now or datetime.now(UTC))
        sessions = web_session_table.c
        found = self.session.execute(
            select(sessions.expires, sessions.viewing_profile_id, user_table)
            .join_from(web_session_table, user_table, user_table.c.id == sessions.user_id)
            .where(sessions.id == token_id(token))
        ).first()
        if found is None:
            return None
        if utc(found.expires) <= moment:
            self._change(delete(web_session_table).where(sessions.id == token_id(token)))
            return None
        return actor_of(found), found.viewing_profile_id

    def set_viewing(self, token: str, profile_id: int | None) -> None:
        """Which career this session looks at; the actor must be able to read it."""
        found = self.actor_for_session(token)
        if found is None:
            raise AccessDenied("the session has ended; log in again.")
        actor, _ = found
        if profile_id is not None:
            self._check(actor, self._profile_row(profile_table.c.id == profile_id), "read", "open")
        self._change(
            update(web_session_table)
            .where(web_session_table.c.id == token_id(token))
            .values(viewing_profile_id=profile_id)
        )

    def end_session(self, token: str) -> None:
        found = self.actor_for_session(token)
        self._change(delete(web_session_table).where(web_session_table.c.id == token_id(token)))
        if found is not None:
            self._audit(found[0], "logout", None, "")
