"""Shared plain-English wording for numbers a person reads: wage changes and wage labels.

Numbers themselves stay in `--json`; these sentences never show a bare score or "+0%".
"""

from __future__ import annotations

SAME_PAY = 0.02  # medians within 2% of each other read as "about the same pay"
US_WAGE_LABEL = "US figures (BLS OEWS, USD, May 2025)"


def wage_change_sentence(before: float | None, after: float | None, same_series: bool) -> str:
    """How pay changes in words; one shared wage series means the data cannot tell."""
    if same_series:
        return "Both share one wage series, so the data shows no wage difference."
    if before is None or after is None or before <= 0:
        return "The data has no wage comparison for this move."
    change = (after - before) / before
    if abs(change) < SAME_PAY:
        return "It pays about the same."
    direction = "more" if change > 0 else "less"
    return f"The typical pay is about {abs(change):.0%} {direction} ({US_WAGE_LABEL})."


def wage_label(outside_us: bool) -> str:
    """The note a wage figure needs when the person does not live in the US."""
    return f" ({US_WAGE_LABEL})" if outside_us else ""


US_NAMES = frozenset({"us", "usa", "united states", "united states of america", "u.s.", "u.s.a."})
US_STATES = frozenset(
    [
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "georgia",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "montana",
        "nebraska",
        "nevada",
        "ohio",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "washington",
        "wisconsin",
        "wyoming",
    ]
) | {
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "rhode island",
    "south carolina",
    "south dakota",
    "west virginia",
    "district of columbia",
}


def outside_us(country_code: str | None, job_locations: list[str]) -> bool:
    """Whether the person lives outside the US: their country, else their latest job's place.

    A place reads as US when its last part is a US name, a state, or a two-letter code.
    """
    if country_code:
        return country_code.strip().lower() not in US_NAMES
    for place in reversed(job_locations):
        last = place.rsplit(",", 1)[-1].strip()
        if not last or "," not in place:
            continue
        lower = last.lower()
        return not (lower in US_NAMES or lower in US_STATES or (len(last) == 2 and last.isupper()))
    return False
