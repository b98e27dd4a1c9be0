"""Explore without a goal: occupations close to the person's interests and evidenced skills.

Score = geometric mean of passion (RIASEC congruence) and readiness (how much of the
occupation's skill and knowledge profile the career already shows), so both must be there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from careerset.analysis.evidence import CareerEvidence, collect_evidence
from careerset.analysis.interests import RiasecScores, congruence
from careerset.analysis.skill_space import Matrix, OccupationSpace, RatingMatrix, occupation_space
from careerset.analysis.term_match import KNOWLEDGE, SKILLS, TermMatcher
from careerset.model.career import Career
from careerset.reference.profile import RIASEC, Interests
from careerset.reference.protocol import Reference

COVERAGE_WEIGHT = 0.5  # readiness = 0.5 coverage of requirements + 0.5 relevance of evidence
MATCHED_SHOWN = 3


@dataclass(frozen=True)
class Suggestion:
    code: str
    title: str
    score: float
    passion: float | None
    readiness: float
    coverage: float
    relevance: float
    job_zone: int | None
    annual_median: float | None
    holland_code: str | None
    matched: tuple[str, ...]  # the evidenced elements this occupation uses most


@dataclass(frozen=True)
class ExploreReport:
    suggestions: tuple[Suggestion, ...]
    person_scores: dict[str, float] | None  # on O*NET's 1-7 scale
    missing: tuple[str, ...] = field(default=())


def _evidence_vector(
    evidence: CareerEvidence, space: OccupationSpace, matrix: RatingMatrix, domain: str
) -> Matrix:
    """The level the career shows per element: held occupations (weighted) and statements."""
    shown = np.zeros(len(matrix.element_ids))
    for held in evidence.held:
        row = space.index.get(held.code)
        if row is not None:
            shown = np.maximum(shown, matrix.level[row] * held.weight)
    matcher = TermMatcher({domain: matrix.names})
    for statement in evidence.statements:
        for match in matcher.match(statement.text):
            column = matrix.names.index(match.name)
            shown[column] = max(shown[column], statement.level * match.factor)
    return shown


def _readiness(shown: Matrix, importance: Matrix, level: Matrix) -> tuple[Matrix, Matrix]:
    """Coverage: share of importance x level met. Relevance: cosine of evidence with needs."""
    need = importance * level
    met = importance * np.minimum(level, shown[None, :])
    totals = need.sum(axis=1)
    totals[totals == 0] = 1.0
    coverage: Matrix = met.sum(axis=1) / totals
    norms = np.linalg.norm(need, axis=1) * (np.linalg.norm(shown) or 1.0)
    norms[norms == 0] = 1.0
    relevance: Matrix = (need @ shown) / norms
    return coverage, relevance


def explore_occupations(
    career: Career, reference: Reference, today: date, limit: int = 10
) -> ExploreReport:
    """Occupations ranked by passion x readiness, with job zone and median wage."""
    space = occupation_space(reference)
    evidence = collect_evidence(career, today)
    matrices = [(SKILLS, space.skills)]
    knowledge = space.knowledge()
    if knowledge is not None:
        matrices.append((KNOWLEDGE, knowledge))
    shown = np.concatenate([_evidence_vector(evidence, space, m, d) for d, m in matrices])
    importance = np.hstack([m.importance for _, m in matrices])
    level = np.hstack([m.level for _, m in matrices])
    names = [name for _, m in matrices for name in m.names]
    coverage, relevance = _readiness(shown, importance, level)
    readiness = COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * relevance

    missing = list(evidence.missing)
    profile = career.interest_profile
    interests = reference.interests_all() if reference.has("interests") else {}
    person = RiasecScores.of_profile(profile) if profile is not None else None
    if person is None:
        missing.append("no interest profile, so passion is left out: `careerset interests take`")
    elif not interests:
        missing.append("occupation interests are not in the reference pack")
    elif person.is_flat:
        missing.append("your interest scores are all equal, so passion is left out")
    passion = [
        _passion(person, interests[code]) if person is not None and code in interests else None
        for code in space.codes
    ]
    ranked = []
    for row, code in enumerate(space.codes):
        ready = float(readiness[row])
        fit = passion[row]
        score = math.sqrt(max(fit, 0.0) * max(ready, 0.0)) if fit is not None else ready
        ranked.append((score, row, code))
    ranked.sort(key=lambda item: (-item[0], item[2]))
    suggestions = []
    for score, row, code in ranked[:limit]:
        uses = importance[row] * np.minimum(level[row], shown)
        matched = tuple(names[c] for c in np.argsort(-uses)[:MATCHED_SHOWN] if uses[c] > 0)
        suggestions.append(
            Suggestion(
                code=code,
                title=space.titles.get(code, code),
                score=round(score, 3),
                passion=None if passion[row] is None else round(float(passion[row] or 0), 3),
                readiness=round(float(readiness[row]), 3),
                coverage=round(float(coverage[row]), 3),
                relevance=round(float(relevance[row]), 3),
                job_zone=space.job_zones.get(code),
                annual_median=space.median_wage(code),
                holland_code=interests[code].holland_code if code in interests else None,
                matched=matched,
            )
        )
    scores = dict(zip(RIASEC, person.to_onet().values(), strict=True)) if person else None
    return ExploreReport(tuple(suggestions), scores, tuple(missing))


def _passion(person: RiasecScores, occupation: Interests) -> float | None:
    """The shared congruence measure (correlation blended with Holland-code agreement)."""
    return congruence(person, tuple(occupation.scores().values()), occupation.holland_code).score
