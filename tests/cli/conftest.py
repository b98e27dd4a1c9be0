"""Run the real command tree in-process against a real store per test (SQLite, or PostgreSQL
with `--store postgresql`)."""

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from careerset.cli.main import cli

Invoke = Callable[..., Result]


@pytest.fixture
def db_path(sqlite_file: Path) -> Path:
    """The test's SQLite store file (tests asking for it skip with `--store postgresql`)."""
    return sqlite_file


@pytest.fixture
def run(store_target: str) -> Invoke:
    """Invoke `careerset --db <the test's store> ARGS...`; the Result has stdout, stderr and
    exit_code. The store is a SQLite file, or a PostgreSQL database with `--store postgresql`."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, db: str | None = None) -> Result:
        return runner.invoke(cli(), ["--db", db or store_target, *args], input=input)

    return invoke
