"""Job or career? The explainable verdict for every job: career step, stepping stone or job.

`assess_career` scores six components per job (see `components`), combines them with the
weights in `weights`, and returns result objects the CLI, web and renderers format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from careerset.analysis.components import (
    COMPONENTS,
    LABELS,
    SCORERS,
    Component,
    JobContext,
    LearningLog,
)
from careerset.analysis.interests import RiasecScores
from careerset.analysis.occupations import OccupationFacts
from careerset.analysis.weights import DEFAULT_WEIGHTS, VerdictWeights
from careerset.facts.protocol import Reference
from careerset.model.career import Career, entry_span
from careerset.model.entries import Activity, InterestProfile, Job
from careerset.model.enums import GoalStatus
from careerset.next_action import Advice, NextAction

CAREER_STEP = "career step"
STEPPING_STONE = "stepping stone"
JOB = "job"
VERDICTS = (CAREER_STEP, STEPPING_STONE, JOB)

# How to supply each missing input, for the one-line hints.
_FEATURE_HINTS = {
    "interest_profile": Advice("take the interest profiler", NextAction("take_profiler")),
    "goal": Advice("name a goal with a target occupation", NextAction("add_goal")),
    "reference": Advice("install the reference data", NextAction("install_data")),
}


@dataclass(frozen=True)
class JobVerdict:
    """One job's verdict, every component, the reasons (strongest first) and what was missing."""

    job: Job
    verdict: str
    score: float
    components: dict[str, Component]
    reasons: list[str]
    missing: list[str]

    @property
    def strongest_reason(self) -> str:
        return self.reasons[0] if self.reasons else ""

    def to_dict(self) -> dict[str, object]:
        job = self.job
        return {
            "id": job.id,
            "title": job.title,
            "organization": job.organization,
            "start": None if job.start is None else str(job.start),
            "end": None if job.end is None else str(job.end),
            "occupation_code": job.occupation_code,
            "verdict": self.verdict,
            "score": self.score,
            "components": {name: c.to_dict() for name, c in self.components.items()},
            "reasons": self.reasons,
            "missing": self.missing,
        }


@dataclass(frozen=True)
class Assessment:
    """Verdicts for every job in time order, plus what the whole assessment lacked."""

    verdicts: list[JobVerdict]
    targets: list[str]
    missing_inputs: list[str] = field(default_factory=list)
    missing_features: list[str] = field(default_factory=list)

    def hints(self) -> list[Advice]:
        """One line per missing input saying how to supply it."""
        return [_FEATURE_HINTS[name] for name in self.missing_inputs if name in _FEATURE_HINTS]

    def to_list(self) -> list[dict[str, object]]:
        return [verdict.to_dict() for verdict in self.verdicts]


def usable_profile(career: Career) -> InterestProfile | None:
    """The latest interest profile, leaving out profiler runs still in progress."""
    done = [p for p in career.of_type(InterestProfile) if None not in p.answers]
    if not done:
        return None
    return max(done, key=lambda p: (p.date.sort_key() if p.date else (0, 0, 0), p.id))


def goal_targets(career: Career) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Target codes and statements of the goals that still point somewhere (not abandoned)."""
    goals = [g for g in career.goals if g.status != GoalStatus.ABANDONED]
    codes = sorted({code for goal in goals for code in goal.target_codes})
    statements = sorted({goal.statement for goal in goals})
    return tuple(codes), tuple(statements)


def combine(
    components: dict[str, Component], weights: VerdictWeights
) -> tuple[str, float, list[str]]:
    """The verdict, the weighted score over the available components, and the reasons."""
    known = {n: c.score for n, c in components.items() if c.score is not None}
    total = sum(weights.components[n] for n in known)
    score = (
        round(sum(weights.components[n] * s for n, s in known.items()) / total, 3) if total else 0.0
    )
    goal, passion = known.get("goal_alignment"), known.get("passion_fit")
    direction_parts = [
        (weights.direction_goal_weight, goal),
        (weights.direction_passion_weight, passion),
    ]
    present = [(w, s) for w, s in direction_parts if s is not None]
    direction = sum(w * s for w, s in present) / sum(w for w, _ in present) if present else None
    verdict = decide(score, direction, known, weights)
    return verdict, score, _ordered_reasons(components, verdict, weights)


def decide(
    score: float, direction: float | None, known: dict[str, float], weights: VerdictWeights
) -> str:
    """Apply the verdict rules documented on `VerdictWeights`, in order."""
    goal, growth = known.get("goal_alignment"), known.get("growth")
    continuity = known.get("continuity")
    on_target = goal is not None and goal >= weights.on_target
    headed = direction is not None and direction >= weights.career_direction
    # With neither goal nor interests, a consistent line of work is the only sign of a path.
    in_line = direction is None and continuity is not None and continuity >= weights.continuity_line
    if on_target or ((headed or in_line) and score >= weights.career_score):
        return CAREER_STEP
    transferable = goal is not None and goal >= weights.transferable
    grew = growth is not None and growth >= weights.strong_growth
    leaning = direction is not None and direction >= weights.stone_direction
    return STEPPING_STONE if transferable or grew or leaning else JOB


def _ordered_reasons(
    components: dict[str, Component], verdict: str, weights: VerdictWeights
) -> list[str]:
    """Reasons that support the verdict first: strengths for a step, shortfalls for a job."""
    known = [c for c in components.values() if c.score is not None]

    def weight_of(c: Component) -> float:
        assert c.score is not None
        pull = c.score if verdict != JOB else 1.0 - c.score
        return weights.components[c.name] * pull

    ordered = sorted(known, key=lambda c: (-weight_of(c), COMPONENTS.index(c.name)))
    missing = [c for c in components.values() if c.score is None]
    return [c.reason for c in ordered] + [f"Missing {LABELS[c.name]}: {c.reason}" for c in missing]


def assess_job(context: JobContext) -> JobVerdict:
    """All six components for one job, and the verdict they add up to."""
    components = {name: SCORERS[name](context) for name in COMPONENTS}
    verdict, score, reasons = combine(components, context.weights)
    missing = [name for name, c in components.items() if c.score is None]
    return JobVerdict(context.job, verdict, score, components, reasons, missing)


def _neighbours(jobs: list[Job], index: int) -> tuple[Job | None, Job | None]:
    """The dated jobs just before and after `jobs[index]` in time order (undated: none)."""
    if jobs[index].start is None:
        return None, None
    dated = [j for j in jobs if j.start is not None]
    position = dated.index(jobs[index])
    before = dated[position - 1] if position > 0 else None
    after = dated[position + 1] if position + 1 < len(dated) else None
    return before, after


def _skills_before(
    dated: list[tuple[date, frozenset[str]]], span: tuple[date, date] | None
) -> frozenset[str]:
    """Skills named on jobs and activities that started before `span` (lower-cased)."""
    if span is None:
        return frozenset()
    names: set[str] = set()
    for start, skills in dated:
        if start >= span[0]:
            break
        names |= skills
    return frozenset(names)


def _dated_skills(career: Career, today: date) -> list[tuple[date, frozenset[str]]]:
    """(start day, skills named) of every dated job and activity, earliest first."""
    found = []
    entries: list[Job | Activity] = [*career.jobs, *career.activities]
    for entry in entries:
        span = entry_span(entry, today)
        if span is not None and entry.skills:
            found.append((span[0], frozenset(s.strip().lower() for s in entry.skills)))
    return sorted(found, key=lambda item: item[0])


def assess_career(
    career: Career,
    today: date,
    reference: Reference | None,
    weights: VerdictWeights = DEFAULT_WEIGHTS,
    facts: OccupationFacts | None = None,
) -> Assessment:
    """A verdict for every job, in time order; never raises for missing or odd data."""
    facts = facts or OccupationFacts(reference)
    profile = usable_profile(career)
    interests = RiasecScores.of_profile(profile) if profile is not None else None
    targets, statements = goal_targets(career)
    jobs = career.jobs
    dated = _dated_skills(career, today)
    log = LearningLog.of(career, today)
    verdicts = []
    for index, job in enumerate(jobs):
        previous, following = _neighbours(jobs, index)
        span = entry_span(job, today)
        context = JobContext(
            job=job,
            previous=previous,
            following=following,
            career=career,
            interests=interests,
            targets=targets,
            goal_statements=statements,
            skills_before=_skills_before(dated, span),
            facts=facts,
            weights=weights,
            today=today,
            log=log,
            span=span,
        )
        verdicts.append(assess_job(context))
    missing_inputs = []
    if interests is None or interests.is_flat:
        missing_inputs.append("interest_profile")
    if not targets and not statements:
        missing_inputs.append("goal")
    if reference is None or reference.has("interests") is False:
        missing_inputs.append("reference")
    return Assessment(verdicts, list(targets), missing_inputs, sorted(facts.missing))
