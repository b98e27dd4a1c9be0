"""Bring a store's schema to the newest Alembic revision (or to any named one, for tests).

Alembic is imported only when a store is behind: an up-to-date store costs one query.
"""

from importlib.resources import files
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions (tests/store/test_migrations.py checks it).
HEAD_REVISION = "0003"


def alembic_config(connection: Connection | None = None) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("careerset.store") / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run migrations up to `revision` in one transaction."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def ensure_current(engine: Engine) -> None:
    """Upgrade only when behind, so opening an up-to-date store costs one query."""
    if current_revision(engine) != HEAD_REVISION:
        upgrade(engine)
