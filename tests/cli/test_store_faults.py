"""Store faults through the real `careerset` program: one line, exit 2, and files left as they were.

The faults are real: immutable files and folders (`chattr +i` as root, `chmod` otherwise), a
lock held by another connection, a tiny tmpfs that fills up, foreign and corrupt files.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from careerset.store.engine import open_engine
from careerset.store.migrate import upgrade

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def careerset(
    db: Path | str, *args: str, home: Path | None = None, lock_wait: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    if lock_wait is not None:
        env["CAREERSET_LOCK_WAIT"] = lock_wait
    env.pop("CAREERSET_DB", None)
    if home is not None:
        env["CAREERSET_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "careerset", "--db", str(db), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single line a refused command prints; fails on a traceback or a second line."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("careerset: ")
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def store(tmp_path: Path, migrated_sqlite: Path) -> Path:
    """A current store holding one skill, with nothing left open: a copy of the migrated
    template, written through the store's own API (the faults below are what runs the
    program)."""
    from careerset.model.entries import Skill
    from careerset.store.repository import Store

    folder = tmp_path / "store"
    folder.mkdir()
    path = folder / "careerset.sqlite"
    shutil.copyfile(migrated_sqlite, path)
    opened = Store.open(str(path))
    with opened.transaction() as session:
        session.add_entry("default", Skill(name="Triage"))
    opened.close()
    return path


@pytest.fixture
def career_file(tmp_path: Path) -> Path:
    path = tmp_path / "career.yaml"
    path.write_text(
        "format: careerset\nversion: 1\nentries:\n  - kind: skill\n    id: s9\n    name: Suturing\n",
        encoding="utf-8",
    )
    return path


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make `path` really unwritable: root ignores permission bits, so root uses the immutable flag."""
    if IS_ROOT:
        if shutil.which("chattr") is None:
            pytest.skip("chattr is not installed")
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("this file system has no immutable flag")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        return
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        path.chmod(mode)


# -- files that are not careerset stores stay byte-identical ---------------------------------


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('another application')")
    connection.commit()
    connection.close()


def _corrupt(path: Path) -> None:
    path.write_bytes(b"\x8f\x01not a database at all" * 300)


def _corrupt_with_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)


@pytest.mark.parametrize("make", [_foreign, _corrupt, _corrupt_with_header])
@pytest.mark.parametrize("command", [["list"], ["add", "skill", "--name", "Triage"], ["init"]])
def test_a_file_that_is_not_a_store_is_refused_untouched(
    tmp_path: Path, make: object, command: list[str]
) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    path = folder / "data.db"
    make(path)  # type: ignore[operator]
    before = snapshot(folder)
    line = one_line(careerset(path, *command, home=tmp_path))
    assert "not" in line and "careerset store" in line
    assert snapshot(folder) == before  # no -wal, -shm or journal left either


# -- a store from a newer careerset ---------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["import", "CAREER"], ["init"]])
def test_a_newer_store_is_refused_in_one_line(
    store: Path, career_file: Path, tmp_path: Path, command: list[str]
) -> None:
    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.close()
    before = digest(store)
    args = [str(career_file) if part == "CAREER" else part for part in command]
    line = one_line(careerset(store, *args, home=tmp_path))
    assert "written by a newer careerset (revision 0099_future); upgrade careerset" in line
    assert digest(store) == before


# -- read-only file and folder ----------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["add", "skill", "--name", "Suturing"],
        ["person", "set", "--name", "Ana"],
        ["import", "CAREER"],
    ],
)
def test_writing_a_read_only_store_is_one_line(
    store: Path, career_file: Path, tmp_path: Path, command: list[str]
) -> None:
    args = [str(career_file) if part == "CAREER" else part for part in command]
    before = digest(store)
    with read_only(store):
        line = one_line(careerset(store, *args, home=tmp_path))
    assert "read-only" in line
    assert digest(store) == before
    assert "Triage" in careerset(store, "list", home=tmp_path).stdout


def test_a_store_in_a_read_only_folder_is_one_line(store: Path, tmp_path: Path) -> None:
    with read_only(store.parent):
        line = one_line(careerset(store, "add", "skill", "--name", "Suturing", home=tmp_path))
    assert "folder" in line or "read-only" in line


# -- a locked store, a full disk ---------------------------------------------------------------


def test_a_locked_store_is_one_line(store: Path, tmp_path: Path) -> None:
    holder = sqlite3.connect(store, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO store_meta (key, value) VALUES ('holding', 'the lock')")
        started = time.perf_counter()
        # A short wait (the default is 5 s): the test is about what is said once it ends.
        done = careerset(
            store, "add", "skill", "--name", "Suturing", home=tmp_path, lock_wait="0.5"
        )
        waited = time.perf_counter() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = one_line(done)
    assert "locked" in line and "try again" in line
    assert waited >= 0.5  # it did wait for the writer before giving up


def test_the_lock_wait_is_five_seconds_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    from careerset.store.engine import lock_wait_milliseconds

    monkeypatch.delenv("CAREERSET_LOCK_WAIT", raising=False)
    assert lock_wait_milliseconds() == 5000
    for value, expected in (("0.5", 500), ("30", 30000), ("nan", 5000), ("-1", 5000), ("x", 5000)):
        monkeypatch.setenv("CAREERSET_LOCK_WAIT", value)
        assert lock_wait_milliseconds() == expected, value


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KB tmpfs (needs root); its files vanish with it."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if made.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


# What the filler leaves free on the tiny disk: room for the store's shared-memory file and a
# write or two, so the disk fills while writing entries, not while opening the store.
FREE_LEFT = 96 * 1024


def test_a_full_disk_is_one_line_and_keeps_what_was_stored(
    store: Path, tiny_disk: Path, tmp_path: Path
) -> None:
    target = tiny_disk / "careerset.sqlite"
    shutil.copyfile(store, target)
    # Most of the free space taken at once, so a few writes fill the rest.
    space = os.statvfs(tiny_disk)
    (tiny_disk / "filler").write_bytes(bytes(space.f_bavail * space.f_frsize - FREE_LEFT))
    notes = os.urandom(9_000).hex()  # 18,000 characters: under the field limit
    outcome = None
    for number in range(40):
        result = careerset(target, "add", "skill", "--name", f"S{number}", "--notes", notes)
        if result.returncode != 0:
            outcome = result
            break
    assert outcome is not None, "the tiny disk never filled up"
    assert "is full" in one_line(outcome), outcome.stderr
    assert number >= 1, "the disk was full before any write"
    listed = careerset(target, "list", "--json")
    assert listed.returncode == 0 and "Triage" in listed.stdout


# -- new files are the owner's only; in-memory stores are refused -------------------------------


def test_new_store_files_and_their_wal_and_shm_are_0600(tmp_path: Path) -> None:
    from careerset.store.repository import Store

    path = tmp_path / "fresh.sqlite"
    store = Store.open(str(path))
    try:
        with store.transaction() as session:
            session.ensure_profile("default")
            created = [path, path.with_name("fresh.sqlite-wal"), path.with_name("fresh.sqlite-shm")]
            modes = {p.name: oct(p.stat().st_mode & 0o777) for p in created}
    finally:
        store.close()
    assert modes == dict.fromkeys(modes, "0o600"), modes


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_store_is_refused(url: str, tmp_path: Path) -> None:
    line = one_line(careerset(url, "add", "skill", "--name", "Triage", home=tmp_path))
    assert "memory" in line


# -- upgrades: backed up, named, all or nothing ------------------------------------------------


def test_an_upgrade_names_the_copy_it_took_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = open_engine(str(path))
    upgrade(engine, "0002")
    engine.dispose()
    before = digest(path)
    result = careerset(path, "list", home=tmp_path)
    assert result.returncode == 0, result.stderr
    copies = sorted(tmp_path.glob("old.before-upgrade-0002-*.sqlite"))
    assert len(copies) == 1
    assert str(copies[0]) in result.stderr
    assert digest(copies[0]) == before or _revision(copies[0]) == "0002"
    assert _revision(copies[0]) == "0002"
    assert oct(copies[0].stat().st_mode & 0o777) == "0o600"


def _revision(path: Path) -> str:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_first_commands_at_once_on_a_new_store_all_succeed(tmp_path: Path) -> None:
    """Several commands starting together on a store that does not exist yet: one makes it,
    and each of them, finding no profile, creates the same one; none fails."""
    target = tmp_path / "new.sqlite"
    env = {**os.environ, "CAREERSET_HOME": str(tmp_path)}
    env.pop("CAREERSET_DB", None)
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "careerset", "--db", str(target)]
            + ["add", "skill", "--name", f"Skill {number}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(5)
    ]
    outcomes = [(process.wait(120), process.stderr.read()) for process in started if process.stderr]
    assert outcomes == [(0, "")] * 5
    listed = careerset(target, "list", "skill", "--json", home=tmp_path)
    assert sorted(item["name"] for item in json.loads(listed.stdout)) == [
        f"Skill {number}" for number in range(5)
    ]
