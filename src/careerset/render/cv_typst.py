"""The CV as PDF through Typst: the `cv.typ` template fed the CV view as JSON data."""

from __future__ import annotations

from careerset.render.cv_model import CvDocument
from careerset.render.cv_tailor import fit_pages
from careerset.render.typst_engine import compile_pdf, page_count

TEMPLATE = "cv.typ"


def render_cv_pdf(document: CvDocument, max_pages: int | None = None, paper: str = "a4") -> bytes:
    """PDF bytes; with `max_pages`, compile and trim until the page count fits."""
    if max_pages is not None:
        document = fit_pages(
            document, max_pages, lambda d: page_count(compile_pdf(TEMPLATE, d.to_data(), paper))
        )
    return compile_pdf(TEMPLATE, document.to_data(), paper)
