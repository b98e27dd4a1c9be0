"""Verdicts for whole careers, as a careful coach would give them, on an in-memory reference."""

from dataclasses import replace
from datetime import date

import pytest

from careerset.analysis.components import COMPONENTS
from careerset.analysis.verdict import VERDICTS, Assessment, JobVerdict, assess_career
from careerset.analysis.weights import DEFAULT_WEIGHTS
from careerset.model.career import Career
from careerset.model.entries import Goal, InterestProfile, Job

from .memory_reference import ALL_FEATURES, MemoryReference  # type: ignore[import-not-found]
from .verdict_cases import CASES, NURSE, TODAY, Case  # type: ignore[import-not-found]


def numbered(verdict: JobVerdict) -> list[str]:
    """Components that were judged and whose evidence carries at least one number."""

    def has_number(value: object) -> bool:
        if isinstance(value, bool):
            return False
        if isinstance(value, int | float):
            return True
        if isinstance(value, dict):
            return any(has_number(v) for v in value.values())
        return False

    return [
        name
        for name, c in verdict.components.items()
        if c.score is not None and has_number(c.evidence)
    ]


def verdicts_of(assessment: Assessment) -> dict[str, str]:
    return {v.job.id: v.verdict for v in assessment.verdicts}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_coach_verdicts(case: Case) -> None:
    assessment = assess_career(case.career(), TODAY, MemoryReference())
    assert verdicts_of(assessment) == case.expected


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_coach_verdicts_without_any_reference(case: Case) -> None:
    """Codes, titles and stated pay alone still give the coach's verdicts for these careers."""
    assessment = assess_career(case.career(), TODAY, None)
    assert verdicts_of(assessment) == case.expected
    assert "reference" in assessment.missing_inputs


def test_nurse_verdicts_carry_numbers_in_at_least_three_components() -> None:
    assessment = assess_career(NURSE.career(), TODAY, MemoryReference())
    for verdict in assessment.verdicts:
        assert len(numbered(verdict)) >= 3, verdict.job.id
        for component in verdict.components.values():
            assert component.score is None or 0.0 <= component.score <= 1.0
            assert component.reason.endswith(".")


def test_cashier_is_a_job_for_its_distance_from_the_goal() -> None:
    cashier = assess_career(NURSE.career(), TODAY, MemoryReference()).verdicts[0]
    assert cashier.job.id == "cashier" and cashier.verdict == "job"
    assert "Nurse Practitioners" in cashier.strongest_reason
    growth = cashier.components["growth"].evidence
    # $8.50 an hour in 2011 is about $12 in 2025 dollars, low in the cashier wage distribution.
    assert 20000 < float(str(growth["real_annual_pay_2025_usd"])) < 27000
    assert float(str(growth["oews_percentile"])) < 25


def test_json_shape() -> None:
    data = assess_career(NURSE.career(), TODAY, MemoryReference()).to_list()
    first = data[0]
    assert list(first)[:10] == [
        "id",
        "title",
        "organization",
        "start",
        "end",
        "occupation_code",
        "verdict",
        "score",
        "components",
        "reasons",
    ]
    assert first["start"] == "2010-06" and data[-1]["end"] == "present"
    components = first["components"]
    assert isinstance(components, dict) and set(components) == set(COMPONENTS)
    for component in components.values():
        assert set(component) == {"score", "evidence", "reason", "action"}
    assert first["verdict"] in VERDICTS


def test_missing_components_are_listed_with_what_would_supply_them() -> None:
    career = Career.of([e for e in NURSE.entries if not isinstance(e, InterestProfile)])
    assessment = assess_career(career, TODAY, MemoryReference(ALL_FEATURES - {"interests"}))
    for verdict in assessment.verdicts:
        assert verdict.missing == ["passion_fit"]
        assert any("interest profiler" in reason for reason in verdict.reasons)
        passion = verdict.components["passion_fit"]
        assert passion.action is not None and passion.action.kind == "take_profiler"
    assert "interest_profile" in assessment.missing_inputs
    assert assessment.hints()


def test_weights_are_configurable() -> None:
    career = NURSE.career()
    strict = replace(DEFAULT_WEIGHTS, on_target=1.01, career_direction=0.99, career_score=0.99)
    verdicts = verdicts_of(assess_career(career, TODAY, MemoryReference(), strict))
    assert "career step" not in verdicts.values()
    only_security = replace(
        DEFAULT_WEIGHTS, components={name: 0.0 for name in COMPONENTS} | {"security": 1.0}
    )
    for verdict in assess_career(career, TODAY, MemoryReference(), only_security).verdicts:
        assert verdict.score == verdict.components["security"].score


# -- edge cases: sensible output, never an error ------------------------------------------------


def test_no_jobs() -> None:
    assessment = assess_career(Career(), TODAY, MemoryReference())
    assert assessment.verdicts == []
    assert set(assessment.missing_inputs) >= {"goal", "interest_profile"}


def test_job_with_no_dates() -> None:
    career = Career.of(
        [
            Job(id="x", title="Consultant", occupation_code="15-1252.00"),
            Goal(statement="Software", target_codes=["15-1252.00"]),
        ]
    )
    (verdict,) = assess_career(career, TODAY, MemoryReference()).verdicts
    assert verdict.verdict == "career step"
    assert {"learning", "continuity"} <= set(verdict.missing)


def test_job_with_only_a_title() -> None:
    (verdict,) = assess_career(Career.of([Job(title="Helper")]), TODAY, None).verdicts
    assert verdict.verdict == "job" and verdict.score == 0.0
    assert verdict.reasons and all(r.startswith("Missing") for r in verdict.reasons)


def test_overlapping_jobs() -> None:
    career = Career.of(
        [
            Job(
                id="a",
                title="Registered Nurse",
                occupation_code="29-1141.00",
                start="2015-01",
                end="2020-12",
                employment_type="permanent",
            ),
            Job(
                id="b",
                title="Nurse Practitioner",
                occupation_code="29-1171.00",
                start="2018-01",
                end="present",
                employment_type="permanent",
            ),
            Goal(statement="NP", target_codes=["29-1171.00"]),
        ]
    )
    result = verdicts_of(assess_career(career, TODAY, MemoryReference()))
    assert result == {"a": "career step", "b": "career step"}


def test_unknown_occupation_code() -> None:
    career = Career.of(
        [
            Job(
                id="x",
                title="Nurse Educator",
                occupation_code="99-9999.00",
                start="2020-01",
                end="present",
            ),
            Goal(statement="Become a nurse practitioner", target_codes=["29-1171.00"]),
        ]
    )
    (verdict,) = assess_career(career, TODAY, MemoryReference()).verdicts
    assert verdict.verdict in VERDICTS
    assert verdict.components["passion_fit"].score is None
    assert verdict.components["goal_alignment"].evidence.get("shared_words") == ["nurs"]


def test_all_zero_interest_profile() -> None:
    zero = InterestProfile(
        realistic=0, investigative=0, artistic=0, social=0, enterprising=0, conventional=0
    )
    career = Career.of([*[e for e in NURSE.entries if not isinstance(e, InterestProfile)], zero])
    assessment = assess_career(career, TODAY, MemoryReference())
    assert verdicts_of(assessment) == NURSE.expected
    assert all(v.components["passion_fit"].score is None for v in assessment.verdicts)
    assert "interest_profile" in assessment.missing_inputs


def test_a_profiler_run_in_progress_is_not_used() -> None:
    partial = InterestProfile(
        realistic=4,
        investigative=0,
        artistic=0,
        social=0,
        enterprising=0,
        conventional=0,
        source="profiler",
        answers=[4, None],
    )
    career = Career.of([*NURSE.entries[:4], partial])
    assessment = assess_career(career, TODAY, MemoryReference())
    assert all(v.components["passion_fit"].score is None for v in assessment.verdicts)


def test_today_bounds_current_jobs() -> None:
    career = NURSE.career()
    early = assess_career(career, date(2022, 7, 1), MemoryReference()).verdicts[-1]
    late = assess_career(career, date(2030, 1, 1), MemoryReference()).verdicts[-1]
    assert early.components["security"].evidence["tenure_years"] == 0.1
    assert late.components["security"].evidence["tenure_years"] == 7.6
