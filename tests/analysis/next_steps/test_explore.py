"""Explore: passion x readiness puts occupations that fit interests and evidence on top."""

from datetime import date

import pytest

from careerset.analysis.explore import explore_occupations
from careerset.model.career import Career
from careerset.model.entries import InterestProfile, Job, Skill
from careerset.reference.query import ReferencePack

TODAY = date(2026, 11, 1)


def test_artistic_person_with_design_evidence_gets_designers_first(tiny, designer_career) -> None:
    report = explore_occupations(designer_career, tiny, TODAY, limit=3)
    best = report.suggestions[0]
    assert best.title == "Graphic Designers"
    assert best.passion is not None and best.passion > 0.5
    assert "Design" in best.matched
    assert best.annual_median == 60000.0 and best.job_zone == 3
    assert report.person_scores is not None


def test_without_interests_readiness_alone_ranks_and_the_gap_is_named(tiny) -> None:
    career = Career.of(
        [Job(id="m", title="Mechanic", start="2015", end="present", occupation_code="47-0001.00")]
    )
    report = explore_occupations(career, tiny, TODAY)
    assert report.suggestions[0].code == "47-0001.00"
    assert report.suggestions[0].passion is None
    assert any("interest profiler" in note for note in report.missing)


def test_flat_interests_leave_passion_out(tiny) -> None:
    flat = InterestProfile(
        realistic=20, investigative=20, artistic=20, social=20, enterprising=20, conventional=20
    )
    report = explore_occupations(Career.of([flat, Skill(name="Teaching")]), tiny, TODAY)
    assert all(s.passion is None for s in report.suggestions)
    assert report.suggestions[0].title == "Teachers"


@pytest.mark.shared_data
def test_design_occupations_lead_for_an_artistic_designer(
    pack: ReferencePack, designer_career: Career
) -> None:
    report = explore_occupations(designer_career, pack, TODAY, limit=5)
    titles = [s.title for s in report.suggestions]
    assert any("Designer" in title for title in titles[:5])
    assert "Graphic Designers" in titles
    assert all(s.annual_median is not None for s in report.suggestions)
