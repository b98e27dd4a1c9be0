"""The assessment timeline's year axis: ticks inside the span, at most about eight labels."""

from datetime import date

from fastapi.testclient import TestClient

from careerset.web.routes.assessment import MAX_TICKS, SCALE, year_ticks

from .web_helpers import Token, add  # type: ignore[import-not-found]


def test_every_year_inside_a_short_span_is_a_tick() -> None:
    ticks = year_ticks(date(2019, 3, 1), date(2022, 6, 1))
    assert [t.year for t in ticks] == [2020, 2021, 2022]
    assert all(0 < t.x < SCALE for t in ticks)
    assert [t.x for t in ticks] == sorted(t.x for t in ticks)
    # 1 January 2020 is 306 days into a 1188-day span.
    assert ticks[0].x == round(SCALE * 306 / 1188)


def test_a_long_span_labels_every_fifth_year() -> None:
    ticks = year_ticks(date(1991, 6, 1), date(2026, 11, 1))
    assert len(ticks) <= MAX_TICKS
    assert [t.year for t in ticks] == [1995, 2000, 2005, 2010, 2015, 2020, 2025]


def test_a_span_inside_one_year_has_no_ticks() -> None:
    assert year_ticks(date(2024, 2, 1), date(2024, 9, 1)) == []


def test_the_assessment_page_shows_the_years(client: TestClient, token: Token) -> None:
    csrf = token()
    add(client, csrf, "job", title="Cashier", organization="Shop", start="2015-01", end="2017-06")
    add(client, csrf, "job", title="Nurse", organization="Clinic", start="2017-07", end="2021-12")
    page = client.get("/assessment").text
    axis = page[page.index('class="timeline-years"') :]
    assert [year in axis for year in ("2016", "2018", "2020")] == [True, True, True]
    assert page.count('class="tick"') == 2 * 6  # 2016 to 2021 on each of the two tracks
