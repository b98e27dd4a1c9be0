"""What the report got wrong: half-year ticks, cut job labels, two skill counts, an empty pay
chart, "0 stepping stone"; each drawn or written from real careers, no mocks."""

from __future__ import annotations

from careerset.analysis.report import build_report
from careerset.model.career import Career
from careerset.model.dates import PartialDate
from careerset.model.entries import Job, Skill
from careerset.model.person import Person
from careerset.reference.query import open_reference
from careerset.render import charts
from careerset.render.html_pages import render_report_html
from careerset.render.report_text import render_text
from careerset.render.report_view import ReportView, build_report_view

from .cases import TODAY

LONG_TITLE = "Senior Clinical Nurse Specialist in Paediatric Intensive Care and Neonatal Transport"


def _view(career: Career) -> ReportView:
    reference = open_reference()
    report = build_report(career, TODAY, reference, reference_kind=reference.kind)
    return build_report_view(career, report, reference)


def _job(job_id: str, title: str, start: str, end: str, **more: object) -> Job:
    return Job(
        id=job_id,
        title=title,
        start=PartialDate.parse(start),
        end=PartialDate.parse(end),
        **more,  # type: ignore[arg-type]
    )


def test_timeline_has_whole_years_and_whole_labels() -> None:
    bars = [
        charts.TimelineBar(LONG_TITLE, TODAY.replace(year=2012, month=3), TODAY, "job"),
        charts.TimelineBar("Nurse", TODAY.replace(year=2013, month=6), TODAY, "career step"),
    ]
    figure = charts.timeline_figure(bars, TODAY)
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    axes = figure.axes[0]
    years = [tick.get_text() for tick in axes.get_xticklabels() if tick.get_text()]
    assert years and all(text.isdigit() and len(text) == 4 for text in years), years
    labels = [tick.get_text() for tick in axes.get_yticklabels()]
    assert LONG_TITLE in [label.replace("\n", " ") for label in labels]
    assert not any("…" in label for label in labels)


def test_pay_chart_has_whole_years() -> None:
    point = charts.PayPoint("Nurse", TODAY.replace(year=2012), TODAY.replace(year=2014), 50_000)
    figure = charts.pay_figure([point], {50: 60_000.0}, "Registered Nurses")
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    years = [t.get_text() for t in figure.axes[0].get_xticklabels() if t.get_text()]
    assert years and all(text.isdigit() for text in years), years


def test_no_pay_recorded_is_said_not_drawn_empty() -> None:
    nurse = _job("j1", "Registered Nurse", "2019-03", "2024-06", occupation_code="29-1141.00")
    career = Career((nurse,), Person())
    pay = _view(career).chart("pay")  # the embedded default has this code's wages
    assert pay.svg is None and pay.unavailable and "no pay is recorded" in pay.unavailable


def test_skill_counts_agree_between_the_pages() -> None:
    # Undated skills (no job names them) used to give "6 skills evidenced" on page 1 and
    # "Skills accumulated: not available" on page 2.
    skills = tuple(Skill(id=f"s{i}", name=name) for i, name in enumerate(("Triage", "IV", "EHR")))
    career = Career((_job("j1", "Registered Nurse", "2019-03", "2024-06"), *skills), Person())
    view = _view(career)
    assert ("skills evidenced", "3") in view.facts
    chart = view.chart("skills")
    assert chart.svg is not None, chart.unavailable
    reference = open_reference()
    report = build_report(career, TODAY, reference, reference_kind=reference.kind)
    assert max(report.metrics.skills_by_year.values()) == report.metrics.skills_total == 3


def test_counts_have_the_right_plural() -> None:
    career = Career((_job("j1", "Registered Nurse", "2019-03", "2024-06"),), Person())
    reference = open_reference()
    report = build_report(career, TODAY, reference, reference_kind=reference.kind)
    text = render_text(report)
    assert "1 job," in text or "1 job." in text or "1 job\n" in text, text
    assert "employer(s)" not in text and "1 employer." in text
    html = render_report_html(build_report_view(career, report, reference))
    assert "0 stepping stones" in html and "0 stepping stone " not in html
