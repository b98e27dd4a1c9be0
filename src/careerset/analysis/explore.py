"""Explore without a goal: occupations close to the person's interests and evidenced skills.

Score = passion (RIASEC congruence) x readiness, so both must be there. Readiness is the
share of the occupation's important skills and knowledge the career shows at the level
needed, times how much the evidence points this way; it is halved when the person lacks
the education the occupation requires: nobody is ready for work whose degree they lack.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from careerset.analysis.attainment import person_attainment
from careerset.analysis.evidence import CareerEvidence, collect_evidence
from careerset.analysis.interests import RiasecScores, congruence
from careerset.analysis.requirement_labels import EDUCATION_LEVELS
from careerset.analysis.requirements import entry_bars
from careerset.analysis.skill_space import Matrix, OccupationSpace, RatingMatrix, occupation_space
from careerset.analysis.term_match import KNOWLEDGE, SKILLS, TermMatcher
from careerset.analysis.wording import US_WAGE_LABEL, outside_us
from careerset.facts.profile import RIASEC, Interests
from careerset.facts.protocol import Reference
from careerset.model.career import Career

MATCHED_SHOWN = 3
TOLERANCE = 0.75  # level points: within this, a shown level meets the need (as in gaps)
IMPORTANT = 3.0  # only elements of importance 3+ count toward readiness
EDUCATION_UNMET_FACTOR = 0.5  # readiness counts half while the required education is missing
LICENCE_FACTOR = 0.8  # another licensed profession: its own licence is still to earn
READY = 0.9  # share of the important needs met from which a suggestion may be called ready


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
    education_needed: str | None = None  # "a master's degree"
    education_met: bool | None = None  # None when the occupation's requirement is unknown
    ready: bool = False
    why: str = ""  # the numbers in words, for a "why" view

    def sentence(self, outside_us: bool = False) -> str:
        """The suggestion in plain words: fit, requirements met or unmet, and its wage."""
        parts = []
        if self.passion is not None:
            fit = "strong" if self.passion >= 0.6 else "partial" if self.passion >= 0.35 else "weak"
            parts.append(f"a {fit} fit for your interests")
        if self.ready:
            parts.append("you are ready for it")
        elif self.education_met is False:
            parts.append(f"it needs {self.education_needed}, which you do not have yet")
        elif self.matched:
            parts.append(f"it uses your {', '.join(self.matched[:2])}")
        if self.education_met and self.education_needed:
            parts.append(f"you meet its usual education ({self.education_needed})")
        if self.annual_median is not None:
            label = f" in {US_WAGE_LABEL}" if outside_us else ""
            parts.append(f"typical pay ${self.annual_median:,.0f} a year{label}")
        return f"{self.title}: {'; '.join(parts)}." if parts else f"{self.title}."


@dataclass(frozen=True)
class ExploreReport:
    suggestions: tuple[Suggestion, ...]
    person_scores: dict[str, float] | None  # on O*NET's 1-7 scale
    missing: tuple[str, ...] = field(default=())
    outside_us: bool = False  # every wage is then labelled as a US figure

    def sentences(self) -> list[str]:
        return [s.sentence(self.outside_us) for s in self.suggestions]


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
    """Coverage: share of the important needs met within tolerance. Relevance: cosine."""
    need = importance * level
    important = need * (importance >= IMPORTANT)
    met = important * (shown[None, :] >= level - TOLERANCE)
    totals = important.sum(axis=1)
    totals[totals == 0] = 1.0
    coverage: Matrix = met.sum(axis=1) / totals
    # Centered on the average occupation (as skill similarity is): raw profiles are all
    # positive, so their plain cosine is near 1 for almost every pair and tells nothing.
    mean = need.mean(axis=0)
    centered = need - mean
    # Elements the career says nothing about count as unknown, not as below average.
    evidence = np.where(shown > 0, shown * importance.mean(axis=0) - mean, 0.0)
    norms = np.linalg.norm(centered, axis=1) * (np.linalg.norm(evidence) or 1.0)
    norms[norms == 0] = 1.0
    relevance: Matrix = np.clip((centered @ evidence) / norms, 0.0, 1.0)
    return coverage, relevance


_INTERESTS: weakref.WeakKeyDictionary[object, Mapping[str, Interests]] = weakref.WeakKeyDictionary()


def _occupation_interests(reference: Reference) -> Mapping[str, Interests]:
    """Every occupation's RIASEC profile, read once per reference (each explore needs all)."""
    cached = _INTERESTS.get(reference)
    if cached is None:
        cached = reference.interests_all() if reference.has("interests") else {}
        _INTERESTS[reference] = cached
    return cached


def explore_occupations(
    career: Career,
    reference: Reference,
    today: date,
    limit: int = 10,
    max_zone: int | None = None,
    within_education: bool = False,
) -> ExploreReport:
    """Occupations ranked by passion x readiness, with job zone, requirements and median wage.

    `max_zone` keeps occupations needing at most that much preparation (job zone 1-5);
    `within_education` keeps those whose usual education the person already has.
    """
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
    # Evidence pointing this way (relevance), discounted by up to half for needs not yet met.
    readiness = relevance * (0.5 + 0.5 * coverage)
    bars = entry_bars(reference)
    best = person_attainment(career, evidence.held, today).highest()
    have = best.level if best is not None else 1
    education_met = {code: have >= need for code, need in bars.education.items()}
    held = {h.code for h in evidence.held}

    missing = list(evidence.missing)
    profile = career.interest_profile
    interests = _occupation_interests(reference)
    person = RiasecScores.of_profile(profile) if profile is not None else None
    if person is None:
        missing.append("no interest profile, so passion is left out; take the interest profiler")
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
        zone = space.job_zones.get(code)
        if max_zone is not None and (zone is None or zone > max_zone):
            continue
        if within_education and education_met.get(code) is False:
            continue
        ready = float(readiness[row])
        if education_met.get(code) is False:
            ready *= EDUCATION_UNMET_FACTOR
        if code in bars.licensed and code not in held:
            ready *= LICENCE_FACTOR
        fit = passion[row]
        score = max(fit, 0.0) * max(ready, 0.0) if fit is not None else ready
        ranked.append((score, row, code))
    ranked.sort(key=lambda item: (-item[0], item[2]))
    suggestions = []
    for score, row, code in ranked[:limit]:
        uses = importance[row] * np.minimum(level[row], shown)
        matched = tuple(names[c] for c in np.argsort(-uses)[:MATCHED_SHOWN] if uses[c] > 0)
        needed = bars.education.get(code)
        met = education_met.get(code)
        fit = passion[row]
        why = f"you already show {float(coverage[row]):.0%} of what this work needs"
        if fit is not None:
            why = f"your interests match this occupation's {fit:.0%}; {why}"
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
                education_needed=EDUCATION_LEVELS.get(needed or 0),
                education_met=met,
                ready=bool(
                    met is not False
                    and (code not in bars.licensed or code in held)
                    and float(coverage[row]) >= READY
                ),
                why=why,
            )
        )
    scores = dict(zip(RIASEC, person.to_onet().values(), strict=True)) if person else None
    location = career.person.location
    abroad = outside_us(
        location.country_code if location is not None else None,
        [job.location for job in career.jobs if job.location],
    )
    return ExploreReport(tuple(suggestions), scores, tuple(missing), abroad)


def _passion(person: RiasecScores, occupation: Interests) -> float | None:
    """The shared congruence measure (correlation blended with Holland-code agreement)."""
    return congruence(person, tuple(occupation.scores().values()), occupation.holland_code).score
