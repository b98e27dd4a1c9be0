"""A real store per test, on a SQLite file and on a real PostgreSQL server (a fresh database each)."""

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from careerset.store.repository import Store
from careerset.store.rights import Actor
from postgres_server import empty_postgres_database, postgres_database


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database that no migration has touched, for the migration tests."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.sqlite")
        return
    with postgres_database(request.getfixturevalue("postgres_url")) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def migrated_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database at the newest revision, empty: a copy of the session's template
    (test_migrations checks the migrations themselves); on
    PostgreSQL the process's copy, emptied after each test."""
    if request.param == "sqlite":
        target = tmp_path / "store.sqlite"
        shutil.copyfile(request.getfixturevalue("migrated_sqlite"), target)
        yield str(target)
        return
    url = request.getfixturevalue("reused_postgres")
    yield url
    empty_postgres_database(url)


@pytest.fixture
def store(migrated_url: str) -> Iterator[Store]:
    opened = Store.open(migrated_url)
    yield opened
    opened.close()


# -- server mode: accounts on the same real stores ------------------------------------------

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def password_hash() -> str:
    """One real argon2id hash of PASSWORD, made once (hashing takes ~0.3 s here)."""
    from careerset.store.passwords import hash_password

    return hash_password(PASSWORD)


@dataclass(frozen=True)
class People:
    """Two clients with careers, a coach with no grants yet, an admin; all with PASSWORD."""

    ana: Actor
    ben: Actor
    cora: Actor
    adam: Actor


@pytest.fixture
def people(store: Store, password_hash: str) -> People:
    from careerset.model.validation import build_entry

    with store.transaction() as session:
        made = People(
            ana=session.create_user(
                "ana@example.org", "", "client", "ana", password_hash=password_hash
            ),
            ben=session.create_user(
                "ben@example.org", "", "client", "ben", password_hash=password_hash
            ),
            cora=session.create_user("cora@example.org", "", "coach", password_hash=password_hash),
            adam=session.create_user("adam@example.org", "", "admin", password_hash=password_hash),
        )
        session.add_entry("ana", build_entry("job", {"id": "a1", "title": "Registered Nurse"}))
        session.add_entry("ana", build_entry("skill", {"id": "a2", "name": "Triage"}))
        session.add_entry("ben", build_entry("job", {"id": "b1", "title": "Cashier"}))
    return made
