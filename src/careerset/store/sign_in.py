"""Signing in: each attempt is counted before its password is checked, per email and address.

Two limits, both claimed in one short transaction that commits before argon2 runs, so parallel
attempts cannot slip past them: PAIR_LIMIT attempts at one email from one client address per
PAIR_WINDOW (a success clears it), and ADDRESS_LIMIT attempts from one address at any emails per
ADDRESS_WINDOW (successes are given back). An attempt over a limit checks no password at all.

The trade-off: no limit is keyed by the email alone, so a stranger can lock an account only for
their own address and never keeps its owner out. The price is that guesses spread over many
addresses are slowed only per address; the password strength check (zxcvbn score 3, about 10^8
guesses) is what keeps those out of reach. Known and unknown emails take the same path: counted
alike, refused alike, and an unknown email's password is checked against a dummy hash.
"""

import ipaddress
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, case, delete, literal, update

from careerset.store.accounts import AccountsMixin, email_key
from careerset.store.passwords import (
    EMAIL_MAX,
    PASSWORD_MAX,
    dummy_hash,
    hash_password,
    needs_rehash,
    normalize_email,
    token_id,
    verify_password,
)
from careerset.store.rights import Actor, actor_of, utc
from careerset.store.tables import sign_in_limit_table, user_table

if TYPE_CHECKING:
    from careerset.store.repository import Store

PAIR_LIMIT = 5
PAIR_WINDOW = timedelta(seconds=60)
ADDRESS_LIMIT = 30
ADDRESS_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class SignIn:
    """How an attempt ended: an actor and session token, or neither (with `retry_after` seconds
    when a limit refused it unchecked)."""

    actor: Actor | None
    token: str | None
    retry_after: int | None = None


@dataclass(frozen=True)
class Claim:
    """An attempt allowed to check a password: the account's id and hash (None: unknown email)."""

    user_id: int | None
    password_hash: str | None


def client_key(address: str | None) -> str:
    """The client a limit counts: an IPv6 address by its /64 (one subscriber's block)."""
    text = (address or "unknown").strip().lower()
    try:
        parsed = ipaddress.ip_address(text)
    except ValueError:
        return text[:100]
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


class SignInMixin(AccountsMixin):
    """The store half of signing in: claim an attempt, then record how it went."""

    def _count(
        self, key: str, for_email: str | None, window: timedelta, moment: datetime
    ) -> tuple[int, datetime]:
        """Count one attempt under `key` atomically; (attempts in this window, when it ends)."""
        # The dialect's own INSERT (each has ON CONFLICT), imported only for the store's dialect.
        upsert: Any
        if self.session.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as upsert
        else:
            from sqlalchemy.dialects.sqlite import insert as upsert
        limits = sign_in_limit_table.c
        ends = literal(moment + window, limits.reset_at.type)
        expired = limits.reset_at <= literal(moment, limits.reset_at.type)
        statement = (
            upsert(sign_in_limit_table)
            .values(key=key, email_key=for_email, attempts=1, reset_at=moment + window)
            .on_conflict_do_update(
                index_elements=[limits.key],
                set_={
                    "attempts": case((expired, 1), else_=limits.attempts + 1),
                    "reset_at": case((expired, ends), else_=limits.reset_at),
                },
            )
            .returning(limits.attempts, limits.reset_at)
        )
        counted = self._change(statement).one()
        return int(counted.attempts), utc(counted.reset_at)

    def claim_sign_in(self, email: str, client: str, moment: datetime) -> Claim | int:
        """Count the attempt; the account to check (a Claim), or seconds to wait when refused."""
        pair = self._count(
            token_id(f"pair|{email}|{client}"), email_key(email), PAIR_WINDOW, moment
        )
        address = self._count(token_id(f"address|{client}"), None, ADDRESS_WINDOW, moment)
        row = self._user(email) if len(email) <= EMAIL_MAX else None
        over = [
            ends
            for (attempts, ends), limit in ((pair, PAIR_LIMIT), (address, ADDRESS_LIMIT))
            if attempts > limit
        ]
        if over:
            detail = "too many attempts" if row is not None else "unknown account; too many"
            self._audit_failure(row, detail)
            return max(1, math.ceil((max(over) - moment).total_seconds()))
        if row is None:
            return Claim(None, None)
        return Claim(row.id, row.password_hash)

    def finish_sign_in(
        self, claim: Claim, email: str, client: str, password: str, right: bool, moment: datetime
    ) -> SignIn:
        """Record a checked attempt: a failure stays counted; a success clears the email's count,
        gives the address its attempt back and starts a session."""
        row = None if claim.user_id is None else self._user_by_id(claim.user_id)
        # A password changed since the claim: the check was against the old one.
        if not right or row is None or row.password_hash != claim.password_hash:
            self._audit_failure(row, "wrong password" if row is not None else "unknown account")
            return SignIn(None, None)
        limits = sign_in_limit_table.c
        self._change(
            delete(sign_in_limit_table).where(limits.key == token_id(f"pair|{email}|{client}"))
        )
        self._change(
            update(sign_in_limit_table)
            .where(limits.key == token_id(f"address|{client}"), limits.attempts > 0)
            .values(attempts=limits.attempts - 1)
        )
        if needs_rehash(row.password_hash):
            self._change(
                update(user_table)
                .where(user_table.c.id == row.id)
                .values(password_hash=hash_password(password))
            )
        actor = actor_of(row)
        self._audit(actor, "login", row.profile_id, "")
        return SignIn(actor, self.start_session(actor, now=moment))

    def _audit_failure(self, row: Row[Any] | None, detail: str) -> None:
        if row is None:
            self._audit(None, "login-failed", None, detail)
        else:
            self._audit(actor_of(row), "login-failed", row.profile_id, detail)


def sign_in(
    store: "Store",
    email: str,
    password: str,
    address: str | None = None,
    now: datetime | None = None,
) -> SignIn:
    """Check a sign-in from a client `address` (None: a local caller) and start a session.

    Three transactions: the claim commits before the slow password check, which holds no
    transaction open, and the outcome is recorded after it.
    """
    moment = utc(now or datetime.now(UTC))
    cleaned, client = normalize_email(email), client_key(address)
    with store.transaction() as session:
        claim = session.claim_sign_in(cleaned, client, moment)
    if not isinstance(claim, Claim):
        return SignIn(None, None, retry_after=claim)
    known = claim.password_hash is not None and len(password) <= PASSWORD_MAX
    # An unknown email or an overlong password costs the same hash check as a known one.
    checked = verify_password(
        claim.password_hash if known and claim.password_hash else dummy_hash(),
        password[:PASSWORD_MAX],
    )
    with store.transaction() as session:
        return session.finish_sign_in(claim, cleaned, client, password, known and checked, moment)
