"""Occupation facts for the analyses, read once per run, and how close two occupations are.

`OccupationFacts` wraps a `Reference` (or nothing) so analyses ask simple questions and get
None for anything unknown; it remembers which reference features were missing.
"""

from __future__ import annotations

import contextlib
import re
import weakref
from dataclasses import dataclass, field

from careerset.analysis.interests import pearson
from careerset.analysis.weights import SimilarityWeights
from careerset.errors import UserError
from careerset.facts.profile import Interests, Wages
from careerset.facts.protocol import Reference

# Mean skill importance over all occupations, per reference object: done once per open
# reference, not once per assessment.
_SKILL_MEANS: weakref.WeakKeyDictionary[object, dict[str, float]] = weakref.WeakKeyDictionary()

# How O*NET's related-occupation tiers and SOC group levels read in a sentence.
TIER_WORDS = {
    "Primary-Short": "one of the occupations O*NET names as most closely related",
    "Primary-Long": "an occupation O*NET names as closely related",
    "Supplemental": "an occupation O*NET names as related",
}
GROUP_WORDS = {"broad": "broad occupational", "minor": "occupational", "major": "wide occupational"}


def _all_skill_means(reference: Reference) -> dict[str, float]:
    try:
        return _SKILL_MEANS[reference]
    except (KeyError, TypeError):
        pass
    means = reference.skill_importance_means("skills")
    with contextlib.suppress(TypeError):  # not weak-referenceable: computed again next time
        _SKILL_MEANS[reference] = means
    return means


class OccupationFacts:
    """Memoised, failure-tolerant lookups; one instance serves one assessment."""

    def __init__(self, reference: Reference | None) -> None:
        self.reference = reference
        self.missing: set[str] = set()
        self._titles: dict[str, str | None] = {}
        self._interests: dict[str, Interests | None] = {}
        self._wages: dict[str, Wages | None] = {}
        self._related: dict[str, dict[str, str]] = {}
        self._skills: dict[str, dict[str, float]] = {}
        self._technology: dict[str, frozenset[str]] = {}
        self._zones: dict[str, int] | None = None
        self._skill_means: dict[str, float] | None = None
        self.similar: dict[tuple[str, str, int], Similarity] = {}

    def has(self, feature: str) -> bool:
        present = self.reference is not None and self.reference.has(feature)
        if not present:
            self.missing.add(feature)
        return present

    def title(self, code: str) -> str | None:
        """The occupation's title; None when unknown to the reference (or there is none)."""
        if code not in self._titles:
            found: str | None = None
            if self.reference is not None:
                try:
                    found = self.reference.occupation(code).title
                except UserError:
                    found = None
            self._titles[code] = found
        return self._titles[code]

    def known(self, code: str) -> bool:
        return self.title(code) is not None

    def interests(self, code: str) -> Interests | None:
        if code not in self._interests:
            value = None
            if self.has("interests") and self.known(code):
                assert self.reference is not None
                value = self.reference.interests(code)
            self._interests[code] = value
        return self._interests[code]

    def wages(self, code: str) -> Wages | None:
        if code not in self._wages:
            value = None
            if self.has("wages") and self.known(code):
                assert self.reference is not None
                value = self.reference.wages(code)
            self._wages[code] = value
        return self._wages[code]

    def job_zone(self, code: str) -> int | None:
        if self._zones is None:
            self._zones = {}
            if self.has("job_zones"):
                assert self.reference is not None
                self._zones = self.reference.job_zones()
        return self._zones.get(code)

    def related(self, code: str) -> dict[str, str]:
        """Related occupation code -> O*NET tier (Primary-Short, Primary-Long, Supplemental)."""
        if code not in self._related:
            value: dict[str, str] = {}
            if self.has("related_occupations") and self.known(code):
                assert self.reference is not None
                profile = self.reference.profile(code, ["related"])
                value = {item.code: item.tier for item in profile.related}
            self._related[code] = value
        return self._related[code]

    def skills(self, code: str) -> dict[str, float]:
        """Skill element id -> importance (1-5); empty when not rated."""
        if code not in self._skills:
            value: dict[str, float] = {}
            if self.has("skills") and self.known(code):
                assert self.reference is not None
                value = {
                    s.element_id: s.importance
                    for s in self.reference.skills(code)
                    if s.importance is not None
                }
            self._skills[code] = value
        return self._skills[code]

    def skill_means(self) -> dict[str, float]:
        """Mean importance of each skill over all occupations, to centre profiles on."""
        if self._skill_means is None:
            self._skill_means = {}
            if self.has("skills"):
                assert self.reference is not None
                self._skill_means = _all_skill_means(self.reference)
        return self._skill_means

    def technology(self, code: str) -> frozenset[str]:
        if code not in self._technology:
            value: frozenset[str] = frozenset()
            if self.has("technology_skills") and self.known(code):
                assert self.reference is not None
                value = frozenset(t.name for t in self.reference.technology_skills(code))
            self._technology[code] = value
        return self._technology[code]


_STOP = {"and", "the", "for", "with", "from", "into", "become", "work", "working", "role", "except"}
_SUFFIXES = ("ing", "ers", "er", "es", "s", "e")


def title_words(text: str) -> set[str]:
    """Significant words of a title, crudely stemmed ("Nursing", "Nurses" -> "nurs")."""
    found = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if len(word) <= 3 or word in _STOP:
            continue
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        found.add(word)
    return found


@dataclass(frozen=True)
class Similarity:
    """How close occupation `code` is to `other`, in [0, 1], and what showed it."""

    code: str
    other: str
    score: float
    evidence: dict[str, object] = field(default_factory=dict)
    basis: str = ""


def soc_group_level(code: str, other: str) -> str | None:
    """The narrowest SOC group two codes share: detailed, broad, minor or major."""
    if code[:7] == other[:7]:
        return "detailed"
    if code[:6] == other[:6]:
        return "broad"
    if code[:4] == other[:4]:
        return "minor"
    if code[:2] == other[:2]:
        return "major"
    return None


def skill_correlation(facts: OccupationFacts, code: str, other: str) -> float | None:
    """Pearson's r of two skill-importance profiles, each centred on the all-occupation mean.

    Centring matters: raw importance profiles correlate at ~0.8 for almost any pair (every
    job needs speaking and listening), so only the deviations tell occupations apart.
    """
    mine, theirs = facts.skills(code), facts.skills(other)
    shared = sorted(set(mine) & set(theirs))
    if len(shared) < 5:
        return None
    means = facts.skill_means()
    xs = [mine[e] - means.get(e, 0.0) for e in shared]
    ys = [theirs[e] - means.get(e, 0.0) for e in shared]
    r = pearson(xs, ys)
    return None if r is None else round(r, 3)


def technology_overlap(facts: OccupationFacts, code: str, other: str) -> float | None:
    """Jaccard overlap of the two occupations' technology-skill lists."""
    mine, theirs = facts.technology(code), facts.technology(other)
    if not mine or not theirs:
        return None
    return round(len(mine & theirs) / len(mine | theirs), 3)


def similarity(
    facts: OccupationFacts, code: str, other: str, weights: SimilarityWeights
) -> Similarity:
    """How close two occupations are; remembered per facts object, as jobs repeat codes."""
    key = (code, other, id(weights))
    if key not in facts.similar:
        facts.similar[key] = _similarity(facts, code, other, weights)
    return facts.similar[key]


def _similarity(
    facts: OccupationFacts, code: str, other: str, weights: SimilarityWeights
) -> Similarity:
    """Combine the relation signals (same code, O*NET related tier, SOC group) with the profile
    signals (centred skill correlation, else technology overlap).

    Codes alone give the SOC-group signal, so this works without any reference data.
    `basis` is a plain phrase (no tier names or scores): it is shown to people.
    """
    if code == other:
        return Similarity(code, other, 1.0, {"same_occupation": True}, "the same occupation")
    evidence: dict[str, object] = {}
    group = soc_group_level(code, other)
    if group == "detailed":
        evidence["soc_group"] = group
        return Similarity(
            code, other, weights.same_soc, evidence, "a specialty of the same occupation"
        )
    relation, basis = 0.0, ""
    if group is not None:
        evidence["soc_group"] = group
        relation, basis = (
            weights.soc_group[group],
            f"the same {GROUP_WORDS.get(group, 'occupational')} group",
        )
    tier = facts.related(code).get(other) or facts.related(other).get(code)
    if tier is not None:
        evidence["related_tier"] = tier
        tier_score = weights.related_tier.get(tier, 0.0)
        if tier_score > relation:
            relation, basis = tier_score, TIER_WORDS.get(tier, "an O*NET related occupation")
    profile: float | None = None
    r = skill_correlation(facts, code, other)
    if r is not None:
        evidence["skill_correlation"] = r
        profile = max(0.0, r)
    else:
        overlap = technology_overlap(facts, code, other)
        if overlap is not None:
            evidence["technology_overlap"] = overlap
            profile = min(1.0, overlap * weights.technology_scale)
    if profile is None:
        # No skill or technology data (e.g. the embedded default): shared title words are the
        # best remaining sign that two occupations are kin.
        shared = sorted(
            title_words(facts.title(code) or "") & title_words(facts.title(other) or "")
        )
        if shared:
            evidence["shared_title_words"] = shared
            if weights.title_words > relation:
                relation, basis = weights.title_words, "shared title words"
        score = relation
    else:
        blended = weights.relation_share * relation + (1 - weights.relation_share) * profile
        score = max(blended, weights.profile_alone * profile)
        if profile >= 0.5 and not basis:
            basis = "a similar skill profile"
    return Similarity(
        code, other, round(min(1.0, score), 3), evidence, basis or "no close relation"
    )
