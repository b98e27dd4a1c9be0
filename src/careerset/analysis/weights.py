"""Every weight and threshold of the job-or-career verdict, in one documented place.

Pass a changed `VerdictWeights` (e.g. `dataclasses.replace(DEFAULT_WEIGHTS, ...)`) to
`assess_career` to tune the verdict; nothing else in the analyses hard-codes these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _component_weights() -> dict[str, float]:
    # Goal alignment leads because a career step is defined as "on the path"; passion and growth
    # follow; learning, continuity and security shape the score but rarely decide it.
    return {
        "passion_fit": 0.20,
        "goal_alignment": 0.30,
        "growth": 0.20,
        "learning": 0.10,
        "continuity": 0.10,
        "security": 0.10,
    }


def _tier_scores() -> dict[str, float]:
    # O*NET lists related occupations in tiers; Primary-Short are the closest five.
    return {"Primary-Short": 0.85, "Primary-Long": 0.75, "Supplemental": 0.65}


def _group_scores() -> dict[str, float]:
    # SOC hierarchy: sharing a broad group (e.g. 29-114x) says more than a major group (29-).
    return {"detailed": 0.9, "broad": 0.75, "minor": 0.5, "major": 0.3}


@dataclass(frozen=True)
class SimilarityWeights:
    """How occupation similarity (goal alignment, continuity) is built from its signals."""

    same_soc: float = 0.9
    related_tier: dict[str, float] = field(default_factory=_tier_scores)
    soc_group: dict[str, float] = field(default_factory=_group_scores)
    # Share of the relation signal (tier or SOC group) against the skill-profile signal.
    relation_share: float = 0.65
    # Very similar skill profiles count even without an O*NET relation, at this discount.
    profile_alone: float = 0.7
    # Used only without skill or technology data: two occupation titles share a word.
    title_words: float = 0.55
    # Technology overlap (Jaccard) is small even for close occupations; scale it up.
    technology_scale: float = 2.0


def _security_by_type() -> dict[str, float]:
    return {
        "permanent": 0.9,
        "self-employed": 0.55,
        "apprenticeship": 0.6,
        "fixed-term": 0.5,
        "freelance": 0.45,
        "internship": 0.35,
        "temporary": 0.25,
        "volunteer": 0.2,
    }


@dataclass(frozen=True)
class VerdictWeights:
    """Component weights, the verdict thresholds and the scales of each component."""

    components: dict[str, float] = field(default_factory=_component_weights)
    similarity: SimilarityWeights = field(default_factory=SimilarityWeights)

    # Passion fit: share of the profile correlation against Iachan's M agreement.
    correlation_weight: float = 0.7

    # Direction = how much the job points where the person wants to go: goal alignment and
    # passion fit, goal counting twice as much.
    direction_goal_weight: float = 2.0
    direction_passion_weight: float = 1.0

    # Verdict rules, applied in order:
    #   career step    if goal alignment >= on_target, or direction >= career_direction and
    #                  the overall score >= career_score;
    #   stepping stone if goal alignment >= transferable, or growth >= strong_growth, or
    #                  direction >= stone_direction;
    #   job            otherwise.
    on_target: float = 0.85
    career_direction: float = 0.5
    career_score: float = 0.45
    transferable: float = 0.35
    strong_growth: float = 0.7
    stone_direction: float = 0.45
    # Without goal or interests, a job can still be a career step by a consistent line of work.
    continuity_line: float = 0.7

    # Growth: a real pay change of +/- this share maps to 1 / 0 (0.5 = no change).
    pay_change_span: float = 0.4
    # New skills that make growth full (3 new skills = 1.0).
    new_skills_full: int = 3

    # Learning: points per certification, for education alongside, and per learning hour/year.
    certification_points: float = 0.35
    education_points: float = 0.4
    hours_per_year_full: float = 80.0

    # Continuity: a gap before the job longer than this (months) costs gap_penalty.
    gap_months: float = 6.0
    gap_penalty: float = 0.2

    # Security: employment type, then tenure (full at tenure_years_full); part-time discount.
    security_by_type: dict[str, float] = field(default_factory=_security_by_type)
    tenure_years_full: float = 3.0
    part_time_discount: float = 0.1
    # An employment type the table above does not know: neither secure nor insecure.
    security_unknown_type: float = 0.5

    # Growth: one job-zone step up adds this much to the zone signal, one seniority level this
    # much to the seniority signal (both centred on 0.5, "no change").
    zone_step: float = 0.5
    seniority_step: float = 0.25
    # A real pay change smaller than this share is "about the same pay" in the reasons.
    pay_unchanged: float = 0.02
    # Learning: a job shorter than this (years) is counted as this long, so a few weeks of study
    # in a short job does not look like a year's learning; logged hours add at most this much.
    learning_min_years: float = 0.25
    learning_hours_cap: float = 0.6
    # Continuity between two jobs with no shared title words and no codes.
    unrelated_closeness: float = 0.1
    # Goal alignment from the words people stated alone, when no title word is shared.
    no_shared_words: float = 0.1

    # The words of the reasons: a score at or above `strong` reads "strong", "secure",
    # "continues"; at or above `partial`, "partial", "near", "related"; below, the weakest word.
    # Security's middle word starts at `fairly_secure`; growth's sideways move at `sideways`.
    strong: float = 0.6
    partial: float = 0.35
    fairly_secure: float = 0.4
    sideways: float = 0.4


DEFAULT_WEIGHTS = VerdictWeights()
