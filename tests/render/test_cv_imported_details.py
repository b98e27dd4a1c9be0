"""Imported details every CV format must show: JSON Resume's organization descriptions, and a
LinkedIn export's honours, education activities, notes and degree names.

Each test writes real files, reads them with the importer `careerset import` uses, and renders
every format with the real renderers.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from careerset.actions.importing import read_career_file
from careerset.interchange.json_resume import (
    career_to_json_resume,
    json_resume_to_career,
    validate_json_resume,
)
from careerset.model.career import Career
from careerset.model.dates import PartialDate
from careerset.model.entries import Job
from careerset.render.cv_output import render_cv
from careerset.render.cv_tailor import CvOptions

from .cases import TODAY, pdf_text, words

HOSPITAL = "A regional hospital network"
CLINIC = "Community clinic serving the north side"
WORK: list[dict[str, Any]] = [
    {
        "name": "Northfield Health",
        "description": HOSPITAL,
        "position": "Charge Nurse",
        "startDate": "2021-04",
    },
    {
        "name": "Northfield Health",
        "description": HOSPITAL,
        "position": "Staff Nurse",
        "startDate": "2017-09",
        "endDate": "2021-03",
    },
    {
        "name": "Riverside Clinic",
        "description": CLINIC,
        "position": "Nurse Assistant",
        "location": "Leeds",
        "startDate": "2014-01",
        "endDate": "2017-08",
    },
]
RESUME: dict[str, Any] = {
    "basics": {"name": "Amara Osei"},
    "work": WORK,
    "volunteer": [{"organization": "Red Cross", "position": "First aider", "startDate": "2012"}],
}


def every_format(career: Career) -> dict[str, str]:
    """The whitespace-normalised text of each CV format (and each PDF design)."""
    import docx

    texts = {
        cv_format: words(render_cv(career, cv_format, today=TODAY).decode("utf-8"))
        for cv_format in ("html", "md")
    }
    for design in ("classic", "modern"):
        pdf = render_cv(career, "pdf", CvOptions(design=design), TODAY)
        texts[f"pdf {design}"] = pdf_text(pdf)
    document = docx.Document(io.BytesIO(render_cv(career, "docx", today=TODAY)))
    texts["docx"] = words(" ".join(p.text for p in document.paragraphs))
    return texts


def imported(path: Path, text: str) -> Career:
    path.write_text(text, encoding="utf-8")
    career, _ = read_career_file(path)
    return career


def test_work_description_becomes_the_organization_summary(tmp_path: Path) -> None:
    career = imported(tmp_path / "resume.json", json.dumps(RESUME))
    about = {job.title: job.organization_summary for job in career.jobs}
    assert about == {
        "Charge Nurse": HOSPITAL,
        "Staff Nurse": HOSPITAL,
        "Nurse Assistant": CLINIC,
        "First aider": None,
    }
    assert all("description" not in job.extra for job in career.jobs)


def test_work_description_survives_export_and_reimport(tmp_path: Path) -> None:
    career = imported(tmp_path / "resume.json", json.dumps(RESUME))
    exported = career_to_json_resume(career)
    validate_json_resume(exported)
    assert [item["description"] for item in exported["work"]] == [HOSPITAL, HOSPITAL, CLINIC]
    assert "description" not in exported["volunteer"][0]
    again = career_to_json_resume(json_resume_to_career(exported))
    assert again == exported


def test_a_job_stored_before_the_field_still_exports_its_description() -> None:
    # Imports made before the field existed kept the description in `extra`.
    job = Job(
        id="old",
        title="Staff Nurse",
        organization="Northfield Health",
        start=PartialDate.parse("2017-09"),
        extra={"description": HOSPITAL},
    )
    exported = career_to_json_resume(Career((job,)))
    assert exported["work"][0]["description"] == HOSPITAL


def test_organization_descriptions_reach_every_cv_format(tmp_path: Path) -> None:
    career = imported(tmp_path / "resume.json", json.dumps(RESUME))
    for name, text in every_format(career).items():
        # Once for the two grouped roles at Northfield, once for the single role at Riverside.
        assert text.count(HOSPITAL) == 1, name
        assert text.count(CLINIC) == 1, name
        assert text.index("Northfield Health") < text.index(HOSPITAL) < text.index("Charge Nurse")
        assert text.index("Riverside Clinic") < text.index(CLINIC), name


EDUCATION_CSV = (
    "School Name,Start Date,End Date,Notes,Degree Name,Activities,Grade\r\n"
    "University of Leeds,2010,2013,Dissertation on night-shift fatigue,"
    'Bachelor of Science - BSc,"Rowing, student newspaper",2:1\r\n'
    "Leeds City College,2008,2010,,Access to Nursing Diploma,,\r\n"
)
HONORS_CSV = (
    "Title,Description,Issued On,Issuer\r\n"
    "Nurse of the Year,For leading the sepsis screening rollout.,Nov 2022,Northfield Health\r\n"
)
POSITIONS_CSV = (
    "Company Name,Title,Description,Location,Started On,Finished On\r\n"
    "Northfield Health,Charge Nurse,Leads a ward of 28 beds.,Leeds,Apr 2021,\r\n"
)
PROFILE_CSV = "First Name,Last Name,Headline\r\nAmara,Osei,Charge nurse\r\n"


@pytest.fixture(scope="module")
def linkedin_career(tmp_path_factory: pytest.TempPathFactory) -> Career:
    folder = tmp_path_factory.mktemp("export")
    for name, text in (
        ("Education.csv", EDUCATION_CSV),
        ("Honors.csv", HONORS_CSV),
        ("Positions.csv", POSITIONS_CSV),
        ("Profile.csv", PROFILE_CSV),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    career, _ = read_career_file(folder)
    return career


def test_linkedin_education_notes_and_activities_are_highlights(linkedin_career: Career) -> None:
    leeds = next(e for e in linkedin_career.education if e.institution == "University of Leeds")
    assert leeds.study_type == "Bachelor of Science - BSc"
    assert leeds.highlights == [
        "Dissertation on night-shift fatigue",
        "Activities and societies: Rowing, student newspaper",
    ]
    # Only the column careerset has no field for is left in `extra`.
    assert leeds.extra == {"linkedin": {"Grade": "2:1"}}
    college = next(e for e in linkedin_career.education if e.institution == "Leeds City College")
    assert college.highlights == [] and college.extra == {}


def test_linkedin_honours_activities_and_degrees_reach_every_cv_format(
    linkedin_career: Career,
) -> None:
    expected = (
        "Awards",
        "Nurse of the Year",
        "For leading the sepsis screening rollout.",
        "Nov 2022",
        "Bachelor of Science - BSc",
        "Access to Nursing Diploma",
        "Dissertation on night-shift fatigue",
        "Activities and societies: Rowing, student newspaper",
    )
    for name, text in every_format(linkedin_career).items():
        for wanted in expected:
            assert wanted.casefold() in text.casefold(), (name, wanted)
        # The honour names who gave it, after its title.
        assert text.index("Nurse of the Year") < text.rindex("Northfield Health"), name
