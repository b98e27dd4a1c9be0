"""What a person has attained: degrees on O*NET's education scale, certifications, experience.

Degrees are read as people write them ("MSc", "B.A.", "Master of Science", LinkedIn's
"Degree Name", JSON Resume's studyType) and placed on O*NET's RL categories 1-12.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from careerset.analysis.evidence import HeldOccupation
from careerset.model.career import Career
from careerset.model.dates import PartialDate
from careerset.model.entries import Certification, Education

# Phrases in the lower-cased text, checked in this order (the first hit wins).
_PHRASES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (2, ("high school", "secondary school", "leaving cert", "a-level", "a level", "ged")),
    (9, ("post-master", "post master", "postmaster")),
    (
        10,
        (
            "doctor of pharmacy",
            "doctor of medicine",
            "juris doctor",
            "doctor of dental",
            "doctor of veterinary",
            "doctor of osteopathic",
            "doctor of optometry",
            "first professional",
            "medical degree",
            "law degree",
        ),
    ),
    (11, ("doctor", "doctorate", "doctoral", "ph.d", "ph. d")),
    (8, ("master",)),
    (
        7,
        (
            "postgraduate cert",
            "postgraduate dip",
            "post-graduate cert",
            "graduate certificate",
            "graduate diploma",
            "post-baccalaureate",
            "post baccalaureate",
        ),
    ),
    (6, ("bachelor", "honours degree", "honors degree", "undergraduate degree", "(hons)")),
    (5, ("associate", "foundation degree", "two-year degree")),
    (4, ("some college",)),
    (3, ("certificate", "diploma", "vocational", "technical college", "trade school")),
)
# Abbreviations, compared after removing dots; two-letter ones only when written in capitals.
_ABBREVIATIONS: dict[int, frozenset[str]] = {
    11: frozenset({"PHD", "DPHIL", "DNP", "EDD", "DBA", "PSYD", "SCD", "DRPH", "DSC"}),
    10: frozenset({"JD", "MD", "PHARMD", "DDS", "DMD", "DVM", "DPT", "MBBS", "MBCHB", "OD"}),
    8: frozenset(
        {"MSC", "MS", "MA", "MBA", "MSN", "MENG", "MPH", "MED", "LLM", "MPHIL", "MRES", "MFA"}
        | {"MSW", "MPA", "MACC", "MS", "MTECH", "MCOM", "MARCH"}
    ),
    6: frozenset(
        {"BSC", "BS", "BA", "BSN", "BENG", "BBA", "BFA", "BED", "LLB", "BCOM", "BTECH", "AB"}
        | {"BARCH", "BPHARM", "BEC"}
    ),
    5: frozenset({"AAS", "AA", "AS", "ADN", "ASN", "AAT", "HND"}),
    3: frozenset({"NVQ", "HNC", "CERT", "DIP", "LPN"}),
    2: frozenset({"GED", "HSE", "GCSE", "HSD"}),
}
_IN_PROGRESS = ("in progress", "ongoing", "candidate", "expected", "pursuing", "current")
_SHORT = frozenset({"AS", "MA", "MS", "BS", "BA", "AA", "MD", "JD", "OD", "AB", "MED"})


def degree_level(text: str | None) -> int | None:
    """O*NET RL category (1-12) a degree names, or None when the text names no degree."""
    if not text or not text.strip():
        return None
    tokens = re.findall(r"[A-Za-z]+", text.replace(".", ""))
    degree = _abbreviation(tokens, minimum=5)
    if degree is not None:
        return degree
    lower = text.lower()
    for level, phrases in _PHRASES:
        if any(re.search(rf"(?<![a-z]){re.escape(p)}", lower) for p in phrases):
            return level
    return _abbreviation(tokens, minimum=1)


def _abbreviation(tokens: list[str], minimum: int) -> int | None:
    """The highest level an abbreviation names; degrees before phrases, certificates after."""
    for level, names in sorted(_ABBREVIATIONS.items(), key=lambda item: -item[0]):
        if level < minimum:
            continue
        for token in tokens:
            upper = token.upper()
            if upper in names and (upper not in _SHORT or token == upper or len(tokens) == 1):
                return level
    return None


@dataclass(frozen=True)
class Degree:
    """One education entry placed on the RL scale."""

    entry_id: str
    label: str  # "MSc Advanced Nursing Practice (2019)"
    level: int
    in_progress: bool
    field: str | None


@dataclass(frozen=True)
class Attainment:
    """A person's degrees, certifications and years of experience by occupation."""

    degrees: tuple[Degree, ...]
    certifications: tuple[tuple[str, str], ...]  # (entry id, name)
    held: tuple[HeldOccupation, ...]

    def highest(self) -> Degree | None:
        """The highest completed degree."""
        done = [d for d in self.degrees if not d.in_progress]
        return max(done, key=lambda d: d.level) if done else None

    def in_progress(self) -> Degree | None:
        studying = [d for d in self.degrees if d.in_progress]
        return max(studying, key=lambda d: d.level) if studying else None

    def years_in(self, codes: set[str], groups: set[str]) -> float:
        """Years in any of `codes` or in a SOC minor group (first five characters) of `groups`."""
        return round(
            sum(
                h.years or 0.0
                for h in self.held
                if h.code in codes or h.code[:5] in groups or h.code[:7] in codes
            ),
            2,
        )


def _year(value: object) -> str:
    return str(value.year) if isinstance(value, PartialDate) else ""


def _in_progress(school: Education, today: date) -> bool:
    if school.end == "present":
        return True
    if isinstance(school.end, PartialDate) and school.end.first_day() > today:
        return True
    text = f"{school.study_type or ''} {school.score or ''}".lower()
    return any(word in text for word in _IN_PROGRESS)


def _degree(school: Education, today: date) -> Degree | None:
    level = degree_level(school.study_type)
    if level is None:
        level = degree_level(school.area)
    if level is None:
        return None
    in_progress = _in_progress(school, today)
    name = " ".join(x for x in (school.study_type, school.area) if x) or school.institution
    when = "in progress" if in_progress else _year(school.end) or _year(school.start)
    return Degree(
        school.id,
        f"{name} ({when})" if when else name,
        level,
        in_progress,
        school.area,
    )


def person_attainment(career: Career, held: tuple[HeldOccupation, ...], today: date) -> Attainment:
    """Degrees (highest first), certifications and held occupations of one career."""
    degrees = [d for s in career.of_type(Education) if (d := _degree(s, today)) is not None]
    degrees.sort(key=lambda d: (-d.level, d.in_progress))
    certs = tuple((c.id, c.name) for c in career.of_type(Certification))
    return Attainment(tuple(degrees), certs, held)
