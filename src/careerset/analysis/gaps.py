"""Gaps to a target occupation: entry requirements first, then real skill differences.

A skill or knowledge element is a gap only when it matters (importance 3+) and the target's
level exceeds what the career shows by more than O*NET's own uncertainty; gaps rank by how
much the element sets the target apart. Every gap keeps the entries that give partial
evidence; strengths are what transfers, and never a gap at the same time.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from careerset.analysis.attainment import Attainment, person_attainment
from careerset.analysis.evidence import CareerEvidence, HeldOccupation, collect_evidence
from careerset.analysis.requirements import RequirementCheck, requirement_checks
from careerset.analysis.skill_space import reference_has_skills
from careerset.analysis.technology_gaps import is_generic, tool_counts, tool_weight
from careerset.analysis.term_match import KNOWLEDGE, SKILLS, TECHNOLOGY, TermMatcher
from careerset.errors import UserError
from careerset.facts.profile import (
    EscoOccupation,
    OccupationSummary,
    RatedElement,
    TechnologySkill,
)
from careerset.facts.protocol import Reference
from careerset.model.career import Career
from careerset.next_action import NextAction

LARGE_GAP = 3.0  # importance x shortfall: e.g. an important (4) skill one level (0.75+) short
MIN_IMPORTANCE = 3.0  # only elements the target really uses can be gaps or strengths
Z_95 = 1.96  # O*NET's 95% confidence interval is the level +- 1.96 standard errors
DEFAULT_SE = 0.25  # a typical O*NET level standard error, for ratings published without one
# Below this many level points a difference is within raters' spread whatever the SE says.
MIN_DIFFERENCE = 0.75
SKILL_DECAY_AFTER = 10.0  # years after which skills from a held occupation start to fade
STATED_TECHNOLOGY_COVERAGE = 1.0  # a tool the person names is a tool they use
FIELD_RELATED_LEVEL = {11: 6.0, 10: 6.0, 9: 5.5, 8: 5.5, 7: 5.0, 6: 5.0, 5: 4.0}
FIELD_RELATED_IMPORTANCE = 3.5  # knowledge a degree in the target's field teaches
# Fluency words -> O*NET knowledge level (0-7) for a listed language.
LANGUAGE_LEVEL = {"native": 6.0, "bilingual": 6.0, "fluent": 5.5, "full": 5.0, "profession": 4.5}
LANGUAGE_DEFAULT_LEVEL = 3.0


@dataclass(frozen=True)
class EvidenceLink:
    """One entry (or held occupation) partly covering a requirement, and at what level."""

    entry_ids: tuple[str, ...]
    source: str
    label: str  # the stated name, or the held occupation's code
    level: float
    reason: str


@dataclass(frozen=True)
class Gap:
    """A requirement of the target and how far the career falls short of it.

    Skills and knowledge use O*NET scales (importance 1-5, level 0-7); technologies and ESCO
    skills use coverage (required level 1, evidenced 0-1) and a weight from their flags.
    """

    domain: str
    element_id: str
    name: str
    importance: float
    level: float
    evidenced_level: float
    shortfall: float
    score: float
    evidence: tuple[EvidenceLink, ...]
    hot: bool = False
    in_demand: bool = False
    uncertainty: float = 0.0
    generic: bool = False

    def sentence(self) -> str:
        """The gap in plain words."""
        if self.domain in ("technology", "esco"):
            flags = " (employers ask for it)" if self.in_demand else ""
            return f"Learn {self.name}{flags}."
        what = "knowledge of " if self.domain == "knowledge" else ""
        if self.evidenced_level <= 0:
            return f"Build {what}{self.name}: your career does not show it yet."
        return f"Build {what}{self.name}: the work needs more of it than your career shows."

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class GapReport:
    target: OccupationSummary
    held: tuple[HeldOccupation, ...]
    skills: tuple[Gap, ...]
    knowledge: tuple[Gap, ...]
    technology: tuple[Gap, ...]
    esco: tuple[Gap, ...]
    strengths: tuple[Gap, ...]
    missing: tuple[str, ...] = field(default=())
    requirements: tuple[RequirementCheck, ...] = ()

    def ranked(self) -> list[Gap]:
        """Skill and knowledge gaps together, the most distinctive first."""
        gaps = [g for g in (*self.skills, *self.knowledge) if g.score > 0]
        return sorted(gaps, key=lambda g: (-g.score, g.domain, g.name))

    def unmet(self) -> list[RequirementCheck]:
        return [r for r in self.requirements if not r.met]

    def top(self, limit: int = 10) -> list[str]:
        """The first `limit` gap names in the order shown: requirements, skills, then tools."""
        names = [r.need for r in self.unmet()]
        names += [g.name for g in self.ranked()]
        names += [g.name for g in self.technology]
        return names[:limit]

    def sentences(self, limit: int = 10) -> list[str]:
        """Plain sentences: unmet requirements, gaps, then what already counts."""
        lines = [r.sentence for r in self.unmet()]
        lines += [g.sentence() for g in self.ranked()[:limit]]
        lines += [g.sentence() for g in self.technology[: max(3, limit // 2)]]
        lines += [r.sentence for r in self.requirements if r.met]
        if self.strengths:
            names = ", ".join(g.name for g in self.strengths[:5])
            lines.append(f"What already transfers: {names}.")
        return lines

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ranked"] = [g.to_dict() for g in self.ranked()]
        data["sentences"] = self.sentences()
        return data

    def large(self) -> list[Gap]:
        return [gap for gap in self.ranked() if gap.score >= LARGE_GAP]


def skill_weight(held: HeldOccupation) -> float:
    """How much of a held occupation's level still counts: tenure, then fading after 10 years."""
    tenure = 0.75 if held.years is None else min(1.0, 0.5 + 0.25 * held.years)
    fading = max(0.0, held.years_since - SKILL_DECAY_AFTER)
    return round(tenure * max(0.5, 1.0 - 0.05 * fading), 4)


def check_target(reference: Reference, code: str) -> OccupationSummary:
    """The target as an O*NET occupation; other taxonomies get a one-line redirect."""
    text = code.strip()
    if text.startswith(("http://", "https://")) or "esco" in text.lower():
        raise UserError(
            f"{text!r} is an ESCO concept; targets are O*NET-SOC codes like 15-1251.00, "
            "found by searching the occupations.",
            NextAction("search_occupations"),
        )
    if text.isdigit() and len(text) <= 4:
        raise UserError(
            f"{text!r} looks like an ISCO code; targets are O*NET-SOC codes like 15-1251.00, "
            "found by searching the occupations.",
            NextAction("search_occupations"),
        )
    return reference.occupation(text)


def _required(reference: Reference, code: str, domain: str) -> tuple[RatedElement, ...]:
    if domain == SKILLS:
        return reference.skills(code)
    if not reference.has(domain):
        return ()
    return reference.profile(code, [domain]).knowledge


@dataclass
class _Sources:
    """Levels of the held occupations, looked up once per report."""

    reference: Reference
    evidence: CareerEvidence
    unknown: list[str] = field(default_factory=list)
    unrated: list[str] = field(default_factory=list)
    _levels: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)
    _errors: dict[tuple[str, str], dict[str, float | None]] = field(default_factory=dict)
    _tools: dict[str, frozenset[str]] = field(default_factory=dict)

    def levels(self, held: HeldOccupation, domain: str) -> dict[str, float]:
        key = (held.code, domain)
        if key not in self._levels:
            try:
                rated = _required(self.reference, held.code, domain)
            except UserError:
                if held.code not in self.unknown:
                    self.unknown.append(held.code)
                rated = ()
            else:
                if not rated and domain == SKILLS:
                    self.unrated.append(held.code)
            self._levels[key] = {e.element_id: e.level or 0.0 for e in rated}
            self._errors[key] = {e.element_id: e.level_se for e in rated}
        return self._levels[key]

    def error(self, code: str, domain: str, element_id: str) -> float | None:
        """The standard error of a held occupation's level (None when unpublished)."""
        return self._errors.get((code, domain), {}).get(element_id)

    def tools(self, held: HeldOccupation) -> frozenset[str]:
        if held.code not in self._tools:
            found: frozenset[str] = frozenset()
            if self.reference.has("technology_skills"):
                with contextlib.suppress(UserError):
                    found = frozenset(t.name for t in self.reference.technology_skills(held.code))
            self._tools[held.code] = found
        return self._tools[held.code]


Matched = dict[tuple[str, str], list["EvidenceLink"]]


def _links_for(
    domain: str,
    element: RatedElement,
    sources: _Sources,
    matched: dict[tuple[str, str], list[EvidenceLink]],
) -> list[EvidenceLink]:
    links = []
    for held in sources.evidence.held:
        level = sources.levels(held, domain).get(element.element_id)
        if level:
            years = f"{held.years:g} years" if held.years is not None else "for a while"
            links.append(
                EvidenceLink(
                    held.job_ids,
                    "occupation",
                    held.code,
                    round(level * skill_weight(held), 2),
                    f"you worked in {held.code} ({years})",
                )
            )
    links.extend(matched.get((domain, element.name), []))
    return sorted(links, key=lambda link: -link.level)


def _statement_links(
    evidence: CareerEvidence, matcher: TermMatcher
) -> dict[tuple[str, str], list[EvidenceLink]]:
    """Each stated skill, certificate, course or activity, mapped onto reference names."""
    links: dict[tuple[str, str], list[EvidenceLink]] = {}
    for statement in evidence.statements:
        for match in matcher.match(statement.text):
            level = round(statement.level * match.factor, 2)
            share = "" if match.factor == 1.0 else f", counted at {match.factor:.0%}"
            reason = f"{statement.describe()} ({match.how} match{share})"
            links.setdefault((match.domain, match.name), []).append(
                EvidenceLink(statement.entry_ids, statement.source, statement.label, level, reason)
            )
    return links


def _uncertainty(element: RatedElement, evidence_se: float | None) -> float:
    """The 95% interval of the difference between the target's level and the evidence's."""
    target = DEFAULT_SE if element.level_se is None else element.level_se
    shown = DEFAULT_SE if evidence_se is None else evidence_se
    return round(max(MIN_DIFFERENCE, Z_95 * math.hypot(target, shown)), 2)


def _rated_gap(
    domain: str, element: RatedElement, links: list[EvidenceLink], sources: _Sources
) -> Gap:
    """Score = importance x shortfall beyond what the held occupations show; 0 within the noise."""
    importance, level = element.importance or 0.0, element.level or 0.0
    evidenced = max((link.level for link in links), default=0.0)
    shortfall = max(0.0, level - evidenced)
    best = links[0] if links else None
    evidence_se = (
        sources.error(best.label, domain, element.element_id)
        if best is not None and best.source == "occupation"
        else None
    )
    uncertainty = _uncertainty(element, evidence_se)
    real = (
        importance >= MIN_IMPORTANCE
        and shortfall > uncertainty
        and not element.suppress
        and not element.not_relevant
    )
    return Gap(
        domain,
        element.element_id,
        element.name,
        importance,
        level,
        round(evidenced, 2),
        round(shortfall, 2),
        round(importance * shortfall, 2) if real else 0.0,
        tuple(links),
        uncertainty=uncertainty,
    )


def _is_strength(gap: Gap) -> bool:
    return (
        gap.score == 0
        and gap.importance >= MIN_IMPORTANCE
        and gap.evidenced_level > 0
        and gap.evidenced_level >= gap.level - gap.uncertainty
    )


def _technology_gap(
    tool: TechnologySkill,
    sources: _Sources,
    matched: dict[tuple[str, str], list[EvidenceLink]],
    weight: float,
) -> Gap:
    links = [
        replace(link, level=STATED_TECHNOLOGY_COVERAGE)
        for link in matched.get((TECHNOLOGY, tool.name), [])
    ]
    for held in sources.evidence.held:
        if tool.name in sources.tools(held):
            links.append(
                EvidenceLink(held.job_ids, "occupation", held.code, 1.0, f"listed for {held.code}")
            )
    covered = max((link.level for link in links), default=0.0)
    return Gap(
        TECHNOLOGY,
        tool.name,
        tool.name,
        weight,
        1.0,
        covered,
        round(1.0 - covered, 2),
        round(weight * (1.0 - covered), 2),
        tuple(sorted(links, key=lambda x: -x.level)),
        tool.hot,
        tool.in_demand,
        generic=is_generic(tool),
    )


def _field_links(
    attainment: Attainment, target: OccupationSummary, knowledge: tuple[RatedElement, ...]
) -> dict[tuple[str, str], list[EvidenceLink]]:
    """A degree in the target's own field evidences the core knowledge the field teaches."""
    stems = {w.lower()[:4] for w in target.title.replace(",", " ").split() if len(w) > 3}
    links: dict[tuple[str, str], list[EvidenceLink]] = {}
    for degree in attainment.degrees:
        words = {w.lower()[:4] for w in (degree.field or "").split() if len(w) > 3}
        if degree.in_progress or not stems & words or degree.level not in FIELD_RELATED_LEVEL:
            continue
        for element in knowledge:
            if (element.importance or 0) >= FIELD_RELATED_IMPORTANCE:
                links.setdefault((KNOWLEDGE, element.name), []).append(
                    EvidenceLink(
                        (degree.entry_id,),
                        "education",
                        degree.label,
                        FIELD_RELATED_LEVEL[degree.level],
                        f"your {degree.label} is in this field",
                    )
                )
    return links


def _language_links(career: Career) -> Matched:
    """Languages the person lists evidence O*NET's Foreign Language and English Language."""
    links: Matched = {}
    for language in career.person.languages:
        name = (language.language or "").strip()
        if not name:
            continue
        fluency = (language.fluency or "").lower()
        level = next((v for k, v in LANGUAGE_LEVEL.items() if k in fluency), LANGUAGE_DEFAULT_LEVEL)
        element = "English Language" if name.lower() == "english" else "Foreign Language"
        links.setdefault((KNOWLEDGE, element), []).append(
            EvidenceLink((), "language", name, level, f"you speak {name}")
        )
    return links


def _technology(
    reference: Reference,
    tools: tuple[TechnologySkill, ...],
    sources: _Sources,
    matched: Matched,
) -> tuple[Gap, ...]:
    total, counts = tool_counts(reference)
    gaps = [_technology_gap(t, sources, matched, tool_weight(t, total, counts)) for t in tools]
    gaps.sort(key=lambda g: (g.generic, -g.score, not g.in_demand, g.name))
    # Office and browser software is no target-specific gap: every desk job lists it.
    return tuple(g for g in gaps if g.shortfall > 0 and not g.generic)


def _esco_gaps(esco: EscoOccupation, evidence: CareerEvidence) -> list[Gap]:
    """Essential ESCO skills, covered when a stated skill names them (no O*NET crosswalk)."""
    matcher = TermMatcher({"esco": [s.label for s in esco.essential_skills]})
    matched = _statement_links(evidence, matcher)
    gaps = []
    for skill in esco.essential_skills:
        links = [
            replace(x, level=round(min(1.0, x.level / 4.0), 2))
            for x in matched.get(("esco", skill.label), [])
        ]
        covered = max((link.level for link in links), default=0.0)
        gaps.append(
            Gap(
                "esco",
                skill.uri,
                skill.label,
                1.0,
                1.0,
                covered,
                round(1.0 - covered, 2),
                round(1.0 - covered, 2),
                tuple(links),
            )
        )
    return sorted(gaps, key=lambda g: (-g.score, g.name))


def compute_gaps(
    career: Career,
    reference: Reference,
    target_code: str,
    today: date,
    esco: EscoOccupation | None = None,
) -> GapReport:
    """Requirements first, then skill, knowledge and technology gaps (and ESCO skills)."""
    reference_has_skills(reference)
    target = check_target(reference, target_code)
    evidence = collect_evidence(career, today)
    attainment = person_attainment(career, evidence.held, today)
    sources = _Sources(reference, evidence)
    required = {domain: _required(reference, target.code, domain) for domain in (SKILLS, KNOWLEDGE)}
    tools = reference.technology_skills(target.code) if reference.has("technology_skills") else ()
    matcher = TermMatcher(
        {
            SKILLS: [e.name for e in required[SKILLS]],
            KNOWLEDGE: [e.name for e in required[KNOWLEDGE]],
            TECHNOLOGY: [t.name for t in tools],
        }
    )
    matched = _statement_links(evidence, matcher)
    extra = (_field_links(attainment, target, required[KNOWLEDGE]), _language_links(career))
    for found in extra:
        for key, links in found.items():
            matched.setdefault(key, []).extend(links)
    rated = {
        domain: [
            _rated_gap(domain, e, _links_for(domain, e, sources, matched), sources)
            for e in elements
        ]
        for domain, elements in required.items()
    }
    strengths = [g for g in (*rated[SKILLS], *rated[KNOWLEDGE]) if _is_strength(g)]
    missing = list(evidence.missing)
    missing += [f"held occupation {code} is not in the reference data" for code in sources.unknown]
    missing += [f"O*NET has no skill ratings for held occupation {c}" for c in sources.unrated]
    if not required[SKILLS]:
        missing.append(f"O*NET has no skill ratings for {target.code}; other data only")
    if not reference.has(KNOWLEDGE):
        missing.append("knowledge ratings are not in the reference pack")
    if not tools:
        missing.append("technology skills are not in the reference pack for this occupation")
    if not reference.has("requirements"):
        missing.append("education and training requirements are not in the reference pack")
    return GapReport(
        target=target,
        held=evidence.held,
        skills=tuple(sorted((g for g in rated[SKILLS] if g.score > 0), key=lambda g: -g.score)),
        knowledge=tuple(
            sorted((g for g in rated[KNOWLEDGE] if g.score > 0), key=lambda g: -g.score)
        ),
        technology=_technology(reference, tools, sources, matched),
        esco=tuple(_esco_gaps(esco, evidence)) if esco is not None else (),
        strengths=tuple(sorted(strengths, key=lambda g: (-g.importance * g.level, g.name))),
        missing=tuple(missing),
        requirements=requirement_checks(reference, target, attainment),
    )
