"""Server mode accounts: users, their passwords and their web sessions.

Account methods are methods of `StoreSession` (this module's `AccountsMixin` is one of its bases),
so a caller does `with store.transaction(actor=...) as session: session.create_user(...)`.
Signing in spans several transactions and lives in `careerset.store.sign_in`.
"""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import delete, func, select, update
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
    EntryRow,
    ProfileRow,
    SignInLimitRow,
    UserRow,
    WebSessionRow,
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
    """What the sign-in limits store for an email: its digest (see `SignInLimitRow`)."""
    return token_id("email|" + email.strip().lower())


class AccountsMixin(RightsMixin):
    """Accounts and web sessions: the account half of `StoreSession`."""

    def _user_or_error(self, email: str) -> UserRow:
        row = self._user(email)
        if row is None:
            raise UserError(f"there is no account '{email[:60]}'; see `careerset user list`.")
        return row

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
        row = UserRow(
            email=cleaned,
            password_hash=hashed,
            role=checked_role,
            profile_id=profile_id,
            created=now,
            updated=now,
            failed_logins=0,
            locked_until=None,
        )
        self.session.add(row)
        try:
            with self.session.begin_nested():
                self.session.flush()
        except IntegrityError:
            raise UserError(f"there is already an account '{cleaned}'.") from None
        self._audit(self.actor, "user-add", profile_id, f"{cleaned} as {checked_role}")
        return actor_of(row)

    def _client_profile(self, name: str | None, email: str, now: datetime) -> int:
        wanted = (name if name is not None else email).strip()
        if not wanted or len(wanted) > 100 or any(ch in wanted for ch in "\0\n\r"):
            raise UserError(
                f"'{wanted[:40]}' is not a usable career name; use up to 100 characters."
            )
        existing = self.session.scalar(select(ProfileRow).where(ProfileRow.name == wanted))
        if existing is None:
            row = ProfileRow(name=wanted, person={}, created=now, updated=now)
            self.session.add(row)
            self.session.flush()
            return row.id
        owner = self.session.scalar(select(UserRow.email).where(UserRow.profile_id == existing.id))
        if owner is not None or name is None:
            raise UserError(
                f"a career named '{wanted}' already exists; give the client another career name."
            )
        return existing.id

    def list_users(self, now: datetime | None = None) -> list[UserInfo]:
        from careerset.store.sign_in import PAIR_LIMIT

        self._require_admin()
        moment = utc(now or datetime.now(UTC))
        locks = {
            key: until
            for key, until in self.session.execute(
                select(SignInLimitRow.email_key, func.max(SignInLimitRow.reset_at))
                .where(SignInLimitRow.attempts >= PAIR_LIMIT, SignInLimitRow.reset_at > moment)
                .group_by(SignInLimitRow.email_key)
            )
        }
        query = (
            select(UserRow, ProfileRow.name)
            .outerjoin(ProfileRow, ProfileRow.id == UserRow.profile_id)
            .order_by(UserRow.email)
        )
        users = []
        for user, name in self.session.execute(query):
            locked = locks.get(email_key(user.email))
            users.append(
                UserInfo(
                    email=user.email,
                    role=cast(Role, user.role),
                    profile=name,
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
        self.session.delete(row)
        self.session.flush()
        if delete_career and profile_id is not None:
            self.session.execute(delete(EntryRow).where(EntryRow.profile_id == profile_id))
            self.session.execute(delete(ProfileRow).where(ProfileRow.id == profile_id))
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
        row.role, row.updated = checked, datetime.now(UTC)
        self._audit(self.actor, "role", row.profile_id, f"{row.email} as {checked}")

    def set_password(self, email: str, new: str, *, password_hash: str | None = None) -> None:
        """An administrator's reset: sets the password, lifts its sign-in locks, ends its sessions.

        `password_hash` (from `hash_password` of a checked password) replaces `new`, so the CLI
        can hash outside the transaction.
        """
        self._require_admin()
        row = self._user_or_error(email)
        row.password_hash = password_hash or hash_password(check_password(new, row.email))
        row.updated = datetime.now(UTC)
        self.session.execute(
            delete(SignInLimitRow).where(SignInLimitRow.email_key == email_key(row.email))
        )
        self.session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == row.id))
        self._audit(self.actor, "password", row.profile_id, f"reset for {row.email}")

    def change_password(
        self, actor: Actor, old: str, new: str, *, keep_session: str | None = None
    ) -> None:
        """The user's own change. With `keep_session` (a token), every other session of theirs ends."""
        row = self.session.get(UserRow, actor.user_id)
        if row is None or not verify_password(row.password_hash, old[:1000]):
            raise UserError("the current password is not right.")
        row.password_hash = hash_password(check_password(new, row.email))
        row.updated = datetime.now(UTC)
        if keep_session is not None:
            self.session.execute(
                delete(WebSessionRow).where(
                    WebSessionRow.user_id == row.id, WebSessionRow.id != token_id(keep_session)
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
        self.session.execute(
            delete(WebSessionRow).where(
                WebSessionRow.user_id == actor.user_id, WebSessionRow.expires <= moment
            )
        )
        self.session.add(
            WebSessionRow(
                id=token_id(token),
                user_id=actor.user_id,
                created=moment,
                expires=moment + ttl,
                viewing_profile_id=actor.profile_id,
            )
        )
        self.session.flush()
        return token

    def actor_for_session(
        self, token: str, now: datetime | None = None
    ) -> tuple[Actor, int | None] | None:
        """(actor, the career they are viewing) for a live token; None when unknown or expired."""
        if not token or len(token) > 200:
            return None
        moment = utc(now or datetime.now(UTC))
        found = self.session.execute(
            select(WebSessionRow, UserRow)
            .join(UserRow, UserRow.id == WebSessionRow.user_id)
            .where(WebSessionRow.id == token_id(token))
        ).first()
        if found is None:
            return None
        web_session, user = found
        if utc(web_session.expires) <= moment:
            self.session.delete(web_session)
            return None
        return actor_of(user), web_session.viewing_profile_id

    def set_viewing(self, token: str, profile_id: int | None) -> None:
        """Which career this session looks at; the actor must be able to read it."""
        found = self.actor_for_session(token)
        if found is None:
            raise AccessDenied("the session has ended; log in again.")
        actor, _ = found
        if profile_id is not None:
            self._check(actor, self.session.get(ProfileRow, profile_id), "read", "open")
        self.session.execute(
            update(WebSessionRow)
            .where(WebSessionRow.id == token_id(token))
            .values(viewing_profile_id=profile_id)
        )

    def end_session(self, token: str) -> None:
        found = self.actor_for_session(token)
        self.session.execute(delete(WebSessionRow).where(WebSessionRow.id == token_id(token)))
        if found is not None:
            self._audit(found[0], "logout", None, "")
