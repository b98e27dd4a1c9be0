"""Map free-text skill names ("SQL", "graphic design") to O*NET elements and technology names.

Exact names first, then a small synonym table for the terms people actually write, then a
strict fuzzy match (rapidfuzz) so "Excel" finds "Microsoft Excel" but "Design" does not
find "Technology Design".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

# Domains a term can land in; the names are those the reference uses.
SKILLS, KNOWLEDGE, TECHNOLOGY = "skills", "knowledge", "technology"

# term -> (domain, reference name, factor). The factor says how much of the stated level
# counts: SQL is programming, but writing queries is not the whole of Programming.
SYNONYMS: dict[str, tuple[tuple[str, str, float], ...]] = {
    "sql": (
        (TECHNOLOGY, "Structured query language SQL", 1.0),
        (SKILLS, "Programming", 0.6),
        (KNOWLEDGE, "Computers and Electronics", 0.6),
    ),
    "excel": ((TECHNOLOGY, "Microsoft Excel", 1.0),),
    "spreadsheets": ((TECHNOLOGY, "Microsoft Excel", 0.8),),
    "python": ((TECHNOLOGY, "Python", 1.0), (SKILLS, "Programming", 0.9)),
    "java": ((TECHNOLOGY, "Oracle Java", 1.0), (SKILLS, "Programming", 0.9)),
    "javascript": ((TECHNOLOGY, "JavaScript", 1.0), (SKILLS, "Programming", 0.9)),
    "r": ((TECHNOLOGY, "R", 1.0), (SKILLS, "Programming", 0.7)),
    "c++": ((TECHNOLOGY, "C++", 1.0), (SKILLS, "Programming", 0.9)),
    "c#": ((TECHNOLOGY, "C#", 1.0), (SKILLS, "Programming", 0.9)),
    "programming": ((SKILLS, "Programming", 1.0),),
    "coding": ((SKILLS, "Programming", 1.0),),
    "software development": ((SKILLS, "Programming", 1.0),),
    "statistics": ((KNOWLEDGE, "Mathematics", 0.8), (SKILLS, "Mathematics", 0.8)),
    "data analysis": ((SKILLS, "Critical Thinking", 0.6), (SKILLS, "Mathematics", 0.6)),
    "machine learning": ((SKILLS, "Programming", 0.7), (KNOWLEDGE, "Mathematics", 0.7)),
    "power bi": ((TECHNOLOGY, "Microsoft Power BI", 1.0),),
    "photoshop": ((TECHNOLOGY, "Adobe Photoshop", 1.0), (KNOWLEDGE, "Design", 0.5)),
    "illustrator": ((TECHNOLOGY, "Adobe Illustrator", 1.0), (KNOWLEDGE, "Design", 0.5)),
    "indesign": ((TECHNOLOGY, "Adobe InDesign", 1.0), (KNOWLEDGE, "Design", 0.5)),
    "graphic design": ((KNOWLEDGE, "Design", 1.0), (KNOWLEDGE, "Fine Arts", 0.5)),
    "typography": ((KNOWLEDGE, "Design", 0.8),),
    "illustration": ((KNOWLEDGE, "Fine Arts", 0.8), (KNOWLEDGE, "Design", 0.6)),
    "user experience": ((KNOWLEDGE, "Design", 0.8), (SKILLS, "Technology Design", 0.6)),
    "ux": ((KNOWLEDGE, "Design", 0.8), (SKILLS, "Technology Design", 0.6)),
    "communication": ((SKILLS, "Speaking", 0.8), (SKILLS, "Writing", 0.8)),
    "public speaking": ((SKILLS, "Speaking", 1.0),),
    "leadership": ((SKILLS, "Management of Personnel Resources", 0.7),),
    "project management": (
        (SKILLS, "Time Management", 0.7),
        (KNOWLEDGE, "Administration and Management", 0.7),
    ),
    "budgeting": ((SKILLS, "Management of Financial Resources", 0.8),),
    "accounting": ((KNOWLEDGE, "Economics and Accounting", 1.0),),
    "customer service": (
        (KNOWLEDGE, "Customer and Personal Service", 1.0),
        (SKILLS, "Service Orientation", 0.8),
    ),
    "sales": ((KNOWLEDGE, "Sales and Marketing", 1.0), (SKILLS, "Persuasion", 0.6)),
    "marketing": ((KNOWLEDGE, "Sales and Marketing", 1.0),),
    "teaching": ((SKILLS, "Instructing", 1.0), (KNOWLEDGE, "Education and Training", 0.8)),
    "training": ((SKILLS, "Instructing", 0.8),),
    "testing": ((SKILLS, "Quality Control Analysis", 0.8),),
    "debugging": ((SKILLS, "Troubleshooting", 0.8), (SKILLS, "Programming", 0.5)),
}

FUZZY_CUTOFF = 90.0  # token-set ratio; below this, unrelated names start to match
FUZZY_FACTOR = 0.8  # a fuzzy hit is weaker evidence than an exact one
_WORD = re.compile(r"[a-z0-9+#]+")


@dataclass(frozen=True)
class TermMatch:
    """A free-text term landing on one reference name, with the share of its level that counts."""

    domain: str
    name: str
    factor: float
    how: str  # "exact", "synonym" or "fuzzy"


def normalize(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _synonyms_in(text: str) -> list[tuple[str, tuple[tuple[str, str, float], ...]]]:
    """Synonym keys appearing as whole words in `text` ("Applied Statistics" holds "statistics")."""
    padded = f" {text} "
    return [(key, targets) for key, targets in SYNONYMS.items() if f" {key} " in padded]


class TermMatcher:
    """Matches terms against fixed candidate names per domain; build once, match many."""

    def __init__(self, candidates: dict[str, Iterable[str]]) -> None:
        self._names: dict[str, dict[str, str]] = {
            domain: {normalize(name): name for name in names}
            for domain, names in candidates.items()
        }

    def match(self, term: str) -> list[TermMatch]:
        """Every candidate the term points at, strongest first, one per (domain, name)."""
        text = normalize(term)
        if not text:
            return []
        found: dict[tuple[str, str], TermMatch] = {}

        def keep(match: TermMatch) -> None:
            key = (match.domain, match.name)
            if key not in found or found[key].factor < match.factor:
                found[key] = match

        for domain, names in self._names.items():
            if text in names:
                keep(TermMatch(domain, names[text], 1.0, "exact"))
        for _, targets in _synonyms_in(text):
            for domain, name, factor in targets:
                if domain in self._names and normalize(name) in self._names[domain]:
                    keep(TermMatch(domain, name, factor, "synonym"))
        if not found and len(text) >= 3:
            for domain, names in self._names.items():
                for normalized, name in names.items():
                    if _subset_match(text, normalized):
                        keep(TermMatch(domain, name, FUZZY_FACTOR, "fuzzy"))
        return sorted(found.values(), key=lambda m: (-m.factor, m.domain, m.name))


def _subset_match(text: str, candidate: str) -> bool:
    """A fuzzy hit when the term's words are (nearly) all inside the candidate or vice versa.

    The shorter side must be a real word (3+ letters), so "R" or "C" never match by accident,
    and a single shared generic word ("design" in "Technology Design") is not enough when
    the candidate has more words than the term.
    """
    shorter, longer = sorted((text, candidate), key=len)
    if len(shorter) < 3:
        return False
    if fuzz.token_set_ratio(text, candidate) < FUZZY_CUTOFF:
        return False
    # Only accept when the candidate is the subset (term "Microsoft Excel 365" -> "Excel") or
    # the candidate adds only a vendor/acronym word (term "Excel" -> "Microsoft Excel").
    extra = set(candidate.split()) - set(text.split())
    return len(extra) <= 1 and not (extra and len(text.split()) == 1 and _generic(text))


_GENERIC = frozenset({"design", "management", "analysis", "control", "service", "systems"})


def _generic(word: str) -> bool:
    return word in _GENERIC
