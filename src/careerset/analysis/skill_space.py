"""Every occupation's skill (and knowledge) ratings as numpy matrices, built once per reference.

Paths and explore compare hundreds of occupations at once; reading the ratings one query at a
time per request would cost seconds, so the matrices are cached per reference object.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from careerset.facts.profile import FeatureUnavailable, RatedElement, RelatedOccupation
from careerset.facts.protocol import Reference
from careerset.next_action import NextAction

Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class RatingMatrix:
    """Importance (1-5) and level (0-7) per occupation row and element column; 0 when unrated."""

    element_ids: tuple[str, ...]
    names: tuple[str, ...]
    importance: Matrix
    level: Matrix

    def column(self, element_id: str) -> int:
        return self.element_ids.index(element_id)


def rating_matrix(codes: list[str], ratings: dict[str, tuple[RatedElement, ...]]) -> RatingMatrix:
    """Stack per-occupation ratings into aligned matrices (element columns sorted by id)."""
    names: dict[str, str] = {}
    for elements in ratings.values():
        for element in elements:
            names.setdefault(element.element_id, element.name)
    element_ids = tuple(sorted(names))
    column = {element_id: j for j, element_id in enumerate(element_ids)}
    importance = np.zeros((len(codes), len(element_ids)))
    level = np.zeros((len(codes), len(element_ids)))
    for i, code in enumerate(codes):
        for element in ratings.get(code, ()):
            j = column[element.element_id]
            importance[i, j] = element.importance or 0.0
            level[i, j] = element.level or 0.0
    return RatingMatrix(element_ids, tuple(names[e] for e in element_ids), importance, level)


def centered_cosine(vectors: Matrix) -> Matrix:
    """Cosine similarity of rows after subtracting the mean row.

    Raw O*NET profiles are all positive, so raw cosine puts almost every pair between 0.8 and
    0.99; centering on the average occupation makes the similarity say what is distinctive.
    """
    centered = vectors - vectors.mean(axis=0, keepdims=True)
    norms = np.linalg.norm(centered, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit = centered / norms
    result: Matrix = unit @ unit.T
    return result


@dataclass(eq=False)  # identity-hashed, so per-space caches can be weak-keyed
class OccupationSpace:
    """Occupations that have skill ratings, their similarity, job zones, relations and wages."""

    reference: Reference
    codes: tuple[str, ...]
    index: dict[str, int]
    titles: dict[str, str]
    skills: RatingMatrix
    similarity: Matrix
    job_zones: dict[str, int]
    related: dict[str, dict[str, str]]
    _knowledge: RatingMatrix | None = field(default=None, repr=False)
    _wages: dict[str, float | None] = field(default_factory=dict, repr=False)

    def knowledge(self) -> RatingMatrix | None:
        """Knowledge ratings for the same rows, read on first use (explore needs them)."""
        if self._knowledge is None and self.reference.has("knowledge"):
            every = self.reference.ratings_all("knowledge")
            self._knowledge = rating_matrix(list(self.codes), _rows_of(every, self.codes))
        return self._knowledge

    def median_wage(self, code: str) -> float | None:
        """OEWS annual median (the broad group's when only that is published), memoised."""
        if code not in self._wages:
            wages = self.reference.wages(code) if self.reference.has("wages") else None
            self._wages[code] = wages.annual_median if wages is not None else None
        return self._wages[code]


_SPACES: weakref.WeakKeyDictionary[object, OccupationSpace] = weakref.WeakKeyDictionary()


def occupation_space(reference: Reference) -> OccupationSpace:
    """The space for `reference`, built on first use and then reused for the process."""
    cached = _SPACES.get(reference)
    if cached is not None:
        return cached
    reference_has_skills(reference)
    ratings = reference.ratings_all("skills")
    # The occupations with an importance rating (the rows of `skill_importance_matrix`), read
    # from the ratings already at hand rather than from a second pass over the table.
    codes = sorted(
        code
        for code, elements in ratings.items()
        if any(element.importance is not None for element in elements)
    )
    skills = rating_matrix(codes, _rows_of(ratings, codes))
    job_zones = reference.job_zones() if reference.has("job_zones") else {}
    related_all: dict[str, tuple[RelatedOccupation, ...]] = (
        reference.related_occupations() if reference.has("related_occupations") else {}
    )
    space = OccupationSpace(
        reference=reference,
        codes=tuple(codes),
        index={code: i for i, code in enumerate(codes)},
        titles={o.code: o.title for o in reference.occupations()},
        skills=skills,
        similarity=centered_cosine(skills.importance * skills.level),
        job_zones=job_zones,
        related={code: {r.code: r.tier for r in items} for code, items in related_all.items()},
    )
    _SPACES[reference] = space
    return space


def _rows_of(
    ratings: dict[str, tuple[RatedElement, ...]], codes: Sequence[str]
) -> dict[str, tuple[RatedElement, ...]]:
    """The ratings of `codes` only: other occupations' elements must not add columns."""
    return {code: ratings[code] for code in codes if code in ratings}


def reference_has_skills(reference: Reference) -> None:
    """Raise a one-line FeatureUnavailable naming the fix when occupation skills are absent."""
    if not reference.has("skills"):
        raise FeatureUnavailable(
            "skills",
            "Gaps, paths and explore need occupation skills from the full reference data; "
            "install it first.",
            NextAction("install_data"),
        )
