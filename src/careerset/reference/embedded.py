"""The embedded default: O*NET occupation list and OEWS wages shipped inside the package.

It is loaded into an in-memory database with the pack's schema, so the same query class
serves it; every other feature is marked absent and asks for `careerset data install`.
"""

from __future__ import annotations

import sqlite3

from careerset.reference.builder import OEWS_ATTRIBUTION, onet_attribution
from careerset.reference.oews import import_oews
from careerset.reference.onet import load_occupations
from careerset.reference.schema import SCHEMA_VERSION, create_schema, record_features
from careerset.reference.sources import OnetRelease, embedded_file, embedded_oews
from careerset.reference.tables import InputFile

OCCUPATIONS = "onet_occupation_data.txt"
ONET_RELEASE = "30.1"


def embedded_connection() -> sqlite3.Connection:
    """A fresh in-memory reference database holding only the embedded data (~30 ms)."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    create_schema(db)
    occupations = InputFile(label=OCCUPATIONS, path=embedded_file(OCCUPATIONS))
    release = OnetRelease(files={}, release=ONET_RELEASE, origin="embedded")
    loaded = [("onet", load_occupations(db, occupations, release))]
    loaded.append(("oews", import_oews(db, embedded_oews())))
    db.execute(
        "INSERT INTO occupation_fts (code, title, alternate_titles, description)"
        " SELECT code, title, '', description FROM occupation"
    )
    record_features(db)
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "build_id": "embedded",
        "onet_release": ONET_RELEASE,
        "attribution": f"{onet_attribution(ONET_RELEASE)}\n{OEWS_ATTRIBUTION}",
    }
    db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
    releases = {"onet": ONET_RELEASE, "oews": "May 2025"}
    db.executemany(
        "INSERT INTO source (name, file, release, path, rows, sha256) VALUES (?,?,?,?,?,?)",
        [
            (name, item.file, releases[name], "embedded", item.rows, item.sha256)
            for name, item in loaded
        ],
    )
    db.commit()
    return db
