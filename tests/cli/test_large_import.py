"""Large imports: all or nothing under SIGKILL, a cap on entries, one-line errors for bad bytes."""

import hashlib
import importlib.util
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from careerset.errors import UserError
from careerset.interchange.files import MAX_ENTRIES
from careerset.interchange.yaml_backup import document_to_career, load_yaml_text

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "bulk_import.py"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("careerset_bulk_import", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "CAREERSET_HOME": str(home)}
    env.pop("CAREERSET_DB", None)
    return env


def _careerset(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "careerset", *args],
        env=_environment(home),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT profile_id, id, kind, data, created FROM entries")
        return sorted(rows.fetchall(), key=repr)


def test_killing_an_import_halfway_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    assert (
        _careerset(tmp_path, "--db", str(store), "add", "skill", "--name", "Triage").returncode == 0
    )
    big = tmp_path / "big.yaml"
    big.write_text(_benchmark().career_yaml(60_000), encoding="utf-8")
    before = _rows(store)

    process = subprocess.Popen(
        [sys.executable, "-m", "careerset", "--db", str(store), "import", str(big)],
        env=_environment(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill it while it writes: the write-ahead log grows as soon as the first batch goes in.
    wal = tmp_path / "store.sqlite-wal"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 1_000_000:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the import finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert wal.exists() and wal.stat().st_size > 1_000_000, "killed before any write"

    assert _rows(store) == before
    listed = _careerset(tmp_path, "--db", str(store), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "Triage" in listed.stdout


def test_an_import_over_the_entry_cap_is_refused_in_one_sentence(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    assert (
        _careerset(tmp_path, "--db", str(store), "add", "skill", "--name", "Triage").returncode == 0
    )
    entries = "".join(f"- {{kind: skill, id: s{n}, name: S{n}}}\n" for n in range(MAX_ENTRIES + 1))
    big = tmp_path / "too-many.yaml"
    big.write_text(f"format: careerset\nversion: 1\nentries:\n{entries}", encoding="utf-8")
    digest = hashlib.sha256(store.read_bytes()).hexdigest()
    result = _careerset(tmp_path, "--db", str(store), "import", str(big))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"careerset: The file holds {MAX_ENTRIES + 1:,} entries, more than the {MAX_ENTRIES:,}"
        " careerset imports at once; split it into smaller files."
    ]
    assert hashlib.sha256(store.read_bytes()).hexdigest() == digest
    assert f"{MAX_ENTRIES:,}" in _careerset(tmp_path, "import", "--help").stdout


@pytest.mark.parametrize(
    ("character", "code"), [("\x00", "U+0000"), ("\x07", "U+0007"), ("\x1b", "U+001B")]
)
def test_a_control_character_in_yaml_is_one_line(character: str, code: str) -> None:
    text = f"format: careerset\nversion: 1\nentries:\n  - kind: skill\n    name: a{character}b\n"
    with pytest.raises(UserError) as caught:
        load_yaml_text(text)
    assert "\n" not in caught.value.message
    assert code in caught.value.message and "line 5" in caught.value.message


def test_a_wrong_version_reads_as_english() -> None:
    with pytest.raises(UserError) as caught:
        document_to_career({"format": "careerset", "version": 2, "entries": []})
    assert caught.value.message == (
        "This file is a careerset file of version 2; this careerset reads version 1 only."
    )


def test_the_fast_loader_reads_what_the_plain_one_reads() -> None:
    text = (
        "format: careerset\nversion: 1\nperson: {name: 'Ana & Co'}\nentries:\n"
        "  - {kind: skill, id: s1, name: 'C*', notes: \"2020-01-01 at 5 * 3\"}\n"
        "  - kind: job\n    id: j1\n    title: Nurse\n    start: 2020-03-01\n"
    )
    data = load_yaml_text(text)
    assert data["entries"][1]["start"] == "2020-03-01"  # timestamps stay text
    assert data["person"]["name"] == "Ana & Co"
    with pytest.raises(UserError, match="anchors and aliases"):
        load_yaml_text("a: &x [1]\nb: *x\n")
