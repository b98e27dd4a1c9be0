"""Careers the guidance tests and benchmark share: the issue's nurse, with and without her MSc."""

from __future__ import annotations

from datetime import date

from careerset.model.career import Career
from careerset.model.entries import Certification, Education, Goal, Job

TODAY = date(2026, 11, 1)
NURSE_PRACTITIONER = "29-1171.00"


def nurse(with_msc: bool = True) -> Career:
    """Customer Assistant, volunteer first aider, Staff Nurse, ICU nurse, then CNS (Dublin)."""
    entries: list[object] = [
        Job(
            id="shop",
            title="Customer Assistant",
            start="2008-06",
            end="2010-08",
            occupation_code="41-2031.00",
        ),
        Job(
            id="aid",
            title="Volunteer First Aider",
            start="2010-09",
            end="2014-05",
            occupation_code="29-2042.00",
        ),
        Job(
            id="staff",
            title="Staff Nurse",
            start="2014-09",
            end="2017-08",
            occupation_code="29-1141.00",
            location="Dublin, Ireland",
        ),
        Job(
            id="icu",
            title="Staff Nurse (ICU)",
            start="2017-09",
            end="2022-05",
            occupation_code="29-1141.03",
            location="Dublin, Ireland",
        ),
        Job(
            id="cns",
            title="Clinical Nurse Specialist",
            start="2022-06",
            end="present",
            occupation_code="29-1141.04",
            location="Dublin, Ireland",
        ),
        Education(
            id="bsc",
            institution="University College Dublin",
            area="Nursing",
            study_type="BSc",
            start="2010-09",
            end="2014-06",
        ),
        Certification(id="bls", name="Basic Life Support (BLS)", date="2023-03"),
        Certification(
            id="acls", name="Advanced Cardiovascular Life Support (ACLS)", date="2023-04"
        ),
        Goal(id="goal", statement="Become a nurse practitioner", target_codes=[NURSE_PRACTITIONER]),
    ]
    if with_msc:
        entries.append(
            Education(
                id="msc",
                institution="Trinity College Dublin",
                area="Advanced Nursing Practice",
                study_type="MSc",
                start="2017-09",
                end="2019-06",
            )
        )
    return Career.of(entries)  # type: ignore[arg-type]
