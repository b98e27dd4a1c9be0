"""The reference query API: `open_reference()` and `ReferencePack`, the occupation explorer's data.

The same class serves an installed pack and the embedded default (a compact O*NET core with
wages, shipped in the package), so callers never branch on which is in use.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection
from pathlib import Path

from careerset.errors import UserError
from careerset.facts.profile import (
    RIASEC,
    Interests,
    OccupationProfile,
    OccupationSummary,
    RatedElement,
    ReferenceStatus,
    RelatedOccupation,
    SearchHit,
    Task,
    TechnologySkill,
    Wages,
    WorkValue,
)
from careerset.facts.protocol import Reference
from careerset.next_action import NextAction
from careerset.reference.bulk import BulkQueries
from careerset.reference.connection import connect_read_only, pack_path
from careerset.reference.esco_query import EscoQueries
from careerset.reference.requirement_query import RequirementQueries
from careerset.reference.search import search_occupations
from careerset.reference.status import read_status

_CODE = re.compile(r"^\d\d-\d{4}(\.\d\d)?$")

# Profile sections, the feature each needs, in display order.
SECTIONS = {
    "alternate_titles": "alternate_titles",
    "tasks": "tasks",
    "technology_skills": "technology_skills",
    "skills": "skills",
    "knowledge": "knowledge",
    "abilities": "abilities",
    "interests": "interests",
    "work_values": "work_values",
    "job_zone": "job_zones",
    "related": "related_occupations",
    "wages": "wages",
}


def normalize_code(code: str) -> str:
    """`15-1252` -> `15-1252.00`; anything not shaped like an O*NET-SOC code is a user error."""
    code = code.strip()
    if not _CODE.match(code):
        raise UserError(
            f"{code!r} is not an O*NET-SOC code like 15-1252.00; "
            "find codes by searching the occupations.",
            NextAction("search_occupations"),
        )
    return code if "." in code else f"{code}.00"


class ReferencePack(EscoQueries, BulkQueries, RequirementQueries):
    """Read-only queries over one reference database; see `open_reference`."""

    def status(self) -> ReferenceStatus:
        """Origin, version, sources, attribution and enabled features."""
        return read_status(self._db, self.kind, self.path)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Occupations ranked by how well title, alternate titles and description match."""
        return search_occupations(self._db, query, limit)

    def occupation(self, code: str) -> OccupationSummary:
        """Code, title and description; unknown codes are a user error."""
        code = normalize_code(code)
        row = self._db.execute(
            "SELECT code, title, description FROM occupation WHERE code = ?", (code,)
        ).fetchone()
        if row is None:
            raise UserError(
                f"There is no occupation {code} in the reference data; "
                "find codes by searching the occupations.",
                NextAction("search_occupations"),
            )
        return OccupationSummary(*row)

    def profile(self, code: str, sections: Collection[str] | None = None) -> OccupationProfile:
        """Everything known about an occupation; sections without data are listed in `missing`.

        Pass `sections` to fetch only some (names as in SECTIONS); asking explicitly for a
        section whose data is absent raises FeatureUnavailable.
        """
        summary = self.occupation(code)
        wanted = list(SECTIONS) if sections is None else list(sections)
        unknown = [name for name in wanted if name not in SECTIONS]
        if unknown:
            raise UserError(f"Unknown section {unknown[0]!r}; choose from {', '.join(SECTIONS)}.")
        if sections is not None:
            for name in wanted:
                self.require(SECTIONS[name])
        present = [name for name in wanted if self.has(SECTIONS[name])]
        values: dict[str, object] = {
            name: getattr(self, f"_section_{name}")(summary.code) for name in present
        }
        return OccupationProfile(
            code=summary.code,
            title=summary.title,
            description=summary.description,
            soc_code=summary.code[:7],
            missing=tuple(name for name in wanted if name not in present),
            **values,  # type: ignore[arg-type]
        )

    # -- sections: each takes a normalized, existing code -----------------------------------

    def _section_alternate_titles(self, code: str) -> tuple[str, ...]:
        rows = self._db.execute(
            "SELECT title FROM alternate_title WHERE code = ? ORDER BY title", (code,)
        )
        return tuple(str(title) for (title,) in rows)

    def _section_tasks(self, code: str) -> tuple[Task, ...]:
        rows = self._db.execute(
            "SELECT task_id, statement, task_type FROM task WHERE code = ? ORDER BY position",
            (code,),
        )
        return tuple(Task(*row) for row in rows)

    def _section_technology_skills(self, code: str) -> tuple[TechnologySkill, ...]:
        rows = self._db.execute(
            "SELECT name, commodity_code, commodity_title, hot, in_demand FROM technology_skill"
            " WHERE code = ? ORDER BY hot DESC, in_demand DESC, name",
            (code,),
        )
        return tuple(TechnologySkill(n, c, t, bool(h), bool(d)) for n, c, t, h, d in rows)

    def rated(self, code: str, domain: str) -> tuple[RatedElement, ...]:
        """Rated elements of one domain (skills, knowledge, ...), most important first."""
        rows = self._db.execute(
            "SELECT element_id, name, importance, level, level_se, suppress, not_relevant"
            " FROM rating WHERE domain = ? AND code = ? ORDER BY importance DESC, element_id",
            (domain, code),
        )
        return tuple(
            RatedElement(e, n, i, lv, se, bool(s), bool(nr)) for e, n, i, lv, se, s, nr in rows
        )

    def _section_skills(self, code: str) -> tuple[RatedElement, ...]:
        return self.rated(code, self.rating_domain("skills"))

    def _section_knowledge(self, code: str) -> tuple[RatedElement, ...]:
        return self.rated(code, "knowledge")

    def _section_abilities(self, code: str) -> tuple[RatedElement, ...]:
        return self.rated(code, "abilities")

    def _section_interests(self, code: str) -> Interests | None:
        rows = self._db.execute(
            "SELECT element_id, name, scale, value FROM interest"
            " WHERE code = ? ORDER BY element_id",
            (code,),
        ).fetchall()
        scores = {
            name: float(value)
            for _, name, scale, value in rows
            if scale == "OI" and name in RIASEC and value is not None
        }
        if len(scores) != len(RIASEC):
            return None
        high_points = [value for _, _, scale, value in rows if scale == "IH"]
        return Interests.from_scores(scores, high_points)

    def _section_work_values(self, code: str) -> tuple[WorkValue, ...]:
        rows = self._db.execute(
            "SELECT element_id, name, value FROM work_value"
            " WHERE code = ? AND scale = 'EX' ORDER BY value DESC, element_id",
            (code,),
        )
        return tuple(WorkValue(e, n, float(v)) for e, n, v in rows if v is not None)

    def _section_job_zone(self, code: str) -> int | None:
        row = self._db.execute("SELECT job_zone FROM job_zone WHERE code = ?", (code,)).fetchone()
        return None if row is None else int(row[0])

    def _section_related(self, code: str) -> tuple[RelatedOccupation, ...]:
        rows = self._db.execute(
            "SELECT r.related_code, coalesce(o.title, r.related_code), r.tier, r.position"
            " FROM related_occupation r LEFT JOIN occupation o ON o.code = r.related_code"
            " WHERE r.code = ? ORDER BY r.position",
            (code,),
        )
        return tuple(RelatedOccupation(*row) for row in rows)

    def _section_wages(self, code: str) -> Wages | None:
        return self.wages_for_soc(code[:7])

    def wages_for_soc(self, soc_code: str) -> Wages | None:
        """OEWS figures for a 6-digit SOC code, falling back to its broad group aggregate."""
        for candidate in (soc_code, soc_code[:6] + "0"):
            row = self._db.execute("SELECT * FROM wage WHERE soc_code = ?", (candidate,)).fetchone()
            if row is not None:
                annual = dict(zip((10, 25, 50, 75, 90), row[5:10], strict=True))
                hourly = dict(zip((10, 25, 50, 75, 90), row[10:15], strict=True))
                return Wages(row[0], soc_code, row[1], row[2], row[3], row[4], annual, hourly)
        return None

    # Public per-section accessors, for callers that need one part only.

    def tasks(self, code: str) -> tuple[Task, ...]:
        self.require("tasks")
        return self._section_tasks(self.occupation(code).code)

    def technology_skills(self, code: str) -> tuple[TechnologySkill, ...]:
        self.require("technology_skills")
        return self._section_technology_skills(self.occupation(code).code)

    def skills(self, code: str) -> tuple[RatedElement, ...]:
        self.require("skills")
        return self._section_skills(self.occupation(code).code)

    def interests(self, code: str) -> Interests | None:
        self.require("interests")
        return self._section_interests(self.occupation(code).code)

    def wages(self, code: str) -> Wages | None:
        self.require("wages")
        return self._section_wages(self.occupation(code).code)


def open_reference(path: Path | None = None) -> ReferencePack:
    """The installed pack (at `path`, default `pack_path()`), or the embedded default."""
    target = path or pack_path()
    if target.is_file():
        return ReferencePack(connect_read_only(target), "pack", target)
    if path is not None:
        raise UserError(
            f"There is no reference pack at {path}; install the reference data first.",
            NextAction("install_data"),
        )
    from careerset.reference.embedded import embedded_connection

    return ReferencePack(embedded_connection(), "embedded", None)


_SHARED: dict[tuple[object, ...], ReferencePack] = {}
_SHARED_LOCK = threading.Lock()


def shared_reference() -> ReferencePack:
    """The installed pack or the embedded default, one per process while the pack file stays
    the same; never close it.

    The web app's threads, and every app one process makes, share it and so share what the
    analysis caches per reference (the occupation space, path graphs), which otherwise each
    thread builds again. Packs are read-only and SQLite serialises one connection's calls, so
    threads may share it. Installing another pack changes the file, and so the key.
    """
    target = pack_path()
    try:
        found = target.stat()
        key: tuple[object, ...] = (str(target), found.st_ino, found.st_mtime_ns, found.st_size)
    except FileNotFoundError:
        key = ("embedded",)
    with _SHARED_LOCK:
        pack = _SHARED.get(key)
        if pack is None:
            for stale in [old for old in _SHARED if old[0] == key[0]]:
                del _SHARED[stale]  # a replaced pack: its connection closes with its last user
            pack = _SHARED[key] = open_reference()
    return pack


def _implements_protocol(pack: ReferencePack) -> Reference:
    # Never called: mypy fails here if ReferencePack drifts from the Reference protocol.
    return pack
