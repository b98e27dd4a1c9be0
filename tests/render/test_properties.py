"""Any valid career renders in every format, and every job title survives into the HTML and PDF."""

from __future__ import annotations

import io

import html5lib
from hypothesis import HealthCheck, given, settings
from markupsafe import escape

from careerset.model.career import Career
from careerset.render.cv_model import clean_strings
from careerset.render.cv_output import render_cv
from careerset.render.cv_tailor import CvOptions
from strategies import careers, examples  # type: ignore[import-not-found]

from .cases import TODAY, pdf_text, words


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(careers())
def test_any_career_renders_as_valid_html_and_markdown(career: Career) -> None:
    page = render_cv(career, "html", CvOptions(design="modern"), TODAY).decode("utf-8")
    html5lib.HTMLParser(strict=True).parse(page)
    for job in career.jobs:
        title = clean_strings(job.title)  # control characters are dropped on purpose
        assert str(escape(title)) in page  # escaped exactly as the template escapes
    render_cv(career, "md", today=TODAY)


@settings(max_examples=examples(10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(careers())
def test_any_career_renders_as_pdf_and_docx(career: Career) -> None:
    import docx

    pdf = render_cv(career, "pdf", today=TODAY)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf).replace(" ", "")
    for job in career.jobs:
        # Text any font lacks may come out as nothing; letters and digits always survive.
        wanted = "".join(c for c in words(job.title) if c.isascii() and c.isalnum())
        assert wanted in "".join(c for c in text if c.isascii() and c.isalnum())
    document = docx.Document(io.BytesIO(render_cv(career, "docx", today=TODAY)))
    assert document.paragraphs
