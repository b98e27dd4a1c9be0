"""Import the official ESCO CSV release (classification and relations zips) into the pack.

Members are found by name prefix (`occupations_`, `skills_`, ...) so any language edition of
the same release layout loads; only the columns named here are read.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from careerset.errors import UserError
from careerset.reference.onet import Loaded
from careerset.reference.tables import InputFile, read_table


def _member(archive_path: Path, prefix: str, what: str) -> InputFile:
    try:
        with zipfile.ZipFile(archive_path) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        raise UserError(f"{archive_path} is not a valid zip file; download it again.") from None
    for name in names:
        base = name.rsplit("/", 1)[-1]
        if base.lower().startswith(prefix.lower()) and base.lower().endswith(".csv"):
            return InputFile(label=base, path=archive_path, member=name)
    raise UserError(
        f"{archive_path} has no {prefix}*.csv, so it is not the ESCO {what} CSV zip; "
        "download the official ESCO CSV release."
    )


def _labels(value: str | None) -> str | None:
    # ESCO separates alternative labels by newlines; keep them that way in the pack.
    if value is None:
        return None
    return "\n".join(line.strip() for line in value.splitlines() if line.strip()) or None


def import_classification(db: sqlite3.Connection, archive_path: Path) -> list[Loaded]:
    """Occupations, skills and skill groups from the classification zip."""
    occupations = read_table(
        _member(archive_path, "occupations_", "classification"),
        ["conceptUri", "preferredLabel"],
        ["altLabels", "iscoGroup", "description"],
        delimiter=",",
    )
    db.executemany(
        "INSERT OR REPLACE INTO esco_occupation (uri, label, alt_labels, isco_group, description)"
        " VALUES (?,?,?,?,?)",
        [(u, label, _labels(a), i, d) for u, label, a, i, d in occupations.rows if u and label],
    )
    skills = read_table(
        _member(archive_path, "skills_", "classification"),
        ["conceptUri", "preferredLabel"],
        ["altLabels", "skillType", "reuseLevel", "description"],
        delimiter=",",
    )
    db.executemany(
        "INSERT OR REPLACE INTO esco_skill"
        " (uri, label, alt_labels, skill_type, reuse_level, description) VALUES (?,?,?,?,?,?)",
        [(u, label, _labels(a), t, r, d) for u, label, a, t, r, d in skills.rows if u and label],
    )
    loaded = [
        Loaded(occupations.label, len(occupations.rows), occupations.sha256),
        Loaded(skills.label, len(skills.rows), skills.sha256),
    ]
    try:
        groups = read_table(
            _member(archive_path, "skillGroups_", "classification"),
            ["conceptUri", "preferredLabel"],
            delimiter=",",
        )
    except UserError:
        return loaded  # the hierarchy then shows URIs without group labels
    db.executemany(
        "INSERT OR REPLACE INTO esco_group (uri, label) VALUES (?,?)",
        [row for row in groups.rows if row[0] and row[1]],
    )
    loaded.append(Loaded(groups.label, len(groups.rows), groups.sha256))
    return loaded


def import_relations(db: sqlite3.Connection, archive_path: Path) -> list[Loaded]:
    """Occupation-skill links and the skill hierarchy from the relations zip."""
    links = read_table(
        _member(archive_path, "occupationSkillRelations", "relations"),
        ["occupationUri", "skillUri", "relationType"],
        ["skillType"],
        delimiter=",",
    )
    db.executemany(
        "INSERT OR REPLACE INTO esco_occupation_skill"
        " (occupation_uri, skill_uri, relation, skill_type) VALUES (?,?,?,?)",
        [row for row in links.rows if row[0] and row[1] and row[2]],
    )
    loaded = [Loaded(links.label, len(links.rows), links.sha256)]
    try:
        broader = read_table(
            _member(archive_path, "broaderRelationsSkillPillar", "relations"),
            ["conceptUri", "broaderUri"],
            delimiter=",",
        )
    except UserError:
        return loaded
    db.executemany(
        "INSERT OR REPLACE INTO esco_broader (uri, broader_uri) VALUES (?,?)",
        [row for row in broader.rows if row[0] and row[1]],
    )
    loaded.append(Loaded(broader.label, len(broader.rows), broader.sha256))
    return loaded
