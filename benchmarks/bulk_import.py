"""Benchmark a large import: `careerset import` of a 200,000-entry careerset YAML (about 10 MB)
as a whole process, into a fresh SQLite store, in one transaction (target: 30 s or less).

Also reports the process's peak memory. Run: .venv/bin/python benchmarks/bulk_import.py
[--entries 200000]. `career_yaml` is shared with the tests that kill an import halfway.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_S = 30.0
ENTRIES = 200_000
KINDS = ("skill", "skill", "job", "activity")


def _entry(number: int) -> str:
    kind = KINDS[number % len(KINDS)]
    if kind == "skill":
        return f"- kind: skill\n  id: s{number}\n  name: Skill {number}\n"
    if kind == "job":
        year = 1990 + number % 30
        return (
            f"- kind: job\n  id: j{number}\n  title: Nurse {number}\n"
            f"  organization: Clinic {number % 97}\n  start: '{year}-03'\n"
        )
    return (
        f"- kind: activity\n  id: a{number}\n  activity_kind: course\n"
        f"  title: Course {number}\n  date: '2020-05'\n"
    )


def career_yaml(entries: int) -> str:
    """A careerset file of `entries` plain entries (skills, jobs, courses), no job codes needed."""
    parts = ["format: careerset\nversion: 1\nperson:\n  name: Ana Bulk\nentries:\n"]
    parts.extend(_entry(number) for number in range(entries))
    return "".join(parts)


def run(entries: int) -> tuple[float, int, int]:
    """(seconds, entries stored, peak resident memory in MB) of one whole-process import."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "big.yaml"
        source.write_text(career_yaml(entries), encoding="utf-8")
        size_mb = source.stat().st_size / (1024 * 1024)
        store = Path(folder) / "store.sqlite"
        env = {**os.environ, "CAREERSET_HOME": folder}
        env.pop("CAREERSET_DB", None)
        print(f"file: {entries:,} entries, {size_mb:.1f} MB", flush=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "careerset", "--db", str(store), "import", str(source)],
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) // 1024
        if result.returncode != 0:
            print(result.stderr[-2000:])
            raise SystemExit(1)
        with sqlite3.connect(store) as connection:
            stored = connection.execute("SELECT count(*) FROM entries").fetchone()[0]
        connection.close()
    return seconds, int(stored), int(peak)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=ENTRIES)
    arguments = parser.parse_args()
    seconds, stored, peak = run(arguments.entries)
    ok = seconds <= BUDGET_S and stored == arguments.entries
    print(
        f"import of {arguments.entries:,} entries: {seconds:.1f} s (budget {BUDGET_S:.0f} s),"
        f" {stored:,} stored, peak memory {peak} MB, {seconds / stored * 1e6:.0f} µs per entry:"
        f" {'OK' if ok else 'OVER BUDGET'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
