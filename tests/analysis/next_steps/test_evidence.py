"""Occupations held count by time and recency; stated skills keep the ids behind them."""

from datetime import date

import pytest

from careerset.analysis.evidence import collect_evidence, held_weight
from careerset.model.career import Career
from careerset.model.entries import Activity, Job, Skill

TODAY = date(2026, 11, 1)


@pytest.mark.parametrize(
    ("years", "years_since", "weight"),
    [(2.0, 0.0, 1.0), (0.25, 0.0, 0.5625), (None, 0.0, 0.75), (4.0, 10.0, 0.5), (4.0, 30.0, 0.5)],
)
def test_held_weight_rises_with_tenure_and_falls_with_time_since(
    years: float | None, years_since: float, weight: float
) -> None:
    assert held_weight(years, years_since) == pytest.approx(weight)


def test_jobs_in_one_occupation_are_grouped_and_the_latest_is_current() -> None:
    career = Career.of(
        [
            Job(id="a", title="Analyst", start="2015", end="2017-12", occupation_code="15-0001.00"),
            Job(id="b", title="Analyst II", start="2018", end="2019", occupation_code="15-0001"),
            Job(
                id="c", title="Engineer", start="2020", end="present", occupation_code="15-0002.00"
            ),
            Job(id="d", title="Barista", start="2014", end="2014"),
        ]
    )
    evidence = collect_evidence(career, TODAY)
    held = {h.code: h for h in evidence.held}
    assert set(held) == {"15-0001.00", "15-0002.00"}
    assert held["15-0001.00"].job_ids == ("a", "b")
    assert held["15-0001.00"].years == pytest.approx(5.0, abs=0.01)
    assert evidence.current_code == "15-0002.00"
    assert not any("occupation code" in note for note in evidence.missing)


def test_activity_hours_add_up_per_skill_and_keep_every_id() -> None:
    career = Career.of(
        [
            Activity(
                id="a1", date="2026-01", activity_kind="practice", hours=30, skills=["Python"]
            ),
            Activity(id="a2", date="2026-02", activity_kind="course", hours=15, skills=["python"]),
            Skill(id="s", name="Writing", proficiency=5),
        ]
    )
    statements = {s.text.lower(): s for s in collect_evidence(career, TODAY).statements}
    assert statements["python"].entry_ids == ("a1", "a2")
    assert statements["python"].level == pytest.approx(2.5)
    assert statements["writing"].level == 6.0


def test_a_career_without_coded_jobs_says_what_is_missing() -> None:
    evidence = collect_evidence(Career.of([Job(title="Clerk", start="2020")]), TODAY)
    assert evidence.held == ()
    assert any("occupation code" in note for note in evidence.missing)
