"""Explore for the nurse: scores that spread, requirements shown, nobody ready without the degree."""

import pytest

from careerset.analysis.explore import explore_occupations
from careerset.analysis.interests import RiasecScores, interest_sentences
from careerset.analysis.wording import outside_us
from careerset.model.career import Career
from careerset.model.entries import InterestProfile
from careerset.model.enums import InterestScale
from careerset.reference.query import ReferencePack

from .careers import TODAY, nurse

PAEDIATRICIANS = "29-1221.00"


def _nurse() -> Career:
    profile = InterestProfile(
        realistic=10, investigative=30, artistic=14, social=36, enterprising=16, conventional=18
    )
    return Career.of([*nurse().entries, profile])


def test_the_best_and_the_tenth_suggestion_differ_by_a_fifth(pack: ReferencePack) -> None:
    report = explore_occupations(_nurse(), pack, TODAY, 10)
    scores = [s.score for s in report.suggestions]
    assert len(scores) == 10 and scores == sorted(scores, reverse=True)
    assert scores[0] - scores[9] >= 0.2


def test_nobody_is_ready_without_the_education(pack: ReferencePack) -> None:
    report = explore_occupations(_nurse(), pack, TODAY, 60)
    assert any(s.ready for s in report.suggestions)
    for suggestion in report.suggestions:
        assert suggestion.education_needed is not None
        if suggestion.education_met is False:
            assert not suggestion.ready
            assert "which you do not have yet" in suggestion.sentence()
        assert suggestion.annual_median is None or "typical pay" in suggestion.sentence()


def test_a_paediatrician_needs_a_medical_degree_the_nurse_lacks(pack: ReferencePack) -> None:
    everything = explore_occupations(_nurse(), pack, TODAY, 2000)
    paediatrician = next(s for s in everything.suggestions if s.code == PAEDIATRICIANS)
    assert paediatrician.education_met is False and not paediatrician.ready
    assert paediatrician.score < everything.suggestions[9].score


def test_filters_by_preparation_and_by_education_held(pack: ReferencePack) -> None:
    within = explore_occupations(_nurse(), pack, TODAY, 30, within_education=True)
    assert within.suggestions and all(s.education_met is not False for s in within.suggestions)
    light = explore_occupations(_nurse(), pack, TODAY, 30, max_zone=3)
    assert light.suggestions and all((s.job_zone or 9) <= 3 for s in light.suggestions)


def test_wages_are_labelled_us_figures_for_someone_abroad(pack: ReferencePack) -> None:
    report = explore_occupations(_nurse(), pack, TODAY, 5)
    assert report.outside_us  # she works in Dublin
    assert all("US figures (BLS OEWS, USD, May 2025)" in line for line in report.sentences())
    paid = next(s for s in report.suggestions if s.annual_median is not None)
    assert "US figures" not in paid.sentence(outside_us=False)


@pytest.mark.parametrize(
    ("country", "places", "abroad"),
    [
        ("IE", [], True),
        ("US", ["Dublin, Ireland"], False),
        (None, ["Austin, Texas", "Dublin, Ireland"], True),
        (None, ["Dublin, Ireland", "Austin, TX"], False),
        (None, ["Remote"], False),
        (None, [], False),
    ],
)
def test_where_the_person_lives(country: str | None, places: list[str], abroad: bool) -> None:
    assert outside_us(country, places) is abroad


def test_every_interest_type_is_explained_and_the_top_three_named() -> None:
    scores = RiasecScores.from_values([2.0, 5.5, 2.5, 6.5, 3.0, 4.0], InterestScale.ONET)
    lines = interest_sentences(scores)
    for name in ("Realistic", "Investigative", "Artistic", "Social", "Enterprising"):
        assert any(line.startswith(f"{name} people like") for line in lines)
    assert lines[-1].startswith("Your strongest interests are Social, then Investigative and")
    assert "Conventional" in lines[-1]
