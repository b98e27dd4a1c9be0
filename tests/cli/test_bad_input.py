"""Bad input of every kind: one sentence on stderr, exit 2, no traceback, and the store unchanged."""

import json
import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from careerset.actions.entry_fields import EXAMPLES

# Touches SQL (writes, imports, accounts, access): `make test` runs it on PostgreSQL too.
pytestmark = pytest.mark.sql

# The issue's own example: `careerset add job --title "Registered Nurse" --org "St. Mary" ...`.
NURSE = shlex.split(EXAMPLES["job"])[1:]


def careerset(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `careerset` program in a fresh process, as a user would run it."""
    env = {**os.environ, "CAREERSET_HOME": str(home), "COLUMNS": "200"}
    env.pop("CAREERSET_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "careerset", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def store_rows(home: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(home / "careerset.sqlite") as connection:
        return connection.execute(
            "SELECT profile_id, id, kind, data, updated FROM entries ORDER BY id"
        ).fetchall()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("bad-input")
    assert careerset(home, *NURSE).returncode == 0
    return home


def _files(folder: Path) -> dict[str, Path]:
    malformed = folder / "malformed.json"
    malformed.write_text('{"basics": {"name": "Ana"', encoding="utf-8")
    unknown_kind = folder / "unknown-kind.yaml"
    unknown_kind.write_text(
        "format: careerset\nversion: 1\nentries:\n  - kind: spaceship\n    name: x\n"
    )
    backwards = folder / "backwards.json"
    backwards.write_text(
        json.dumps(
            {"work": [{"name": "A", "position": "B", "startDate": "2020-01", "endDate": "2019-01"}]}
        )
    )
    nul = folder / "nul.json"
    nul.write_text(json.dumps({"work": [{"name": "A", "position": "Nurse\u0000"}]}))
    huge = folder / "huge.json"
    with huge.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    return {
        "malformed": malformed,
        "unknown-kind": unknown_kind,
        "backwards": backwards,
        "huge": huge,
        "nul": nul,
    }


CASES = [
    ("malformed JSON file", ["import", "{malformed}"], "JSON"),
    ("unknown entry kind on import", ["import", "{unknown-kind}"], "unknown entry kind"),
    ("unknown entry kind on add", ["add", "spaceship", "--name", "x"], "No such command"),
    ("unknown kind to list", ["list", "spaceship"], "unknown entry kind"),
    (
        "end before start on add",
        ["add", "job", "--title", "x", "--start", "2020", "--end", "2019"],
        "before the start",
    ),
    ("end before start on import", ["import", "{backwards}"], "before the start"),
    ("impossible date", ["add", "job", "--title", "x", "--start", "2019-02-30"], "no day 30"),
    (
        "pay basis that does not exist",
        ["add", "job", "--title", "x", "--pay-basis", "yearly"],
        "pay_basis",
    ),
    ("50 MB file", ["import", "{huge}"], "MB"),
    ("missing file", ["import", "{missing}"], "no file"),
    ("wrong --db URL", ["--db", "nosuchdialect://x/y", "list"], "cannot use --db"),
    ("--db in a missing folder", ["--db", "/no/such/folder/x.sqlite", "list"], "does not exist"),
    ("unknown entry id", ["show", "nope"], "there is no entry 'nope'"),
    ("hostile huge title", ["add", "job", "--title", "x" * 100_000], "'title'"),
    ("NUL in imported text", ["import", "{nul}"], "NUL"),
]


@pytest.mark.parametrize(("name", "args", "needle"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_sentence_exit_2_and_changes_nothing(
    seeded: Path, tmp_path: Path, name: str, args: list[str], needle: str
) -> None:
    files = {key: str(path) for key, path in _files(tmp_path).items()} | {
        "missing": str(tmp_path / "no.json")
    }
    before = store_rows(seeded)
    result = careerset(seeded, *[arg.format(**files) for arg in args])
    assert result.returncode == 2, (name, result.stderr)
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert needle in lines[0]
    assert store_rows(seeded) == before
