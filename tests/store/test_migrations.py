"""Migrations: a store created at the first revision upgrades to head and keeps its data."""

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import inspect, text

from careerset.store.engine import open_engine
from careerset.store.migrate import current_revision, head_revision, upgrade
from careerset.store.repository import Store


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
