"""Skill gaps to a target occupation: what it needs, what the career evidences, and by whom.

Gaps are ranked by importance x level shortfall; every gap keeps the entries that give
partial evidence, and strengths list what already transfers.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from datetime import date

from careerset.analysis.evidence import CareerEvidence, HeldOccupation, collect_evidence
from careerset.analysis.skill_space import reference_has_skills
from careerset.analysis.term_match import KNOWLEDGE, SKILLS, TECHNOLOGY, TermMatcher
from careerset.errors import UserError
from careerset.model.career import Career
from careerset.reference.profile import (
    EscoOccupation,
    OccupationSummary,
    RatedElement,
    TechnologySkill,
)
from careerset.reference.protocol import Reference

LARGE_GAP = 3.0  # importance x shortfall: e.g. an important (4) skill one level (0.75+) short
STRENGTH_MIN_IMPORTANCE = 3.0  # only skills the target really uses count as transferable
STRENGTH_SHARE = 0.9  # evidenced level at 90% of the required level counts as met
HELD_TECHNOLOGY_COVERAGE = 0.5  # a tool listed for a held occupation: likely, not certain, use
TECHNOLOGY_LIMIT = 25  # the target's first technologies (Hot / In Demand sort first)
# (hot, in_demand) -> weight: In Demand tools are what employers ask for in postings.
TECHNOLOGY_WEIGHT = {(True, True): 3.0, (False, True): 2.5, (True, False): 1.5}


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

    def ranked(self) -> list[Gap]:
        """Skill and knowledge gaps together, largest importance x shortfall first."""
        gaps = [g for g in (*self.skills, *self.knowledge) if g.score > 0]
        return sorted(gaps, key=lambda g: (-g.score, g.domain, g.name))

    def large(self) -> list[Gap]:
        return [gap for gap in self.ranked() if gap.score >= LARGE_GAP]


def check_target(reference: Reference, code: str) -> OccupationSummary:
    """The target as an O*NET occupation; other taxonomies get a one-line redirect."""
    text = code.strip()
    if text.startswith(("http://", "https://")) or "esco" in text.lower():
        raise UserError(
            f"{text!r} is an ESCO concept; targets are O*NET-SOC codes like 15-1251.00, "
            "find one with `careerset occupation search TEXT`."
        )
    if text.isdigit() and len(text) <= 4:
        raise UserError(
            f"{text!r} looks like an ISCO code; targets are O*NET-SOC codes like 15-1251.00, "
            "find one with `careerset occupation search TEXT`."
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
        return self._levels[key]

    def tools(self, held: HeldOccupation) -> frozenset[str]:
        if held.code not in self._tools:
            found: frozenset[str] = frozenset()
            if self.reference.has("technology_skills"):
                with contextlib.suppress(UserError):
                    found = frozenset(t.name for t in self.reference.technology_skills(held.code))
            self._tools[held.code] = found
        return self._tools[held.code]


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
            years = f"{held.years:g} years" if held.years is not None else "undated"
            links.append(
                EvidenceLink(
                    held.job_ids,
                    "occupation",
                    held.code,
                    round(level * held.weight, 2),
                    f"held {held.code} ({years}, weight {held.weight:g}): O*NET level {level:g}",
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


def _rated_gap(domain: str, element: RatedElement, links: list[EvidenceLink]) -> Gap:
    importance, level = element.importance or 0.0, element.level or 0.0
    evidenced = max((link.level for link in links), default=0.0)
    shortfall = max(0.0, level - evidenced)
    return Gap(
        domain,
        element.element_id,
        element.name,
        importance,
        level,
        round(evidenced, 2),
        round(shortfall, 2),
        round(importance * shortfall, 2),
        tuple(links),
    )


def _technology_gap(
    tool: TechnologySkill, sources: _Sources, matched: dict[tuple[str, str], list[EvidenceLink]]
) -> Gap:
    links = [
        replace(link, level=round(min(1.0, link.level / 4.0), 2))
        for link in matched.get((TECHNOLOGY, tool.name), [])
    ]
    for held in sources.evidence.held:
        if tool.name in sources.tools(held):
            links.append(
                EvidenceLink(
                    held.job_ids,
                    "occupation",
                    held.code,
                    HELD_TECHNOLOGY_COVERAGE,
                    f"listed for {held.code}, which you held",
                )
            )
    covered = max((link.level for link in links), default=0.0)
    weight = TECHNOLOGY_WEIGHT.get((tool.hot, tool.in_demand), 1.0)
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
    )


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
    """Compare the target's skills, knowledge, technologies (and ESCO skills) with the career."""
    reference_has_skills(reference)
    target = check_target(reference, target_code)
    evidence = collect_evidence(career, today)
    sources = _Sources(reference, evidence)
    required = {domain: _required(reference, target.code, domain) for domain in (SKILLS, KNOWLEDGE)}
    tools = (
        reference.technology_skills(target.code)[:TECHNOLOGY_LIMIT]
        if reference.has("technology_skills")
        else ()
    )
    matcher = TermMatcher(
        {
            SKILLS: [e.name for e in required[SKILLS]],
            KNOWLEDGE: [e.name for e in required[KNOWLEDGE]],
            TECHNOLOGY: [t.name for t in tools],
        }
    )
    matched = _statement_links(evidence, matcher)
    rated = {
        domain: [_rated_gap(domain, e, _links_for(domain, e, sources, matched)) for e in elements]
        for domain, elements in required.items()
    }
    strengths = [
        g
        for g in (*rated[SKILLS], *rated[KNOWLEDGE])
        if g.importance >= STRENGTH_MIN_IMPORTANCE and g.evidenced_level >= STRENGTH_SHARE * g.level
    ]
    technology = sorted(
        (_technology_gap(t, sources, matched) for t in tools),
        key=lambda g: (-g.score, not g.in_demand, g.name),
    )
    missing = list(evidence.missing)
    missing += [f"held occupation {code} is not in the reference data" for code in sources.unknown]
    missing += [f"O*NET has no skill ratings for held occupation {c}" for c in sources.unrated]
    if not required[SKILLS]:
        missing.append(f"O*NET has no skill ratings for {target.code}; other data only")
    if not reference.has(KNOWLEDGE):
        missing.append("knowledge ratings are not in the reference pack")
    if not tools:
        missing.append("technology skills are not in the reference pack for this occupation")
    return GapReport(
        target=target,
        held=evidence.held,
        skills=tuple(sorted((g for g in rated[SKILLS] if g.score > 0), key=lambda g: -g.score)),
        knowledge=tuple(
            sorted((g for g in rated[KNOWLEDGE] if g.score > 0), key=lambda g: -g.score)
        ),
        technology=tuple(g for g in technology if g.shortfall > 0),
        esco=tuple(_esco_gaps(esco, evidence)) if esco is not None else (),
        strengths=tuple(sorted(strengths, key=lambda g: (-g.importance * g.level, g.name))),
        missing=tuple(missing),
    )
