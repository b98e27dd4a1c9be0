"""HTML and Markdown CVs of the demo career against files in testdata/ (any change is a diff to
review; regenerate with CAREERSET_UPDATE_TESTDATA=1 pytest tests/render)."""

from __future__ import annotations

import pytest

from careerset.cli.setup import load_demo_career
from careerset.render.cv_output import render_cv
from careerset.render.cv_tailor import CvOptions

from .cases import TODAY, check_snapshot, hostile_career


@pytest.mark.parametrize("design", ["classic", "modern"])
def test_demo_html(design: str) -> None:
    html = render_cv(load_demo_career(), "html", CvOptions(design=design), TODAY)
    check_snapshot(f"demo-{design}.html", html.decode("utf-8"))


def test_demo_markdown() -> None:
    check_snapshot("demo.md", render_cv(load_demo_career(), "md", today=TODAY).decode("utf-8"))


def test_hostile_markdown() -> None:
    check_snapshot("hostile.md", render_cv(hostile_career(), "md", today=TODAY).decode("utf-8"))
