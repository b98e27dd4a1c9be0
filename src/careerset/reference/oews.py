"""Import the BLS OEWS national wage file (employment and wage percentiles by SOC code).

Both the official column names (OCC_CODE, A_MEDIAN, ...) and the spelled-out headers of
the embedded CSV are accepted; suppressed cells (`*`, `**`, `#`) become None.
"""

from __future__ import annotations

import re
import sqlite3

from careerset.reference.onet import Loaded
from careerset.reference.tables import InputFile, read_table, to_float, to_int

PERCENTILES = (10, 25, 50, 75, 90)
_ORDINAL = {10: "10th", 25: "25th", 75: "75th", 90: "90th"}
_SOC = re.compile(r"^\d\d-\d{4}$")


def _percentile_column(basis: str, percentile: int) -> tuple[str, ...]:
    """Header spellings of one percentile column; basis is "Annual" or "Hourly"."""
    prefix = basis[0]
    if percentile == 50:
        return (f"{basis} median wage", f"{prefix}_MEDIAN")
    return (f"{basis} {_ORDINAL[percentile]} percentile wage", f"{prefix}_PCT{percentile}")


COLUMNS: list[tuple[str, ...]] = [
    ("soc_code", "OCC_CODE"),
    ("occupation_title", "OCC_TITLE"),
    ("Employment", "TOT_EMP"),
    ("Annual mean wage", "A_MEAN"),
    ("Hourly mean wage", "H_MEAN"),
    *[_percentile_column("Annual", p) for p in PERCENTILES],
    *[_percentile_column("Hourly", p) for p in PERCENTILES],
]


def import_oews(db: sqlite3.Connection, source: InputFile) -> Loaded:
    """Load national wages; rows whose code is not a SOC code (e.g. headers, notes) are skipped."""
    delimiter = "\t" if source.label.lower().endswith(".txt") else ","
    table = read_table(source, COLUMNS[:2], COLUMNS[2:], delimiter=delimiter)
    rows = []
    for soc_code, title, employment, *figures in table.rows:
        if soc_code is None or not _SOC.match(soc_code):
            continue
        rows.append((soc_code, title or soc_code, to_int(employment), *map(to_float, figures)))
    db.executemany(
        "INSERT OR REPLACE INTO wage (soc_code, title, employment, annual_mean, hourly_mean,"
        " annual_10, annual_25, annual_50, annual_75, annual_90,"
        " hourly_10, hourly_25, hourly_50, hourly_75, hourly_90)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    return Loaded(file=table.label, rows=len(rows), sha256=table.sha256)
