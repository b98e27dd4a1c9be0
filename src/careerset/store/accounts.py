"""Server mode: accounts, who may see whose career, comments, web sessions and the audit log.

The rights live here, in the store layer, not in routes: a `StoreSession` opened with an `Actor`
checks every career it touches (see `AccountsMixin._level`), and records one audit row per
(actor, action, career) in the transaction. With no actor (local mode) nothing here is consulted.

Account methods are methods of `StoreSession` (this module's `AccountsMixin` is one of its bases),
so a caller does `with store.transaction(actor=...) as session: session.grant(...)`.
"""

import functools
import hashlib
import math
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, cast, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import ColumnElement, delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from careerset.errors import UserError
from careerset.store.tables import (
    AuditRow,
    CommentRow,
    EntryRow,
    GrantRow,
    ProfileRow,
    StoreMetaRow,
    UserRow,
    WebSessionRow,
)

Role = Literal["client", "coach", "admin"]
GrantLevel = Literal["read", "edit"]
# What an actor may do with one career: its owner ("own") > "edit" > "read".
Access = Literal["read", "edit", "own"]
Need = Literal["read", "write", "own"]

ROLES: tuple[Role, ...] = get_args(Role)
GRANT_LEVELS: tuple[GrantLevel, ...] = get_args(GrantLevel)
PASSWORD_MIN = 10
PASSWORD_MAX = 1000
EMAIL_MAX = 254
COMMENT_MAX = 4000
DETAIL_MAX = 500
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(seconds=60)
SESSION_TTL = timedelta(hours=12)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown emails, so they take as long as known ones.

    Made on first use: hashing at import would cost every command that opens a store ~0.3 s.
    """
    return _HASHER.hash("careerset dummy password, never valid")

_SATISFIES: dict[Need, tuple[Access, ...]] = {
    "read": ("read", "edit", "own"),
    "write": ("edit", "own"),
    "own": ("own",),
}


@dataclass(frozen=True)
class Actor:
    """Who is asking. `None` in its place everywhere means local single-person mode."""

    user_id: int
    email: str
    role: Role
    profile_id: int | None  # the client's own career


@dataclass(frozen=True)
class UserInfo:
    """One account as an administrator sees it (never the password hash)."""

    email: str
    role: Role
    profile: str | None
    created: datetime
    locked_until: datetime | None


@dataclass(frozen=True)
class Comment:
    id: int
    author: str | None  # the author's email; None when that account was removed
    entry_id: str | None
    text: str
    created: datetime


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str | None  # the actor's email; None for unknown or removed accounts
    action: str
    detail: str


class AccessDenied(UserError):
    """The actor may not see (or change) this career. The message never reveals whether it exists."""

    def __init__(self, message: str = "there is no such career.") -> None:
        super().__init__(message)


class ReadOnlyAccess(AccessDenied):
    """The actor may read this career but not change it (a coach with a "read" grant)."""

    def __init__(self) -> None:
        super().__init__(
            "you may read this career but not change it; ask its owner for edit access."
        )


def hash_password(password: str) -> str:
    """An argon2id hash (argon2-cffi's recommended parameters), salted."""
    return _HASHER.hash(password)


def verify_password(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def token_id(token: str) -> str:
    """The stored id of a web session: the SHA-256 hex of its cookie token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def utc(moment: datetime) -> datetime:
    """`moment` as an aware UTC datetime (SQLite hands back naive ones, which are UTC here)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def check_email(email: str) -> str:
    cleaned = normalize_email(email)
    if len(cleaned) > EMAIL_MAX or not _EMAIL.match(cleaned) or any(ord(c) < 32 for c in cleaned):
        raise UserError(f"'{email[:60]}' is not an email address; give one like ana@example.org.")
    return cleaned


def check_password(password: str) -> str:
    if len(password) < PASSWORD_MIN:
        raise UserError(f"the password is too short; use at least {PASSWORD_MIN} characters.")
    if len(password) > PASSWORD_MAX:
        raise UserError(f"the password is too long; use at most {PASSWORD_MAX} characters.")
    return password


def check_role(role: str) -> Role:
    if role not in ROLES:
        raise UserError(f"'{role[:20]}' is not a role; use one of: {', '.join(ROLES)}.")
    return role


def check_level(level: str) -> GrantLevel:
    if level not in GRANT_LEVELS:
        raise UserError(f"'{level[:20]}' is not an access level; use read or edit.")
    return level


def _actor(row: UserRow) -> Actor:
    return Actor(
        user_id=row.id, email=row.email, role=cast(Role, row.role), profile_id=row.profile_id
    )


class AccountsMixin:
    """Accounts, rights, comments, web sessions and audit: the server-mode half of `StoreSession`."""

    session: Session
    actor: Actor | None

    def _init_accounts(self, actor: Actor | None) -> None:
        self.actor = actor
        self._access_cache: dict[tuple[int, int], Access | None] = {}
        # (actor id, action, profile id) -> what was done, flushed once before commit.
        self._pending_audit: dict[tuple[int | None, str, int | None], set[str]] = {}

    # Rights ---------------------------------------------------------------------------------

    def _level(self, actor: Actor, profile_id: int) -> Access | None:
        """What `actor` may do with the career `profile_id` (None: nothing), read fresh per transaction."""
        key = (actor.user_id, profile_id)
        if key not in self._access_cache:
            access: Access | None = None
            if actor.role == "client" and actor.profile_id == profile_id:
                access = "own"
            else:
                level = self.session.scalar(
                    select(GrantRow.level).where(
                        GrantRow.profile_id == profile_id, GrantRow.coach_id == actor.user_id
                    )
                )
                if level in GRANT_LEVELS:
                    access = cast(Access, level)
            self._access_cache[key] = access
        return self._access_cache[key]

    def _check(
        self,
        actor: Actor,
        row: ProfileRow | None,
        need: Need,
        what: str,
        action: str | None = None,
    ) -> ProfileRow:
        """The career row if `actor` may do `need` with it; AccessDenied otherwise (also when absent).

        The access is noted for the audit log as `action` (default: "read" or "write" from `need`;
        "" records nothing, for callers that audit under their own action).
        """
        access = None if row is None else self._level(actor, row.id)
        if row is None or access is None:
            raise AccessDenied()
        if access not in _SATISFIES[need]:
            if need == "write":
                raise ReadOnlyAccess()
            raise AccessDenied("only the career's owner can do that.")
        if action is None:
            action = "read" if need == "read" else "write"
        if action:
            self._audit(actor, action, row.id, what)
        return row

    def _checked_profile(
        self, actor: Actor, name: str, need: Need, what: str, action: str | None = None
    ) -> ProfileRow:
        row = None
        if "\x00" not in name:  # PostgreSQL cannot even compare text holding NUL
            row = self.session.scalar(select(ProfileRow).where(ProfileRow.name == name))
        return self._check(actor, row, need, what, action)

    def _require_admin(self) -> None:
        """Account management: local mode (the operator) or an admin actor."""
        if self.actor is not None and self.actor.role != "admin":
            raise AccessDenied("only an administrator can manage accounts.")

    def readable_profile_names(self, actor: Actor) -> list[str]:
        """The careers `actor` may read: a client's own, and any granted to them."""
        granted = select(GrantRow.profile_id).where(GrantRow.coach_id == actor.user_id)
        conditions: list[ColumnElement[bool]] = [ProfileRow.id.in_(granted)]
        if actor.role == "client" and actor.profile_id is not None:
            conditions.append(ProfileRow.id == actor.profile_id)
        query = select(ProfileRow.name).where(or_(*conditions)).order_by(ProfileRow.name)
        return list(self.session.scalars(query))

    def profile_name_for(self, profile_id: int) -> str:
        """The name of career `profile_id` (web sessions carry ids), rights-checked for the actor."""
        row = self.session.get(ProfileRow, profile_id)
        if self.actor is None:
            if row is None:
                raise AccessDenied()
            return row.name
        # Not audited itself: the reads that follow are (and set_viewing audits opening).
        return self._check(self.actor, row, "read", "open", "").name

    # Audit ----------------------------------------------------------------------------------

    def _audit(self, actor: Actor | None, action: str, profile_id: int | None, what: str) -> None:
        key = (None if actor is None else actor.user_id, action, profile_id)
        self._pending_audit.setdefault(key, set()).add(what)

    def _only_read_audit(self) -> bool:
        """True when this transaction's only recorded doings are reads (nothing pending in the ORM)."""
        session = self.session
        return (
            bool(self._pending_audit)
            and all(action == "read" for _, action, _ in self._pending_audit)
            and not (session.new or session.dirty or session.deleted)
        )

    def _flush_audit(self) -> None:
        """Write the collected audit rows; called once, just before the transaction commits."""
        if not self._pending_audit:
            return
        now = datetime.now(UTC)
        for (actor_id, action, profile_id), details in self._pending_audit.items():
            detail = ", ".join(sorted(d for d in details if d))[:DETAIL_MAX]
            self.session.add(
                AuditRow(
                    at=now, actor_id=actor_id, profile_id=profile_id, action=action, detail=detail
                )
            )
        self._pending_audit.clear()
        self.session.flush()

    def audit_entries(self, actor: Actor, profile_name: str, limit: int = 100) -> list[AuditEntry]:
        """Who did what to this career, newest first; only its owner may look."""
        row = self._checked_profile(actor, profile_name, "own", "audit", "read")
        query = (
            select(AuditRow, UserRow.email)
            .outerjoin(UserRow, UserRow.id == AuditRow.actor_id)
            .where(AuditRow.profile_id == row.id)
            .order_by(AuditRow.at.desc(), AuditRow.id.desc())
            .limit(max(1, min(limit, 1000)))
        )
        return [
            AuditEntry(at=utc(audit.at), actor=email, action=audit.action, detail=audit.detail)
            for audit, email in self.session.execute(query)
        ]

    # Accounts -------------------------------------------------------------------------------

    def _user(self, email: str) -> UserRow | None:
        if "\x00" in email:
            return None
        return self.session.scalar(select(UserRow).where(UserRow.email == normalize_email(email)))

    def _user_or_error(self, email: str) -> UserRow:
        row = self._user(email)
        if row is None:
            raise UserError(f"there is no account '{email[:60]}'; see `careerset user list`.")
        return row

    def find_actor(self, email: str) -> Actor | None:
        """The account with this email as an Actor (no password check: for operators and tests)."""
        row = self._user(email)
        return None if row is None else _actor(row)

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
            password_hash if password_hash is not None else hash_password(check_password(password))
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
        return _actor(row)

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

    def list_users(self) -> list[UserInfo]:
        self._require_admin()
        query = (
            select(UserRow, ProfileRow.name)
            .outerjoin(ProfileRow, ProfileRow.id == UserRow.profile_id)
            .order_by(UserRow.email)
        )
        return [
            UserInfo(
                email=user.email,
                role=cast(Role, user.role),
                profile=name,
                created=utc(user.created),
                locked_until=None if user.locked_until is None else utc(user.locked_until),
            )
            for user, name in self.session.execute(query)
        ]

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

    def set_password(self, email: str, new: str) -> None:
        """An administrator's reset: sets the password, unlocks, and ends all the user's sessions."""
        self._require_admin()
        row = self._user_or_error(email)
        row.password_hash = hash_password(check_password(new))
        row.failed_logins, row.locked_until, row.updated = 0, None, datetime.now(UTC)
        self.session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == row.id))
        self._audit(self.actor, "password", row.profile_id, f"reset for {row.email}")

    def change_password(
        self, actor: Actor, old: str, new: str, *, keep_session: str | None = None
    ) -> None:
        """The user's own change. With `keep_session` (a token), every other session of theirs ends."""
        row = self.session.get(UserRow, actor.user_id)
        if row is None or not verify_password(row.password_hash, old):
            raise UserError("the current password is not right.")
        row.password_hash = hash_password(check_password(new))
        row.updated = datetime.now(UTC)
        if keep_session is not None:
            self.session.execute(
                delete(WebSessionRow).where(
                    WebSessionRow.user_id == row.id, WebSessionRow.id != token_id(keep_session)
                )
            )
        self._audit(actor, "password", actor.profile_id, "changed")

    def authenticate(self, email: str, password: str, now: datetime | None = None) -> Actor | None:
        """The account if the password is right and it is not locked; every attempt is audited.

        After MAX_FAILED_LOGINS failures in a row the account is locked for LOCKOUT. Unknown
        emails cost one hash verification too, so timing does not tell which accounts exist.
        """
        moment = utc(now or datetime.now(UTC))
        row = self._user(email) if len(email) <= EMAIL_MAX else None
        if row is None:
            verify_password(_dummy_hash(), password[:PASSWORD_MAX])
            self._audit(None, "login-failed", None, "unknown account")
            return None
        if row.locked_until is not None and utc(row.locked_until) > moment:
            verify_password(_dummy_hash(), password[:PASSWORD_MAX])
            self._audit(_actor(row), "login-failed", row.profile_id, "locked")
            return None
        if len(password) > PASSWORD_MAX or not verify_password(row.password_hash, password):
            self.session.execute(
                update(UserRow)
                .where(UserRow.id == row.id)
                .values(failed_logins=UserRow.failed_logins + 1)
            )
            self.session.refresh(row)
            detail = "wrong password"
            if row.failed_logins >= MAX_FAILED_LOGINS:
                row.failed_logins, row.locked_until = 0, moment + LOCKOUT
                detail = "wrong password; locked"
            self._audit(_actor(row), "login-failed", row.profile_id, detail)
            return None
        row.failed_logins, row.locked_until = 0, None
        if _HASHER.check_needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
        actor = _actor(row)
        self._audit(actor, "login", row.profile_id, "")
        return actor

    def locked_for(self, email: str, now: datetime | None = None) -> int | None:
        """Whole seconds left of the account's login lockout; None when not locked (or unknown)."""
        row = self._user(email) if len(email) <= EMAIL_MAX else None
        if row is None or row.locked_until is None:
            return None
        left = (utc(row.locked_until) - utc(now or datetime.now(UTC))).total_seconds()
        return math.ceil(left) if left > 0 else None

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
        return _actor(user), web_session.viewing_profile_id

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

    # Sharing --------------------------------------------------------------------------------

    def _own_profile(self, actor: Actor) -> int:
        if actor.role != "client" or actor.profile_id is None:
            raise AccessDenied("only a client can share their own career.")
        return actor.profile_id

    def grant(self, actor: Actor, coach_email: str, level: str) -> None:
        """Let a coach read (or edit) the actor's career; changes an existing grant's level."""
        profile_id = self._own_profile(actor)
        checked = check_level(level)
        coach = self._user(coach_email)
        if coach is None or coach.role != "coach":
            raise UserError(f"there is no coach '{coach_email[:60]}'; check the email address.")
        existing = self.session.get(GrantRow, (profile_id, coach.id))
        if existing is None:
            self.session.add(
                GrantRow(
                    profile_id=profile_id,
                    coach_id=coach.id,
                    level=checked,
                    created=datetime.now(UTC),
                )
            )
        else:
            existing.level = checked
        self.session.flush()
        self._access_cache.clear()
        self._audit(actor, "grant", profile_id, f"{coach.email} {checked}")

    def revoke(self, actor: Actor, coach_email: str) -> None:
        """Take a coach's access away; their open sessions stop viewing the career at once."""
        profile_id = self._own_profile(actor)
        coach = self._user(coach_email)
        existing = None if coach is None else self.session.get(GrantRow, (profile_id, coach.id))
        if coach is None or existing is None:
            raise UserError(f"'{coach_email[:60]}' has no access to your career.")
        self.session.delete(existing)
        self.session.flush()
        self.session.execute(
            update(WebSessionRow)
            .where(
                WebSessionRow.user_id == coach.id, WebSessionRow.viewing_profile_id == profile_id
            )
            .values(viewing_profile_id=None)
        )
        self._access_cache.clear()
        self._audit(actor, "revoke", profile_id, coach.email)

    def coaches_of(self, actor: Actor) -> list[tuple[str, GrantLevel]]:
        """The coaches who may see the actor's career, with their level."""
        profile_id = self._own_profile(actor)
        query = (
            select(UserRow.email, GrantRow.level)
            .join(GrantRow, GrantRow.coach_id == UserRow.id)
            .where(GrantRow.profile_id == profile_id)
            .order_by(UserRow.email)
        )
        return [(email, cast(GrantLevel, level)) for email, level in self.session.execute(query)]

    def clients_of(self, actor: Actor) -> list[tuple[int, str, GrantLevel]]:
        """The careers granted to the actor: (profile id, career name, level)."""
        query = (
            select(ProfileRow.id, ProfileRow.name, GrantRow.level)
            .join(GrantRow, GrantRow.profile_id == ProfileRow.id)
            .where(GrantRow.coach_id == actor.user_id)
            .order_by(ProfileRow.name)
        )
        return [
            (pid, name, cast(GrantLevel, level)) for pid, name, level in self.session.execute(query)
        ]

    # Comments -------------------------------------------------------------------------------

    def add_comment(
        self, actor: Actor, profile_name: str, text: str, entry_id: str | None = None
    ) -> None:
        """A comment by the client or a coach with any grant, optionally on one entry."""
        row = self._checked_profile(actor, profile_name, "read", "comment", "")
        cleaned = text.strip()
        if not cleaned or len(cleaned) > COMMENT_MAX:
            raise UserError(f"a comment needs 1 to {COMMENT_MAX} characters.")
        if "\x00" in cleaned or (entry_id is not None and "\x00" in entry_id):
            raise UserError("a comment cannot contain NUL characters (\\x00).")
        if entry_id is not None and self.session.get(EntryRow, (row.id, entry_id)) is None:
            raise UserError(f"there is no entry '{entry_id[:64]}' in this career.")
        self.session.add(
            CommentRow(
                profile_id=row.id,
                author_id=actor.user_id,
                entry_id=entry_id,
                text=cleaned,
                created=datetime.now(UTC),
            )
        )
        self.session.flush()
        self._audit(actor, "comment", row.id, entry_id or "")

    def comments(self, actor: Actor, profile_name: str) -> list[Comment]:
        """The career's comments, oldest first."""
        row = self._checked_profile(actor, profile_name, "read", "comments")
        query = (
            select(CommentRow, UserRow.email)
            .outerjoin(UserRow, UserRow.id == CommentRow.author_id)
            .where(CommentRow.profile_id == row.id)
            .order_by(CommentRow.created, CommentRow.id)
        )
        return [
            Comment(
                id=comment.id,
                author=email,
                entry_id=comment.entry_id,
                text=comment.text,
                created=utc(comment.created),
            )
            for comment, email in self.session.execute(query)
        ]

    # Store facts ----------------------------------------------------------------------------

    def meta_value(self, key: str) -> str | None:
        row = self.session.get(StoreMetaRow, key)
        return None if row is None else row.value

    def ensure_meta(self, key: str, value: str) -> str:
        """Store `value` under `key` unless one is there; returns the stored one (first writer wins)."""
        existing = self.meta_value(key)
        if existing is not None:
            return existing
        try:
            with self.session.begin_nested():
                self.session.add(StoreMetaRow(key=key, value=value))
                self.session.flush()
        except IntegrityError:
            stored = self.meta_value(key)
            assert stored is not None
            return stored
        return value
