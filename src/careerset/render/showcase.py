"""Write a career's showcase files (CV and report in several formats) into one folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from careerset.analysis.report import CareerReport
from careerset.facts.protocol import Reference
from careerset.model.career import Career
from careerset.next_action import Advice, plain_words
from careerset.render.cv_output import render_cv
from careerset.render.cv_tailor import CvOptions


def write_showcase(
    career: Career,
    report: CareerReport,
    reference: Reference | None,
    folder: Path,
    word: Callable[[Advice], str] = plain_words,
) -> dict[str, Path]:
    """CV as PDF and HTML, report as HTML and PDF; returns what was written, by description."""
    from careerset.render.html_pages import render_report_html
    from careerset.render.report_view import build_report_view
    from careerset.render.typst_pdf import render_report_pdf

    folder.mkdir(parents=True, exist_ok=True)
    options = CvOptions(design="modern")
    view = build_report_view(career, report, reference, word=word)
    outputs = {
        "CV (PDF)": ("cv.pdf", render_cv(career, "pdf", options, report.today, reference)),
        "CV (HTML)": ("cv.html", render_cv(career, "html", options, report.today, reference)),
        "report (HTML)": ("report.html", render_report_html(view).encode("utf-8")),
        "report (PDF)": ("report.pdf", render_report_pdf(view)),
    }
    written = {}
    for name, (file_name, data) in outputs.items():
        path = folder / file_name
        path.write_bytes(data)
        written[name] = path
    return written
