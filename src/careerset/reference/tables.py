"""Read delimited release files (O*NET tab text, OEWS and ESCO CSV) by header name.

Releases add, drop and reorder columns, so callers name the columns they need and
everything else is ignored; `n/a` and empty cells become None.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from careerset.errors import UserError

# One wanted column: its header, or several accepted spellings of it (first match wins).
Column = str | tuple[str, ...]

# Some multi-line ESCO descriptions exceed csv's default 128 KiB field limit.
csv.field_size_limit(16 * 1024 * 1024)


@dataclass(frozen=True)
class InputFile:
    """One release file, on disk or inside a zip; `label` is what users see in messages."""

    label: str
    path: Path
    member: str | None = None

    def read_bytes(self) -> bytes:
        if self.member is None:
            return self.path.read_bytes()
        with zipfile.ZipFile(self.path) as archive:
            return archive.read(self.member)


@dataclass(frozen=True)
class Table:
    """Rows of the wanted columns (in the order asked) plus the input's sha256."""

    label: str
    rows: list[tuple[str | None, ...]]
    sha256: str


def decode(data: bytes) -> str:
    """Text of a release file; older O*NET releases are Windows-1252, newer UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _clean(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "n/a", "N/A") else value


def _find_column(header: list[str], column: Column) -> int | None:
    names = (column,) if isinstance(column, str) else column
    normalized = [name.strip().lower() for name in header]
    for name in names:
        if name.lower() in normalized:
            return normalized.index(name.lower())
    return None


def _column_name(column: Column) -> str:
    return column if isinstance(column, str) else column[0]


def read_table(
    source: InputFile,
    required: Sequence[Column],
    optional: Sequence[Column] = (),
    *,
    delimiter: str = "\t",
) -> Table:
    """Parse `source`, keeping `required` then `optional` columns; fail if a required one is absent.

    O*NET text files are tab-separated without quoting (cells may contain `"`), so quoting is
    only honoured for comma-separated files.
    """
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    text = io.StringIO(decode(data), newline="")
    if delimiter == ",":
        reader = csv.reader(text)
    else:
        reader = csv.reader(text, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None:
        raise UserError(f"{source.label} is empty; use an unmodified copy of the release file.")
    wanted = list(required) + list(optional)
    positions = [_find_column(header, column) for column in wanted]
    absent = [_column_name(c) for c, p in zip(required, positions, strict=False) if p is None]
    if absent:
        raise UserError(
            f"{source.label} lacks the column(s) {', '.join(repr(a) for a in absent)}; "
            "use an unmodified copy of the official release file."
        )
    rows: list[tuple[str | None, ...]] = []
    for record in reader:
        if not record or (len(record) == 1 and not record[0].strip()):
            continue
        rows.append(
            tuple(
                _clean(record[p]) if p is not None and p < len(record) else None for p in positions
            )
        )
    return Table(label=source.label, rows=rows, sha256=digest)


def to_float(value: str | None) -> float | None:
    """A number cell, or None for suppressed/flagged values (`*`, `#`, `-`)."""
    if value is None:
        return None
    try:
        return float(value.replace(",", ""))
    except ValueError:
        return None


def to_int(value: str | None) -> int | None:
    number = to_float(value)
    return None if number is None else int(number)
