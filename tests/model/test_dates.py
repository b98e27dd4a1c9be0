"""Partial dates: parsing, impossible dates, ordering and the present marker."""

from datetime import date

import pytest
from pydantic import BaseModel

from careerset.model.dates import PRESENT, EndDate, PartialDate, check_order, end_day


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2019-03", date(2019, 3, 1), date(2019, 3, 31)),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
        ("2019-03-14", date(2019, 3, 14), date(2019, 3, 14)),
        (" 2024-12 ", date(2024, 12, 1), date(2024, 12, 31)),
    ],
)
def test_parse_gives_the_days_it_covers(text: str, first: date, last: date) -> None:
    parsed = PartialDate.parse(text)
    assert (parsed.first_day(), parsed.last_day()) == (first, last)
    assert str(parsed) == text.strip()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-02-30", "has no day 30"),
        ("2019-13", "month 13 does not exist"),
        ("2021-02-29", "has no day 29"),
        ("19-03", "is not a date"),
        ("March 2019", "is not a date"),
        ("0999", "out of range"),
        ("", "is not a date"),
    ],
)
def test_impossible_dates_are_rejected_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(text)


def test_ordering_puts_coarser_dates_first_on_the_same_day() -> None:
    dates = [PartialDate.parse(t) for t in ["2019-03-02", "2019", "2018-12", "2019-03"]]
    assert [str(d) for d in sorted(dates)] == ["2018-12", "2019", "2019-03", "2019-03-02"]


def test_present_ends_today_and_unknown_stays_unknown() -> None:
    today = date(2026, 11, 28)
    assert end_day(PRESENT, today) == today
    assert end_day(None, today) is None
    assert end_day(PartialDate(2020, 5), today) == date(2020, 5, 31)


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        ("2019-03", "2019-03", True),
        ("2019-03-15", "2019-03", True),
        ("2019-04", "2019-03", False),
        ("2019", "2018-12-31", False),
        ("2019", PRESENT, True),
    ],
)
def test_end_before_start(start: str, end: str, ok: bool) -> None:
    end_value: EndDate = end if end == PRESENT else PartialDate.parse(end)  # type: ignore[assignment]
    if ok:
        check_order(PartialDate.parse(start), end_value)
    else:
        with pytest.raises(ValueError, match="before the start"):
            check_order(PartialDate.parse(start), end_value)


class _Holder(BaseModel):
    when: PartialDate
    until: EndDate | None = None


def test_pydantic_round_trip_as_text() -> None:
    holder = _Holder.model_validate({"when": "2019-03", "until": "present"})
    assert holder.model_dump(mode="json") == {"when": "2019-03", "until": "present"}
    assert _Holder.model_validate({"when": 2019}).when == PartialDate(2019)
