"""Run the real command tree in-process against a real SQLite file per test."""

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from careerset.cli.main import cli

Invoke = Callable[..., Result]


@pytest.fixture
def db_path(home: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    return home / "store.sqlite"


@pytest.fixture
def run(db_path: Path) -> Invoke:
    """Invoke `careerset --db <tmp file> ARGS...`; the Result has stdout, stderr and exit_code."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, db: str | None = None) -> Result:
        return runner.invoke(cli(), ["--db", db or str(db_path), *args], input=input)

    return invoke
