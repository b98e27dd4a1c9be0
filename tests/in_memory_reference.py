"""A real, in-memory implementation of the analyses' `Reference` Protocol over hand-written
occupations. Test modules describe their own small worlds as `OccupationData` tables; the
numbers are approximations, enough to exercise the analyses without a database, and
`features` can be narrowed to imitate a pack that lacks some files.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from careerset.errors import UserError
from careerset.facts.profile import (
    FeatureUnavailable,
    Interests,
    OccupationProfile,
    OccupationSummary,
    RatedElement,
    RatingValue,
    RelatedOccupation,
    TechnologySkill,
    Wages,
)

ALL_FEATURES = frozenset(
    {
        "occupations",
        "interests",
        "skills",
        "knowledge",
        "technology_skills",
        "wages",
        "job_zones",
        "related_occupations",
    }
)
RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
HOURS_PER_YEAR = 2080


@dataclass(frozen=True)
class OccupationData:
    """One occupation as a test world knows it.

    `skills` and `knowledge` map element ids to (importance, level); `technology` holds
    (name, hot, in demand); `holland` None derives the code from the RIASEC scores.
    """

    code: str
    title: str
    riasec: tuple[float, float, float, float, float, float]
    zone: int
    median: float
    skills: Mapping[str, tuple[float, float]]
    knowledge: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    technology: tuple[tuple[str, bool, bool], ...] = ()
    related: Mapping[str, str] = field(default_factory=dict)
    holland: str | None = None
    description: str = ""


@dataclass(frozen=True)
class ReferenceWorld:
    """The occupations of a test world, element names, and wage percentiles as median ratios."""

    occupations: Mapping[str, OccupationData]
    element_names: Mapping[str, str] = field(default_factory=dict)
    wage_ratios: Mapping[int, float] = field(default_factory=lambda: {50: 1.0})


class InMemoryReference:
    """The `Reference` Protocol over a `ReferenceWorld`; only `features` are present."""

    def __init__(self, world: ReferenceWorld, features: Collection[str] | None = None) -> None:
        self.world = world
        self.features = frozenset(ALL_FEATURES if features is None else features) | {"occupations"}

    def has(self, feature: str) -> bool:
        return feature in self.features

    def _require(self, feature: str) -> None:
        if feature not in self.features:
            raise FeatureUnavailable(feature, f"No {feature}; run `careerset data install`.")

    def _get(self, code: str) -> OccupationData:
        code = code if "." in code else f"{code}.00"
        if code not in self.world.occupations:
            raise UserError(f"There is no occupation {code} in the reference data.")
        return self.world.occupations[code]

    def _rated(self, values: Mapping[str, tuple[float, float]]) -> tuple[RatedElement, ...]:
        names = self.world.element_names
        items = [RatedElement(e, names.get(e, e), i, lv) for e, (i, lv) in values.items()]
        return tuple(sorted(items, key=lambda r: -(r.importance or 0)))

    def occupation(self, code: str) -> OccupationSummary:
        found = self._get(code)
        return OccupationSummary(found.code, found.title, found.description)

    def profile(self, code: str, sections: Collection[str] | None = None) -> OccupationProfile:
        found = self._get(code)
        wanted = set(sections) if sections is not None else None
        related: tuple[RelatedOccupation, ...] = ()
        if wanted is None and self.has("related_occupations") or wanted and "related" in wanted:
            related = self._related(found)
        knowledge: tuple[RatedElement, ...] = ()
        if wanted is None and self.has("knowledge") or wanted and "knowledge" in wanted:
            self._require("knowledge")
            knowledge = self._rated(found.knowledge)
        return OccupationProfile(
            found.code,
            found.title,
            found.description,
            found.code[:7],
            knowledge=knowledge,
            related=related,
        )

    def _related(self, found: OccupationData) -> tuple[RelatedOccupation, ...]:
        self._require("related_occupations")
        occupations = self.world.occupations
        return tuple(
            RelatedOccupation(
                other, occupations[other].title if other in occupations else other, tier, i
            )
            for i, (other, tier) in enumerate(found.related.items(), start=1)
        )

    def interests(self, code: str) -> Interests | None:
        self._require("interests")
        found = self._get(code)
        if found.holland is None:
            return Interests.from_scores(dict(zip(RIASEC, found.riasec, strict=True)), [])
        return Interests(*found.riasec, found.holland)

    def skills(self, code: str) -> tuple[RatedElement, ...]:
        self._require("skills")
        return self._rated(self._get(code).skills)

    def technology_skills(self, code: str) -> tuple[TechnologySkill, ...]:
        self._require("technology_skills")
        return tuple(
            TechnologySkill(name, None, None, hot, demand)
            for name, hot, demand in self._get(code).technology
        )

    def wages(self, code: str) -> Wages | None:
        self._require("wages")
        found = self._get(code)
        annual: dict[int, float | None] = {
            p: found.median * k for p, k in self.world.wage_ratios.items()
        }
        hourly: dict[int, float | None] = {p: v / HOURS_PER_YEAR for p, v in annual.items() if v}
        return Wages(
            found.code[:7],
            found.code[:7],
            found.title,
            1000,
            found.median,
            found.median / HOURS_PER_YEAR,
            annual,
            hourly,
        )

    def job_zones(self) -> dict[str, int]:
        self._require("job_zones")
        return {code: o.zone for code, o in self.world.occupations.items()}

    def related_occupations(self) -> dict[str, tuple[RelatedOccupation, ...]]:
        self._require("related_occupations")
        return {code: self._related(o) for code, o in self.world.occupations.items() if o.related}

    def skill_importance_matrix(self, domain: str = "skills") -> dict[str, dict[str, float]]:
        self._require(domain)
        return {
            code: {e: v[0] for e, v in (o.skills if domain == "skills" else o.knowledge).items()}
            for code, o in self.world.occupations.items()
        }

    def ratings_all(self, domain: str = "skills") -> dict[str, tuple[RatedElement, ...]]:
        self._require(domain)
        return {
            code: self._rated(o.skills if domain == "skills" else o.knowledge)
            for code, o in self.world.occupations.items()
        }

    def related_tiers(self) -> dict[str, dict[str, str]]:
        return {
            code: {r.code: r.tier for r in related}
            for code, related in self.related_occupations().items()
        }

    def rating_values(self, domain: str = "skills") -> list[RatingValue]:
        return [
            RatingValue(code, r.element_id, r.name, r.importance, r.level)
            for code, rated in sorted(self.ratings_all(domain).items())
            for r in sorted(rated, key=lambda r: r.element_id)
        ]

    def skill_importance_means(self, domain: str = "skills") -> dict[str, float]:
        totals: dict[str, list[float]] = {}
        for ratings in self.skill_importance_matrix(domain).values():
            for element, value in ratings.items():
                totals.setdefault(element, []).append(value)
        return {element: sum(values) / len(values) for element, values in totals.items()}

    def interests_all(self) -> dict[str, Interests]:
        return {code: i for code in self.world.occupations if (i := self.interests(code))}

    def occupations(self) -> list[OccupationSummary]:
        return [self.occupation(code) for code in sorted(self.world.occupations)]
