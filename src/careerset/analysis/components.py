"""The six components of a job's verdict, each a score in [0, 1] with its evidence and a reason.

A component that cannot be judged returns score None and says what it would need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from careerset.analysis.growth_reason import growth_reason
from careerset.analysis.interests import RiasecScores, congruence
from careerset.analysis.occupations import OccupationFacts, similarity, title_words
from careerset.analysis.pay import annualise, median_annual, real_annual, wage_percentile
from careerset.analysis.weights import VerdictWeights
from careerset.facts.profile import RIASEC
from careerset.model.career import Career, entry_span
from careerset.model.dates import PRESENT
from careerset.model.entries import Job
from careerset.model.enums import PayBasis, Schedule
from careerset.next_action import NextAction
from careerset.wording import count_of

COMPONENTS = ("passion_fit", "goal_alignment", "growth", "learning", "continuity", "security")
LABELS = {name: name.replace("_", " ") for name in COMPONENTS}


@dataclass(frozen=True)
class Component:
    """One component's result; `score` is None when the data it needs is missing."""

    name: str
    score: float | None
    evidence: dict[str, object]
    reason: str
    action: NextAction | None = None  # what would supply the missing data

    def to_dict(self) -> dict[str, object]:
        action = None if self.action is None else self.action.to_dict()
        return {
            "score": self.score,
            "evidence": self.evidence,
            "reason": self.reason,
            "action": action,
        }


@dataclass(frozen=True)
class LearningLog:
    """The career's dated learning, gathered once per assessment: (day, name or hours)."""

    certifications: tuple[tuple[date, str], ...]
    studies: tuple[tuple[date, date, str], ...]
    activities: tuple[tuple[date, float], ...]

    @classmethod
    def of(cls, career: Career, today: date) -> LearningLog:
        certifications = tuple(
            (c.date.first_day(), c.name) for c in career.certifications if c.date is not None
        )
        studies = tuple(
            (span[0], span[1], item.label)
            for item in career.education
            if (span := entry_span(item, today)) is not None
        )
        # An activity logged without hours still counts as one hour of learning.
        activities = tuple(
            (a.date.first_day(), a.hours if a.hours is not None else 1.0) for a in career.activities
        )
        return cls(certifications, studies, activities)


@dataclass(frozen=True)
class JobContext:
    """What a component may look at: the job, its neighbours in time and the career around it."""

    job: Job
    previous: Job | None
    following: Job | None
    career: Career
    interests: RiasecScores | None
    targets: tuple[str, ...]
    goal_statements: tuple[str, ...]
    skills_before: frozenset[str]
    facts: OccupationFacts
    weights: VerdictWeights
    today: date
    log: LearningLog
    span: tuple[date, date] | None = field(default=None)


def _clamp(value: float) -> float:
    return round(min(1.0, max(0.0, value)), 3)


def _missing(
    name: str, reason: str, action: NextAction | None = None, **evidence: object
) -> Component:
    return Component(name, None, dict(evidence), reason, action)


# -- passion fit -------------------------------------------------------------------------------


def passion_fit(ctx: JobContext) -> Component:
    """Congruence of the person's RIASEC profile with the occupation's O*NET interest profile."""
    name, code = "passion_fit", ctx.job.occupation_code
    if ctx.interests is None:
        return _missing(
            name,
            "No interest profile yet; take the interest profiler.",
            NextAction("take_profiler"),
        )
    if ctx.interests.is_flat:
        return _missing(
            name, "Your interest scores are all equal, so they cannot tell which work fits you."
        )
    if code is None:
        return _missing(name, "The job has no occupation code to compare your interests with.")
    occupation = ctx.facts.interests(code)
    if occupation is None:
        return _missing(
            name,
            f"No O*NET interest profile for {code} here; the full reference data adds them.",
            NextAction("install_data"),
        )
    values = tuple(occupation.scores().values())
    fit = congruence(ctx.interests, values, occupation.holland_code, ctx.weights.correlation_weight)
    evidence: dict[str, object] = {
        "person_code": fit.person_code,
        "occupation_code": fit.occupation_code,
        "correlation": None if fit.correlation is None else round(fit.correlation, 3),
        "holland_agreement": None if fit.agreement is None else round(fit.agreement, 3),
    }
    if fit.score is None:
        return Component(name, None, evidence, "The occupation's interest profile is flat.")
    w = ctx.weights
    word = "strong" if fit.score >= w.strong else "partial" if fit.score >= w.partial else "weak"
    yours, its = interest_names(fit.person_code), interest_names(fit.occupation_code)
    reason = (
        f"Your interests are a {word} fit for this work: yours lean most to {yours}, "
        f"this work's to {its}."
    )
    evidence["why"] = f"your interests match this occupation's {fit.score:.0%}"
    return Component(name, fit.score, evidence, reason)


def interest_names(code: str | None) -> str:
    """A Holland code in words: "SIA" -> "Social, Investigative and Artistic"."""
    names = [n for letter in (code or "")[:3] for n in RIASEC if n[0] == letter]
    if len(names) <= 1:
        return names[0] if names else "no clear type"
    return ", ".join(names[:-1]) + " and " + names[-1]


# -- goal alignment ----------------------------------------------------------------------------


def _stated_overlap(ctx: JobContext) -> list[str]:
    """Words the job title shares with the goal statements and target titles."""
    stated: set[str] = set()
    for text in ctx.goal_statements:
        stated |= title_words(text)
    for target in ctx.targets:
        stated |= title_words(ctx.facts.title(target) or "")
    return sorted(title_words(ctx.job.title) & stated)


def goal_alignment(ctx: JobContext) -> Component:
    """Similarity of the job's occupation to the closest target occupation of the person's goals.

    Without occupation data on either side, the words the person stated (job title, goal
    statement) are compared instead, and the evidence says so.
    """
    name, code = "goal_alignment", ctx.job.occupation_code
    if not ctx.targets and not ctx.goal_statements:
        return _missing(
            name, "No goal yet; name one with a target occupation.", NextAction("add_goal")
        )
    shared = _stated_overlap(ctx)
    by_words = ctx.weights.similarity.title_words if shared else ctx.weights.no_shared_words
    if code is not None and ctx.targets:
        best = max(
            (similarity(ctx.facts, code, target, ctx.weights.similarity) for target in ctx.targets),
            key=lambda s: (s.score, s.other),
        )
        profiled = "skill_correlation" in best.evidence or "technology_overlap" in best.evidence
        if profiled or best.score >= by_words:
            title = ctx.facts.title(best.other) or best.other
            evidence = {"target": best.other, "target_title": title, "similarity": best.score}
            evidence.update(best.evidence)
            evidence["why"] = f"this work is {best.score:.0%} similar to your goal"
            if best.score >= ctx.weights.on_target:
                reason = f"On the path to {title}: it is {best.basis}."
            elif best.score >= ctx.weights.partial:
                reason = f"Near your goal of {title}: it is {best.basis}."
            else:
                reason = f"Far from your goal of {title}."
            return Component(name, best.score, evidence, reason)
    evidence = {"shared_words": shared, "from": "stated titles"}
    if shared:
        reason = f"Its title shares '{shared[0]}' with your goal (judged by the words only)."
    else:
        reason = "Its title shares no words with your goal (no occupation data to compare)."
    return Component(name, by_words, evidence, reason)


# -- growth ------------------------------------------------------------------------------------

_SENIORITY = (
    (0, ("intern", "trainee", "apprentice", "student")),
    (1, ("junior", "assistant", "associate", "entry", "aide", "helper")),
    # "Staff" is no seniority word: a staff nurse is the plain grade.
    (3, ("senior", "lead", "specialist", "sr", "advanced", "charge")),
    (4, ("principal", "manager", "supervisor", "head", "practitioner")),
    (5, ("director", "chief", "vp", "president", "partner", "owner")),
)


def seniority(title: str) -> int:
    """A rough level from title words (intern 0 ... director 5); plain titles are 2."""
    words = set(re.findall(r"[a-z]+", title.lower()))
    levels = [level for level, keys in _SENIORITY if words & set(keys)]
    return max(levels) if levels else 2


# Stipends and unpaid work are not wages: they say nothing about pay growth or pay level.
_NOT_WAGES = (PayBasis.STIPEND, PayBasis.UNPAID)
COMPARABLE = ("stated", "OEWS median")


def _real_pay(job: Job, facts: OccupationFacts, today: date) -> tuple[float | None, str]:
    """Real full-time-equivalent pay in 2025 USD, and where it came from."""
    if job.pay_basis in _NOT_WAGES:
        return None, f"{job.pay_basis.value}, not a wage"
    pay = annualise(job, today)
    if pay is not None:
        real = real_annual(job, pay, today)
        if real is not None:
            return real, "stated"
        return None, f"stated in {pay.currency}"
    wages = facts.wages(job.occupation_code) if job.occupation_code else None
    median = median_annual(wages) if wages else None
    return (median, "OEWS median") if median else (None, "unknown")


def growth(ctx: JobContext) -> Component:
    """Pay (real, and against the occupation's OEWS wages), job zone, seniority and new skills."""
    name, job, weights = "growth", ctx.job, ctx.weights
    parts: dict[str, float] = {}
    evidence: dict[str, object] = {}
    pay, pay_source = _real_pay(job, ctx.facts, ctx.today)
    evidence["pay_source"] = pay_source
    if pay is not None:
        evidence["real_annual_pay_2025_usd"] = round(pay)
    wages = ctx.facts.wages(job.occupation_code) if job.occupation_code else None
    if pay is not None and pay_source == "stated" and wages is not None:
        percentile = wage_percentile(pay, wages)
        if percentile is not None:
            parts["pay_position"] = percentile / 100
            evidence["oews_percentile"] = percentile
            evidence["oews_median"] = median_annual(wages)
    previous = ctx.previous
    if previous is not None:
        before, before_source = _real_pay(previous, ctx.facts, ctx.today)
        comparable = pay_source in COMPARABLE and before_source in COMPARABLE
        same_series = (
            pay_source == before_source == "OEWS median"
            and job.occupation_code is not None
            and previous.occupation_code is not None
            and job.occupation_code[:7] == previous.occupation_code[:7]
        )
        if same_series:
            evidence["same_wage_series"] = True
        elif pay is not None and before and comparable:
            change = (pay - before) / before
            parts["pay_change"] = _clamp(0.5 + change / weights.pay_change_span)
            evidence["pay_change"] = round(change, 3)
            evidence["pay_compared"] = (
                "own" if pay_source == before_source == "stated" else "typical US"
            )
        zone, zone_before = (
            ctx.facts.job_zone(c) if c else None
            for c in (job.occupation_code, previous.occupation_code)
        )
        if zone is not None and zone_before is not None:
            parts["job_zone_change"] = _clamp(0.5 + weights.zone_step * (zone - zone_before))
            evidence["job_zone"] = f"{zone_before} -> {zone}"
            evidence["job_zone_step"] = zone - zone_before
        step = seniority(job.title) - seniority(previous.title)
        parts["seniority_change"] = _clamp(0.5 + weights.seniority_step * step)
        evidence["seniority_change"] = step
        evidence["previous_title"] = previous.title
    if job.skills:
        new = sorted({s.strip().lower() for s in job.skills} - ctx.skills_before)
        parts["new_skills"] = _clamp(len(new) / weights.new_skills_full)
        evidence["new_skills"] = new
    if not parts:
        return _missing(name, "No pay, job zone, earlier job or skills to measure growth with.")
    score = _clamp(sum(parts.values()) / len(parts))
    evidence["parts"] = {k: round(v, 3) for k, v in parts.items()}
    return Component(name, score, evidence, growth_reason(score, evidence, ctx.weights))


# -- learning ----------------------------------------------------------------------------------


def learning(ctx: JobContext) -> Component:
    """Certifications, education and logged development during the job."""
    name, weights = "learning", ctx.weights
    if ctx.span is None:
        return _missing(name, "The job has no dates, so learning cannot be placed within it.")
    start, end = ctx.span
    years = max((end - start).days / 365.25, ctx.weights.learning_min_years)
    log = ctx.log
    certifications = [name for day, name in log.certifications if start <= day <= end]
    studies = [label for first, last, label in log.studies if first <= end and last >= start]
    hours = sum(spent for day, spent in log.activities if start <= day <= end)
    score = _clamp(
        weights.certification_points * len(certifications)
        + (weights.education_points if studies else 0.0)
        + min(
            weights.learning_hours_cap,
            weights.learning_hours_cap * hours / years / weights.hours_per_year_full,
        )
    )
    evidence: dict[str, object] = {
        "certifications": certifications,
        "education": studies,
        "learning_hours": hours,
        "hours_per_year": round(hours / years, 1),
    }
    found = [count_of(len(certifications), "certification")] if certifications else []
    found += [f"study ({studies[0]})"] if studies else []
    found += [f"{hours:g} learning hours"] if hours else []
    if not found:
        return Component(
            name, 0.0, evidence, "No certifications, study or logged learning during it."
        )
    return Component(name, score, evidence, f"You learned alongside it: {', '.join(found)}.")


# -- continuity --------------------------------------------------------------------------------


def _closeness(ctx: JobContext, other: Job) -> tuple[float, str]:
    """Occupation similarity when both are coded; shared title words count too (stated data)."""
    score, basis = ctx.weights.unrelated_closeness, "different titles"
    a, b = ctx.job.occupation_code, other.occupation_code
    if a and b:
        found = similarity(ctx.facts, a, b, ctx.weights.similarity)
        score, basis = found.score, found.basis
    if title_words(ctx.job.title) & title_words(other.title):
        words = ctx.weights.similarity.title_words
        if words > score:
            score, basis = words, "shared title words"
    return score, basis


def continuity(ctx: JobContext) -> Component:
    """The job's relation to its neighbours in time: similar work, and no long gap before it."""
    name, weights = "continuity", ctx.weights
    if ctx.span is None:
        return _missing(name, "The job has no dates, so its neighbours in time are unknown.")
    neighbours = [j for j in (ctx.previous, ctx.following) if j is not None]
    if not neighbours:
        return _missing(name, "It is the only dated job, so there is nothing to continue.")
    evidence: dict[str, object] = {}
    scores = []
    for label, other in (("previous", ctx.previous), ("next", ctx.following)):
        if other is None:
            continue
        score, basis = _closeness(ctx, other)
        scores.append(score)
        evidence[label] = {"title": other.title, "similarity": round(score, 3), "basis": basis}
    score = sum(scores) / len(scores)
    gap_months = 0.0
    if ctx.previous is not None:
        before = entry_span(ctx.previous, ctx.today)
        if before is not None:
            gap_months = max(0.0, (ctx.span[0] - before[1]).days / 30.44)
            evidence["gap_months_before"] = round(gap_months, 1)
    if gap_months > weights.gap_months:
        score -= weights.gap_penalty
    score = _clamp(score)
    similar = sum(scores) / len(scores)
    if similar >= ctx.weights.strong:
        reason = "It continues the kind of work you did around it"
    elif similar >= ctx.weights.partial:
        reason = "It is related to the work you did around it"
    else:
        reason = "It is a change of direction from the work around it"
    if gap_months > weights.gap_months:
        reason += f", after a break of about {round(gap_months)} months"
    return Component(name, score, evidence, reason + ".")


# -- security ----------------------------------------------------------------------------------


def security(ctx: JobContext) -> Component:
    """Employment type and tenure; part-time work counts a little less."""
    name, job, weights = "security", ctx.job, ctx.weights
    parts: list[float] = []
    evidence: dict[str, object] = {}
    if job.employment_type is not None:
        parts.append(
            weights.security_by_type.get(job.employment_type.value, weights.security_unknown_type)
        )
        evidence["employment_type"] = job.employment_type.value
    if ctx.span is not None and job.end is not None:
        years = (ctx.span[1] - ctx.span[0]).days / 365.25
        parts.append(min(1.0, years / weights.tenure_years_full))
        evidence["tenure_years"] = round(years, 1)
        evidence["current"] = job.end == PRESENT
    if not parts:
        return _missing(name, "Neither employment type nor end date is known.")
    score = sum(parts) / len(parts)
    if job.schedule == Schedule.PART_TIME:
        score -= weights.part_time_discount
        evidence["schedule"] = job.schedule.value
    score = _clamp(score)
    kind = evidence.get("employment_type", "work")
    tenure = f" for {evidence['tenure_years']} years" if "tenure_years" in evidence else ""
    w = ctx.weights
    word = (
        "secure"
        if score >= w.strong
        else "fairly secure"
        if score >= w.fairly_secure
        else "insecure"
    )
    return Component(name, score, evidence, f"It was {word}: {kind}{tenure}.")


SCORERS = {
    "passion_fit": passion_fit,
    "goal_alignment": goal_alignment,
    "growth": growth,
    "learning": learning,
    "continuity": continuity,
    "security": security,
}
