"""CV and career report as self-contained HTML pages: packaged Jinja2 templates, autoescaped,
inline CSS, charts as SVG data images, nothing fetched from elsewhere.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from careerset.render.cv_model import CvDocument

if TYPE_CHECKING:
    import jinja2

    from careerset.render.report_view import ReportView


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    import jinja2

    # Autoescape every template whatever its name: all of them produce HTML.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("careerset.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def stylesheet(name: str) -> str:
    """A packaged stylesheet, inlined so the page needs nothing from elsewhere."""
    from markupsafe import Markup

    css = (files("careerset.render") / "templates" / name).read_text(encoding="utf-8")
    # Our own file, never user data; it must not close the <style> element early.
    assert "</" not in css
    return Markup(css)


def svg_uri(svg: str) -> str:
    """A data: URI, so the page fetches nothing and validators see a plain <img>."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def render_cv_html(document: CvDocument) -> str:
    """A complete HTML5 document; every value from the career is escaped by Jinja."""
    page = environment().get_template("cv.html")
    return page.render(cv=document, css=stylesheet("cv.css"))


def render_report_html(view: ReportView) -> str:
    page = environment().get_template("report.html")
    return page.render(view=view, css=stylesheet("report.css"), svg_uri=svg_uri)


def render_report_body(view: ReportView) -> str:
    """The report's content alone (escaped HTML), for a page that has its own head and styles."""
    page = environment().get_template("report_body.html")
    return page.render(view=view, svg_uri=svg_uri)
