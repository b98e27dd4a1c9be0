"""Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and the `present` end marker."""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

PRESENT: Literal["present"] = "present"
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day; ordered by its first possible day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        # JSON Resume's date pattern stops at 2999; a later year is always a typo.
        if not 1000 <= self.year <= 2999:
            raise ValueError(f"year {self.year} is out of range (1000-2999)")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"{self.year}-{self.month:02d} has no day {self.day}")

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is a ValueError."""
        match = _PATTERN.match(text.strip())
        if not match:
            raise ValueError(f"'{text[:40]}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: date) -> "PartialDate":
        return cls(value.year, value.month, value.day)

    def first_day(self) -> date:
        """The earliest day this partial date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day this partial date can mean."""
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, self.month, self.day)

    def sort_key(self) -> tuple[int, int, int]:
        """Order by first possible day; a coarser date sorts before a finer one on the same day."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: "PartialDate") -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: "PartialDate") -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: "PartialDate") -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: "PartialDate") -> bool:
        return self.sort_key() >= other.sort_key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: Any) -> "PartialDate":
            if isinstance(value, PartialDate):
                return value
            if isinstance(value, date):
                return cls.from_date(value)
            if isinstance(value, int) and not isinstance(value, bool):
                return cls(value)
            if isinstance(value, str):
                return cls.parse(value)
            raise ValueError("a date must be text such as 2019, 2019-03 or 2019-03-14")

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
            json_schema_input_schema=core_schema.str_schema(),
        )


EndDate = PartialDate | Literal["present"]


def end_day(end: EndDate | None, today: date) -> date | None:
    """The last day of a period's end: `present` means today, unknown stays unknown."""
    if end is None:
        return None
    if end == PRESENT:
        return today
    assert isinstance(end, PartialDate)
    return end.last_day()


def check_order(start: PartialDate | None, end: EndDate | None, what: str = "end") -> None:
    """Reject an end that lies wholly before its start."""
    if start is None or end is None or end == PRESENT:
        return
    assert isinstance(end, PartialDate)
    if end.last_day() < start.first_day():
        raise ValueError(f"the {what} date {end} is before the start date {start}")
