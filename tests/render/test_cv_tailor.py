"""Tailoring: selection by tags and year, ordering by a target, trimming to a page budget."""

from __future__ import annotations

from datetime import date

import pytest

from careerset.model.career import Career
from careerset.model.dates import PRESENT, PartialDate
from careerset.model.entries import Education, Job
from careerset.model.person import Person
from careerset.render.cv_model import format_period, is_rtl, safe_href
from careerset.render.cv_output import render_cv
from careerset.render.cv_tailor import (
    CvOptions,
    estimated_pages,
    order_by_target,
    select_entries,
    tailored_cv,
    trim_steps,
)
from careerset.render.typst_pdf import page_count

from .cases import TODAY, long_career, pdf_pages, pdf_text


def _career() -> Career:
    return Career(
        (
            Job(
                id="a",
                title="Barista",
                start=PartialDate(2010),
                end=PartialDate(2012),
                tags=["service"],
            ),
            Job(id="b", title="Analyst", start=PartialDate(2015), end=PRESENT, tags=["data"]),
            Job(id="c", title="Tutor", start=PartialDate(2013), end=PartialDate(2014)),
            Education(id="e", institution="State University", end=PartialDate(2009)),
        ),
        Person(name="Ada"),
    )


@pytest.mark.parametrize(
    ("tags", "since", "kept"),
    [
        ((), None, {"a", "b", "c", "e"}),
        (("data",), None, {"b", "e"}),  # untagged education is kept: nobody tagged that kind
        (("DATA", "service"), None, {"a", "b", "e"}),
        ((), 2013, {"b", "c"}),
        (("data",), 2016, {"b"}),
    ],
)
def test_select_entries(tags: tuple[str, ...], since: int | None, kept: set[str]) -> None:
    chosen = select_entries(_career(), tags, since, TODAY)
    assert {e.id for e in chosen.entries} == kept


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (PartialDate(2014, 6), PRESENT, "Jun 2014 – present"),
        (PartialDate(2014), PartialDate(2016, 2), "2014 – Feb 2016"),
        (PartialDate(2014, 6), PartialDate(2014, 6), "Jun 2014"),
        (None, PRESENT, "present"),
        (None, None, ""),
    ],
)
def test_format_period(start: PartialDate | None, end: object, expected: str) -> None:
    assert format_period(start, end) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "rtl"),
    [("مرحبا", True), ("  (1) שלום", True), ("Hello مرحبا", False), ("123", False)],
)
def test_is_rtl(text: str, rtl: bool) -> None:
    assert is_rtl(text) is rtl


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://x.org", "https://x.org"),
        ("mailto:a@b.c", "mailto:a@b.c"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        (None, None),
    ],
)
def test_safe_href(url: str | None, safe: str | None) -> None:
    assert safe_href(url) == safe


def test_target_ordering_puts_relevant_highlights_and_skills_first() -> None:
    job = Job(
        id="j",
        title="Analyst",
        start=PartialDate(2020),
        highlights=["Organised the office party.", "Built statistical models in Python."],
        skills=["Event planning", "Statistics"],
    )
    document = tailored_cv(Career((job,), Person(name="A")), CvOptions(), TODAY)
    ordered = order_by_target(document, {"statistic", "model", "python"})
    role = ordered.employers[0].roles[0]
    assert role.highlights[0].startswith("Built statistical")
    assert role.skills[0] == "Statistics"
    assert ordered.skills[0].name == "Statistics"


def test_trim_steps_shrink_and_keep_the_newest_role() -> None:
    document = tailored_cv(long_career(), CvOptions(), TODAY)
    sizes = [estimated_pages(document)]
    last = document
    for version in trim_steps(document):
        lines = sum(len(r.highlights) + 1 for e in version.employers for r in e.roles)
        before = sum(len(r.highlights) + 1 for e in last.employers for r in e.roles)
        assert lines <= before
        sizes.append(estimated_pages(version))
        last = version
    assert [r.title for e in last.employers for r in e.roles] == ["Engineer level 15"]
    assert sizes == sorted(sizes, reverse=True)


def test_fifteen_jobs_fit_one_pdf_page() -> None:
    career = long_career(15)
    assert pdf_pages(render_cv(career, "pdf", today=TODAY)) > 1
    for design in ("classic", "modern"):
        pdf = render_cv(career, "pdf", CvOptions(design=design, max_pages=1), TODAY)
        assert pdf_pages(pdf) == 1 == page_count(pdf)
        text = pdf_text(pdf)
        assert "Engineer level 15" in text and "Company 15" in text  # the newest stays
        assert "Engineer level 1 " not in text + " "  # the oldest goes first
        assert "Trimmed to fit 1 page" in text


def test_two_page_budget_keeps_more_than_one_page_budget() -> None:
    career = long_career(15)
    one = pdf_text(render_cv(career, "pdf", CvOptions(max_pages=1), TODAY))
    two_pdf = render_cv(career, "pdf", CvOptions(max_pages=2), TODAY)
    assert pdf_pages(two_pdf) <= 2
    assert pdf_text(two_pdf).count("Engineer level") > one.count("Engineer level")


def test_max_pages_for_text_formats_uses_an_estimate() -> None:
    markdown = render_cv(long_career(15), "md", CvOptions(max_pages=1), date(2026, 1, 1))
    assert b"Engineer level 15" in markdown
    assert markdown.count(b"Engineer level") < 15
