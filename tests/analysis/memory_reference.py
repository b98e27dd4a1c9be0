"""The nurse, teacher, software and design world of the verdict tests, as an in-memory
`Reference` (see `in_memory_reference.py`); skills are named by the ids below.
"""

from __future__ import annotations

from collections.abc import Collection

import in_memory_reference  # type: ignore[import-not-found]
from in_memory_reference import (  # type: ignore[import-not-found]
    InMemoryReference,
    OccupationData,
    ReferenceWorld,
)

SKILLS = (
    "reading",
    "science",
    "service",
    "programming",
    "design",
    "equipment",
    "coordination",
    "mathematics",
)
# This world has no knowledge ratings.
ALL_FEATURES = in_memory_reference.ALL_FEATURES - {"knowledge"}


def _o(
    code: str,
    title: str,
    riasec: tuple[float, float, float, float, float, float],
    holland: str,
    zone: int,
    median: float,
    skills: tuple[float, ...],
    technology: str = "",
    related: dict[str, str] | None = None,
) -> OccupationData:
    """One occupation; each skill's importance and level are the same number."""
    return OccupationData(
        code,
        title,
        riasec,
        zone,
        median,
        {name: (value, value) for name, value in zip(SKILLS, skills, strict=True)},
        technology=tuple(
            (name, False, False) for name in sorted(set(technology.split(",")) - {""})
        ),
        related=related or {},
        holland=holland,
    )


PS, PL, SUP = "Primary-Short", "Primary-Long", "Supplemental"
# skills:            read sci  serv prog desg equip coord math
OCCUPATIONS = {
    o.code: o
    for o in (
        _o(
            "41-2011.00",
            "Cashiers",
            (2.8, 1.0, 1.0, 2.7, 3.7, 6.1),
            "CE",
            2,
            33000,
            (2.5, 1.2, 3.6, 1.0, 1.0, 1.5, 2.0, 2.5),
            "POS software,Spreadsheets",
        ),
        _o(
            "31-1131.00",
            "Nursing Assistants",
            (4.6, 2.7, 1.0, 5.7, 1.8, 4.2),
            "SRC",
            3,
            42000,
            (3.0, 2.6, 4.0, 1.0, 1.0, 2.0, 3.2, 1.8),
            "Charting software",
            related={"29-1141.00": PS, "29-1171.00": SUP},
        ),
        _o(
            "29-1141.00",
            "Registered Nurses",
            (3.7, 4.8, 1.3, 5.6, 2.3, 4.6),
            "SIC",
            4,
            97500,
            (3.9, 3.6, 4.2, 1.1, 1.2, 2.2, 3.9, 2.5),
            "Charting software,Medical software",
            related={"29-1171.00": PS, "31-1131.00": PL},
        ),
        _o(
            "29-1171.00",
            "Nurse Practitioners",
            (3.7, 5.5, 1.3, 5.4, 2.1, 4.3),
            "ISC",
            5,
            132000,
            (4.2, 4.2, 4.0, 1.1, 1.3, 2.0, 3.8, 2.8),
            "Medical software,Charting software",
            related={"29-1141.00": PS},
        ),
        _o(
            "25-2021.00",
            "Elementary School Teachers",
            (2.6, 3.4, 4.0, 7.0, 2.6, 3.5),
            "SA",
            4,
            64000,
            (4.0, 2.4, 3.3, 1.0, 1.6, 1.0, 3.0, 3.0),
            "Learning management systems",
        ),
        _o(
            "15-1253.00",
            "Software Quality Assurance Analysts",
            (3.5, 5.6, 1.9, 1.8, 2.4, 5.9),
            "CIR",
            4,
            102000,
            (3.6, 2.2, 2.1, 4.0, 3.2, 1.2, 2.0, 3.4),
            "Python,Selenium,SQL,Git",
            related={"15-1252.00": PS},
        ),
        _o(
            "15-1252.00",
            "Software Developers",
            (3.9, 5.9, 2.3, 1.9, 1.9, 5.5),
            "ICR",
            4,
            136000,
            (3.8, 2.4, 2.0, 4.6, 3.8, 1.1, 2.2, 3.5),
            "Python,Git,SQL,Cloud platforms",
            related={"15-1253.00": PS},
        ),
        _o(
            "35-3023.01",
            "Baristas",
            (3.6, 1.2, 2.0, 3.9, 3.9, 4.1),
            "CES",
            1,
            31000,
            (2.2, 1.0, 3.8, 1.0, 1.0, 2.1, 2.3, 1.8),
            "POS software",
        ),
        _o(
            "43-4121.00",
            "Library Assistants, Clerical",
            (2.5, 2.2, 2.4, 3.5, 1.7, 6.4),
            "CS",
            2,
            36000,
            (3.4, 1.3, 3.2, 1.3, 1.2, 1.3, 2.2, 2.0),
            "Library software,Spreadsheets",
        ),
        _o(
            "17-2051.00",
            "Civil Engineers",
            (5.1, 5.6, 2.9, 1.8, 2.9, 4.3),
            "RIC",
            4,
            99000,
            (4.0, 3.8, 1.8, 2.4, 4.2, 2.0, 2.8, 4.2),
            "AutoCAD,GIS software,Spreadsheets",
        ),
        _o(
            "27-1024.00",
            "Graphic Designers",
            (3.2, 2.8, 7.0, 2.3, 3.6, 3.8),
            "A",
            4,
            63000,
            (3.4, 1.3, 2.6, 1.7, 4.6, 1.4, 2.6, 2.0),
            "Adobe Illustrator,Figma,Adobe Photoshop",
            related={"27-1011.00": PS},
        ),
        _o(
            "27-1011.00",
            "Art Directors",
            (2.2, 2.5, 6.9, 3.0, 5.9, 3.3),
            "AE",
            4,
            111000,
            (3.7, 1.2, 3.0, 1.5, 4.5, 1.2, 3.8, 2.0),
            "Adobe Illustrator,Figma,Project software",
            related={"27-1024.00": PS},
        ),
        _o(
            "53-3031.00",
            "Driver/Sales Workers",
            (5.6, 1.3, 1.0, 3.0, 4.1, 3.9),
            "REC",
            2,
            37000,
            (2.2, 1.1, 3.3, 1.0, 1.0, 3.4, 2.0, 2.0),
            "Route software",
        ),
        _o(
            "35-2014.00",
            "Cooks, Restaurant",
            (5.8, 1.4, 2.5, 2.8, 3.8, 4.3),
            "RCE",
            2,
            37000,
            (2.0, 1.3, 2.5, 1.0, 1.4, 3.5, 2.9, 1.8),
            "POS software",
        ),
        _o(
            "41-2031.00",
            "Retail Salespersons",
            (3.3, 1.0, 2.1, 3.0, 6.1, 5.0),
            "EC",
            2,
            35000,
            (2.6, 1.1, 3.9, 1.0, 1.2, 1.4, 2.2, 2.2),
            "POS software",
            related={"41-2011.00": PL},
        ),
        _o(
            "53-7065.00",
            "Stockers and Order Fillers",
            (5.2, 1.2, 1.0, 2.2, 2.5, 5.1),
            "RC",
            1,
            37000,
            (2.0, 1.0, 2.3, 1.0, 1.0, 3.2, 2.4, 1.8),
            "Inventory software",
        ),
    )
}
WORLD = ReferenceWorld(OCCUPATIONS, wage_ratios={10: 0.7, 25: 0.85, 50: 1.0, 75: 1.2, 90: 1.45})


class MemoryReference(InMemoryReference):
    """The `Reference` Protocol over `OCCUPATIONS`; only `features` are present."""

    def __init__(self, features: Collection[str] = ALL_FEATURES) -> None:
        super().__init__(WORLD, features)
