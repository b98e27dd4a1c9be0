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
    return f"The typical pay is about {abs(change):.0%} {direction} (US median wages)."


def wage_label(outside_us: bool) -> str:
    """The note a wage figure needs when the person does not live in the US."""
    return f" ({US_WAGE_LABEL})" if outside_us else ""
