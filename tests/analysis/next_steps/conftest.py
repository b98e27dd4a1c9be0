"""A tiny in-memory Reference over six hand-written occupations, and the real pack opened once."""

from collections.abc import Collection, Iterator
from datetime import date
from pathlib import Path

import pytest

from careerset.model.career import Career
from careerset.model.entries import Certification, Education, InterestProfile, Job, Skill
from careerset.reference.query import ReferencePack, open_reference
from in_memory_reference import (  # type: ignore[import-not-found]
    InMemoryReference,
    OccupationData,
    ReferenceWorld,
)

TODAY = date(2026, 11, 1)

SKILL_NAMES = {
    "2.B.3.e": "Programming",
    "2.A.1.e": "Mathematics",
    "2.A.1.c": "Writing",
    "2.A.1.d": "Speaking",
    "2.B.3.l": "Repairing",
    "2.B.1.e": "Instructing",
}
KNOWLEDGE_NAMES = {"2.C.3.c": "Design", "2.C.3.a": "Computers and Electronics"}

# code: (title, zone, median wage, RIASEC 1-7, skills {id: (importance, level)},
#        knowledge {id: (importance, level)}, technologies [(name, hot, in_demand)])
OCCUPATIONS: dict[str, tuple] = {
    "15-0001.00": (
        "Analysts",
        4,
        90000.0,
        (1.5, 6.0, 2.0, 2.5, 3.5, 5.5),
        {
            "2.B.3.e": (2.5, 2.5),
            "2.A.1.e": (4.5, 4.5),
            "2.A.1.c": (3.0, 3.0),
            "2.A.1.d": (2.5, 2.5),
            "2.B.3.l": (1.0, 0.5),
            "2.B.1.e": (1.5, 1.5),
        },
        {"2.C.3.a": (3.0, 3.5), "2.C.3.c": (1.5, 1.0)},
        [("Structured query language SQL", True, True), ("Microsoft Excel", True, True)],
    ),
    "15-0002.00": (
        "Data Engineers",
        4,
        110000.0,
        (2.0, 6.0, 1.5, 1.5, 2.5, 5.0),
        {
            "2.B.3.e": (4.0, 4.0),
            "2.A.1.e": (4.0, 4.0),
            "2.A.1.c": (3.0, 3.0),
            "2.A.1.d": (2.5, 2.5),
            "2.B.3.l": (1.0, 0.5),
            "2.B.1.e": (1.5, 1.5),
        },
        {"2.C.3.a": (4.0, 4.5), "2.C.3.c": (1.5, 1.0)},
        [("Structured query language SQL", True, True), ("Python", True, True)],
    ),
    "15-0003.00": (
        "Programmers",
        4,
        100000.0,
        (2.0, 6.5, 2.0, 1.5, 2.0, 5.0),
        {
            "2.B.3.e": (5.0, 5.0),
            "2.A.1.e": (3.0, 3.0),
            "2.A.1.c": (2.5, 2.5),
            "2.A.1.d": (2.0, 2.0),
            "2.B.3.l": (1.0, 1.0),
            "2.B.1.e": (1.0, 1.0),
        },
        {"2.C.3.a": (4.5, 5.5), "2.C.3.c": (2.0, 2.0)},
        [
            ("Python", True, True),
            ("Git", True, False),
            ("Structured query language SQL", True, True),
        ],
    ),
    "47-0001.00": (
        "Mechanics",
        2,
        50000.0,
        (6.5, 3.0, 1.0, 2.0, 2.0, 3.0),
        {
            "2.B.3.e": (1.0, 0.5),
            "2.A.1.e": (2.0, 2.0),
            "2.A.1.c": (1.5, 1.0),
            "2.A.1.d": (2.0, 2.0),
            "2.B.3.l": (5.0, 5.0),
            "2.B.1.e": (1.5, 1.0),
        },
        {"2.C.3.a": (2.0, 2.0), "2.C.3.c": (1.5, 1.5)},
        [("Diagnostic software", False, False)],
    ),
    "25-0001.00": (
        "Teachers",
        5,
        65000.0,
        (1.5, 3.0, 3.5, 6.5, 3.0, 2.5),
        {
            "2.B.3.e": (1.5, 1.0),
            "2.A.1.e": (3.0, 3.0),
            "2.A.1.c": (4.0, 4.0),
            "2.A.1.d": (4.5, 4.5),
            "2.B.3.l": (1.0, 0.5),
            "2.B.1.e": (5.0, 5.0),
        },
        {"2.C.3.a": (2.0, 2.0), "2.C.3.c": (1.5, 1.0)},
        [("Learning management system LMS", True, False)],
    ),
    "27-0001.00": (
        "Graphic Designers",
        3,
        60000.0,
        (1.5, 2.0, 6.8, 2.5, 3.5, 2.0),
        {
            "2.B.3.e": (2.0, 2.0),
            "2.A.1.e": (2.0, 2.0),
            "2.A.1.c": (3.0, 3.0),
            "2.A.1.d": (3.0, 3.0),
            "2.B.3.l": (1.0, 1.0),
            "2.B.1.e": (2.0, 2.0),
        },
        {"2.C.3.a": (3.0, 3.0), "2.C.3.c": (5.0, 5.5)},
        [("Adobe Photoshop", True, True)],
    ),
}
RELATED = {
    "15-0001.00": (("15-0002.00", "Primary-Short"),),
    "15-0002.00": (("15-0003.00", "Primary-Short"), ("15-0001.00", "Primary-Long")),
}


WORLD = ReferenceWorld(
    {
        code: OccupationData(
            code,
            title,
            riasec,
            zone,
            median,
            skills,
            knowledge,
            tuple(technology),
            related=dict(RELATED.get(code, ())),
            description=f"{title} work.",
        )
        for code, (title, zone, median, riasec, skills, knowledge, technology) in OCCUPATIONS.items()
    },
    element_names=SKILL_NAMES | KNOWLEDGE_NAMES,
)


class TinyReference(InMemoryReference):
    """The six occupations above, as a real (in-memory) Reference."""

    def __init__(self, features: Collection[str] | None = None) -> None:
        super().__init__(WORLD, features)


@pytest.fixture
def tiny() -> TinyReference:
    """A fresh tiny reference (fresh, so per-reference caches never leak between tests)."""
    return TinyReference()


@pytest.fixture
def make_tiny() -> type[TinyReference]:
    """The class itself, for tests that need a reference with some features missing."""
    return TinyReference


@pytest.fixture(scope="session")
def pack(reference_pack: Path) -> Iterator[ReferencePack]:
    """The real reference pack, opened once for the session (read-only)."""
    reference = open_reference(reference_pack)
    yield reference
    reference.close()


@pytest.fixture
def analyst_career() -> Career:
    """The issue's data analyst: two BI analyst jobs, SQL and Excel, a statistics certificate."""
    return Career.of(
        [
            Job(
                id="job1",
                title="BI Analyst",
                organization="Acme",
                start="2018-01",
                end="2021-06",
                occupation_code="15-2051.01",
            ),
            Job(
                id="job2",
                title="Senior BI Analyst",
                organization="Beta",
                start="2021-07",
                end="present",
                occupation_code="15-2051.01",
            ),
            Skill(id="sql", name="SQL", proficiency=4),
            Skill(id="excel", name="Excel", proficiency=5),
            Certification(
                id="stats", name="Statistics Certificate", issuer="Coursera", date="2020"
            ),
        ]
    )


@pytest.fixture
def designer_career() -> Career:
    """High Artistic interests and design evidence, no jobs yet."""
    return Career.of(
        [
            InterestProfile(
                id="riasec",
                realistic=8,
                investigative=12,
                artistic=36,
                social=14,
                enterprising=16,
                conventional=6,
            ),
            Skill(id="gd", name="Graphic design", proficiency=4),
            Skill(id="ps", name="Adobe Photoshop", proficiency=4),
            Skill(id="ty", name="Typography", proficiency=3),
            Education(
                id="bfa",
                institution="Art School",
                area="Graphic Design",
                study_type="Bachelor of Fine Arts",
            ),
        ]
    )
