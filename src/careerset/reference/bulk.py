"""Bulk accessors over the whole pack, for the title coder and the analyses.

Each returns plain typed collections in one query, so callers can build their own indexes
(TF-IDF, graphs, vectors) without issuing per-occupation queries.
"""

from __future__ import annotations

from careerset.facts.profile import (
    RIASEC,
    AlternateTitle,
    EscoOccupationLabels,
    Interests,
    OccupationSummary,
    RatedElement,
    RatingValue,
    RelatedOccupation,
    Task,
)
from careerset.reference.connection import ReferenceBase


class BulkQueries(ReferenceBase):
    """Whole-table reads; each needs the feature named in its docstring."""

    def occupations(self) -> list[OccupationSummary]:
        """Every occupation (code, title, description), by code. Always available."""
        rows = self._db.execute("SELECT code, title, description FROM occupation ORDER BY code")
        return [OccupationSummary(*row) for row in rows]

    def alternate_titles(self) -> list[AlternateTitle]:
        """All O*NET alternate titles (feature `alternate_titles`)."""
        self.require("alternate_titles")
        rows = self._db.execute(
            "SELECT code, title, short_title FROM alternate_title ORDER BY code, title"
        )
        return [AlternateTitle(*row) for row in rows]

    def reported_titles(self) -> list[AlternateTitle]:
        """Sample of Reported Titles, when the release had it (feature `reported_titles`)."""
        self.require("reported_titles")
        rows = self._db.execute("SELECT code, title FROM reported_title ORDER BY code, title")
        return [AlternateTitle(code, title) for code, title in rows]

    def task_statements(self) -> dict[str, tuple[Task, ...]]:
        """Task statements per occupation code (feature `tasks`)."""
        self.require("tasks")
        grouped: dict[str, list[Task]] = {}
        rows = self._db.execute(
            "SELECT code, task_id, statement, task_type FROM task ORDER BY code, position"
        )
        for code, task_id, statement, task_type in rows:
            grouped.setdefault(code, []).append(Task(task_id, statement, task_type))
        return {code: tuple(tasks) for code, tasks in grouped.items()}

    def employment_by_soc(self) -> dict[str, int]:
        """OEWS national employment per 6-digit SOC code, aggregates included (feature `wages`)."""
        self.require("wages")
        rows = self._db.execute(
            "SELECT soc_code, employment FROM wage WHERE employment IS NOT NULL"
        )
        return {str(soc): int(employment) for soc, employment in rows}

    def esco_occupation_labels(self) -> list[EscoOccupationLabels]:
        """Every ESCO occupation's preferred and alternative labels (feature `esco`)."""
        self.require("esco")
        rows = self._db.execute(
            "SELECT uri, label, alt_labels, isco_group FROM esco_occupation ORDER BY label"
        )
        return [
            EscoOccupationLabels(uri, label, tuple(x for x in (alt or "").split("\n") if x), isco)
            for uri, label, alt, isco in rows
        ]

    def skill_importance_matrix(self, domain: str = "skills") -> dict[str, dict[str, float]]:
        """code -> element id -> importance (IM) for one rating domain (feature = domain)."""
        self.require(domain)
        domain = self.rating_domain(domain)
        matrix: dict[str, dict[str, float]] = {}
        rows = self._db.execute(
            "SELECT code, element_id, importance FROM rating"
            " WHERE domain = ? AND importance IS NOT NULL",
            (domain,),
        )
        for code, element_id, importance in rows:
            matrix.setdefault(code, {})[element_id] = float(importance)
        return matrix

    def ratings_all(self, domain: str = "skills") -> dict[str, tuple[RatedElement, ...]]:
        """code -> `rated(code, domain)` for every occupation rated in one domain, in one query
        (the per-code queries cost most of a first next-steps answer)."""
        self.require(domain)
        rows = self._db.execute(
            "SELECT code, element_id, name, importance, level, level_se, suppress, not_relevant"
            " FROM rating WHERE domain = ? ORDER BY code, importance DESC, element_id",
            (self.rating_domain(domain),),
        )
        grouped: dict[str, list[RatedElement]] = {}
        for code, e, n, i, lv, se, s, nr in rows:
            grouped.setdefault(code, []).append(RatedElement(e, n, i, lv, se, bool(s), bool(nr)))
        return {code: tuple(elements) for code, elements in grouped.items()}

    def rating_values(self, domain: str = "skills") -> list[RatingValue]:
        """Every rating in one domain as bare values, by code then element (feature = domain)."""
        self.require(domain)
        rows = self._db.execute(
            "SELECT code, element_id, name, importance, level FROM rating WHERE domain = ?"
            " ORDER BY code, element_id",
            (self.rating_domain(domain),),
        )
        return [RatingValue._make(row) for row in rows]

    def skill_importance_means(self, domain: str = "skills") -> dict[str, float]:
        """Element id -> mean importance over every occupation rating it (feature = domain).

        The same numbers as averaging `skill_importance_matrix` per element, summed in the same
        order (by code), in one pass inside SQLite. `+element_id` keeps SQLite reading the
        domain's rows in primary key order rather than looking up each row through the element
        index, which is several times slower.
        """
        self.require(domain)
        domain = self.rating_domain(domain)
        rows = self._db.execute(
            "SELECT element_id, sum(importance), count(importance) FROM rating"
            " WHERE domain = ? AND importance IS NOT NULL GROUP BY +element_id",
            (domain,),
        )
        return {str(element_id): float(total) / count for element_id, total, count in rows}

    def element_names(self, domain: str = "skills") -> dict[str, str]:
        """element id -> name for one rating domain."""
        self.require(domain)
        domain = self.rating_domain(domain)
        rows = self._db.execute(
            "SELECT DISTINCT element_id, name FROM rating WHERE domain = ?", (domain,)
        )
        return {str(element_id): str(name) for element_id, name in rows}

    def related_occupations(self) -> dict[str, tuple[RelatedOccupation, ...]]:
        """Related occupations per code, by tier and index (feature `related_occupations`)."""
        self.require("related_occupations")
        grouped: dict[str, list[RelatedOccupation]] = {}
        rows = self._db.execute(
            "SELECT r.code, r.related_code, coalesce(o.title, r.related_code), r.tier, r.position"
            " FROM related_occupation r LEFT JOIN occupation o ON o.code = r.related_code"
            " ORDER BY r.code, r.position"
        )
        for code, related, title, tier, position in rows:
            grouped.setdefault(code, []).append(RelatedOccupation(related, title, tier, position))
        return {code: tuple(items) for code, items in grouped.items()}

    def related_tiers(self) -> dict[str, dict[str, str]]:
        """code -> related code -> tier, without titles (feature `related_occupations`)."""
        self.require("related_occupations")
        tiers: dict[str, dict[str, str]] = {}
        rows = self._db.execute(
            "SELECT code, related_code, tier FROM related_occupation ORDER BY code, position"
        )
        for code, related, tier in rows:
            tiers.setdefault(code, {})[related] = tier
        return tiers

    def job_zones(self) -> dict[str, int]:
        """Job zone (1-5) per code (feature `job_zones`)."""
        self.require("job_zones")
        return {str(c): int(z) for c, z in self._db.execute("SELECT code, job_zone FROM job_zone")}

    def interests_all(self) -> dict[str, Interests]:
        """RIASEC profile per code, for codes with all six scores (feature `interests`)."""
        self.require("interests")
        scores: dict[str, dict[str, float]] = {}
        high_points: dict[str, list[float | None]] = {}
        rows = self._db.execute(
            "SELECT code, name, scale, value FROM interest ORDER BY code, element_id"
        )
        for code, name, scale, value in rows:
            if scale == "OI" and name in RIASEC and value is not None:
                scores.setdefault(code, {})[name] = float(value)
            elif scale == "IH":
                high_points.setdefault(code, []).append(value)
        return {
            code: Interests.from_scores(values, high_points.get(code, []))
            for code, values in scores.items()
            if len(values) == len(RIASEC)
        }

    def technology_by_occupation(self) -> dict[str, frozenset[str]]:
        """Technology skill names per code (feature `technology_skills`)."""
        self.require("technology_skills")
        grouped: dict[str, set[str]] = {}
        for code, name in self._db.execute("SELECT code, name FROM technology_skill"):
            grouped.setdefault(code, set()).add(name)
        return {code: frozenset(names) for code, names in grouped.items()}
