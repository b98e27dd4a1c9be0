"""CV and career report as PDF through Typst, with the data passed as JSON, never as source.

The person's text reaches Typst only through `sys.inputs`, decoded by the templates with
`json(...)`, so it is always a string value and never markup: there is no escaping to get wrong.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerset.render.cv_model import CvDocument
from careerset.render.cv_tailor import fit_pages

if TYPE_CHECKING:
    import typst

    from careerset.render.report_view import ReportView

CV_TEMPLATE = "cv.typ"
REPORT_TEMPLATE = "report.typ"
PAPERS = ("a4", "us-letter")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@lru_cache(maxsize=1)
def fonts() -> typst.Fonts:
    """Typst's embedded fonts plus the DejaVu family that ships inside matplotlib.

    System fonts are ignored so output is the same on every machine; DejaVu covers
    Arabic, Hebrew, Cyrillic and Greek, which Typst's embedded fonts do not.
    """
    import typst

    # Found without importing matplotlib, which would cost more than the whole compile.
    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"
    return typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(folder)]
    )


@lru_cache(maxsize=4)
def template(name: str) -> bytes:
    return (files("careerset.render") / "templates" / name).read_bytes()


def compile_document(
    name: str, data: dict[str, Any], paper: str = "a4", output_format: str = "pdf"
) -> bytes | list[bytes]:
    """Compile template `name` with `data`: PDF bytes, or PNG bytes (a list when several pages)."""
    import typst

    inputs = {"data": json.dumps(data, ensure_ascii=False), "paper": paper}
    if output_format == "png":
        return typst.compile(
            template(name), font_paths=fonts(), sys_inputs=inputs, format="png", ppi=72
        )
    return typst.compile(template(name), font_paths=fonts(), sys_inputs=inputs, format="pdf")


def compile_pdf(name: str, data: dict[str, Any], paper: str = "a4") -> bytes:
    result = compile_document(name, data, paper)
    assert isinstance(result, bytes)
    return result


def first_page_png(name: str, data: dict[str, Any], paper: str = "a4") -> bytes:
    pages = compile_document(name, data, paper, output_format="png")
    return pages[0] if isinstance(pages, list) else pages


def page_count(pdf: bytes) -> int:
    """Pages in a PDF that Typst wrote (its page objects are not inside compressed streams)."""
    return len(_PAGE_OBJECT.findall(pdf))


def render_cv_pdf(document: CvDocument, max_pages: int | None = None, paper: str = "a4") -> bytes:
    """PDF bytes; with `max_pages`, compile and trim until the page count fits."""
    if max_pages is not None:
        document = fit_pages(
            document,
            max_pages,
            lambda d: page_count(compile_pdf(CV_TEMPLATE, d.to_data(), paper)),
        )
    return compile_pdf(CV_TEMPLATE, document.to_data(), paper)


def render_report_pdf(view: ReportView, paper: str = "a4") -> bytes:
    """PDF bytes; the charts are embedded as SVG, so they stay vector graphics."""
    return compile_pdf(REPORT_TEMPLATE, view.to_data(), paper)
