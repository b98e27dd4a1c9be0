"""Pay made comparable: annualised from its basis, in constant dollars, placed in OEWS percentiles.

OEWS wages are May 2025 US dollars, so pay from other years is restated in 2025 dollars with
the CPI-U before it is compared with them or with other jobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careerset.facts.profile import Wages
from careerset.model.career import entry_span
from careerset.model.dates import PRESENT, PartialDate
from careerset.model.entries import Job
from careerset.model.enums import PayBasis, Schedule

FULL_TIME_HOURS = 40.0
PART_TIME_HOURS = 20.0  # assumed when a part-time job gives no hours
WEEKS_PER_YEAR = 52
BASE_YEAR = 2025  # the OEWS release the wages come from

# CPI-U, US city average, all items, annual averages (1982-84 = 100), BLS series CUUR0000SA0.
# 2025 is the average of the months published so far; later years reuse it (no projection).
CPI_U = {
    1980: 82.4,
    1981: 90.9,
    1982: 96.5,
    1983: 99.6,
    1984: 103.9,
    1985: 107.6,
    1986: 109.6,
    1987: 113.6,
    1988: 118.3,
    1989: 124.0,
    1990: 130.7,
    1991: 136.2,
    1992: 140.3,
    1993: 144.5,
    1994: 148.2,
    1995: 152.4,
    1996: 156.9,
    1997: 160.5,
    1998: 163.0,
    1999: 166.6,
    2000: 172.2,
    2001: 177.1,
    2002: 179.9,
    2003: 184.0,
    2004: 188.9,
    2005: 195.3,
    2006: 201.6,
    2007: 207.342,
    2008: 215.303,
    2009: 214.537,
    2010: 218.056,
    2011: 224.939,
    2012: 229.594,
    2013: 232.957,
    2014: 236.736,
    2015: 237.017,
    2016: 240.007,
    2017: 245.120,
    2018: 251.107,
    2019: 255.657,
    2020: 258.811,
    2021: 270.970,
    2022: 292.655,
    2023: 304.702,
    2024: 313.689,
    2025: 321.5,
}


def deflator(year: int) -> float:
    """Multiply `year` dollars by this to get BASE_YEAR dollars (years outside the table clamp)."""
    year = min(max(year, min(CPI_U)), max(CPI_U))
    return CPI_U[BASE_YEAR] / CPI_U[year]


def weekly_hours(job: Job) -> float:
    """Stated hours, else what the schedule implies (full-time unless said otherwise)."""
    if job.hours_per_week:
        return job.hours_per_week
    return PART_TIME_HOURS if job.schedule == Schedule.PART_TIME else FULL_TIME_HOURS


def job_months(job: Job, today: date) -> float | None:
    """Length of the job in months, when its dates say."""
    span = entry_span(job, today)
    if span is None:
        return None
    return max(((span[1] - span[0]).days + 1) / 30.44, 0.5)


@dataclass(frozen=True)
class AnnualPay:
    """A job's pay per year: as earned, as a full-time equivalent, both in stated currency.

    `full_time_equivalent` is what the same rate would pay for 40 hours a week all year, the
    basis OEWS annual wages use; it is what gets compared, so part-time work is not mistaken
    for low pay.
    """

    earned: float
    full_time_equivalent: float
    currency: str
    basis: str
    estimated: bool


def annualise(job: Job, today: date) -> AnnualPay | None:
    """Pay per year from the job's basis; None when the amount or basis is unknown.

    Hourly x weekly hours x 52; weekly x 52; monthly x 12; salary as is. Stipends and
    commission are taken as totals for the job's stated period (a stipend for a summer
    internship is not a yearly rate) and spread over its months. Unpaid work earns 0.
    """
    basis = job.pay_basis
    if basis == PayBasis.UNPAID:
        return AnnualPay(0.0, 0.0, job.pay_currency or "USD", basis.value, False)
    if basis is None or job.pay_amount is None:
        return None
    amount, hours = job.pay_amount, weekly_hours(job)
    estimated = job.hours_per_week is None and basis in (PayBasis.HOURLY,)
    if basis == PayBasis.HOURLY:
        earned = amount * hours * WEEKS_PER_YEAR
    elif basis == PayBasis.WEEKLY:
        earned = amount * WEEKS_PER_YEAR
    elif basis == PayBasis.MONTHLY:
        earned = amount * 12
    elif basis == PayBasis.SALARY:
        earned = amount
    else:
        months = job_months(job, today)
        # A commission or stipend total with no period is read as a year's worth.
        earned = amount * 12 / months if months and months < 12 else amount
        estimated = True
    fte = earned * FULL_TIME_HOURS / hours if basis != PayBasis.SALARY else earned
    if basis == PayBasis.SALARY and job.schedule == Schedule.PART_TIME and job.hours_per_week:
        fte = earned * FULL_TIME_HOURS / job.hours_per_week
    return AnnualPay(
        round(earned, 2), round(fte, 2), job.pay_currency or "USD", basis.value, estimated
    )


def pay_year(job: Job, today: date) -> int:
    """The year whose prices the pay is in: the job's last year (pay is usually the latest rate)."""
    if isinstance(job.end, PartialDate):
        return job.end.year
    if job.end == PRESENT or job.start is None:
        return today.year
    return job.start.year


def real_annual(job: Job, pay: AnnualPay, today: date) -> float | None:
    """Full-time-equivalent pay in BASE_YEAR US dollars; None for other currencies."""
    if pay.currency != "USD":
        return None
    return round(pay.full_time_equivalent * deflator(pay_year(job, today)), 2)


def wage_percentile(amount: float, wages: Wages) -> float | None:
    """Where an annual amount sits in an occupation's OEWS distribution, 0-100.

    Linear between the published percentiles (10, 25, 50, 75, 90); below the 10th it falls
    toward 0 in proportion, above the 90th it rises toward 100 by the same spacing.
    """
    points = sorted((p, v) for p, v in wages.annual.items() if v)
    if not points:
        return None
    if amount <= points[0][1]:
        return round(points[0][0] * amount / points[0][1], 1)
    for (p1, v1), (p2, v2) in zip(points, points[1:], strict=False):
        if amount <= v2:
            return round(p1 + (p2 - p1) * (amount - v1) / (v2 - v1), 1) if v2 > v1 else float(p1)
    top_p, top_v = points[-1]
    return round(min(99.0, top_p + 10 * (amount - top_v) / top_v * 2), 1)


def median_annual(wages: Wages) -> float | None:
    """The occupation's OEWS median annual wage, or mean when the median is suppressed."""
    return wages.annual_median or wages.annual_mean
