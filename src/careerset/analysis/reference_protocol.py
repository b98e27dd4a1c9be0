"""The small read-only view of reference data that analyses need; `reference.ReferencePack` implements it.

Analyses depend on this Protocol, not on the database, so tests can hand them any object with
these methods (for example an in-memory table of a few occupations).
"""

from collections.abc import Collection
from typing import Protocol

from careerset.reference.profile import (
    Interests,
    OccupationProfile,
    OccupationSummary,
    RatedElement,
    RelatedOccupation,
    TechnologySkill,
    Wages,
)


class Reference(Protocol):
    """Occupation facts by O*NET-SOC code. Methods raise `FeatureUnavailable` when data is absent."""

    def has(self, feature: str) -> bool:
        """Whether a feature's data is present (e.g. "interests", "skills", "job_zones", "wages")."""
        ...

    def occupation(self, code: str) -> OccupationSummary: ...

    def profile(self, code: str, sections: Collection[str] | None = None) -> OccupationProfile: ...

    def interests(self, code: str) -> Interests | None: ...

    def skills(self, code: str) -> tuple[RatedElement, ...]: ...

    def technology_skills(self, code: str) -> tuple[TechnologySkill, ...]: ...

    def wages(self, code: str) -> Wages | None: ...

    def job_zones(self) -> dict[str, int]: ...

    def related_occupations(self) -> dict[str, tuple[RelatedOccupation, ...]]: ...

    def skill_importance_matrix(self, domain: str = "skills") -> dict[str, dict[str, float]]: ...

    def interests_all(self) -> dict[str, Interests]: ...

    def occupations(self) -> list[OccupationSummary]: ...
