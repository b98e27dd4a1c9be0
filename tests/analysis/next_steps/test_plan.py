"""Upskilling plans: ordered items, monthly checkpoints, saved as data, progress from activities."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerset.analysis.gaps import compute_gaps
from careerset.analysis.paths import find_paths
from careerset.analysis.plan import (
    HOURS_PER_LEVEL,
    build_plan,
    plan_from_dict,
    plan_to_dict,
    track_progress,
)
from careerset.model.career import Career
from careerset.model.entries import Activity, Education, Job, Skill

START = date(2026, 11, 10)


def _career(*extra: object) -> Career:
    return Career.of(
        [
            Job(
                id="j1", title="Analyst", start="2019", end="present", occupation_code="15-0001.00"
            ),
            Skill(id="sql", name="SQL", proficiency=4),
            # A degree meets the job zone's usual bachelor's, so the plan is about skills.
            Education(id="bsc", institution="U", study_type="BSc", area="Maths", end="2018"),
            *extra,  # type: ignore[list-item]
        ]
    )


@pytest.fixture
def plan(tiny):
    report = compute_gaps(_career(), tiny, "15-0003.00", START)
    path = find_paths(tiny, "15-0001.00", "15-0003.00").paths[0]
    return build_plan(report, path, 6, START)


def test_plan_orders_first_step_needs_first_and_sizes_hours(plan) -> None:
    first = plan.items[0]
    assert first.name == "Programming" and first.reason == "first step"
    assert first.hours == pytest.approx(
        HOURS_PER_LEVEL * (first.target_level - first.current_level), abs=0.1
    )
    assert plan.path == ("15-0001.00", "15-0002.00", "15-0003.00")
    assert [i.order for i in plan.items] == list(range(1, len(plan.items) + 1))
    assert all(1 <= i.start_month <= i.end_month <= plan.months for i in plan.items)


def test_checkpoints_run_monthly_to_the_horizon(plan) -> None:
    assert [c.month_start for c in plan.checkpoints] == [
        "2026-11",
        "2026-12",
        "2027-01",
        "2027-02",
        "2027-03",
        "2027-04",
    ]
    hours = [c.cumulative_hours for c in plan.checkpoints]
    assert hours == sorted(hours)
    assert hours[-1] == pytest.approx(sum(i.hours for i in plan.items), abs=0.5)
    assert "Programmers" in (plan.checkpoints[-1].milestone or "")


def test_plan_survives_a_round_trip_through_plain_data(plan) -> None:
    assert plan_from_dict(plan_to_dict(plan)) == plan


@given(months=st.integers(min_value=1, max_value=60))
def test_any_length_schedules_every_item_inside_the_plan(months: int) -> None:
    from careerset.analysis.gaps import Gap, GapReport
    from careerset.facts.profile import OccupationSummary

    gaps = tuple(
        Gap("skills", f"e{i}", f"Skill {i}", 4.0, 5.0, 1.0, 4.0, 16.0 - i, ()) for i in range(5)
    )
    report = GapReport(OccupationSummary("15-0003.00", "Programmers", ""), (), gaps, (), (), (), ())
    built = build_plan(report, None, months, START)
    assert len(built.checkpoints) == months
    assert all(1 <= i.start_month <= i.end_month <= months for i in built.items)


def test_progress_counts_hours_on_plan_skills_by_month(plan) -> None:
    career = _career(
        Activity(
            id="a1", date="2026-11-20", activity_kind="practice", hours=10, skills=["Programming"]
        ),
        Activity(
            id="a2", date="2026-12-05", activity_kind="course", hours=4, skills=["programming"]
        ),
        Activity(id="a3", date="2026-12-06", activity_kind="reading", hours=9, skills=["Knitting"]),
        Activity(
            id="old", date="2025-01-01", activity_kind="course", hours=50, skills=["Programming"]
        ),
    )
    progress = track_progress(plan, career, date(2026, 12, 31))
    assert progress.months_elapsed == 2
    assert [m.logged_hours for m in progress.by_month] == [10.0, 4.0]
    assert progress.by_month[1].activity_ids == ("a2",)
    assert progress.by_item == {"Programming": 14.0}
    assert progress.logged_hours == 14.0
    assert not progress.on_track


def test_progress_before_the_plan_starts_is_empty(plan) -> None:
    progress = track_progress(plan, _career(), date(2026, 10, 1))
    assert progress.months_elapsed == 0 and progress.by_month == () and progress.on_track
