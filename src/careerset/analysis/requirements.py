"""An occupation's entry requirements in plain words, and which of them a person meets.

Education, experience, certification and apprenticeship come from O*NET's Education,
Training, and Experience data; without it the job zone's usual education stands in.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import asdict, dataclass
from typing import Any

from careerset.analysis.attainment import Attainment
from careerset.analysis.requirement_labels import (
    EDUCATION_LEVELS,
    EDUCATION_SHORT,
    EXPERIENCE_LEVELS,
    EXPERIENCE_YEARS,
    JOB_TRAINING_LEVELS,
)
from careerset.analysis.skill_space import occupation_space
from careerset.facts.profile import OccupationSummary, Requirements
from careerset.facts.protocol import Reference

RELATED_SIMILARITY = 0.3  # skill similarity (about the top third of pairs) for related experience
LICENSED = 4.0  # certification importance from which an occupation is a licensed profession
CERTIFICATION_NEEDED = 3.5  # importance (1-5) from which a certification or licence is expected
APPRENTICESHIP_NEEDED = 3.5
SHARE_MENTIONED = 15.0  # percent of respondents from which another education level is named
# O*NET's Job Zone descriptions: the education most occupations in the zone need.
ZONE_EDUCATION = {1: 1, 2: 2, 3: 3, 4: 6, 5: 8}
# Typical full-time length (months) of each education level, and how it reads.
DEGREE_MONTHS = {2: 6, 3: 12, 4: 12, 5: 24, 6: 48, 7: 12, 8: 24, 9: 12, 10: 42, 11: 48, 12: 24}
DEGREE_LENGTH = {
    2: "a few months",
    3: "under a year",
    4: "about a year",
    5: "2 years full-time",
    6: "4 years full-time",
    7: "about a year",
    8: "2 years full-time",
    9: "about a year",
    10: "3 to 4 years full-time",
    11: "3 to 5 years",
    12: "about 2 years",
}
CERTIFICATION_MONTHS = 4  # preparing for and sitting a licensing or board exam
APPRENTICESHIP_MONTHS = 48  # registered apprenticeships typically run four years


def importance_words(value: float) -> str:
    """O*NET importance (1-5) in words."""
    if value >= 4.5:
        return "essential"
    if value >= 3.75:
        return "very important"
    if value >= 3.0:
        return "important"
    if value >= 2.0:
        return "somewhat important"
    return "rarely needed"


def typical_category(distribution: dict[int, float]) -> int | None:
    """The median category: at least half the respondents name it or a lower one."""
    total = sum(distribution.values())
    if total <= 0:
        return None
    running = 0.0
    for category in sorted(distribution):
        running += distribution[category]
        if running >= total / 2:
            return category
    return max(distribution)


def required_education(requirements: Requirements | None, job_zone: int | None) -> int | None:
    """The RL category an occupation typically requires (the job zone's when O*NET has none)."""
    if requirements is not None and requirements.education:
        typical = typical_category(requirements.education)
        if typical is not None:
            return typical
    return ZONE_EDUCATION.get(job_zone or 0)


def education_sentence(distribution: dict[int, float]) -> str:
    """E.g. "65% say a master's degree is required, 26% a doctorate"."""
    shares = sorted(
        ((share, level) for level, share in distribution.items() if share >= SHARE_MENTIONED),
        reverse=True,
    )
    if not shares:
        return ""
    first_share, first = shares[0]
    parts = [f"{first_share:.0f}% say {EDUCATION_LEVELS[first]} is required"]
    parts += [f"{share:.0f}% {EDUCATION_SHORT[level]}" for share, level in shares[1:3]]
    return ", ".join(parts)


def describe_requirements(requirements: Requirements | None, job_zone: int | None) -> list[str]:
    """`occupation show`'s plain sentences on education, experience, training and licences."""
    lines = []
    if requirements is not None and requirements.education:
        lines.append(f"Education: {education_sentence(requirements.education)}.")
    elif job_zone in ZONE_EDUCATION:
        lines.append(
            f"Education: most people in this kind of work have "
            f"{EDUCATION_LEVELS[ZONE_EDUCATION[job_zone or 0]]}."
        )
    if requirements is None:
        return lines
    experience = typical_category(requirements.experience)
    if experience is not None:
        lines.append(f"Related work experience: typically {EXPERIENCE_LEVELS[experience]}.")
    training = typical_category(requirements.job_training)
    if training is not None:
        lines.append(f"On-the-job training: typically {JOB_TRAINING_LEVELS[training]}.")
    if requirements.certification is not None:
        lines.append(
            f"Professional certification or licence: "
            f"{importance_words(requirements.certification)} "
            f"({requirements.certification:.1f} of 5)."
        )
    if requirements.apprenticeship is not None and (
        requirements.apprenticeship >= APPRENTICESHIP_NEEDED
    ):
        lines.append(
            f"Apprenticeship: {importance_words(requirements.apprenticeship)} "
            f"({requirements.apprenticeship:.1f} of 5)."
        )
    return lines


@dataclass(frozen=True)
class RequirementCheck:
    """One entry requirement of a target and whether the person meets it, with evidence."""

    kind: str  # education, certification, experience, apprenticeship
    need: str  # "a master's degree"
    met: bool
    sentence: str  # the plain sentence shown
    evidence: tuple[str, ...]  # entry ids behind it
    months: int  # typical time to meet it when unmet (0 when met)
    length: str  # the typical length in words ("2 years full-time"), "" when none
    importance: float | None = None
    level: int | None = None  # the RL category for education

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _title_word(title: str) -> str:
    """The head noun of an O*NET title: "Nurse Practitioners" -> "practitioner"."""
    head = re.split(r",| and | or |--", title)[0].strip().lower()
    words = head.split()
    return _singular(words[-1]) if words else ""


def _education(
    level: int, distribution: dict[int, float], attainment: Attainment
) -> RequirementCheck:
    need = EDUCATION_LEVELS[level]
    others = sorted(
        (share, cat)
        for cat, share in distribution.items()
        if cat > level and share >= SHARE_MENTIONED
    )
    note = "".join(f"; {share:.0f}% report {EDUCATION_SHORT[cat]}" for share, cat in others[-2:])
    best = attainment.highest()
    if best is not None and best.level >= level:
        return RequirementCheck(
            "education",
            need,
            True,
            f"Your {best.label} meets the usual requirement of {need}{note}.",
            (best.entry_id,),
            0,
            "",
            level=level,
        )
    studying = attainment.in_progress()
    length = DEGREE_LENGTH.get(level, "")
    months = DEGREE_MONTHS.get(level, 24)
    if best is not None and level == 6 and best.level == 5:
        months, length = 24, "about 2 years after an associate's degree"
    if studying is not None and studying.level >= level:
        sentence = f"Finish your {studying.label}: the work usually requires {need}{note}."
        months = months // 2
    else:
        have = f"; your highest is {best.label}" if best is not None else ""
        sentence = f"Most people in this work have {need} (typically {length}){have}{note}."
    ids = tuple(d.entry_id for d in (best, studying) if d is not None)
    return RequirementCheck("education", need, False, sentence, ids, months, length, level=level)


def _certification(
    importance: float, title: str, attainment: Attainment, held_target: bool
) -> RequirementCheck:
    word = _title_word(title)
    matching = [(i, n) for i, n in attainment.certifications if word and word in n.lower()]
    words = importance_words(importance)
    need = "a professional certification or licence"
    if matching or held_target:
        what = f"Your {matching[0][1]}" if matching else "Your time in this occupation"
        return RequirementCheck(
            "certification",
            need,
            True,
            f"{what} covers the professional certification or licence, which is {words}.",
            tuple(i for i, _ in matching),
            0,
            "",
            importance,
        )
    held = ", ".join(n for _, n in attainment.certifications[:3])
    yours = f" Your {held} do not cover it." if held else ""
    return RequirementCheck(
        "certification",
        need,
        False,
        f"A professional certification or licence for this work is {words}: earn the one "
        f"your state or country requires.{yours}",
        tuple(i for i, _ in attainment.certifications),
        CERTIFICATION_MONTHS,
        "a few months of exam preparation",
        importance,
    )


def _experience(category: int, years: float) -> RequirementCheck:
    needed = EXPERIENCE_YEARS[category]
    text = EXPERIENCE_LEVELS[category]
    if years >= needed:
        return RequirementCheck(
            "experience",
            f"{text} of related experience",
            True,
            f"Your {years:.0f} years in this and related work meet the usual experience ({text}).",
            (),
            0,
            "",
        )
    short = needed - years
    return RequirementCheck(
        "experience",
        f"{text} of related experience",
        False,
        f"Gain supervised experience in related work: it usually takes {text}, "
        f"and you have {_years_text(years)}.",
        (),
        max(1, round(short * 12)),
        f"{_years_text(short)} more",
    )


def _years_text(years: float) -> str:
    if years <= 0:
        return "none yet"
    if years < 1:
        return f"about {round(years * 12)} months"
    return f"about {years:.0f} years" if years >= 2 else "about a year"


def _apprenticeship(
    importance: float, attainment: Attainment, held_target: bool
) -> RequirementCheck:
    words = importance_words(importance)
    done = held_target or any("apprentic" in n.lower() for _, n in attainment.certifications)
    if done:
        return RequirementCheck(
            "apprenticeship",
            "an apprenticeship",
            True,
            f"Your training covers the apprenticeship, which is {words} here.",
            (),
            0,
            "",
            importance,
        )
    return RequirementCheck(
        "apprenticeship",
        "an apprenticeship",
        False,
        f"An apprenticeship is {words} for this work: most run about four years of paid "
        "training on the job with classroom hours.",
        (),
        APPRENTICESHIP_MONTHS,
        "about 4 years, paid",
        importance,
    )


def check_requirements(
    requirements: Requirements | None,
    job_zone: int | None,
    title: str,
    attainment: Attainment,
    related_years: float,
    held_target: bool,
) -> tuple[RequirementCheck, ...]:
    """Every requirement, unmet ones first in the order they are usually met.

    Order: education, then an apprenticeship, certification or licence, then experience.
    """
    checks: list[RequirementCheck] = []
    level = required_education(requirements, job_zone)
    distribution = requirements.education if requirements is not None else {}
    if level is not None and level >= 2:
        checks.append(_education(level, distribution, attainment))
    if requirements is not None:
        if (requirements.apprenticeship or 0) >= APPRENTICESHIP_NEEDED:
            checks.append(
                _apprenticeship(requirements.apprenticeship or 0, attainment, held_target)
            )
        if (requirements.certification or 0) >= CERTIFICATION_NEEDED:
            checks.append(
                _certification(requirements.certification or 0, title, attainment, held_target)
            )
        experience = typical_category(requirements.experience)
        if experience is not None and EXPERIENCE_YEARS[experience] > 0:
            checks.append(_experience(experience, related_years))
    return tuple(sorted(checks, key=lambda c: c.met))


@dataclass(frozen=True)
class EntryBar:
    """Per occupation: the education it typically requires and whether it is licensed."""

    education: dict[str, int]
    licensed: frozenset[str]


_BARS: weakref.WeakKeyDictionary[object, EntryBar] = weakref.WeakKeyDictionary()


def entry_bars(reference: Reference) -> EntryBar:
    """Typical education and licensing of every occupation, read once per reference."""
    cached = _BARS.get(reference)
    if cached is not None:
        return cached
    every = reference.requirements_all() if reference.has("requirements") else {}
    zones = reference.job_zones() if reference.has("job_zones") else {}
    # Newer detailed codes often lack the survey: their SOC siblings' data stands in.
    siblings: dict[str, list[Requirements]] = {}
    for code, found in every.items():
        siblings.setdefault(code[:7], []).append(found)
    education: dict[str, int] = {}
    licensed: set[str] = set()
    for code in {o.code for o in reference.occupations()} | set(every):
        own = every.get(code)
        others = siblings.get(code[:7], [])
        level = typical_category(own.education) if own is not None else None
        if level is None:
            levels = [typical_category(r.education) for r in others]
            level = max((x for x in levels if x is not None), default=None)
        if level is None:
            level = ZONE_EDUCATION.get(zones.get(code, 0))
        if level is not None:
            education[code] = level
        certification = own.certification if own is not None else None
        if certification is None:
            certification = max((r.certification or 0 for r in others), default=0)
        if certification >= LICENSED:
            licensed.add(code)
    bar = EntryBar(education, frozenset(licensed))
    _BARS[reference] = bar
    return bar


def requirement_checks(
    reference: Reference, target: OccupationSummary, attainment: Attainment
) -> tuple[RequirementCheck, ...]:
    """The target's requirements checked against what the person has attained."""
    requirements = reference.requirements(target.code) if reference.has("requirements") else None
    space = occupation_space(reference)
    zone = space.job_zones.get(target.code)
    related = {target.code, *space.related.get(target.code, {})}
    # Work whose skills carry over is related experience too.
    if target.code in space.index:
        row = space.similarity[space.index[target.code]]
        related |= {
            h.code
            for h in attainment.held
            if h.code in space.index and row[space.index[h.code]] >= RELATED_SIMILARITY
        }
    years = attainment.years_in(related, {target.code[:5]})
    held_target = any(h.code == target.code and (h.years or 0) >= 1 for h in attainment.held)
    return check_requirements(requirements, zone, target.title, attainment, years, held_target)
