"""Build the reference pack: import every input into a new SQLite file, then swap it in.

The new pack is written beside the installed one and moved over it with `os.replace`, so a
failed or interrupted build leaves the previous pack untouched and usable.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from careerset.reference.esco import import_classification, import_relations
from careerset.reference.oews import import_oews
from careerset.reference.onet import LOADERS, Loaded, import_onet
from careerset.reference.schema import SCHEMA_VERSION, create_schema, record_features
from careerset.reference.sources import PackInputs

# Called with a description at the start of each build step.
StepCallback = Callable[[str], None]

OEWS_ATTRIBUTION = (
    "Occupational Employment and Wage Statistics, May 2025, U.S. Bureau of Labor Statistics."
)
ESCO_ATTRIBUTION = (
    "ESCO v1.1.1, © European Union. Reuse is authorised under Commission Decision 2011/833/EU."
)


def onet_attribution(release: str | None) -> str:
    """O*NET's required CC BY 4.0 notice, naming the release actually used."""
    return (
        f"This product includes information from the O*NET {release or '30.x'} Database by the "
        "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
        "the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."
    )


@dataclass(frozen=True)
class BuildResult:
    """The installed pack and what went into it."""

    path: Path
    build_id: str
    features: dict[str, bool]
    sources: list[tuple[str, Loaded]]


# How many times a build calls its step callback (a progress bar's total).
BUILD_STEPS = len(LOADERS) + 4


def _index_search(db: sqlite3.Connection) -> None:
    db.execute(
        """INSERT INTO occupation_fts (code, title, alternate_titles, description)
        SELECT o.code, o.title,
            coalesce((SELECT group_concat(title, ' | ') FROM (
                SELECT title FROM alternate_title a WHERE a.code = o.code
                UNION SELECT title FROM reported_title r WHERE r.code = o.code)), ''),
            o.description
        FROM occupation o"""
    )
    db.execute(
        "INSERT INTO esco_skill_fts (uri, label, alt_labels)"
        " SELECT uri, label, coalesce(alt_labels, '') FROM esco_skill"
    )


def _record(
    db: sqlite3.Connection, inputs: PackInputs, sources: list[tuple[str, Loaded]], build_id: str
) -> dict[str, bool]:
    features = record_features(db)
    release = inputs.onet.release
    parts = [onet_attribution(release)]
    if features["wages"]:
        parts.append(OEWS_ATTRIBUTION)
    if features["esco"]:
        parts.append(ESCO_ATTRIBUTION)
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "build_id": build_id,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "onet_release": release or "unknown",
        "onet_origin": inputs.onet.origin,
        "attribution": "\n".join(parts),
    }
    db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
    releases = {"onet": release, "oews": "May 2025", "esco": "1.1.1"}
    paths = {
        "onet": inputs.onet.origin,
        "oews": str(inputs.oews.path) if inputs.oews else "",
        "esco": str(inputs.esco_classification or ""),
    }
    db.executemany(
        "INSERT OR REPLACE INTO source (name, file, release, path, rows, sha256)"
        " VALUES (?,?,?,?,?,?)",
        [
            (name, loaded.file, releases[name], paths[name], loaded.rows, loaded.sha256)
            for name, loaded in sources
        ],
    )
    return features


def _fill(
    db: sqlite3.Connection, inputs: PackInputs, step: StepCallback
) -> list[tuple[str, Loaded]]:
    sources: list[tuple[str, Loaded]] = [
        ("onet", loaded)
        for loaded in import_onet(db, inputs.onet, lambda name: step(f"O*NET {name}"))
    ]
    step("OEWS wages")
    if inputs.oews is not None:
        sources.append(("oews", import_oews(db, inputs.oews)))
    step("ESCO classification")
    if inputs.esco_classification is not None:
        sources += [("esco", x) for x in import_classification(db, inputs.esco_classification)]
    step("ESCO relations")
    if inputs.esco_relations is not None:
        sources += [("esco", x) for x in import_relations(db, inputs.esco_relations)]
    step("search index")
    _index_search(db)
    return sources


def build_pack(inputs: PackInputs, target: Path, step: StepCallback | None = None) -> BuildResult:
    """Build a pack from `inputs` and atomically install it at `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    build_id = uuid.uuid4().hex[:12]
    partial = target.with_name(f".{target.name}.{build_id}.partial")
    try:
        db = sqlite3.connect(partial)
        try:
            # The partial file is thrown away on failure, so durability is not needed here.
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            create_schema(db)
            sources = _fill(db, inputs, step or (lambda _: None))
            features = _record(db, inputs, sources, build_id)
            db.execute("ANALYZE")
            db.commit()
        finally:
            db.close()
        os.chmod(partial, 0o444)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BuildResult(path=target, build_id=build_id, features=features, sources=sources)
