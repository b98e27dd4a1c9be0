"""The interest profiler: item list, raw scoring, Holland codes, scale conversion, congruence."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerset.analysis.interests import (
    LETTERS,
    RiasecScores,
    congruence,
    holland_code,
    iachan_m,
    onet_to_raw,
    pearson,
    profiler_items,
    raw_to_onet,
    score_answers,
)
from careerset.model.entries import InterestProfile
from careerset.model.enums import InterestScale


def test_short_form_has_sixty_items_ten_per_type() -> None:
    items = profiler_items()
    assert len(items) == 60
    assert [item.number for item in items] == list(range(1, 61))
    for letter in LETTERS:
        assert sum(item.letter == letter for item in items) == 10
    assert items[0].text == "Build kitchen cabinets"


def test_all_fours_score_forty_per_type() -> None:
    result = score_answers([4] * 60)
    assert result.complete
    assert result.scores.values() == (40.0,) * 6


def test_scores_sum_the_answers_of_each_type() -> None:
    items = profiler_items()
    answers = [4 if item.letter == "S" else 3 if item.letter == "I" else 0 for item in items]
    scores = score_answers(answers).scores
    assert scores.by_letter() == {"R": 0, "I": 30, "A": 0, "S": 40, "E": 0, "C": 0}
    assert scores.holland_code() == "SI"


def test_partial_answers_count_what_is_answered() -> None:
    result = score_answers([4, None, 2])
    assert result.answered == 2 and not result.complete
    assert result.scores.realistic == 4 and result.scores.investigative == 2


@pytest.mark.parametrize("bad", [[5], [-1]])
def test_answers_outside_zero_to_four_are_rejected(bad: list[int]) -> None:
    with pytest.raises(ValueError):
        score_answers(bad)


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ((10, 30, 5, 35, 12, 20), "SIC"),
        ((0, 0, 0, 0, 0, 0), ""),
        ((5, 5, 5, 5, 5, 9), "C"),
        ((9, 9, 9, 1, 1, 1), "RIA"),  # ties keep R-I-A-S-E-C order
    ],
)
def test_holland_code(values: tuple[float, ...], code: str) -> None:
    assert holland_code(values) == code


@pytest.mark.parametrize(("raw", "onet"), [(0, 1.0), (40, 7.0), (20, 4.0), (10, 2.5), (-3, 1.0)])
def test_raw_to_onet_is_linear_between_the_end_points(raw: float, onet: float) -> None:
    assert raw_to_onet(raw) == pytest.approx(onet)


@given(st.floats(min_value=0, max_value=40))
def test_onet_to_raw_inverts_raw_to_onet(raw: float) -> None:
    assert onet_to_raw(raw_to_onet(raw)) == pytest.approx(raw)


@pytest.mark.parametrize(
    ("person", "occupation", "expected"),
    [
        ("SIC", "SIC", 1.0),
        ("SIC", "ISC", (10 + 10 + 1) / 28),
        ("SIC", "RAE", 0.0),
        ("SIC", "S", 1.0),  # one-letter occupation codes use the attainable maximum, 22
        ("", "SIC", None),
    ],
)
def test_iachan_m_index(person: str, occupation: str, expected: float | None) -> None:
    result = iachan_m(person, occupation)
    assert result == (None if expected is None else pytest.approx(expected))


def test_pearson_is_undefined_without_variance() -> None:
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)


def test_congruence_blends_correlation_and_agreement() -> None:
    person = RiasecScores(12, 31, 8, 36, 14, 20)
    nurse = congruence(person, (3.7, 4.8, 1.3, 5.6, 2.3, 4.6), "SIC")
    cashier = congruence(person, (2.8, 1.0, 1.0, 2.7, 3.7, 6.1), "CE")
    assert nurse.score is not None and cashier.score is not None
    assert nurse.score > 0.8 > 0.2 > cashier.score
    assert nurse.person_code == "SIC" and nurse.agreement == 1.0


def test_flat_profile_has_no_congruence_rather_than_an_error() -> None:
    fit = congruence(RiasecScores(0, 0, 0, 0, 0, 0), (3, 4, 1, 5, 2, 4), "SIC")
    assert fit.score is None and fit.person_code == ""


def test_onet_scale_profiles_are_used_as_they_are() -> None:
    entry = InterestProfile(
        realistic=2,
        investigative=6,
        artistic=1,
        social=6.5,
        enterprising=2,
        conventional=4,
        scale="onet",
    )
    scores = RiasecScores.of_profile(entry)
    assert scores.scale == InterestScale.ONET
    assert scores.to_onet() is scores
    assert scores.holland_code() == "SIC"
