"""Derive the embedded O*NET core: run the pack builder over a chosen subset of O*NET files,
keep what the mission needs, and write a deterministic xz-compressed SQLite file plus manifest.

Run it with `python scripts/build_embedded_core.py` (see that script for the options).
"""

from __future__ import annotations

import hashlib
import json
import lzma
import os
import sqlite3
import sys
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from careerset.reference.builder import OEWS_ATTRIBUTION, build_pack
from careerset.reference.onet import LOADERS
from careerset.reference.schema import SCHEMA_VERSION, record_features
from careerset.reference.sources import OnetRelease, PackInputs, embedded_oews, onet_release

CORE_NAME = "onet_core.sqlite.xz"
MANIFEST_NAME = "onet_core.json"

# The O*NET files the core is built from. Skills may come as Essential Skills (30.3 on).
REQUIRED_FILES = ("Occupation Data.txt", "Knowledge.txt", "Interests.txt", "Job Zones.txt")
SKILL_FILES = ("Skills.txt", "Essential Skills.txt")
OPTIONAL_FILES = (
    "Education, Training, and Experience.txt",
    "Work Values.txt",
    "Related Occupations.txt",
    "Technology Skills.txt",
    "UNSPSC Reference.txt",
    # Alternate titles feed occupation search only (see _trim); the coder's titles are its own.
    "Alternate Titles.txt",
)
# Read by another file's loader rather than loaded itself.
AUXILIARY_FILES = frozenset({"UNSPSC Reference.txt"})

# The release of each file in ../shared/data/onet, which mixes releases (see its README);
# an official release folder or zip names its own release, which then applies to every file.
SHARED_RELEASES = {
    "Occupation Data.txt": "30.1",
    "Interests.txt": "30.1",
    "Work Values.txt": "30.1",
    "Skills.txt": "30.0–30.2",
    "Knowledge.txt": "30.0–30.2",
    "Education, Training, and Experience.txt": "30.0–30.2",
    "Job Zones.txt": "30.0–30.2",
    "Related Occupations.txt": "29.x",
    "Technology Skills.txt": "29.x",
    "UNSPSC Reference.txt": "29.x",
    "Alternate Titles.txt": "26.x",
}

# Features the mission needs; the build fails if any is empty.
EXPECTED_FEATURES = (
    "occupations",
    "skills",
    "knowledge",
    "interests",
    "job_zones",
    "related_occupations",
    "technology_skills",
    "wages",
)
# Tables the core leaves empty on purpose; any other empty table fails the build, so a table
# the pack builder gains later is either filled from the core's files or listed here.
EMPTY_BY_DESIGN = frozenset(
    {
        "alternate_title",  # in occupation_fts only, so the coder's inputs stay its own
        "reported_title",
        "task",
        "esco_occupation",
        "esco_skill",
        "esco_occupation_skill",
        "esco_group",
        "esco_broader",
        "esco_skill_fts",
    }
)
# Columns that may hold no value in any row.
NULL_BY_DESIGN: frozenset[str] = frozenset()

XZ_PRESET = 9

ATTRIBUTION_NAME = "ATTRIBUTION.md"
# The O*NET notice in ATTRIBUTION.md sits between these lines and is rewritten by each build.
NOTICE_START = "<!-- O*NET notice: written by scripts/build_embedded_core.py -->"
NOTICE_END = "<!-- end of the O*NET notice -->"


class CoreBuildError(RuntimeError):
    """The inputs cannot make a complete core; the message names what is missing."""


@dataclass(frozen=True)
class CoreResult:
    """The written core, its manifest and what it holds."""

    core: Path
    manifest: Path
    sqlite_bytes: int
    xz_bytes: int
    features: dict[str, bool]
    warnings: list[str]


def _select(release: OnetRelease) -> tuple[OnetRelease, dict[str, str]]:
    """The subset of `release` the core uses, and the release each chosen file comes from."""
    skills = [name for name in SKILL_FILES if release.get(name)][:1]
    missing = [name for name in REQUIRED_FILES if release.get(name) is None]
    if not skills:
        missing.append(SKILL_FILES[0])
    if missing:
        raise CoreBuildError(f"{release.origin} lacks {', '.join(missing)}.")
    wanted = [*REQUIRED_FILES, *skills, *OPTIONAL_FILES]
    files = {name.lower(): found for name in wanted if (found := release.get(name)) is not None}
    releases = {
        found.label: release.release or SHARED_RELEASES.get(found.label, "30.x")
        for found in files.values()
    }
    return OnetRelease(files=files, release=release.release, origin="embedded"), releases


def onet_core_attribution(releases: dict[str, str]) -> str:
    """O*NET's CC BY 4.0 notice naming every release used and what came from each."""
    by_release: dict[str, list[str]] = {}
    for label, release in sorted(releases.items()):
        by_release.setdefault(release, []).append(label.removesuffix(".txt"))
    parts = [
        f"{release} ({', '.join(labels)})"
        for release, labels in sorted(by_release.items(), reverse=True)
    ]
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    plural = "Database" if len(parts) == 1 else "Databases"
    return (
        f"This product includes information from the O*NET {listed} {plural} by the "
        "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used "
        "under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."
    )


def _check_loaded(db: sqlite3.Connection, releases: dict[str, str]) -> list[str]:
    """Fail when a chosen file with a loader loaded nothing; warn when it has no loader (and
    drop it from `releases`, so the attribution names only what the core holds)."""
    loaded = {str(file): int(rows) for file, rows in db.execute("SELECT file, rows FROM source")}
    warnings: list[str] = []
    for label in sorted(releases):
        if label in AUXILIARY_FILES:
            continue
        if label not in LOADERS:
            warnings.append(f"{label}: the pack builder has no loader for it, so it is left out")
            del releases[label]
        elif loaded.get(label, 0) == 0:
            raise CoreBuildError(f"{label} loaded no rows.")
    return warnings


def _trim(db: sqlite3.Connection) -> None:
    # The search index already holds the alternate titles; the table itself would change the
    # title coder's inputs, which the coder's own shipped data owns.
    db.execute("DELETE FROM alternate_title")
    db.execute("DELETE FROM task")
    db.execute("DELETE FROM feature")


def _record(db: sqlite3.Connection, releases: dict[str, str]) -> dict[str, bool]:
    features = record_features(db)
    absent = [
        name
        for name in EXPECTED_FEATURES
        if not features.get(name, False)
        and not (name == "skills" and features.get("essential_skills", False))
    ]
    if absent:
        raise CoreBuildError(f"The core would have no {', '.join(absent)}.")
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "build_id": "embedded",
        "onet_release": " / ".join(sorted(set(releases.values()))),
        "onet_origin": "embedded",
        "attribution": f"{onet_core_attribution(releases)}\n{OEWS_ATTRIBUTION}",
    }
    db.execute("DELETE FROM meta")
    db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
    # Where the inputs lay on the build machine means nothing to a user.
    db.execute("UPDATE source SET path = 'embedded'")
    for label, release in releases.items():
        db.execute("UPDATE source SET release = ? WHERE file = ?", (release, label))
    return features


def _tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = {name for name, sql in rows if "VIRTUAL TABLE" in (sql or "").upper()}
    # FTS5 keeps its data in shadow tables named after the virtual one.
    shadow = {name for name, _ in rows if any(name.startswith(v + "_") for v in virtual)}
    return sorted(name for name, _ in rows if name not in shadow)


def _check_tables(db: sqlite3.Connection) -> None:
    """Fail on any empty table (unless empty by design) and any column without a value."""
    for table in _tables(db):
        count = int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        if table in EMPTY_BY_DESIGN:
            continue
        if count == 0:
            raise CoreBuildError(
                f"Table {table} is empty; include the O*NET file that fills it, or list it "
                "in EMPTY_BY_DESIGN."
            )
        columns = [str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")]
        for column in columns:
            if f"{table}.{column}" in NULL_BY_DESIGN or table.endswith("_fts"):
                continue
            filled = db.execute(f"SELECT 1 FROM {table} WHERE {column} IS NOT NULL LIMIT 1")
            if filled.fetchone() is None:
                raise CoreBuildError(
                    f"Column {table}.{column} holds no value in any row; check the file that "
                    "fills it has the column, or list it in NULL_BY_DESIGN."
                )


def _write_notice(folder: Path, notice: str) -> None:
    """Put the core's O*NET notice into ATTRIBUTION.md, between its markers, as a quote."""
    path = folder / ATTRIBUTION_NAME
    text = path.read_text("utf-8") if path.is_file() else ""
    quoted = "\n".join(f"> {line}" for line in textwrap.wrap(notice, 94))
    block = f"{NOTICE_START}\n{quoted}\n{NOTICE_END}"
    if NOTICE_START in text and NOTICE_END in text:
        before, rest = text.split(NOTICE_START, 1)
        text = before + block + rest.split(NOTICE_END, 1)[1]
    else:
        text = f"{text.rstrip()}\n\n{block}\n".lstrip()
    _write_atomically(path, text.encode("utf-8"))


def _vacuum_into(db: sqlite3.Connection, target: Path) -> bytes:
    target.unlink(missing_ok=True)
    db.execute("VACUUM INTO ?", (str(target),))
    return target.read_bytes()


def _write_atomically(target: Path, data: bytes) -> None:
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)


def build_core(
    onet_dir: Path,
    out_dir: Path,
    preset: int = XZ_PRESET,
    step: Callable[[str], None] = lambda _: None,
) -> CoreResult:
    """Build the core from the O*NET release at `onet_dir` into `out_dir` (overwriting it)."""
    if not onet_dir.exists():
        raise CoreBuildError(f"{onet_dir} does not exist; pass an O*NET text folder or zip.")
    chosen, releases = _select(onet_release(onet_dir))
    with tempfile.TemporaryDirectory(prefix="careerset-core-") as folder:
        work = Path(folder)
        step("building the pack from " + ", ".join(sorted(releases)))
        built = build_pack(PackInputs(chosen, embedded_oews(), None, None), work / "pack.sqlite")
        os.chmod(built.path, 0o644)
        db = sqlite3.connect(built.path)
        try:
            warnings = _check_loaded(db, releases)
            _trim(db)
            features = _record(db, releases)
            _check_tables(db)
            db.execute("ANALYZE")
            db.commit()
            # The build id names the content, so caches keyed by it follow every change.
            digest = hashlib.sha256(_vacuum_into(db, work / "draft.sqlite")).hexdigest()
            db.execute(
                "UPDATE meta SET value = ? WHERE key = 'build_id'", (f"embedded-{digest[:12]}",)
            )
            db.commit()
            data = _vacuum_into(db, work / "core.sqlite")
        finally:
            db.close()
    step(f"compressing {len(data):,} bytes")
    packed = lzma.compress(data, format=lzma.FORMAT_XZ, preset=preset)
    out_dir.mkdir(parents=True, exist_ok=True)
    core, manifest = out_dir / CORE_NAME, out_dir / MANIFEST_NAME
    _write_atomically(core, packed)
    description = {
        "file": CORE_NAME,
        "xz_sha256": hashlib.sha256(packed).hexdigest(),
        "sqlite_sha256": hashlib.sha256(data).hexdigest(),
        "sqlite_bytes": len(data),
        "schema_version": SCHEMA_VERSION,
        "build_id": f"embedded-{digest[:12]}",
        "onet_files": dict(sorted(releases.items())),
        "features": sorted(name for name, present in features.items() if present),
        "sqlite_version": sqlite3.sqlite_version,
        "python": ".".join(map(str, sys.version_info[:3])),
    }
    _write_notice(out_dir, onet_core_attribution(releases))
    _write_atomically(
        manifest, (json.dumps(description, indent=2, ensure_ascii=False) + "\n").encode()
    )
    return CoreResult(core, manifest, len(data), len(packed), features, warnings)
