"""The store's repository: every read and write of user data, one transaction per command."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from careerset.errors import UserError
from careerset.model.career import Career
from careerset.model.entries import Entry, entry_to_dict
from careerset.model.person import Person
from careerset.model.validation import parse_entry
from careerset.store.engine import open_engine
from careerset.store.migrate import ensure_current
from careerset.store.tables import EntryRow, ProfileRow

PROFILE_NAME_MAX = 100


def _now() -> datetime:
    return datetime.now(UTC)


def _check_profile_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > PROFILE_NAME_MAX or any(ch in cleaned for ch in "\0\n\r"):
        raise UserError(
            f"'{name[:40]}' is not a usable profile name; use up to {PROFILE_NAME_MAX} plain characters."
        )
    return cleaned


class Store:
    """A careerset store on SQLite or PostgreSQL; `transaction()` gives a unit of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, target: str | None) -> "Store":
        """Open (creating and migrating as needed) the store at a path or URL."""
        engine = open_engine(target)
        try:
            ensure_current(engine)
        except (OperationalError, DBAPIError) as error:
            engine.dispose()
            reason = str(error.orig).strip().splitlines()[0] if error.orig else "unknown error"
            raise UserError(
                f"cannot open the store at '{target or 'the default file'}': {reason[:200]}."
            ) from None
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator["StoreSession"]:
        """Everything done inside commits together, or not at all."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield StoreSession(session)


class StoreSession:
    """Repository methods over one open transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # Profiles -------------------------------------------------------------------------------

    def profile_names(self) -> list[str]:
        return list(self.session.scalars(select(ProfileRow.name).order_by(ProfileRow.name)))

    def _profile(self, name: str, create: bool) -> ProfileRow | None:
        row = self.session.scalar(select(ProfileRow).where(ProfileRow.name == name))
        if row is None and create:
            now = _now()
            row = ProfileRow(name=_check_profile_name(name), person={}, created=now, updated=now)
            self.session.add(row)
            self.session.flush()
        return row

    def ensure_profile(self, name: str) -> None:
        self._profile(name, create=True)

    def has_profile(self, name: str) -> bool:
        return self._profile(name, create=False) is not None

    def delete_profile(self, name: str) -> None:
        row = self._profile(name, create=False)
        if row is None:
            raise UserError(f"there is no profile '{name}'.")
        self.session.execute(delete(EntryRow).where(EntryRow.profile_id == row.id))
        self.session.delete(row)

    # Reading --------------------------------------------------------------------------------

    def load_career(self, profile: str) -> Career:
        """The whole career of a profile (empty when the profile does not exist yet)."""
        row = self._profile(profile, create=False)
        if row is None:
            return Career()
        entries = [self._to_entry(r) for r in self._rows(row.id)]
        return Career.of(entries, Person.model_validate(row.person or {}))

    def list_entries(self, profile: str, kind: str | None = None) -> list[Entry]:
        row = self._profile(profile, create=False)
        if row is None:
            return []
        return [self._to_entry(r) for r in self._rows(row.id, kind)]

    def get_entry(self, profile: str, entry_id: str) -> Entry:
        row = self._profile(profile, create=False)
        found = None if row is None else self.session.get(EntryRow, (row.id, entry_id))
        if found is None:
            raise UserError(
                f"there is no entry '{entry_id[:64]}' in profile '{profile}'; see `careerset list`."
            )
        return self._to_entry(found)

    def _rows(self, profile_id: int, kind: str | None = None) -> list[EntryRow]:
        query = select(EntryRow).where(EntryRow.profile_id == profile_id)
        if kind is not None:
            query = query.where(EntryRow.kind == kind)
        return list(self.session.scalars(query.order_by(EntryRow.created, EntryRow.id)))

    @staticmethod
    def _to_entry(row: EntryRow) -> Entry:
        return parse_entry(row.data, where=f"stored entry {row.id}: ")

    # Writing --------------------------------------------------------------------------------

    def add_entry(self, profile: str, entry: Entry) -> Entry:
        """Insert a new entry; an id already in the profile is a user error."""
        row = self._profile(profile, create=True)
        assert row is not None
        if self.session.get(EntryRow, (row.id, entry.id)) is not None:
            raise UserError(f"profile '{profile}' already has an entry '{entry.id}'.")
        return self._write(row, entry, existing=None)

    def put_entry(self, profile: str, entry: Entry) -> Entry:
        """Insert or replace by id (imports and restores)."""
        row = self._profile(profile, create=True)
        assert row is not None
        return self._write(row, entry, existing=self.session.get(EntryRow, (row.id, entry.id)))

    def update_entry(self, profile: str, entry: Entry) -> Entry:
        row = self._profile(profile, create=False)
        existing = None if row is None else self.session.get(EntryRow, (row.id, entry.id))
        if row is None or existing is None:
            raise UserError(f"there is no entry '{entry.id}' in profile '{profile}'.")
        return self._write(row, entry, existing=existing)

    def _write(self, profile: ProfileRow, entry: Entry, existing: EntryRow | None) -> Entry:
        now = _now()
        created = entry.created or (existing.created if existing else None) or now
        # An entry that arrives with its own `updated` (a restore) keeps it; edits get a new one.
        updated = entry.updated if entry.updated and existing is None else now
        stamped = entry.model_copy(update={"created": created, "updated": updated})
        data: dict[str, Any] = entry_to_dict(stamped)
        kind = str(data["kind"])
        if existing is None:
            self.session.add(
                EntryRow(
                    profile_id=profile.id,
                    id=stamped.id,
                    kind=kind,
                    data=data,
                    created=created,
                    updated=updated,
                )
            )
        else:
            existing.kind, existing.data, existing.updated = kind, data, updated
        profile.updated = now
        self.session.flush()
        return stamped

    def remove_entry(self, profile: str, entry_id: str) -> Entry:
        entry = self.get_entry(profile, entry_id)
        row = self._profile(profile, create=False)
        assert row is not None
        self.session.execute(
            delete(EntryRow).where(EntryRow.profile_id == row.id, EntryRow.id == entry_id)
        )
        return entry

    def set_person(self, profile: str, person: Person) -> None:
        row = self._profile(profile, create=True)
        assert row is not None
        row.person = person.model_dump(mode="json", exclude_defaults=True)
        row.updated = _now()

    def replace_career(self, profile: str, career: Career) -> None:
        """Make the profile hold exactly `career` (restore); all within the caller's transaction."""
        row = self._profile(profile, create=True)
        assert row is not None
        self.session.execute(delete(EntryRow).where(EntryRow.profile_id == row.id))
        self.session.flush()
        self.set_person(profile, career.person)
        for entry in career.entries:
            self._write(row, entry, existing=None)

    def merge_career(self, profile: str, career: Career) -> int:
        """Add or replace entries by id and fill the person's details; returns entries written."""
        if career.person != Person():
            current = self.load_career(profile).person.model_dump(mode="json", exclude_defaults=True)
            current.update(career.person.model_dump(mode="json", exclude_defaults=True))
            self.set_person(profile, Person.model_validate(current))
        for entry in career.entries:
            self.put_entry(profile, entry)
        return len(career.entries)
