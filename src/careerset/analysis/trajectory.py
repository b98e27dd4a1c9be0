"""Career-level metrics: time in career steps, pay and job zone over time, skills, learning,
network and consistency (weekly streaks), and the gaps between jobs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from careerset.analysis.occupations import OccupationFacts
from careerset.analysis.pay import annualise, real_annual
from careerset.analysis.verdict import CAREER_STEP, Assessment
from careerset.model.career import Career, entry_span

GAP_MIN_DAYS = 32  # shorter breaks between jobs are notice periods, not gaps


@dataclass(frozen=True)
class TrajectoryPoint:
    """One job on the time line: its start, real full-time pay (2025 USD) and job zone."""

    job_id: str
    title: str
    start: str | None
    real_annual_pay: float | None
    job_zone: int | None
    verdict: str | None


@dataclass(frozen=True)
class Gap:
    start: str
    end: str
    months: float


@dataclass(frozen=True)
class CareerMetrics:
    """The career as a whole; every figure is computed from dated entries only."""

    years_worked: float
    career_step_share: float | None
    trajectory: list[TrajectoryPoint]
    skills_by_year: dict[int, int]
    skills_total: int
    learning_hours_by_year: dict[int, float]
    certifications_by_year: dict[int, int]
    learning_hours_per_year: float
    certifications_per_year: float
    contacts_by_year: dict[int, int]
    contacts_total: int
    contacts_recent: int
    current_streak_weeks: int
    longest_streak_weeks: int
    gaps: list[Gap] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def covered_days(spans: list[tuple[date, date]]) -> int:
    """Days covered by at least one span, so overlapping jobs are not counted twice."""
    total, cursor = 0, date.min
    for start, end in sorted(spans):
        start = max(start, cursor)
        if end >= start:
            total += (end - start).days + 1
            cursor = end + timedelta(days=1)
    return total


def job_gaps(spans: list[tuple[date, date]]) -> list[Gap]:
    """Breaks longer than a month between the end of all earlier work and the next start."""
    gaps: list[Gap] = []
    reach: date | None = None
    for start, end in sorted(spans):
        if reach is not None and (start - reach).days > GAP_MIN_DAYS:
            months = round((start - reach).days / 30.44, 1)
            gaps.append(Gap(str(reach + timedelta(days=1)), str(start - timedelta(days=1)), months))
        reach = end if reach is None else max(reach, end)
    return gaps


def weekly_streaks(days: list[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive ISO weeks with at least one activity.

    The current streak survives an empty current week until it ends, so a streak is not
    "lost" on a Monday morning.
    """
    weeks = sorted({d - timedelta(days=d.weekday()) for d in days if d <= today})
    if not weeks:
        return 0, 0
    longest = run = 1
    for previous, week in zip(weeks, weeks[1:], strict=False):
        run = run + 1 if (week - previous).days == 7 else 1
        longest = max(longest, run)
    this_week = today - timedelta(days=today.weekday())
    current = 0
    if (this_week - weeks[-1]).days <= 7:
        current = 1
        for previous, week in zip(reversed(weeks[:-1]), reversed(weeks), strict=False):
            if (week - previous).days != 7:
                break
            current += 1
    return current, longest


def _skills_by_year(career: Career, today: date) -> dict[int, int]:
    """Cumulative count of distinct skills named, by the year each first appeared; a skill
    with no dated evidence counts from this year, so the last total is `skills_total`."""
    first_seen: dict[str, int] = {}
    dated_ids: dict[str, int] = {}
    for entry in career.entries:
        span = entry_span(entry, today)
        if span is not None:
            dated_ids[entry.id] = span[0].year
    for name, ids in career.skills_evidenced().items():
        years = [dated_ids[i] for i in ids if i in dated_ids]
        first_seen[name] = min(years) if years else today.year
    cumulative: dict[int, int] = {}
    running = 0
    for year in sorted(set(first_seen.values())):
        running += sum(1 for y in first_seen.values() if y == year)
        cumulative[year] = running
    return cumulative


def _per_year(values: dict[int, float], first: int | None, today: date) -> float:
    if first is None:
        return 0.0
    years = max(1.0, (today - date(first, 1, 1)).days / 365.25)
    return round(sum(values.values()) / years, 1)


def career_metrics(
    career: Career, today: date, assessment: Assessment, facts: OccupationFacts
) -> CareerMetrics:
    """Everything in `CareerMetrics`, from the career and its assessment."""
    verdicts = {v.job.id: v.verdict for v in assessment.verdicts}
    spans = {j.id: s for j in career.jobs if (s := entry_span(j, today)) is not None}
    worked = covered_days(list(spans.values()))
    steps = covered_days([s for i, s in spans.items() if verdicts.get(i) == CAREER_STEP])
    trajectory = []
    for job in career.jobs:
        pay = annualise(job, today)
        real = real_annual(job, pay, today) if pay is not None else None
        zone = facts.job_zone(job.occupation_code) if job.occupation_code else None
        start = None if job.start is None else str(job.start)
        trajectory.append(
            TrajectoryPoint(job.id, job.title, start, real, zone, verdicts.get(job.id))
        )
    hours: dict[int, float] = {}
    for activity in career.activities:
        if activity.date.first_day() <= today:
            year = activity.date.year
            hours[year] = hours.get(year, 0.0) + (activity.hours or 0.0)
    certifications: dict[int, int] = {}
    for certification in career.certifications:
        if certification.date is not None:
            year = certification.date.year
            certifications[year] = certifications.get(year, 0) + 1
    first_learning = min([*hours, *certifications], default=None)
    contacts: dict[int, int] = {}
    recent = 0
    for contact in career.contacts:
        if contact.met is not None:
            contacts[contact.met.year] = contacts.get(contact.met.year, 0) + 1
        last = contact.last_contacted or contact.met
        if last is not None and (today - last.last_day()).days <= 365:
            recent += 1
    current, longest = weekly_streaks([a.date.first_day() for a in career.activities], today)
    skills = _skills_by_year(career, today)
    return CareerMetrics(
        years_worked=round(worked / 365.25, 1),
        career_step_share=round(steps / worked, 3) if worked else None,
        trajectory=trajectory,
        skills_by_year=skills,
        skills_total=len(career.skills_evidenced()),
        learning_hours_by_year=dict(sorted(hours.items())),
        certifications_by_year=dict(sorted(certifications.items())),
        learning_hours_per_year=_per_year(hours, first_learning, today),
        certifications_per_year=_per_year(
            {k: float(v) for k, v in certifications.items()}, first_learning, today
        ),
        contacts_by_year=dict(sorted(contacts.items())),
        contacts_total=len(career.contacts),
        contacts_recent=recent,
        current_streak_weeks=current,
        longest_streak_weeks=longest,
        gaps=job_gaps(list(spans.values())),
    )
