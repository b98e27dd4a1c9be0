"""Open a reference database (installed pack or embedded default) and guard features.

Every query class shares this base, so "is this data here?" is answered in one place and
the message for missing data always names the command that installs it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from careerset.errors import UserError
from careerset.facts.profile import FeatureUnavailable
from careerset.next_action import NextAction
from careerset.paths import reference_dir
from careerset.reference.schema import PACK_FILE_NAME, SCHEMA_VERSION

# O*NET 30.3 replaced Skills.txt by Essential Skills (same elements, IM/LV scales).
SKILL_DOMAINS = ("skills", "essential_skills")

INSTALL = NextAction("install_data")

# Human names for features, used in one-line messages.
FEATURE_NAMES = {
    "alternate_titles": "alternate titles",
    "reported_titles": "reported titles",
    "tasks": "tasks",
    "technology_skills": "technology skills",
    "skills": "skills",
    "knowledge": "knowledge",
    "abilities": "abilities",
    "interests": "interests",
    "work_values": "work values",
    "job_zones": "job zones",
    "related_occupations": "related occupations",
    "wages": "wages",
    "esco": "ESCO occupations and skills",
    "esco_hierarchy": "the ESCO skill hierarchy",
    "requirements": "education, training and experience requirements",
}


def pack_path() -> Path:
    """Where the installed pack lives: `<reference_dir>/reference.sqlite`."""
    return reference_dir() / PACK_FILE_NAME


def connect_read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """Open a pack read-only and check it was built by a compatible version.

    `immutable` skips SQLite's locking, for files nothing ever writes (the unpacked core).
    """
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        db = sqlite3.connect(
            f"{path.resolve().as_uri()}?{options}", uri=True, check_same_thread=False
        )
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError:
        raise UserError(
            f"{path} is not a careerset reference pack; install the reference data again.",
            INSTALL,
        ) from None
    if row is None or int(row[0]) != SCHEMA_VERSION:
        db.close()
        raise UserError(
            f"The reference pack at {path} was built by another careerset version; "
            "install the reference data again.",
            INSTALL,
        )
    return db


class ReferenceBase:
    """A connection plus the set of features its data supports."""

    def __init__(self, db: sqlite3.Connection, kind: str, path: Path | None) -> None:
        self._db = db
        self.kind = kind
        self.path = path
        self.features: dict[str, bool] = {
            str(name): bool(present)
            for name, present in db.execute("SELECT name, present FROM feature")
        }

    @property
    def is_embedded(self) -> bool:
        return self.kind == "embedded"

    def has(self, feature: str) -> bool:
        """Whether the reference in use holds the data for `feature`."""
        if feature == "skills":
            return any(self.features.get(domain, False) for domain in SKILL_DOMAINS)
        return self.features.get(feature, False)

    def rating_domain(self, domain: str) -> str:
        """The stored domain that answers `domain`; "skills" maps to Essential Skills in 30.3+."""
        if domain != "skills":
            return domain
        return next((d for d in SKILL_DOMAINS if self.features.get(d, False)), "skills")

    def require(self, feature: str) -> None:
        """Raise FeatureUnavailable with a one-line fix when `feature` has no data."""
        if self.has(feature):
            return
        name = FEATURE_NAMES.get(feature, feature)
        if self.is_embedded:
            message = f"{name[0].upper()}{name[1:]} need the full reference data; install it first."
        else:
            message = (
                f"The installed reference pack has no {name} (the release it was built from "
                "lacks them); install the reference data from a complete release."
            )
        raise FeatureUnavailable(feature, message, INSTALL)

    def close(self) -> None:
        self._db.close()
