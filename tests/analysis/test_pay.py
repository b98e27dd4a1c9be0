"""Pay annualised from its basis, restated in 2025 dollars and placed in OEWS percentiles."""

from datetime import date
from typing import Any

import pytest

from careerset.analysis.pay import annualise, deflator, real_annual, wage_percentile
from careerset.facts.profile import Wages
from careerset.model.entries import Job

TODAY = date(2025, 6, 1)


def _job(**fields: Any) -> Job:
    return Job(title="Work", start="2024-01", end="2024-12", **{"pay_currency": "USD", **fields})


@pytest.mark.parametrize(
    ("fields", "earned", "full_time"),
    [
        ({"pay_amount": 20, "pay_basis": "hourly", "hours_per_week": 40}, 41600, 41600),
        ({"pay_amount": 20, "pay_basis": "hourly", "hours_per_week": 20}, 20800, 41600),
        ({"pay_amount": 20, "pay_basis": "hourly", "schedule": "part-time"}, 20800, 41600),
        ({"pay_amount": 900, "pay_basis": "weekly"}, 46800, 46800),
        ({"pay_amount": 4000, "pay_basis": "monthly"}, 48000, 48000),
        ({"pay_amount": 60000, "pay_basis": "salary"}, 60000, 60000),
        (
            {
                "pay_amount": 30000,
                "pay_basis": "salary",
                "schedule": "part-time",
                "hours_per_week": 20,
            },
            30000,
            60000,
        ),
        ({"pay_amount": 50000, "pay_basis": "commission"}, 50000, 50000),
        ({"pay_basis": "unpaid"}, 0, 0),
    ],
)
def test_annualise(fields: dict[str, Any], earned: float, full_time: float) -> None:
    pay = annualise(_job(**fields), TODAY)
    assert pay is not None
    assert pay.earned == pytest.approx(earned)
    assert pay.full_time_equivalent == pytest.approx(full_time)


def test_a_summer_stipend_is_spread_over_its_months() -> None:
    job = Job(title="Intern", start="2024-06", end="2024-08", pay_amount=6000, pay_basis="stipend")
    pay = annualise(job, TODAY)
    assert pay is not None and pay.earned == pytest.approx(24000, rel=0.02)


def test_unknown_pay_is_none() -> None:
    assert annualise(_job(pay_amount=10), TODAY) is None
    assert annualise(_job(pay_basis="hourly"), TODAY) is None


def test_older_pay_is_worth_more_in_2025_dollars() -> None:
    assert deflator(2025) == 1.0
    assert deflator(2010) == pytest.approx(321.5 / 218.056)
    assert deflator(1900) == deflator(1980) and deflator(2100) == 1.0
    job = Job(
        title="x",
        start="2010-01",
        end="2010-12",
        pay_amount=50000,
        pay_basis="salary",
        pay_currency="USD",
    )
    pay = annualise(job, TODAY)
    assert pay is not None and real_annual(job, pay, TODAY) == pytest.approx(50000 * deflator(2010))


def test_other_currencies_are_not_restated() -> None:
    job = _job(pay_amount=50000, pay_basis="salary", pay_currency="EUR")
    pay = annualise(job, TODAY)
    assert pay is not None and real_annual(job, pay, TODAY) is None


WAGES = Wages(
    "29-1141",
    "29-1141",
    "Registered Nurses",
    1,
    100000.0,
    48.0,
    {10: 60000.0, 25: 80000.0, 50: 100000.0, 75: 120000.0, 90: 140000.0},
    {},
)


@pytest.mark.parametrize(
    ("amount", "percentile"),
    [(100000, 50), (90000, 37.5), (60000, 10), (30000, 5), (140000, 90), (130000, 82.5)],
)
def test_wage_percentile_interpolates(amount: float, percentile: float) -> None:
    assert wage_percentile(amount, WAGES) == pytest.approx(percentile)


def test_wage_percentile_above_the_90th_stays_below_100() -> None:
    value = wage_percentile(500000, WAGES)
    assert value is not None and 90 < value <= 99
