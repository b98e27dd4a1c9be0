"""Growth in plain words: whether a move was a step up, and the sentence that says why."""

from __future__ import annotations

from careerset.analysis.weights import VerdictWeights
from careerset.wording import count_of


def ordinal(number: float) -> str:
    """12 -> "12th", 2 -> "2nd" (for percentiles in sentences)."""
    value = round(number)
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def is_growth(evidence: dict[str, object]) -> bool:
    """A step up: more preparation (job zone), a more senior title, or more pay of one's own."""
    return (
        _number(evidence.get("job_zone_step")) > 0
        or _number(evidence.get("seniority_change")) > 0
        or (evidence.get("pay_source") == "stated" and _number(evidence.get("pay_change")) > 0)
    )


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def growth_reason(score: float, evidence: dict[str, object], weights: VerdictWeights) -> str:
    details = []
    zone_step = _number(evidence.get("job_zone_step"))
    if zone_step:
        details.append(
            "work that needs more preparation" if zone_step > 0 else "work needing less preparation"
        )
    seniority_step = _number(evidence.get("seniority_change"))
    if seniority_step:
        details.append("a more senior title" if seniority_step > 0 else "a less senior title")
    if evidence.get("same_wage_series"):
        details.append("the data shows no wage difference (both share one wage series)")
    elif "pay_change" in evidence:
        change = _number(evidence["pay_change"])
        whose = "your" if evidence.get("pay_compared") == "own" else "typical US"
        if abs(change) < weights.pay_unchanged:
            details.append(f"about the same {whose} pay")
        else:
            details.append(f"{abs(change):.0%} {'more' if change > 0 else 'less'} {whose} pay")
    if "oews_percentile" in evidence:
        percentile = _number(evidence["oews_percentile"])
        details.append(
            f"pay above {ordinal(percentile)} of 100 people in this work"
            if percentile >= 50
            else "pay below most people in this work"
        )
    if evidence.get("new_skills"):
        count = len(list(evidence["new_skills"]))  # type: ignore[call-overload]
        details.append(count_of(count, "new skill"))
    before = evidence.get("previous_title")
    against = f" compared with {before}" if before else ""
    if is_growth(evidence):
        word = "It was a step up"
    elif score >= weights.sideways:
        word = "It was a sideways move"
    else:
        word = "It did not grow you much"
    return f"{word}{against}" + (f": {', '.join(details)}." if details else ".")
