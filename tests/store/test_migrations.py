"""Migrations: a store created at the first revision upgrades to head and keeps its data; a
new store, made straight at head, has exactly the schema the migrations build."""

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from careerset.store.engine import open_engine
from careerset.store.migrate import current_revision, head_revision, upgrade
from careerset.store.repository import Store
from careerset.store.revision import HEAD_REVISION


def test_first_revision_upgrades_to_head_keeping_data(store_url: str) -> None:
    engine = open_engine(store_url)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    assert "store_meta" not in inspect(engine).get_table_names()
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO profiles (name, person, created, updated) VALUES ('ana', '{}', :n, :n)"
            ),
            {"n": now},
        )
        connection.execute(
            text(
                "INSERT INTO entries (profile_id, id, kind, data, created, updated) "
                "VALUES (1, 'j1', 'job', :d, :n, :n)"
            ),
            {"d": '{"kind": "job", "id": "j1", "title": "Nurse"}', "n": now},
        )
    engine.dispose()

    store = Store.open(store_url)
    try:
        assert current_revision(store.engine) == head_revision()
        assert "store_meta" in inspect(store.engine).get_table_names()
        indexes = {ix["name"] for ix in inspect(store.engine).get_indexes("entries")}
        assert "ix_entries_profile_kind" in indexes
        with store.transaction() as session:
            assert [e.label for e in session.list_entries("ana")] == ["Nurse"]
    finally:
        store.close()


def test_opening_twice_does_not_migrate_again(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sqlite")
    Store.open(path).close()
    store = Store.open(path)
    assert current_revision(store.engine) == head_revision()
    store.close()


def test_a_0002_store_with_data_upgrades_to_accounts(store_url: str, password_hash: str) -> None:
    from careerset.store.rights import AccessDenied

    engine = open_engine(store_url)
    upgrade(engine, "0002")
    assert current_revision(engine) == "0002"
    assert "users" not in inspect(engine).get_table_names()
    now = datetime.now(UTC)
    with engine.begin() as connection:
        for name in ("ana", "ben"):
            connection.execute(
                text(
                    "INSERT INTO profiles (name, person, created, updated) "
                    "VALUES (:name, '{}', :n, :n)"
                ),
                {"name": name, "n": now},
            )
        connection.execute(
            text(
                "INSERT INTO entries (profile_id, id, kind, data, created, updated) "
                "SELECT id, 'j1', 'job', :d, :n, :n FROM profiles WHERE name = 'ana'"
            ),
            {"d": '{"kind": "job", "id": "j1", "title": "Nurse"}', "n": now},
        )
        connection.execute(text("INSERT INTO store_meta (key, value) VALUES ('kept', 'yes')"))
    engine.dispose()

    store = Store.open(store_url)
    try:
        assert current_revision(store.engine) == head_revision() == HEAD_REVISION == "0004"
        tables = set(inspect(store.engine).get_table_names())
        assert {"users", "grants", "comments", "audit_log", "web_sessions"} <= tables
        with store.transaction() as session:
            assert session.meta_value("kept") == "yes"
            assert session.profile_names() == ["ana", "ben"]
            # The old career becomes a client's career, and the rights apply to it at once.
            ana = session.create_user(
                "ana@example.org", "", "client", "ana", password_hash=password_hash
            )
        with store.transaction(actor=ana) as session:
            assert [e.label for e in session.list_entries("ana")] == ["Nurse"]
            assert session.profile_names() == ["ana"]
            with pytest.raises(AccessDenied):
                session.load_career("ben")
    finally:
        store.close()


def test_the_migrated_schema_matches_the_tables(store: Store) -> None:
    """Alembic finds nothing to add or drop between head and `tables.py`."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from careerset.store.tables import metadata

    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def _schema(path: Path) -> dict[str, object]:
    """Every table's columns, keys, indexes and constraints, by name, with whitespace and
    the order of clauses set aside (Alembic lays out what it recreates in its own order)."""
    connection = sqlite3.connect(path)
    try:
        found: dict[str, object] = {}
        for kind, name, sql in connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        ):
            body = re.sub(r"\s+", " ", sql).strip()
            if kind == "table":
                inner = body[body.index("(") + 1 : body.rindex(")")]
                clauses = sorted(part.strip() for part in re.split(r",(?![^()]*\))", inner))
                found[f"table {name}"] = clauses
            else:
                found[f"{kind} {name}"] = body
        return found
    finally:
        connection.close()


def test_a_new_store_is_made_at_head_with_the_migrated_schema(tmp_path: Path) -> None:
    made, migrated = tmp_path / "made.sqlite", tmp_path / "migrated.sqlite"
    Store.open(str(made)).close()
    engine = open_engine(str(migrated))
    upgrade(engine)
    engine.dispose()
    assert _schema(made) == _schema(migrated)
    assert current_revision(open_engine(str(made))) == HEAD_REVISION
