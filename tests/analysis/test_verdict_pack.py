"""The same careers judged against the real reference pack built from ../shared/data."""

from pathlib import Path

import pytest

from careerset.analysis.report import build_report
from careerset.analysis.verdict import assess_career
from careerset.cli.setup import load_demo_career
from careerset.reference.query import ReferencePack, open_reference
from careerset.render.report_text import render_text

from .test_verdict import numbered  # type: ignore[import-not-found]
from .verdict_cases import CASES, NURSE, TODAY, Case  # type: ignore[import-not-found]

pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def pack(reference_pack: Path) -> ReferencePack:
    return open_reference(reference_pack)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_coach_verdicts_on_the_real_pack(case: Case, pack: ReferencePack) -> None:
    assessment = assess_career(case.career(), TODAY, pack)
    assert {v.job.id: v.verdict for v in assessment.verdicts} == case.expected
    assert assessment.missing_features == []


def test_nurse_on_the_real_pack_uses_onet_and_oews(pack: ReferencePack) -> None:
    verdicts = assess_career(NURSE.career(), TODAY, pack).verdicts
    for verdict in verdicts:
        assert len(numbered(verdict)) >= 4
    cna = verdicts[1].components
    assert cna["goal_alignment"].evidence["related_tier"] == "Supplemental"
    assert cna["passion_fit"].evidence["occupation_code"] == "SRC"
    assert cna["growth"].evidence["job_zone"] == "2 -> 3"
    assert verdicts[3].components["goal_alignment"].score == 1.0


def test_demo_career_on_the_real_pack(pack: ReferencePack) -> None:
    career = load_demo_career()
    verdicts = {v.job.id: v.verdict for v in assess_career(career, TODAY, pack).verdicts}
    assert verdicts == {
        "job-retail": "job",
        "job-intern": "career step",
        "job-bi-1": "career step",
        "job-bi-2": "career step",
        "job-freelance": "career step",
        "job-support": "job",
        "job-analytics": "career step",
    }
    text = render_text(build_report(career, TODAY, pack, reference_kind="pack"))
    assert "5 career steps, 2 jobs." in text
