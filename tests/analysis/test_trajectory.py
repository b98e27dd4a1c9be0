"""Career-level metrics: time in career steps, pay and zones, skills, learning, network, streaks."""

from datetime import date

import pytest

from careerset.analysis.occupations import OccupationFacts
from careerset.analysis.trajectory import career_metrics, covered_days, job_gaps, weekly_streaks
from careerset.analysis.verdict import assess_career
from careerset.model.career import Career

from .memory_reference import MemoryReference  # type: ignore[import-not-found]
from .verdict_cases import FREELANCER, NURSE, TODAY  # type: ignore[import-not-found]

MONDAY = date(2025, 6, 2)


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("days", "today", "current", "longest"),
    [
        ([], MONDAY, 0, 0),
        (["2025-05-19", "2025-05-26", "2025-06-02"], MONDAY, 3, 3),
        (["2025-05-19", "2025-05-26"], MONDAY, 2, 2),  # last week counts until this week ends
        (["2025-05-12", "2025-05-19"], MONDAY, 0, 2),
        (["2025-01-06", "2025-01-13", "2025-01-20", "2025-05-26"], MONDAY, 1, 3),
        (["2025-05-26", "2025-05-27", "2025-05-28"], MONDAY, 1, 1),  # one week, many days
        (["2025-07-01"], MONDAY, 0, 0),  # the future does not count
    ],
)
def test_weekly_streaks(days: list[str], today: date, current: int, longest: int) -> None:
    assert weekly_streaks([d(x) for x in days], today) == (current, longest)


def test_covered_days_counts_overlaps_once() -> None:
    spans = [(d("2020-01-01"), d("2020-01-10")), (d("2020-01-05"), d("2020-01-20"))]
    assert covered_days(spans) == 20
    assert covered_days([]) == 0


def test_gaps_between_jobs() -> None:
    spans = [
        (d("2018-01-01"), d("2019-12-31")),
        (d("2019-06-01"), d("2020-03-31")),  # overlaps: no gap
        (d("2020-04-15"), d("2020-12-31")),  # two weeks: a notice period, not a gap
        (d("2021-07-01"), d("2022-01-31")),
    ]
    (gap,) = job_gaps(spans)
    assert (gap.start, gap.end) == ("2021-01-01", "2021-06-30")
    assert gap.months == pytest.approx(5.9, abs=0.1)


def metrics_for(career: Career):  # type: ignore[no-untyped-def]
    reference = MemoryReference()
    facts = OccupationFacts(reference)
    assessment = assess_career(career, TODAY, reference, facts=facts)
    return career_metrics(career, TODAY, assessment, facts)


def test_nurse_metrics() -> None:
    metrics = metrics_for(NURSE.career())
    # Everything but 15 months as a cashier, out of ~15 years.
    assert metrics.career_step_share == pytest.approx(0.92, abs=0.01)
    assert [p.job_zone for p in metrics.trajectory] == [2, 3, 4, 5]
    pays = [p.real_annual_pay for p in metrics.trajectory]
    assert all(p is not None for p in pays) and pays == sorted(pays)  # type: ignore[type-var]
    assert metrics.skills_total == 8
    assert list(metrics.skills_by_year.values()) == [2, 4, 6, 8]
    assert metrics.certifications_by_year == {2014: 1}
    assert metrics.gaps == []


def test_freelancer_metrics_streak_and_network() -> None:
    metrics = metrics_for(FREELANCER.career())
    assert metrics.current_streak_weeks == 2 and metrics.longest_streak_weeks == 2
    assert metrics.learning_hours_by_year == {2025: 5.0}
    assert metrics.contacts_total == 0


def test_empty_career_metrics() -> None:
    metrics = metrics_for(Career())
    assert metrics.career_step_share is None
    assert metrics.trajectory == [] and metrics.years_worked == 0
    assert metrics.current_streak_weeks == 0
