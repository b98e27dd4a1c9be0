"""Describe the reference in use: pack or embedded, version, sources and disabled features.

This is what the data status command and page show, and what every pack records about its inputs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from careerset.facts.profile import ReferenceStatus, SourceInfo


def read_status(db: sqlite3.Connection, kind: str, path: Path | None) -> ReferenceStatus:
    """Read the metadata tables of a pack (or of the embedded in-memory database)."""
    meta = {str(k): str(v) for k, v in db.execute("SELECT key, value FROM meta")}
    sources = tuple(
        SourceInfo(name=f"{name}: {file}", release=release, path=p, rows=rows, sha256=sha)
        for name, file, release, p, rows, sha in db.execute(
            "SELECT name, file, release, path, rows, sha256 FROM source ORDER BY name, file"
        )
    )
    features = {
        str(name): bool(present)
        for name, present in db.execute("SELECT name, present FROM feature ORDER BY name")
    }
    return ReferenceStatus(
        kind=kind,
        path=str(path) if path else None,
        schema_version=int(meta.get("schema_version", "0")),
        build_id=meta.get("build_id"),
        built_at=meta.get("built_at"),
        sources=sources,
        features=features,
        attribution=meta.get("attribution", ""),
    )


def status_as_dict(status: ReferenceStatus) -> dict[str, object]:
    """JSON-ready form of a status, for `data status --json`."""
    return {
        "kind": status.kind,
        "path": status.path,
        "schema_version": status.schema_version,
        "build_id": status.build_id,
        "built_at": status.built_at,
        "sources": [
            {
                "name": s.name,
                "release": s.release,
                "path": s.path,
                "rows": s.rows,
                "sha256": s.sha256,
            }
            for s in status.sources
        ],
        "features": status.features,
        "disabled": sorted(name for name, present in status.features.items() if not present),
        "attribution": status.attribution,
    }
