"""Server mode rights: who may see whose career, the grants that say so, and the audit log.

The rights live in the store layer, not in routes: a `StoreSession` opened with an `Actor` checks
every career it touches (see `RightsMixin._level`) and records one audit row per (actor, action,
career) in the transaction. With no actor (local mode) nothing here is consulted.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, cast, get_args

from sqlalchemy import (
    ColumnElement,
    Connection,
    CursorResult,
    Executable,
    Row,
    delete,
    insert,
    or_,
    select,
    update,
)

from careerset.errors import UserError
from careerset.store.tables import (
    audit_table,
    grant_table,
    profile_table,
    user_table,
    web_session_table,
)

Role = Literal["client", "coach", "admin"]
GrantLevel = Literal["read", "edit"]
# What an actor may do with one career: its owner ("own") > "edit" > "read".
Access = Literal["read", "edit", "own"]
Need = Literal["read", "write", "own"]

ROLES: tuple[Role, ...] = get_args(Role)
GRANT_LEVELS: tuple[GrantLevel, ...] = get_args(GrantLevel)
DETAIL_MAX = 500

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


def utc(moment: datetime) -> datetime:
    """`moment` as an aware UTC datetime (SQLite hands back naive ones, which are UTC here)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def check_role(role: str) -> Role:
    if role not in ROLES:
        raise UserError(f"'{role[:20]}' is not a role; use one of: {', '.join(ROLES)}.")
    return role


def check_level(level: str) -> GrantLevel:
    if level not in GRANT_LEVELS:
        raise UserError(f"'{level[:20]}' is not an access level; use read or edit.")
    return level


def actor_of(row: Row[Any]) -> Actor:
    """The Actor of a `user_table` row."""
    return Actor(
        user_id=row.id, email=row.email, role=cast(Role, row.role), profile_id=row.profile_id
    )


class RightsMixin:
    """Rights checks, grants and the audit log: the base of every server-mode half of `StoreSession`."""

    # The transaction's connection (named for the unit of work it is, as callers see it).
    session: Connection
    actor: Actor | None

    def _init_rights(self, actor: Actor | None) -> None:
        self.actor = actor
        self._changed = False  # any write other than the audit rows, see `_only_read_audit`
        self._access_cache: dict[tuple[int, int], Access | None] = {}
        # (actor id, action, profile id) -> what was done, flushed once before commit.
        self._pending_audit: dict[tuple[int | None, str, int | None], set[str]] = {}

    def _change(self, statement: Executable) -> CursorResult[Any]:
        """Run a statement that writes (INSERT, UPDATE, DELETE), noting that this transaction wrote."""
        self._changed = True
        return self.session.execute(statement)

    def _insert_id(self, statement: Executable) -> int:
        """Run an INSERT of one row; the new row's integer key."""
        key = self._change(statement).inserted_primary_key
        assert key is not None
        return int(key[0])

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
                    select(grant_table.c.level).where(
                        grant_table.c.profile_id == profile_id,
                        grant_table.c.coach_id == actor.user_id,
                    )
                )
                if level in GRANT_LEVELS:
                    access = cast(Access, level)
            self._access_cache[key] = access
        return self._access_cache[key]

    def _check(
        self,
        actor: Actor,
        row: Row[Any] | None,
        need: Need,
        what: str,
        action: str | None = None,
    ) -> Row[Any]:
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
    ) -> Row[Any]:
        row = None
        if "\x00" not in name:  # PostgreSQL cannot even compare text holding NUL
            row = self._profile_row(profile_table.c.name == name)
        return self._check(actor, row, need, what, action)

    def _require_admin(self) -> None:
        """Account management: local mode (the operator) or an admin actor."""
        if self.actor is not None and self.actor.role != "admin":
            raise AccessDenied("only an administrator can manage accounts.")

    def _profile_row(self, condition: ColumnElement[bool]) -> Row[Any] | None:
        return self.session.execute(select(profile_table).where(condition)).first()

    def _user(self, email: str) -> Row[Any] | None:
        if "\x00" in email:
            return None
        condition = user_table.c.email == normalize_email(email)
        return self.session.execute(select(user_table).where(condition)).first()

    def readable_profile_names(self, actor: Actor) -> list[str]:
        """The careers `actor` may read: a client's own, and any granted to them."""
        granted = select(grant_table.c.profile_id).where(grant_table.c.coach_id == actor.user_id)
        conditions: list[ColumnElement[bool]] = [profile_table.c.id.in_(granted)]
        if actor.role == "client" and actor.profile_id is not None:
            conditions.append(profile_table.c.id == actor.profile_id)
        query = select(profile_table.c.name).where(or_(*conditions)).order_by(profile_table.c.name)
        return list(self.session.scalars(query))

    def profile_name_for(self, profile_id: int) -> str:
        """The name of career `profile_id` (web sessions carry ids), rights-checked for the actor."""
        row = self._profile_row(profile_table.c.id == profile_id)
        if self.actor is None:
            if row is None:
                raise AccessDenied()
            return str(row.name)
        # Not audited itself: the reads that follow are (and set_viewing audits opening).
        return str(self._check(self.actor, row, "read", "open", "").name)

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
        key = (grant_table.c.profile_id == profile_id, grant_table.c.coach_id == coach.id)
        existing = self.session.execute(select(grant_table).where(*key)).first()
        if existing is None:
            self._change(
                insert(grant_table).values(
                    profile_id=profile_id,
                    coach_id=coach.id,
                    level=checked,
                    created=datetime.now(UTC),
                )
            )
        else:
            self._change(update(grant_table).where(*key).values(level=checked))
        self._access_cache.clear()
        self._audit(actor, "grant", profile_id, f"{coach.email} {checked}")

    def revoke(self, actor: Actor, coach_email: str) -> None:
        """Take a coach's access away; their open sessions stop viewing the career at once."""
        profile_id = self._own_profile(actor)
        coach = self._user(coach_email)
        key = (
            ()
            if coach is None
            else (
                grant_table.c.profile_id == profile_id,
                grant_table.c.coach_id == coach.id,
            )
        )
        existing = (
            None if coach is None else self.session.execute(select(grant_table).where(*key)).first()
        )
        if coach is None or existing is None:
            raise UserError(f"'{coach_email[:60]}' has no access to your career.")
        self._change(delete(grant_table).where(*key))
        sessions = web_session_table.c
        self._change(
            update(web_session_table)
            .where(sessions.user_id == coach.id, sessions.viewing_profile_id == profile_id)
            .values(viewing_profile_id=None)
        )
        self._access_cache.clear()
        self._audit(actor, "revoke", profile_id, coach.email)

    def coaches_of(self, actor: Actor) -> list[tuple[str, GrantLevel]]:
        """The coaches who may see the actor's career, with their level."""
        profile_id = self._own_profile(actor)
        query = (
            select(user_table.c.email, grant_table.c.level)
            .join(grant_table, grant_table.c.coach_id == user_table.c.id)
            .where(grant_table.c.profile_id == profile_id)
            .order_by(user_table.c.email)
        )
        return [(email, cast(GrantLevel, level)) for email, level in self.session.execute(query)]

    def clients_of(self, actor: Actor) -> list[tuple[int, str, GrantLevel]]:
        """The careers granted to the actor: (profile id, career name, level)."""
        query = (
            select(profile_table.c.id, profile_table.c.name, grant_table.c.level)
            .join(grant_table, grant_table.c.profile_id == profile_table.c.id)
            .where(grant_table.c.coach_id == actor.user_id)
            .order_by(profile_table.c.name)
        )
        return [
            (pid, name, cast(GrantLevel, level)) for pid, name, level in self.session.execute(query)
        ]

    # Audit ----------------------------------------------------------------------------------

    def _audit(self, actor: Actor | None, action: str, profile_id: int | None, what: str) -> None:
        key = (None if actor is None else actor.user_id, action, profile_id)
        self._pending_audit.setdefault(key, set()).add(what)

    def _only_read_audit(self) -> bool:
        """True when this transaction's only recorded doings are reads (and it wrote nothing)."""
        return (
            bool(self._pending_audit)
            and all(action == "read" for _, action, _ in self._pending_audit)
            and not self._changed
        )

    def _flush_audit(self) -> None:
        """Write the collected audit rows; called once, just before the transaction commits."""
        if not self._pending_audit:
            return
        now = datetime.now(UTC)
        rows = [
            {
                "at": now,
                "actor_id": actor_id,
                "profile_id": profile_id,
                "action": action,
                "detail": ", ".join(sorted(d for d in details if d))[:DETAIL_MAX],
            }
            for (actor_id, action, profile_id), details in self._pending_audit.items()
        ]
        self.session.execute(insert(audit_table), rows)
        self._pending_audit.clear()

    def audit_entries(self, actor: Actor, profile_name: str, limit: int = 100) -> list[AuditEntry]:
        """Who did what to this career, newest first; only its owner may look."""
        row = self._checked_profile(actor, profile_name, "own", "audit", "read")
        audit = audit_table.c
        query = (
            select(audit.at, audit.action, audit.detail, user_table.c.email)
            .outerjoin_from(audit_table, user_table, user_table.c.id == audit.actor_id)
            .where(audit.profile_id == row.id)
            .order_by(audit.at.desc(), audit.id.desc())
            .limit(max(1, min(limit, 1000)))
        )
        return [
            AuditEntry(
                at=utc(found.at), actor=found.email, action=found.action, detail=found.detail
            )
            for found in self.session.execute(query)
        ]
