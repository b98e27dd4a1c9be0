"""Free-text skill names land on the right O*NET elements and technologies, and only those."""

import pytest

from careerset.analysis.term_match import TermMatcher

MATCHER = TermMatcher(
    {
        "skills": ["Programming", "Mathematics", "Technology Design", "Time Management"],
        "knowledge": ["Design", "Computers and Electronics", "Mathematics"],
        "technology": ["Structured query language SQL", "Microsoft Excel", "Python", "R"],
    }
)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (
            "SQL",
            {
                ("technology", "Structured query language SQL", 1.0, "synonym"),
                ("skills", "Programming", 0.6, "synonym"),
                ("knowledge", "Computers and Electronics", 0.6, "synonym"),
            },
        ),
        ("Excel", {("technology", "Microsoft Excel", 1.0, "synonym")}),
        ("programming", {("skills", "Programming", 1.0, "exact")}),
        (
            "Applied Statistics Certificate",
            {
                ("knowledge", "Mathematics", 0.8, "synonym"),
                ("skills", "Mathematics", 0.8, "synonym"),
            },
        ),
        ("Design", {("knowledge", "Design", 1.0, "exact")}),
        ("R", {("technology", "R", 1.0, "exact"), ("skills", "Programming", 0.7, "synonym")}),
        ("Microsoft Excel 365", {("technology", "Microsoft Excel", 1.0, "synonym")}),
        (
            "Python 3",
            {("technology", "Python", 1.0, "synonym"), ("skills", "Programming", 0.9, "synonym")},
        ),
        (
            "Structured Query Language",
            {("technology", "Structured query language SQL", 0.8, "fuzzy")},
        ),
    ],
)
def test_terms_map_to_reference_names(
    term: str, expected: set[tuple[str, str, float, str]]
) -> None:
    found = {(m.domain, m.name, m.factor, m.how) for m in MATCHER.match(term)}
    assert found == expected


@pytest.mark.parametrize("term", ["Management", "C", "", "Knitting", "design thinking workshop"])
def test_unrelated_or_generic_terms_do_not_match_loosely(term: str) -> None:
    names = {m.name for m in MATCHER.match(term)}
    assert "Technology Design" not in names
    assert "Time Management" not in names
    assert "R" not in names
