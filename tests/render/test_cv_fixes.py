"""CV fixes: an expired certification says so, the modern design keeps a name on one line,
and Markdown keeps ordinary parentheses."""

from __future__ import annotations

import io

from careerset.model.career import Career
from careerset.model.dates import PRESENT, PartialDate
from careerset.model.entries import Certification, Job
from careerset.model.person import Person
from careerset.render.cv_model import build_cv
from careerset.render.cv_output import render_cv
from careerset.render.cv_tailor import CvOptions

from .cases import TODAY

NAME = "Siobhán Ó Briain"


def _career() -> Career:
    return Career(
        (
            Job(
                id="j1",
                title="Staff Nurse (ICU)",
                organization="St. James's Hospital",
                start=PartialDate.parse("2019-03"),
                end=PRESENT,
            ),
            Certification(
                id="c1",
                name="ACLS Provider",
                date=PartialDate.parse("2022-03"),
                expiry=PartialDate.parse("2024-03"),
            ),
            Certification(
                id="c2",
                name="BLS Provider",
                date=PartialDate.parse("2025-05"),
                expiry=PartialDate.parse("2027-05"),
            ),
        ),
        Person(name=NAME, label="Critical care nurse"),
    )


def test_an_expired_certification_is_marked_expired() -> None:
    section = build_cv(_career(), TODAY).section("certifications")
    assert section is not None
    details = {item.heading: item.details for item in section.items}
    assert "Expired Mar 2024" in details["ACLS Provider"]
    assert not any("Valid until" in d for d in details["ACLS Provider"])
    assert "Valid until May 2027" in details["BLS Provider"]


def test_markdown_keeps_parentheses() -> None:
    markdown = render_cv(_career(), "md", today=TODAY).decode("utf-8")
    assert "Staff Nurse (ICU)" in markdown and "\\(" not in markdown


def test_modern_design_keeps_the_name_on_one_line() -> None:
    from pypdf import PdfReader

    pdf = render_cv(_career(), "pdf", CvOptions(design="modern"), TODAY)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or ""
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines()]
    assert NAME in lines, lines[:6]


def test_json_resume_interests_and_references_reach_every_format() -> None:
    import json

    from careerset.interchange.json_resume import load_json_resume_text

    document = {
        "basics": {"name": NAME},
        "work": [{"name": "St. James's Hospital", "position": "Staff Nurse", "startDate": "2019"}],
        "interests": [{"name": "Sea swimming", "keywords": ["open water", "winter"]}],
        "references": [{"name": "Dr Aoife Byrne", "reference": "A calm, exact colleague."}],
    }
    career = load_json_resume_text(json.dumps(document))
    for cv_format in ("html", "md"):
        text = render_cv(career, cv_format, today=TODAY).decode("utf-8")
        for expected in ("Interests", "Sea swimming", "open water", "References", "Dr Aoife Byrne"):
            assert expected in text, (cv_format, expected)
    for design in ("classic", "modern"):
        pdf = render_cv(career, "pdf", CvOptions(design=design), TODAY)
        from pypdf import PdfReader

        text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages)
        assert "Sea swimming" in text and "A calm, exact colleague." in text, design
