"""Migrations are all or nothing on SQLite too, and an up-to-date store never loads Alembic."""

import shutil
import sqlite3
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from sqlalchemy import inspect

from careerset.errors import UserError
from careerset.store.engine import open_engine
from careerset.store.migrate import current_revision, head_revision, upgrade
from careerset.store.repository import Store
from careerset.store.revision import HEAD_REVISION, REVISIONS

BROKEN = '''"""A migration that fails halfway, after creating a table and an index.

Revision ID: {new}
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "{new}"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("halfway", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_index("ix_entries_kind_only", "entries", ["kind"])
    op.execute("INSERT INTO halfway (id) VALUES (1)")
    op.execute("INSERT INTO no_such_table (id) VALUES (1)")
'''


def test_revisions_known_without_alembic_match_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    from careerset.store.migrate import alembic_config

    walked = [s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
    assert tuple(reversed(walked)) == REVISIONS
    assert head_revision() == HEAD_REVISION


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")
        return {str(row[0]) for row in rows}


def test_a_migration_failing_halfway_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(str(files("careerset.store") / "migrations")), scripts)
    new = f"{int(HEAD_REVISION) + 1:04d}"
    broken = BROKEN.replace("{new}", new).replace("{head}", HEAD_REVISION)
    (scripts / "versions" / f"{new}_broken.py").write_text(broken, encoding="utf-8")
    path = tmp_path / "store.sqlite"
    store = Store.open(str(path))
    with store.transaction() as session:
        session.ensure_profile("ana")
    store.close()
    before = _tables(path)

    engine = open_engine(str(path))
    with pytest.raises(Exception, match="no_such_table"):
        upgrade(engine, "head", script_location=str(scripts))
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()
    assert _tables(path) == before
    assert "halfway" not in before

    reopened = Store.open(str(path))
    try:
        with reopened.transaction() as session:
            assert session.profile_names() == ["ana"]
    finally:
        reopened.close()


def test_an_upgrade_that_fails_partway_keeps_the_old_revision_and_still_opens(
    tmp_path: Path,
) -> None:
    """0003 creates users and grants, then meets a table in its way: nothing of it stays."""
    path = tmp_path / "store.sqlite"
    engine = open_engine(str(path))
    upgrade(engine, "0002")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE comments (id INTEGER PRIMARY KEY)")
    connection.close()

    with pytest.raises(UserError, match="left unchanged at revision 0002"):
        Store.open(str(path))
    engine = open_engine(str(path))
    assert current_revision(engine) == "0002"
    assert {"users", "grants"}.isdisjoint(inspect(engine).get_table_names())
    engine.dispose()

    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE comments")
    connection.close()
    store = Store.open(str(path))
    try:
        assert current_revision(store.engine) == HEAD_REVISION
        assert "users" in inspect(store.engine).get_table_names()
    finally:
        store.close()


PROBE = """
import sys
from careerset.store.repository import Store
Store.open(sys.argv[1]).close()
print(" ".join(name for name in ("alembic", "mako") if name in sys.modules))
"""


def _loaded_after_open(path: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_opening_a_current_store_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    assert _loaded_after_open(path) == ""  # a new store is made at head (create_at_head)
    assert _loaded_after_open(path) == ""  # a current one is only checked
    old = tmp_path / "old.sqlite"
    engine = open_engine(str(old))
    upgrade(engine, "0002")
    engine.dispose()
    assert _loaded_after_open(old) == "alembic mako"  # an older one is migrated
