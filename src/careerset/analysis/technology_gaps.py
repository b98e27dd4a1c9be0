"""Technology a target needs and the career does not show, rarest and most asked-for first.

A tool listed for nearly every occupation (a web browser, a spreadsheet) says nothing about
the target; the field's own tools do. Tools the person names, or that a held occupation
lists, are not gaps.
"""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from functools import cache

from careerset.facts.profile import TechnologySkill
from careerset.facts.protocol import Reference

# Office, mail and browser software every desk job lists: never ahead of the field's tools.
GENERIC_PATTERN = re.compile(
    r"\b(microsoft (office|excel|word|outlook|powerpoint|access|teams|project|sharepoint|"
    r"onenote|windows|edge|internet explorer)|internet explorer|web browser|google chrome|"
    r"mozilla firefox|safari|email|e-mail|adobe acrobat|spreadsheet|word processing|"
    r"presentation software|google (docs|sheets|drive|workspace)|zoom|slack|apple macos|"
    r"apple ios|linux|unix|operating system|microsoft 365|office 365|skype|webex|"
    r"the internet|calendar|notepad|adobe reader)\b",
    re.IGNORECASE,
)
# (hot, in_demand) -> multiplier: In Demand tools are what employers ask for in postings.
# An unflagged tool listed for one occupation is usually a niche product, not a gap to close.
FLAG_WEIGHT = {(True, True): 3.0, (False, True): 2.5, (True, False): 1.5}
UNFLAGGED_WEIGHT = 0.5

_COUNTS: weakref.WeakKeyDictionary[object, tuple[int, Counter[str]]] = weakref.WeakKeyDictionary()


def is_generic(tool: TechnologySkill) -> bool:
    return _generic(tool.name, tool.commodity_title or "")


@cache
def _generic(name: str, commodity: str) -> bool:
    return GENERIC_PATTERN.search(f"{name} {commodity}") is not None


def tool_counts(reference: Reference) -> tuple[int, Counter[str]]:
    """How many occupations list each tool, and how many occupations list any (cached)."""
    cached = _COUNTS.get(reference)
    if cached is not None:
        return cached
    counts: Counter[str] = Counter()
    total = 0
    if reference.has("technology_skills") and hasattr(reference, "technology_by_occupation"):
        by_code = reference.technology_by_occupation()
        total = len(by_code)
        for names in by_code.values():
            counts.update(names)
    _COUNTS[reference] = (total, counts)
    return total, counts


def tool_weight(tool: TechnologySkill, total: int, counts: Counter[str]) -> float:
    """Rarity across occupations (inverse document frequency) times the Hot / In Demand flags."""
    rarity = math.log((1 + total) / (1 + counts.get(tool.name, 0))) + 1.0 if total else 1.0
    weight = rarity * FLAG_WEIGHT.get((tool.hot, tool.in_demand), UNFLAGGED_WEIGHT)
    return round(weight / 4.0 if is_generic(tool) else weight, 3)
