"""Counts in words: one helper for every plural a person reads."""

from careerset.wording import count_of, plural_of


def test_counts() -> None:
    assert count_of(1, "job") == "1 job"
    assert count_of(7, "job") == "7 jobs"
    assert count_of(0, "stepping stone") == "0 stepping stones"
    assert count_of(2, "activity") == "2 activities"
    assert count_of(1, "interest_profile") == "1 interest profile"
    assert count_of(2.5, "year") == "2.5 years"
    assert count_of(1.0, "month") == "1 month"
    assert count_of(3, "match") == "3 matches"


def test_plural_of_phrases() -> None:
    assert plural_of("career step") == "career steps"
    assert plural_of("older role") == "older roles"
    assert plural_of("day") == "days"
