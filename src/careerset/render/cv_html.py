"""The CV as one self-contained HTML page: inline CSS, no scripts, no external assets."""

from __future__ import annotations

from careerset.render.cv_model import CvDocument
from careerset.render.html_env import environment, stylesheet


def render_cv_html(document: CvDocument) -> str:
    """A complete HTML5 document; every value from the career is escaped by Jinja."""
    page = environment().get_template("cv.html")
    return page.render(cv=document, css=stylesheet("cv.css"))
