"""One entry point for every CV format: tailor the view, fit the page budget, render bytes."""

from __future__ import annotations

from datetime import date

from careerset.facts.protocol import Reference
from careerset.model.career import Career
from careerset.render.cv_model import CvDocument
from careerset.render.cv_tailor import CvOptions, estimated_pages, fit_pages, tailored_cv

CV_FORMATS = ("pdf", "html", "md", "docx")
BINARY_FORMATS = ("pdf", "docx")
SUFFIXES = {"pdf": ".pdf", "html": ".html", "md": ".md", "docx": ".docx"}


def render_document(document: CvDocument, cv_format: str, max_pages: int | None = None) -> bytes:
    """Render a CV view; PDF trims by real page count, the others by an estimate."""
    if cv_format == "pdf":
        from careerset.render.typst_pdf import render_cv_pdf

        return render_cv_pdf(document, max_pages)
    if max_pages is not None:
        document = fit_pages(document, max_pages, estimated_pages)
    if cv_format == "html":
        from careerset.render.html_pages import render_cv_html

        return render_cv_html(document).encode("utf-8")
    if cv_format == "md":
        from careerset.render.cv_markdown import render_cv_markdown

        return render_cv_markdown(document).encode("utf-8")
    if cv_format == "docx":
        from careerset.render.cv_docx import render_cv_docx

        return render_cv_docx(document)
    raise ValueError(f"unknown CV format {cv_format!r}")


def render_cv(
    career: Career,
    cv_format: str,
    options: CvOptions | None = None,
    today: date | None = None,
    reference: Reference | None = None,
) -> bytes:
    """The career as a CV file in `cv_format` (one of CV_FORMATS)."""
    options = options or CvOptions()
    document = tailored_cv(career, options, today or date.today(), reference)
    return render_document(document, cv_format, options.max_pages)
