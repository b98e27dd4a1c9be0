"""SQLAlchemy Core tables of the user store: profiles and their entries (each entry a JSON document).

Core `Table`s, not ORM classes: the store reads and writes rows with plain statements on one
`Connection` per transaction, so a command never pays for importing `sqlalchemy.orm`.
"""

from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
)
from sqlalchemy.types import TypeEngine


class Document(TypeDecorator[Any]):
    """JSONB on PostgreSQL for indexable documents; plain JSON text elsewhere.

    A decorator rather than `JSON().with_variant(JSONB(), "postgresql")`, so that the PostgreSQL
    dialect is imported only by a store that runs on PostgreSQL.
    """

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def _moment(name: str, nullable: bool = False) -> Column[Any]:
    return Column(name, DateTime(timezone=True), nullable=nullable)


# One person's career; a store can hold many.
profile_table = Table(
    "profiles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), unique=True, nullable=False),
    Column("person", Document, default=dict, nullable=False),
    _moment("created"),
    _moment("updated"),
)

# One entry of a career. The entry's fields live in `data`, validated by the model on the way in and out.
entry_table = Table(
    "entries",
    metadata,
    Column("profile_id", ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("data", Document, nullable=False),
    _moment("created"),
    _moment("updated"),
    Index("ix_entries_profile_kind", "profile_id", "kind"),
)

# Key-value facts about the store itself (format version, creating careerset version).
meta_table = Table(
    "store_meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", String(1000), nullable=False),
)


# Server mode: accounts, who may see which career, comments, the audit log and web sessions. ----

# An account: a client (owning one career), a coach or an administrator.
user_table = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(254), unique=True, nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("profile_id", ForeignKey("profiles.id", ondelete="SET NULL"), nullable=True),
    _moment("created"),
    _moment("updated"),
    # Unused since revision 0004 (sign-in limits moved to `sign_in_limit_table`); kept for old stores.
    # The server default matches migration 0003, so a store made at head equals a migrated one.
    Column("failed_logins", Integer, default=0, server_default="0", nullable=False),
    _moment("locked_until", nullable=True),
)

# A client's career shared with a coach, to read or to edit.
grant_table = Table(
    "grants",
    metadata,
    Column("profile_id", ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True),
    Column("coach_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("level", String(8), nullable=False),
    _moment("created"),
)

# A note left on a career (optionally on one entry) by its client or a coach.
comment_table = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("profile_id", ForeignKey("profiles.id", ondelete="CASCADE"), index=True, nullable=False),
    # The comment outlives its author's account (shown as a removed account).
    Column("author_id", ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("entry_id", String(64), nullable=True),
    Column("text", String(4000), nullable=False),
    _moment("created"),
)

# Who did what to whose career; no foreign keys, so it survives deleted accounts and careers.
audit_table = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _moment("at"),
    Column("actor_id", Integer, nullable=True),
    Column("profile_id", Integer, nullable=True),
    Column("action", String(32), nullable=False),
    Column("detail", String(500), default="", nullable=False),
    Index("ix_audit_log_profile_at", "profile_id", "at"),
)

# A logged-in browser; `id` is the SHA-256 of the cookie token, never the token itself.
web_session_table = Table(
    "web_sessions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), index=True, nullable=False),
    _moment("created"),
    _moment("expires"),
    Column("viewing_profile_id", Integer, nullable=True),
)

# Sign-in attempts counted for one key (an email from one address, or one address) in a window.
# `key` and `email_key` are SHA-256 hex digests: what strangers typed as an email is never stored.
sign_in_limit_table = Table(
    "sign_in_limits",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("email_key", String(64), nullable=True, index=True),
    Column("attempts", Integer, nullable=False),
    _moment("reset_at"),
)
