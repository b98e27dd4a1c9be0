"""The issue's nurse (CNS with an MSc, BLS and ACLS, aiming at Nurse Practitioner) on the real pack.

Each test is one "Done when" line of issue 15; the same career without the MSc follows.
"""

import pytest

from careerset.analysis.evidence import held_years
from careerset.analysis.gaps import compute_gaps
from careerset.analysis.growth_reason import is_growth
from careerset.analysis.paths import find_paths
from careerset.analysis.plan import build_plan, track_progress
from careerset.analysis.verdict import assess_career
from careerset.reference.query import ReferencePack

from .careers import NURSE_PRACTITIONER, TODAY, nurse

PHYSICIAN_ASSISTANTS, CRITICAL_CARE_NURSES = "29-1071.00", "29-1141.03"
NOT_IN_TOP_10 = (
    "Geography",
    "Telecommunications",
    "Foreign Language",
    "Internet Explorer",
    "Microsoft Access",
)


def test_her_msc_meets_the_education_requirement_and_the_doctorate_is_mentioned(
    pack: ReferencePack,
) -> None:
    report = compute_gaps(nurse(), pack, NURSE_PRACTITIONER, TODAY)
    education = next(r for r in report.requirements if r.kind == "education")
    assert education.met and education.need == "a master's degree"
    assert education.evidence == ("msc",)
    assert "MSc Advanced Nursing Practice (2019)" in education.sentence
    assert "26% report a doctorate" in education.sentence


def test_the_certification_or_licence_is_the_first_requirement_to_plan_for(
    pack: ReferencePack,
) -> None:
    report = compute_gaps(nurse(), pack, NURSE_PRACTITIONER, TODAY)
    first = report.unmet()[0]
    assert first.kind == "certification" and first.importance == pytest.approx(4.78)
    assert "licence" in first.sentence and "BLS" in first.sentence  # hers do not cover it


def test_no_generic_element_is_in_her_top_ten_gaps(pack: ReferencePack) -> None:
    report = compute_gaps(nurse(), pack, NURSE_PRACTITIONER, TODAY)
    top = report.top(10)
    assert top[0] == "a professional certification or licence"
    for name in NOT_IN_TOP_10:
        assert not any(name in shown for shown in top), (name, top)
    gaps = {(g.domain, g.name) for g in (*report.ranked(), *report.technology)}
    assert not gaps & {(g.domain, g.name) for g in report.strengths}


def test_the_plan_starts_with_the_licence_and_applies_only_after_it(pack: ReferencePack) -> None:
    report = compute_gaps(nurse(), pack, NURSE_PRACTITIONER, TODAY)
    plan = build_plan(report, None, 12, TODAY)
    steps = plan.sentences()
    assert plan.items[0].domain == "certification" and plan.items[0].kind == "requirement"
    assert not any("apply" in line.lower() for line in steps[:-1])
    assert steps[-1].startswith("Apply")
    milestones = [c.milestone for c in plan.checkpoints if c.milestone]
    assert milestones[-1].startswith("apply") and len(milestones) == 2
    # A plan made today is on track.
    assert track_progress(plan, nurse(), TODAY).on_track


@pytest.mark.parametrize("start", ["29-1141.04", "29-1141.03", "29-1141.00"])
def test_no_path_goes_through_physician_assistants_or_back_to_critical_care(
    pack: ReferencePack, start: str
) -> None:
    report = find_paths(pack, start, NURSE_PRACTITIONER, held_years=held_years(nurse(), TODAY))
    assert report.paths
    for path in report.paths:
        between = path.codes[1:-1]
        assert PHYSICIAN_ASSISTANTS not in between and CRITICAL_CARE_NURSES not in between
        assert all(step.why for step in path.steps)


def test_from_her_current_job_she_can_go_straight_to_the_target(pack: ReferencePack) -> None:
    report = find_paths(pack, "29-1141.04", NURSE_PRACTITIONER)
    assert report.direct
    assert "go straight" in report.sentences()[0]


def test_icu_to_clinical_nurse_specialist_is_growth(pack: ReferencePack) -> None:
    verdicts = {v.job.id: v for v in assess_career(nurse(), TODAY, pack).verdicts}
    growth = verdicts["cns"].components["growth"]
    assert is_growth(growth.evidence)
    assert growth.reason.startswith("It was a step up compared with Staff Nurse (ICU)")
    # Both nursing codes share one wage series: no "+0%", the data shows no difference.
    assert "no wage difference" in growth.reason and "+0%" not in growth.reason


def test_without_the_msc_the_masters_degree_comes_first_with_its_length(
    pack: ReferencePack,
) -> None:
    report = compute_gaps(nurse(with_msc=False), pack, NURSE_PRACTITIONER, TODAY)
    first = report.unmet()[0]
    assert first.kind == "education" and first.need == "a master's degree"
    assert first.length == "2 years full-time" and "2 years" in first.sentence
    assert report.top(1) == ["a master's degree"]
    plan = build_plan(report, None, 12, TODAY)
    assert plan.items[0].name == "a master's degree"
    assert plan.items[0].end_month - plan.items[0].start_month + 1 == 24
    assert plan.items[1].domain == "certification"
    assert plan.months >= 24 + 4
