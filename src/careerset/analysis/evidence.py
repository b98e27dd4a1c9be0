"""What a career evidences: occupations held (weighted by time and recency) and stated skills.

Every piece keeps the ids of the entries behind it, so each gap can name its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careerset.model.career import Career, entry_span
from careerset.model.entries import Activity, Certification, Education, Job, Skill

# O*NET level anchors are roughly 2 basic, 4 intermediate, 6 expert; proficiency 1-5 maps
# linearly onto 1-6 so "5 = expert" lands on the expert anchor.
PROFICIENCY_LEVEL = {1: 1.0, 2: 2.25, 3: 3.5, 4: 4.75, 5: 6.0}
UNRATED_SKILL_LEVEL = 3.0
JOB_SKILL_LEVEL = 3.5  # a skill named as used in a job: working, intermediate use
CERTIFICATION_LEVEL = 4.0
COURSE_LEVEL = 3.0
DEGREE_LEVEL = {"doctor": 6.0, "phd": 6.0, "master": 5.0, "bachelor": 4.5, "associate": 3.5}
DEFAULT_DEGREE_LEVEL = 4.0
ACTIVITY_HOURS_PER_LEVEL = 30.0  # hours of logged practice per level point, capped below
ACTIVITY_LEVEL_CAP = 4.0


@dataclass(frozen=True)
class HeldOccupation:
    """An occupation the person held; `weight` (0-1) scales its O*NET levels as evidence.

    Tenure: half weight for a brief stint, full weight from two years. Recency: full weight
    when current, falling 5% a year since it ended, never below half.
    """

    code: str
    job_ids: tuple[str, ...]
    years: float | None
    years_since: float
    weight: float


@dataclass(frozen=True)
class Statement:
    """A free-text claim of skill in some entry, with the level (O*NET 0-7 scale) it suggests."""

    text: str
    level: float
    entry_ids: tuple[str, ...]
    source: str  # "skill", "job", "certification", "education", "activity"
    label: str

    def describe(self) -> str:
        return f"{self.source} '{self.label}'"


@dataclass(frozen=True)
class CareerEvidence:
    held: tuple[HeldOccupation, ...]
    statements: tuple[Statement, ...]
    missing: tuple[str, ...]

    @property
    def current_code(self) -> str | None:
        """The most recently held coded occupation (current ones first)."""
        if not self.held:
            return None
        return min(self.held, key=lambda h: (h.years_since, -(h.years or 0.0))).code


def _years(days: int) -> float:
    return max(days, 0) / 365.25


def held_weight(years: float | None, years_since: float) -> float:
    tenure = 0.75 if years is None else min(1.0, 0.5 + 0.25 * years)
    recency = max(0.5, 1.0 - 0.05 * years_since)
    return round(tenure * recency, 4)


def held_occupations(jobs: list[Job], today: date) -> tuple[HeldOccupation, ...]:
    """Coded jobs grouped by occupation: total years, years since the last one ended."""
    grouped: dict[str, list[Job]] = {}
    for job in jobs:
        if job.occupation_code:
            code = (
                job.occupation_code if "." in job.occupation_code else f"{job.occupation_code}.00"
            )
            grouped.setdefault(code, []).append(job)
    held = []
    for code, group in grouped.items():
        spans = [span for span in (entry_span(job, today) for job in group) if span is not None]
        years = sum(_years((end - start).days) for start, end in spans) if spans else None
        since = min((_years((today - end).days) for _, end in spans), default=0.0)
        held.append(
            HeldOccupation(
                code=code,
                job_ids=tuple(job.id for job in group),
                years=None if years is None else round(years, 2),
                years_since=round(since, 2),
                weight=held_weight(years, since),
            )
        )
    return tuple(sorted(held, key=lambda h: (h.years_since, h.code)))


def _degree_level(study_type: str | None) -> float:
    text = (study_type or "").lower()
    return next((v for k, v in DEGREE_LEVEL.items() if k in text), DEFAULT_DEGREE_LEVEL)


def _statements(career: Career) -> list[Statement]:
    found: list[Statement] = []
    for skill in career.of_type(Skill):
        level = PROFICIENCY_LEVEL[skill.proficiency] if skill.proficiency else UNRATED_SKILL_LEVEL
        ids = (skill.id, *skill.evidence)
        for text in (skill.name, *skill.keywords):
            found.append(Statement(text, level, ids, "skill", skill.name))
    for job in career.jobs:
        for text in job.skills:
            found.append(Statement(text, JOB_SKILL_LEVEL, (job.id,), "job", job.label))
    for cert in career.of_type(Certification):
        found.append(
            Statement(cert.name, CERTIFICATION_LEVEL, (cert.id,), "certification", cert.name)
        )
    for school in career.of_type(Education):
        if school.area:
            level = _degree_level(school.study_type)
            found.append(Statement(school.area, level, (school.id,), "education", school.label))
        for course in school.courses:
            found.append(Statement(course, COURSE_LEVEL, (school.id,), "education", course))
    found.extend(_activity_statements(career.of_type(Activity)))
    return found


def _activity_statements(activities: list[Activity]) -> list[Statement]:
    """Logged hours add up per skill: 60 hours of SQL practice is stronger than one evening."""
    hours: dict[str, float] = {}
    ids: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for activity in activities:
        for name in activity.skills:
            key = name.strip().lower()
            names.setdefault(key, name)
            hours[key] = hours.get(key, 0.0) + (activity.hours or 1.0)
            ids.setdefault(key, []).append(activity.id)
    return [
        Statement(
            names[key],
            round(min(ACTIVITY_LEVEL_CAP, 1.0 + hours[key] / ACTIVITY_HOURS_PER_LEVEL), 2),
            tuple(ids[key]),
            "activity",
            f"{names[key]}, {hours[key]:g} h logged",
        )
        for key in names
    ]


def collect_evidence(career: Career, today: date) -> CareerEvidence:
    """Everything the career shows, and what is missing for a fuller picture."""
    held = held_occupations(career.jobs, today)
    statements = tuple(_statements(career))
    missing = []
    if not career.jobs:
        missing.append("no jobs recorded yet; add your jobs to count your experience")
    elif not held:
        missing.append(
            "no job has an occupation code, so past work counts only through stated skills: "
            "give your jobs occupation codes"
        )
    if not statements:
        missing.append("no skills, certifications, education or activities recorded")
    return CareerEvidence(held, statements, tuple(missing))


def held_years(career: Career, today: date) -> dict[str, float]:
    """Years spent in each coded occupation (paths never lead back to a year or more)."""
    return {h.code: h.years or 0.0 for h in held_occupations(career.jobs, today)}
