"""Careers with the verdicts a careful career coach would give each job, for the verdict tests.

Each case is a list of entries and the expected verdict per job id. The same cases run against
the hand-written in-memory reference and against the real pack built from ../shared/data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from careerset.model.career import Career
from careerset.model.entries import (
    Activity,
    Certification,
    Contact,
    Education,
    Entry,
    Goal,
    InterestProfile,
    Job,
)

TODAY = date(2025, 6, 1)
STEP, STONE, JOB = "career step", "stepping stone", "job"


def job(
    id: str, title: str, code: str | None, start: str | None, end: str | None, **more: Any
) -> Job:
    return Job(id=id, title=title, occupation_code=code, start=start, end=end, **more)


def interests(r: float, i: float, a: float, s: float, e: float, c: float) -> InterestProfile:
    return InterestProfile(
        id="interests",
        realistic=r,
        investigative=i,
        artistic=a,
        social=s,
        enterprising=e,
        conventional=c,
        source="profiler",
        date="2024-01",
    )


@dataclass(frozen=True)
class Case:
    name: str
    entries: tuple[Entry, ...]
    expected: dict[str, str]

    def career(self) -> Career:
        return Career.of(self.entries)


NURSE = Case(
    "nurse",
    (
        job(
            "cashier",
            "Cashier",
            "41-2011.00",
            "2010-06",
            "2011-08",
            employment_type="permanent",
            schedule="part-time",
            pay_amount=8.5,
            pay_currency="USD",
            pay_basis="hourly",
            hours_per_week=18,
            skills=["Cash handling", "Customer service"],
        ),
        job(
            "cna",
            "Nursing Assistant",
            "31-1131.00",
            "2011-09",
            "2014-06",
            employment_type="permanent",
            schedule="full-time",
            pay_amount=12.5,
            pay_currency="USD",
            pay_basis="hourly",
            hours_per_week=40,
            skills=["Patient care", "Vital signs"],
        ),
        job(
            "rn",
            "Registered Nurse",
            "29-1141.00",
            "2014-07",
            "2022-05",
            employment_type="permanent",
            pay_amount=72000,
            pay_currency="USD",
            pay_basis="salary",
            skills=["Patient assessment", "Medication administration"],
        ),
        job(
            "np",
            "Nurse Practitioner",
            "29-1171.00",
            "2022-06",
            "present",
            employment_type="permanent",
            pay_amount=125000,
            pay_currency="USD",
            pay_basis="salary",
            skills=["Diagnosis", "Prescribing"],
        ),
        Goal(
            id="goal",
            statement="Practise as a family nurse practitioner",
            target_codes=["29-1171.00"],
        ),
        interests(12, 31, 8, 36, 14, 20),
        Education(
            id="bsn",
            institution="State University",
            area="Nursing",
            study_type="BSN",
            start="2011-09",
            end="2014-05",
        ),
        Education(
            id="msn",
            institution="State University",
            area="Nursing",
            study_type="MSN",
            start="2019-09",
            end="2022-05",
        ),
        Certification(id="nclex", name="Registered Nurse licence (NCLEX-RN)", date="2014-07"),
    ),
    {"cashier": JOB, "cna": STEP, "rn": STEP, "np": STEP},
)

# A teacher who retrained as a software developer: teaching is off the new path but grew them.
CAREER_CHANGER = Case(
    "career changer",
    (
        job(
            "teacher",
            "Elementary School Teacher",
            "25-2021.00",
            "2009-09",
            "2014-06",
            employment_type="permanent",
            pay_amount=41000,
            pay_currency="USD",
            pay_basis="salary",
            skills=["Lesson planning", "Classroom management"],
        ),
        job(
            "lead-teacher",
            "Lead Teacher, Mathematics",
            "25-2021.00",
            "2014-07",
            "2018-06",
            employment_type="permanent",
            pay_amount=56000,
            pay_currency="USD",
            pay_basis="salary",
            skills=["Curriculum design", "Mentoring", "Data analysis"],
        ),
        job(
            "qa",
            "Junior QA Analyst",
            "15-1253.00",
            "2019-03",
            "2021-02",
            employment_type="permanent",
            pay_amount=62000,
            pay_currency="USD",
            pay_basis="salary",
            skills=["Test automation", "Python", "SQL"],
        ),
        job(
            "dev",
            "Software Developer",
            "15-1252.00",
            "2021-03",
            "present",
            employment_type="permanent",
            pay_amount=108000,
            pay_currency="USD",
            pay_basis="salary",
            skills=["Python", "APIs", "Cloud"],
        ),
        Education(
            id="bootcamp",
            institution="Code Academy",
            area="Software development",
            study_type="Bootcamp",
            start="2018-07",
            end="2019-02",
        ),
        Goal(id="goal", statement="Build software for a living", target_codes=["15-1252.00"]),
        interests(24, 34, 14, 18, 10, 28),
    ),
    {"teacher": JOB, "lead-teacher": STONE, "qa": STEP, "dev": STEP},
)

# A civil-engineering student paying for university with part-time service jobs.
STUDENT = Case(
    "student",
    (
        job(
            "barista",
            "Barista",
            "35-3023.01",
            "2021-09",
            "2023-05",
            employment_type="permanent",
            schedule="part-time",
            pay_amount=11,
            pay_currency="USD",
            pay_basis="hourly",
            hours_per_week=15,
            skills=["Customer service"],
        ),
        job(
            "library",
            "Library Assistant",
            "43-4121.00",
            "2023-06",
            "2024-05",
            employment_type="fixed-term",
            schedule="part-time",
            pay_amount=13,
            pay_currency="USD",
            pay_basis="hourly",
            hours_per_week=12,
        ),
        job(
            "intern",
            "Civil Engineering Intern",
            "17-2051.00",
            "2024-06",
            "2024-08",
            employment_type="internship",
            schedule="full-time",
            pay_amount=6000,
            pay_currency="USD",
            pay_basis="stipend",
            skills=["AutoCAD", "Surveying"],
        ),
        Education(
            id="bsc",
            institution="Tech University",
            area="Civil Engineering",
            study_type="BSc",
            start="2021-09",
            end="2025-05",
        ),
        Goal(id="goal", statement="Become a licensed civil engineer", target_codes=["17-2051.00"]),
        interests(30, 32, 12, 14, 12, 26),
    ),
    {"barista": JOB, "library": JOB, "intern": STEP},
)

# A freelance designer aiming at art direction, with a gig-driving spell for income.
FREELANCER = Case(
    "freelancer",
    (
        job(
            "junior",
            "Junior Graphic Designer",
            "27-1024.00",
            "2013-01",
            "2015-12",
            employment_type="permanent",
            pay_amount=38000,
            pay_currency="USD",
            pay_basis="salary",
            skills=["Illustrator", "Typography"],
        ),
        job(
            "freelance",
            "Graphic Designer",
            "27-1024.00",
            "2016-01",
            "present",
            employment_type="freelance",
            schedule="part-time",
            pay_amount=45,
            pay_currency="USD",
            pay_basis="hourly",
            hours_per_week=25,
            skills=["Branding", "Art direction", "Client management"],
        ),
        job(
            "driver",
            "Delivery Driver",
            "53-3031.00",
            "2016-03",
            "2018-06",
            employment_type="self-employed",
            schedule="part-time",
            pay_amount=400,
            pay_currency="USD",
            pay_basis="weekly",
            hours_per_week=20,
        ),
        Goal(
            id="goal", statement="Lead a design team as art director", target_codes=["27-1011.00"]
        ),
        interests(10, 14, 38, 18, 30, 12),
        Activity(id="a1", date="2025-05-19", activity_kind="course", hours=3, skills=["Figma"]),
        Activity(id="a2", date="2025-05-26", activity_kind="practice", hours=2),
    ),
    {"junior": STEP, "freelance": STEP, "driver": JOB},
)

# Someone whose goal (software development) is far from every job held so far.
FAR_FROM_GOAL = Case(
    "far from goal",
    (
        job(
            "cook",
            "Line Cook",
            "35-2014.00",
            "2012-04",
            "2016-03",
            employment_type="permanent",
            pay_amount=11,
            pay_currency="USD",
            pay_basis="hourly",
            hours_per_week=38,
        ),
        job(
            "retail",
            "Sales Associate",
            "41-2031.00",
            "2016-05",
            "2019-08",
            employment_type="permanent",
            pay_amount=12,
            pay_currency="USD",
            pay_basis="hourly",
            hours_per_week=35,
        ),
        job(
            "stock",
            "Stock Clerk",
            "53-7065.00",
            "2019-09",
            "present",
            employment_type="temporary",
            pay_amount=15,
            pay_currency="USD",
            pay_basis="hourly",
            hours_per_week=40,
        ),
        Goal(id="goal", statement="Become a software developer", target_codes=["15-1252.00"]),
        Contact(id="friend", name="Jo", relation="peer", met="2020-01"),
    ),
    {"cook": JOB, "retail": JOB, "stock": JOB},
)

CASES = (NURSE, CAREER_CHANGER, STUDENT, FREELANCER, FAR_FROM_GOAL)
