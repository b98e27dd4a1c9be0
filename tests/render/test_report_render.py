"""The career report as HTML and PDF: charts present (or a reason), valid, self-contained, vector."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest

from careerset.actions.report import career_report
from careerset.cli.setup import load_demo_career
from careerset.model.career import Career
from careerset.model.person import Person
from careerset.reference.query import open_reference
from careerset.render import charts
from careerset.render.html_pages import render_report_html
from careerset.render.report_view import ReportView, build_report_view
from careerset.render.typst_pdf import REPORT_TEMPLATE, first_page_png, render_report_pdf

from .cases import TODAY, ink_share, pdf_text
from .test_cv_formats import external_assets

CHART_TITLES = {
    "timeline": "Jobs over time, by verdict",
    "hexagon": "Interests (RIASEC)",
    "pay": "Pay over time",
    "skills": "Skills accumulated",
    "gaps": "Skill gaps to the target",
}


def view_for(career: Career, pack: Path | None = None) -> ReportView:
    reference = open_reference(pack)
    report = career_report(career, reference, TODAY)
    return build_report_view(career, report, reference)


@pytest.fixture(scope="module")
def embedded_view() -> ReportView:
    return view_for(load_demo_career())


def test_embedded_default_draws_every_chart_and_a_plan(embedded_view: ReportView) -> None:
    drawn = {c.key for c in embedded_view.charts if c.svg}
    assert drawn == set(CHART_TITLES)
    assert embedded_view.plan and embedded_view.plan_unavailable is None


def test_without_reference_data_the_gaps_chart_says_why() -> None:
    career = load_demo_career()
    view = build_report_view(career, career_report(career, None, TODAY), None)
    gaps = view.chart("gaps")
    assert gaps.svg is None and gaps.unavailable and "reference data" in gaps.unavailable
    assert view.plan == [] and view.plan_unavailable
    assert "not available" in render_report_html(view)  # the gaps chart says why it is missing


def test_html_report_is_valid_self_contained_and_has_the_charts(embedded_view: ReportView) -> None:
    html = render_report_html(embedded_view)
    html5lib.HTMLParser(strict=True).parse(html)
    assert external_assets(html) == []
    for key in CHART_TITLES:
        assert re.search(
            rf'<figure id="chart-{key}">\s*<img src="data:image/svg\+xml;base64,', html
        )


def test_pdf_report_has_the_charts_as_vectors_and_ink_on_page_one(
    embedded_view: ReportView,
) -> None:
    pdf = render_report_pdf(embedded_view)
    text = pdf_text(pdf)
    for key, title in CHART_TITLES.items():
        assert title in text, key
    assert "Maya Okafor" in text and "career step" in text
    assert not re.search(rb"/Subtype\s*/Image", pdf), "charts stay vector, not raster images"
    assert ink_share(first_page_png(REPORT_TEMPLATE, embedded_view.to_data())) > 0.03


def test_report_of_an_empty_career_renders() -> None:
    view = view_for(Career((), Person()))
    assert all(c.unavailable for c in view.charts)
    assert "Career report" in pdf_text(render_report_pdf(view))
    html5lib.HTMLParser(strict=True).parse(render_report_html(view))


@pytest.mark.shared_data
def test_full_reference_adds_target_interests_gaps_and_plan(reference_pack: Path) -> None:
    view = view_for(load_demo_career(), reference_pack)
    assert all(c.svg for c in view.charts), [c.unavailable for c in view.charts]
    assert view.gaps and view.plan
    assert "Data Scientists" in (view.target or "")
    text = pdf_text(render_report_pdf(view))
    assert view.plan[0].name in text
    html = render_report_html(view)
    assert '<figure id="chart-gaps">\n<img' in html


def test_charts_are_deterministic_and_readable_without_colour() -> None:
    bars = [
        charts.TimelineBar("A", TODAY.replace(year=2010), TODAY.replace(year=2012), "job"),
        charts.TimelineBar("B", TODAY.replace(year=2012), TODAY, "stepping stone"),
    ]
    first = charts.timeline_chart(bars, TODAY)
    # Drawn again from scratch (not from the chart cache), the bytes are the same.
    assert first == charts.to_svg(charts.timeline_figure(bars, TODAY))
    assert first.startswith("<svg") and "<pattern" in first  # hatches carry the verdict
    hexagon = charts.hexagon_chart([1, 2, 3, 4, 5, 6], None, "")
    assert hexagon.startswith("<svg")
    gaps = charts.gaps_chart([charts.GapBar("Python", 0.5, "2.0 of 4.0")])
    assert "<pattern" in gaps


def test_a_chart_for_the_same_data_is_drawn_once() -> None:
    bar = charts.GapBar("Suturing", 0.25, "1.0 of 4.0")
    drawn = charts._gaps_svg.cache_info().misses
    first = charts.gaps_chart([bar])
    assert charts.gaps_chart([bar]) is first  # the same text, not drawn again
    assert charts._gaps_svg.cache_info().misses == drawn + 1
    other = charts.gaps_chart([charts.GapBar("Suturing", 0.5, "2.0 of 4.0")])
    assert other != first
    assert charts._gaps_svg.cache_info().misses == drawn + 2
