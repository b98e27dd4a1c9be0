"""Plain records the coder is built from, independent of where they were read.

A loader (raw files, the reference pack, a user's store) turns its data into a
`CodingSource`; the index only ever sees these records.
"""

from dataclasses import dataclass, field
from typing import Literal

TitleSource = Literal["title", "alternate", "reported", "confirmed", "bls", "task", "description"]

# Sources that name the occupation (matched as titles); the rest describe its work.
NAMING_SOURCES: frozenset[str] = frozenset({"title", "alternate", "reported", "confirmed", "bls"})


@dataclass(frozen=True, slots=True)
class TitleRecord:
    """One piece of text known to belong to one occupation code."""

    code: str
    text: str
    source: TitleSource


@dataclass(frozen=True, slots=True)
class CodingSource:
    """Everything needed to build an index for one classification scheme.

    `titles` maps each code to its official title; `employment` maps codes to a count
    of workers, used as a prior (codes without a count get the scheme's median).
    """

    scheme: str
    titles: dict[str, str]
    records: list[TitleRecord]
    employment: dict[str, float] = field(default_factory=dict)
    version: str = ""
