"""Server mode rights: who may see whose career, the grants that say so, and the audit log.

The rights live in the store layer, not in routes: a `StoreSession` opened with an `Actor` checks
every career it touches (see `RightsMixin._level`) and records one audit row per (actor, action,
career) in the transaction. With no actor (local mode) nothing here is consulted.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, cast, get_args

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from careerset.errors import UserError
from careerset.store.tables import AuditRow, GrantRow, ProfileRow, UserRow, WebSessionRow

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


def actor_of(row: UserRow) -> Actor:
    return Actor(
        user_id=row.id, email=row.email, role=cast(Role, row.role), profile_id=row.profile_id
    )


class RightsMixin:
    """Rights checks, grants and the audit log: the base of every server-mode half of `StoreSession`."""

    session: Session
    actor: Actor | None

    def _init_rights(self, actor: Actor | None) -> None:
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

    def _user(self, email: str) -> UserRow | None:
        if "\x00" in email:
            return None
        return self.session.scalar(select(UserRow).where(UserRow.email == normalize_email(email)))

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
