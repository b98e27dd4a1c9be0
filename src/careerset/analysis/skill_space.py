"""Every occupation's skill (and knowledge) ratings as numpy matrices, built once per reference.

Paths and explore compare hundreds of occupations at once; reading the ratings one query at a
time per request would cost seconds, so the matrices are cached per reference object.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from careerset.facts.profile import FeatureUnavailable, RatingValue
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


def rating_matrix(codes: Sequence[str], values: Iterable[RatingValue]) -> RatingMatrix:
    """Stack the ratings of `codes` into aligned matrices (element columns sorted by id); other
    occupations' ratings are left out, so their elements add no columns."""
    row_of = {code: i for i, code in enumerate(codes)}
    kept = [value for value in values if value.code in row_of]
    names: dict[str, str] = {}
    for value in kept:
        names.setdefault(value.element_id, value.name)
    element_ids = tuple(sorted(names))
    column = {element_id: j for j, element_id in enumerate(element_ids)}
    importance = np.zeros((len(codes), len(element_ids)))
    level = np.zeros((len(codes), len(element_ids)))
    if kept:
        rows = np.fromiter((row_of[v.code] for v in kept), np.intp, len(kept))
        columns = np.fromiter((column[v.element_id] for v in kept), np.intp, len(kept))
        importance[rows, columns] = [v.importance or 0.0 for v in kept]
        level[rows, columns] = [v.level or 0.0 for v in kept]
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
            values = self.reference.rating_values("knowledge")
            self._knowledge = rating_matrix(self.codes, values)
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
    values = reference.rating_values("skills")
    # The occupations with an importance rating (the rows of `skill_importance_matrix`), read
    # from the ratings already at hand rather than from a second pass over the table.
    codes = sorted({value.code for value in values if value.importance is not None})
    skills = rating_matrix(codes, values)
    job_zones = reference.job_zones() if reference.has("job_zones") else {}
    related = reference.related_tiers() if reference.has("related_occupations") else {}
    space = OccupationSpace(
        reference=reference,
        codes=tuple(codes),
        index={code: i for i, code in enumerate(codes)},
        titles={o.code: o.title for o in reference.occupations()},
        skills=skills,
        similarity=centered_cosine(skills.importance * skills.level),
        job_zones=job_zones,
        related=related,
    )
    _SPACES[reference] = space
    return space


def reference_has_skills(reference: Reference) -> None:
    """Raise a one-line FeatureUnavailable naming the fix when occupation skills are absent."""
    if not reference.has("skills"):
        raise FeatureUnavailable(
            "skills",
            "Gaps, paths and explore need occupation skills from the full reference data; "
            "install it first.",
            NextAction("install_data"),
        )
