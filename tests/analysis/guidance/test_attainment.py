"""Degrees as people write them, placed on O*NET's required-level-of-education scale."""

from datetime import date

import pytest

from careerset.analysis.attainment import degree_level, person_attainment
from careerset.analysis.evidence import held_occupations
from careerset.analysis.requirements import education_sentence, typical_category
from careerset.model.career import Career
from careerset.model.entries import Certification, Education, Job

TODAY = date(2026, 11, 1)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("MSc", 8),
        ("M.S.", 8),
        ("MSN", 8),
        ("Master of Science", 8),
        ("Master of Science - MS", 8),  # LinkedIn's "Degree Name"
        ("BSN", 6),
        ("BSc (Hons)", 6),
        ("B.A.", 6),
        ("Bachelor", 6),
        ("Bachelor of Arts - BA", 6),
        ("Associate", 5),
        ("AAS", 5),
        ("Associate of Applied Science", 5),
        ("Diploma", 3),
        ("Certificate", 3),
        ("Postgraduate Certificate", 7),
        ("GED", 2),
        ("High school", 2),
        ("High School Diploma", 2),
        ("PhD", 11),
        ("Doctor of Philosophy", 11),
        ("DNP", 11),
        ("JD", 10),
        ("Juris Doctor", 10),
        ("MD", 10),
        ("PharmD", 10),
        ("Doctor of Pharmacy", 10),
    ],
)
def test_degrees_map_to_onet_education_levels(text: str, level: int) -> None:
    assert degree_level(text) == level


@pytest.mark.parametrize("text", ["Nursing", "", "Computer Science", "as a volunteer"])
def test_text_naming_no_degree_has_no_level(text: str) -> None:
    assert degree_level(text) is None


def test_attainment_knows_degrees_in_progress_certifications_and_years() -> None:
    career = Career.of(
        [
            Education(id="bsn", institution="U", study_type="BSN", area="Nursing", end="2015"),
            Education(id="dnp", institution="U", study_type="DNP", start="2025-09", end="present"),
            Education(id="ma", institution="U", study_type="MA", start="2024", end="2027-06"),
            Certification(id="rn", name="Registered Nurse licence"),
            Job(
                id="j", title="Nurse", start="2015-09", end="present", occupation_code="29-1141.00"
            ),
        ]
    )
    held = held_occupations(career.jobs, TODAY)
    attained = person_attainment(career, held, TODAY)
    best = attained.highest()
    assert best is not None and best.entry_id == "bsn" and best.label == "BSN Nursing (2015)"
    studying = attained.in_progress()
    assert studying is not None and studying.entry_id == "dnp" and studying.in_progress
    assert {d.entry_id for d in attained.degrees if d.in_progress} == {"dnp", "ma"}
    assert attained.certifications == (("rn", "Registered Nurse licence"),)
    assert attained.years_in({"29-1171.00"}, {"29-11"}) == pytest.approx(11.2, abs=0.1)
    assert attained.years_in({"15-1252.00"}, {"15-12"}) == 0


def test_the_typical_level_is_the_median_and_shares_read_in_words() -> None:
    nurse_practitioners = {6: 4.35, 8: 65.22, 11: 26.09, 12: 4.35}
    assert typical_category(nurse_practitioners) == 8
    assert typical_category({}) is None
    assert (
        education_sentence(nurse_practitioners)
        == "65% say a master's degree is required, 26% a doctorate"
    )
