"""The store's repository: every read and write of user data, one transaction per command."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Row, bindparam, delete, insert, select, text, update
from sqlalchemy.engine import URL
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.sql import Executable

from careerset.errors import UserError
from careerset.model.career import Career
from careerset.model.entries import Entry, entry_to_dict
from careerset.model.person import Person
from careerset.model.validation import parse_entry
from careerset.store.comments import CommentsMixin
from careerset.store.engine import open_engine, parse_url, sqlite_path
from careerset.store.faults import StoreUnavailable, UnstorableValue, as_fault
from careerset.store.migrate import Notice, ensure_current
from careerset.store.rights import Actor, Need
from careerset.store.sign_in import SignInMixin
from careerset.store.tables import entry_table, meta_table, profile_table

PROFILE_NAME_MAX = 100
# Rows per INSERT or UPDATE statement of a bulk write: big enough to be fast, small enough
# that memory stays flat however large the import.
_BATCH = 2000


def _where(url: URL) -> str:
    """The store as named in messages: its file, or its server URL without the password."""
    path = sqlite_path(url)
    return str(path) if path is not None else url.render_as_string(hide_password=True)


def _now() -> datetime:
    return datetime.now(UTC)


def _check_profile_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > PROFILE_NAME_MAX or any(ch in cleaned for ch in "\0\n\r"):
        raise UserError(
            f"'{name[:40]}' is not a usable profile name; use up to {PROFILE_NAME_MAX} plain characters."
        )
    return cleaned


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(item) for item in value)
    return False


def _refuse_nul(data: dict[str, Any]) -> dict[str, Any]:
    """NUL is never text a person meant, and PostgreSQL cannot store it: both stores refuse it,
    so a career moves between them unchanged."""
    if _has_nul(data):
        raise UserError("text cannot contain NUL characters (\\x00); remove them and try again.")
    return data


class Store:
    """A careerset store on SQLite or PostgreSQL; `transaction()` gives a unit of work."""

    def __init__(self, engine: Engine, where: str = "") -> None:
        self.engine = engine
        self.where = where
        # Opt-in (server mode, PostgreSQL): a transaction whose only writes are "read" audit rows
        # commits without waiting for the WAL flush. A PostgreSQL crash may then lose the last
        # moments of read-audit rows; user data, grants and every other audit row stay synchronous.
        self.relaxed_read_audit = False

    @classmethod
    def open(cls, target: str | None, notice: Notice | None = None) -> "Store":
        """Open (creating and migrating as needed) the store at a path or URL; `notice` hears
        about an upgrade and the copy taken before it."""
        url = parse_url(target)
        engine = open_engine(target, url)
        where = _where(url)
        try:
            ensure_current(engine, where, notice)
        except (OperationalError, DBAPIError) as error:
            engine.dispose()
            fault = as_fault(error, where)
            if fault is not None:
                raise fault from None
            reason = str(error.orig).strip().splitlines()[0] if error.orig else "unknown error"
            raise UserError(
                f"cannot open the store at '{target or 'the default file'}': {reason[:200]}."
            ) from None
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, where)

    def label(self, private: bool = False) -> str:
        """Where the store is, for a status page: its URL without a password, or (`private`,
        for a server's clients) only what kind of database it is."""
        if private:
            return f"{self.engine.url.get_backend_name()} server store"
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self, actor: Actor | None = None) -> Iterator["StoreSession"]:
        """Everything done inside commits together, or not at all.

        With an `actor` (server mode) every career touched is rights-checked and audited;
        with none (local mode) the session may touch every profile.
        """
        try:
            with self.engine.begin() as session:
                store_session = StoreSession(session, actor)
                yield store_session
                if (
                    self.relaxed_read_audit
                    and self.engine.dialect.name == "postgresql"
                    and store_session._only_read_audit()
                ):
                    session.execute(text("SET LOCAL synchronous_commit = off"))
                store_session._flush_audit()
        except DBAPIError as error:
            # A read-only file or a full disk is for a person to fix, not a bug: one sentence.
            # Everything else the driver raises leaves here as our own error, so no layer
            # above the store ever needs to know SQLAlchemy.
            fault = as_fault(error, self.where)
            if fault is not None:
                raise fault from None
            if isinstance(error, OperationalError | InterfaceError):
                raise StoreUnavailable() from error
            if isinstance(error, DataError):
                raise UnstorableValue() from error
            raise


class StoreSession(SignInMixin, CommentsMixin):
    """Repository methods over one open transaction, on behalf of an actor (None: local mode)."""

    def __init__(self, session: Connection, actor: Actor | None = None) -> None:
        self.session = session
        self._init_rights(actor)
        self._postgresql = session.dialect.name == "postgresql"

    # Profiles -------------------------------------------------------------------------------

    def profile_names(self) -> list[str]:
        """Every profile in local mode; with an actor, the careers it may read."""
        if self.actor is not None:
            return self.readable_profile_names(self.actor)
        names = select(profile_table.c.name).order_by(profile_table.c.name)
        return list(self.session.scalars(names))

    def _profile(
        self, name: str, create: bool, need: Need = "read", what: str = ""
    ) -> Row[Any] | None:
        """The chokepoint: every method that takes a profile name gets its row here.

        With an actor, the row is returned only if the actor may do `need` with it (never created);
        otherwise AccessDenied, with the same message whether or not the profile exists.
        """
        if self.actor is not None:
            return self._checked_profile(self.actor, name, need, what)
        row = None
        if "\x00" not in name:  # PostgreSQL cannot even compare text holding NUL
            row = self._profile_row(profile_table.c.name == name)
        if row is None and create:
            now = _now()
            values = {"name": _check_profile_name(name), "person": {}, "created": now}
            # Two first commands at once both find no profile: the later insert is skipped
            # (rather than failing on the unique name) and both use the one row.
            self._change(self._insert_unless_named(values | {"updated": now}))
            row = self._profile_row(profile_table.c.name == name)
        return row

    def _insert_unless_named(self, values: dict[str, Any]) -> Executable:
        """INSERT of a profile row that does nothing when the name is taken meanwhile."""
        conflict = [profile_table.c.name]
        if self._postgresql:
            from sqlalchemy.dialects import postgresql

            return (
                postgresql.insert(profile_table)
                .values(**values)
                .on_conflict_do_nothing(index_elements=conflict)
            )
        from sqlalchemy.dialects import sqlite

        return (
            sqlite.insert(profile_table)
            .values(**values)
            .on_conflict_do_nothing(index_elements=conflict)
        )

    def ensure_profile(self, name: str) -> None:
        self._profile(name, create=True, need="read", what="ensure_profile")

    def has_profile(self, name: str) -> bool:
        return self._profile(name, create=False, need="read", what="has_profile") is not None

    def delete_profile(self, name: str) -> None:
        row = self._profile(name, create=False, need="own", what="delete_profile")
        if row is None:
            raise UserError(f"there is no profile '{name}'.")
        self._change(delete(entry_table).where(entry_table.c.profile_id == row.id))
        self._change(delete(profile_table).where(profile_table.c.id == row.id))

    # Reading --------------------------------------------------------------------------------

    def load_career(self, profile: str) -> Career:
        """The whole career of a profile (empty when the profile does not exist yet)."""
        row = self._profile(profile, create=False, need="read", what="load_career")
        if row is None:
            return Career()
        entries = [self._to_entry(r) for r in self._rows(row.id)]
        return Career.of(entries, Person.model_validate(row.person or {}))

    def list_entries(self, profile: str, kind: str | None = None) -> list[Entry]:
        row = self._profile(profile, create=False, need="read", what="list_entries")
        if row is None:
            return []
        return [self._to_entry(r) for r in self._rows(row.id, kind)]

    def get_entry(self, profile: str, entry_id: str) -> Entry:
        row = self._profile(profile, create=False, need="read", what="get_entry")
        found = None if row is None else self._entry_row(row.id, entry_id)
        if found is None:
            raise UserError(
                f"there is no entry '{entry_id[:64]}' in profile '{profile}'; see `careerset list`."
            )
        return self._to_entry(found)

    def _rows(self, profile_id: int, kind: str | None = None) -> list[Row[Any]]:
        query = select(entry_table).where(entry_table.c.profile_id == profile_id)
        if kind is not None:
            query = query.where(entry_table.c.kind == kind)
        return list(self.session.execute(query.order_by(entry_table.c.created, entry_table.c.id)))

    def _entry_row(self, profile_id: int, entry_id: str) -> Row[Any] | None:
        if self._postgresql and "\x00" in entry_id:  # PostgreSQL cannot compare text with NUL
            return None
        key = (entry_table.c.profile_id == profile_id, entry_table.c.id == entry_id)
        return self.session.execute(select(entry_table).where(*key)).first()

    @staticmethod
    def _to_entry(row: Row[Any]) -> Entry:
        return parse_entry(row.data, where=f"stored entry {row.id}: ")

    # Writing --------------------------------------------------------------------------------

    def add_entry(self, profile: str, entry: Entry) -> Entry:
        """Insert a new entry; an id already in the profile is a user error."""
        row = self._profile(profile, create=True, need="write", what="add_entry")
        assert row is not None
        if self._entry_row(row.id, entry.id) is not None:
            raise UserError(f"profile '{profile}' already has an entry '{entry.id}'.")
        return self._write(row, entry, existing=None)

    def put_entry(self, profile: str, entry: Entry) -> Entry:
        """Insert or replace by id (imports and restores)."""
        row = self._profile(profile, create=True, need="write", what="put_entry")
        assert row is not None
        return self._write(row, entry, existing=self._entry_row(row.id, entry.id))

    def update_entry(self, profile: str, entry: Entry) -> Entry:
        row = self._profile(profile, create=False, need="write", what="update_entry")
        existing = None if row is None else self._entry_row(row.id, entry.id)
        if row is None or existing is None:
            raise UserError(f"there is no entry '{entry.id}' in profile '{profile}'.")
        return self._write(row, entry, existing=existing)

    def _write(self, profile: Row[Any], entry: Entry, existing: Row[Any] | None) -> Entry:
        now = _now()
        created = entry.created or (existing.created if existing else None) or now
        # An entry that arrives with its own `updated` (a restore) keeps it; edits get a new one.
        updated = entry.updated if entry.updated and existing is None else now
        stamped = entry.model_copy(update={"created": created, "updated": updated})
        data: dict[str, Any] = entry_to_dict(stamped)
        _refuse_nul(data)
        kind = str(data["kind"])
        if existing is None:
            self._change(
                insert(entry_table).values(
                    profile_id=profile.id,
                    id=stamped.id,
                    kind=kind,
                    data=data,
                    created=created,
                    updated=updated,
                )
            )
        else:
            self._change(
                update(entry_table)
                .where(entry_table.c.profile_id == profile.id, entry_table.c.id == stamped.id)
                .values(kind=kind, data=data, updated=updated)
            )
        self._touch(profile.id, now)
        return stamped

    def _touch(self, profile_id: int, now: datetime, **values: Any) -> None:
        """Mark the profile changed at `now` (and set any other `values` of its row)."""
        self._change(
            update(profile_table)
            .where(profile_table.c.id == profile_id)
            .values(updated=now, **values)
        )

    def remove_entry(self, profile: str, entry_id: str) -> Entry:
        row = self._profile(profile, create=False, need="write", what="remove_entry")
        entry = self.get_entry(profile, entry_id)
        assert row is not None
        self._change(
            delete(entry_table).where(
                entry_table.c.profile_id == row.id, entry_table.c.id == entry_id
            )
        )
        return entry

    def set_person(self, profile: str, person: Person) -> None:
        row = self._profile(profile, create=True, need="write", what="set_person")
        assert row is not None
        self._touch(
            row.id,
            _now(),
            person=_refuse_nul(person.model_dump(mode="json", exclude_defaults=True)),
        )

    def replace_career(self, profile: str, career: Career) -> None:
        """Make the profile hold exactly `career` (restore); all within the caller's transaction."""
        row = self._profile(profile, create=True, need="write", what="replace_career")
        assert row is not None
        self._change(delete(entry_table).where(entry_table.c.profile_id == row.id))
        self.set_person(profile, career.person)
        self.put_entries(profile, career.entries)

    def merge_career(self, profile: str, career: Career) -> int:
        """Add or replace entries by id and fill the person's details; returns entries written."""
        self._profile(profile, create=True, need="write", what="merge_career")
        if career.person != Person():
            current = self.load_career(profile).person.model_dump(
                mode="json", exclude_defaults=True
            )
            current.update(career.person.model_dump(mode="json", exclude_defaults=True))
            self.set_person(profile, Person.model_validate(current))
        return self.put_entries(profile, career.entries)

    def put_entries(self, profile: str, entries: Iterable[Entry]) -> int:
        """Insert or replace many entries by id (imports): like `put_entry` for each, but written
        in batches of one statement each, so a 200,000-entry import takes seconds, not minutes."""
        row = self._profile(profile, create=True, need="write", what="put_entries")
        assert row is not None
        found = self.session.execute(
            select(entry_table.c.id, entry_table.c.created).where(
                entry_table.c.profile_id == row.id
            )
        )
        stored: dict[str, datetime] = {entry_id: created for entry_id, created in found}
        now = _now()
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        written = 0
        for entry in entries:
            before = stored.get(entry.id)
            # Entries list in the order they were created: one microsecond apart keeps the file's.
            created = entry.created or before or now + timedelta(microseconds=written)
            updated = entry.updated if entry.updated and before is None else now
            stamped = entry.model_copy(update={"created": created, "updated": updated})
            data = _refuse_nul(entry_to_dict(stamped))
            values = {
                "profile_id": row.id,
                "id": stamped.id,
                "kind": str(data["kind"]),
                "data": data,
                "created": created,
                "updated": updated,
            }
            (inserts if before is None else updates).append(values)
            stored.setdefault(entry.id, created)
            written += 1
            if len(inserts) + len(updates) >= _BATCH:
                self._write_batch(inserts, updates)
        self._write_batch(inserts, updates)
        self._touch(row.id, now)
        return written

    def _write_batch(self, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]) -> None:
        """One executemany per list (emptied afterwards): memory stays at one batch's rows."""
        # Core statements: one executemany each.
        table = entry_table
        if inserts:
            self.session.execute(insert(table), inserts)
            inserts.clear()
        if updates:
            for values in updates:
                del values["created"]  # an entry keeps the moment it was first stored
                values["key_profile"], values["key_id"] = values.pop("profile_id"), values["id"]
            statement = (
                update(table)
                .where(
                    table.c.profile_id == bindparam("key_profile"),
                    table.c.id == bindparam("key_id"),
                )
                .values(
                    kind=bindparam("kind"), data=bindparam("data"), updated=bindparam("updated")
                )
            )
            self.session.execute(statement, updates)
            updates.clear()

    def confirmed_codes(self) -> list[tuple[str, str]]:
        """(title, occupation code) of every job in the store whose code a person confirmed;
        the title coder learns from these. With an actor: only the careers it may read."""
        query = select(entry_table.c.data).where(entry_table.c.kind == "job")
        if self.actor is not None:
            readable = select(profile_table.c.id).where(
                profile_table.c.name.in_(self.readable_profile_names(self.actor))
            )
            query = query.where(entry_table.c.profile_id.in_(readable))
        pairs: list[tuple[str, str]] = []
        for data in self.session.scalars(query.order_by(entry_table.c.created, entry_table.c.id)):
            title, code = data.get("title"), data.get("occupation_code")
            if data.get("occupation_source") == "confirmed" and title and code:
                pairs.append((str(title), str(code)))
        return pairs

    # Store facts ----------------------------------------------------------------------------

    def meta_value(self, key: str) -> str | None:
        query = select(meta_table.c.value).where(meta_table.c.key == key)
        return self.session.execute(query).scalar_one_or_none()

    def ensure_meta(self, key: str, value: str) -> str:
        """Store `value` under `key` unless one is there; returns the stored one (first writer wins)."""
        existing = self.meta_value(key)
        if existing is not None:
            return existing
        try:
            with self.session.begin_nested():
                self._change(insert(meta_table).values(key=key, value=value))
        except IntegrityError:
            stored = self.meta_value(key)
            assert stored is not None
            return stored
        return value
