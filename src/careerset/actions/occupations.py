"""Occupation look-ups that several front ends offer: comparing a few occupations side by side."""

from __future__ import annotations

from careerset.facts.profile import OccupationProfile
from careerset.facts.protocol import Reference
from careerset.reference.query import normalize_code

MAX_COMPARE = 4


def compare_occupations(reference: Reference, codes: list[str]) -> list[OccupationProfile]:
    """Profiles of up to MAX_COMPARE distinct occupations, in the order asked; blanks skipped."""
    wanted = list(dict.fromkeys(normalize_code(code) for code in codes if code.strip()))
    return [reference.profile(code) for code in wanted[:MAX_COMPARE]]
