"""Every CV format for the demo and each JSON Resume example: names, titles and organizations
present; the PDF has ink on page 1; the DOCX opens; the HTML parses strictly with no remote assets.
"""

from __future__ import annotations

import io
import re

import html5lib
import pytest

from careerset.model.career import Career
from careerset.render.cv_output import render_cv
from careerset.render.cv_tailor import CvOptions, tailored_cv
from careerset.render.typst_pdf import CV_TEMPLATE, first_page_png

from .cases import TODAY, all_careers, ink_share, pdf_text, words

CAREERS = all_careers()
DESIGNS = ("classic", "modern")


def expected_strings(career: Career) -> list[str]:
    found = [career.person.name or "Curriculum vitae"]
    for job in career.jobs:
        found.append(job.title)
        if job.organization:
            found.append(job.organization)
    return [words(s) for s in found]


def external_assets(html: str) -> list[str]:
    """src/href URLs of anything the page would fetch (links the person gave are fine)."""
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("src", "href", "srcset", "data", "poster"):
            value = element.get(attribute, "")
            if element.tag == "a" and attribute == "href":
                continue
            if re.match(r"\s*(https?:)?//", value):
                found.append(value)
    if re.search(r"url\(\s*['\"]?(https?:)?//", html) or "@import" in html:
        found.append("css url")
    return found


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("name", sorted(CAREERS))
def test_pdf_holds_name_titles_and_organizations(name: str, design: str) -> None:
    career = CAREERS[name]
    text = pdf_text(render_cv(career, "pdf", CvOptions(design=design), TODAY))
    for expected in expected_strings(career):
        assert expected in text, f"{expected!r} missing from the {design} PDF of {name}"


@pytest.mark.parametrize("design", DESIGNS)
def test_pdf_page_one_is_not_blank(design: str) -> None:
    document = tailored_cv(CAREERS["demo"], CvOptions(design=design), TODAY)
    assert ink_share(first_page_png(CV_TEMPLATE, document.to_data())) > 0.02


@pytest.mark.parametrize("name", sorted(CAREERS))
def test_docx_opens_and_holds_the_same(name: str) -> None:
    import docx

    career = CAREERS[name]
    document = docx.Document(io.BytesIO(render_cv(career, "docx", today=TODAY)))
    text = words(" ".join(p.text for p in document.paragraphs))
    for expected in expected_strings(career):
        assert expected in text


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("name", sorted(CAREERS))
def test_html_is_valid_and_self_contained(name: str, design: str) -> None:
    career = CAREERS[name]
    html = render_cv(career, "html", CvOptions(design=design), TODAY).decode("utf-8")
    html5lib.HTMLParser(strict=True).parse(html)
    assert external_assets(html) == []
    assert "<script" not in html.lower()
    body = html5lib.parse(html, namespaceHTMLElements=False).find("body")
    text = words(" ".join(body.itertext()))
    for expected in expected_strings(career):
        assert expected in text


@pytest.mark.parametrize("name", sorted(CAREERS))
def test_markdown_holds_name_titles_and_organizations(name: str) -> None:
    career = CAREERS[name]
    markdown = render_cv(career, "md", today=TODAY).decode("utf-8")
    unescaped = words(re.sub(r"\\(.)", r"\1", markdown))
    for expected in expected_strings(career):
        assert expected in unescaped


def test_several_roles_at_one_employer_are_grouped_and_present_is_shown() -> None:
    document = tailored_cv(CAREERS["demo"], CvOptions(), TODAY)
    buckeye = [e for e in document.employers if e.organization == "Buckeye Health Partners"]
    assert len(buckeye) == 1 and len(buckeye[0].roles) == 3
    assert [r.title for r in buckeye[0].roles][0] == "Senior Business Intelligence Analyst"
    assert document.employers[0].roles[0].period.endswith("– present")
    text = pdf_text(render_cv(CAREERS["demo"], "pdf", today=TODAY))
    assert text.count("Buckeye Health Partners") == 2  # the employer once, and an award
    assert "Oct 2022 – present" in text
