"""The CSV dialect of LinkedIn's export: its encodings, its preamble lines and its dates."""

import codecs
import csv
import io
import re
from dataclasses import dataclass, field

from careerset.errors import UserError
from careerset.model.dates import PartialDate

# LinkedIn writes English month names whatever the member's language.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_YEAR = re.compile(r"^(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,? (\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([a-z]+)\.?,? (\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.? (\d{1,2}),? (\d{4})$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
# Timestamps ("2021-04-02 10:11:12 UTC", "3/15/24, 10:11 AM") are dated by their day.
_TIME = re.compile(
    r"(?:,?\s+|t)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]m)?(?:\s*(?:utc|z|gmt|[+-]\d{2}:?\d{2}))?$"
)
# Header rows are found among the first lines; LinkedIn puts a few "Notes:" lines first.
_HEADER_SEARCH = 20


def decode_csv(data: bytes, name: str) -> str:
    """The text of one export file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    elif len(data) >= 4 and data[1:4:2] == b"\0\0" and data[0:3:2] != b"\0\0":
        # UTF-16 without a BOM still betrays itself by a NUL after each ASCII byte.
        encodings = ("utf-16-le", "utf-8", "cp1252", "latin-1")
    else:
        encodings = ("utf-8", "cp1252", "latin-1")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"{name} is not text in an encoding careerset knows; save it as UTF-8.")


def header_key(text: str) -> str:
    """A column name as compared: case, spaces and a stray BOM do not matter."""
    return " ".join(text.replace("\ufeff", "").split()).casefold()


@dataclass(frozen=True)
class CsvRow:
    """One data row: values by header key, and columns careerset does not know by their name."""

    file: str
    line: int
    values: dict[str, str]
    unknown: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> str:
        """The trimmed value of a column; empty when the column or the value is missing."""
        return self.values.get(column, "").strip()

    def where(self, column: str) -> str:
        return f"{self.file} line {self.line}, column '{column}'"


def read_rows(text: str, name: str, known: frozenset[str]) -> list[CsvRow]:
    """Rows under the first line that names a known column; blank rows are skipped."""
    # One line-ending style inside values too: LinkedIn writes CRLF, editors sometimes CR alone.
    text = text.replace("\0", "").replace("\r\n", "\n").replace("\r", "\n")
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise UserError(f"{name} is not a readable CSV file ({str(error)[:80]}).") from None
    header_at = None
    for index, cells in enumerate(lines[:_HEADER_SEARCH]):
        if any(header_key(cell) in known for cell in cells):
            header_at = index
            break
    if header_at is None:
        if not any(cell.strip() for cells in lines for cell in cells):
            return []
        sample = ", ".join(sorted(known)[:3])
        raise UserError(f"{name} has no header row with LinkedIn's columns (such as {sample}).")
    header = [header_key(cell) for cell in lines[header_at]]
    names = [cell.strip() for cell in lines[header_at]]
    rows: list[CsvRow] = []
    for offset, cells in enumerate(lines[header_at + 1 :], start=header_at + 2):
        if not any(cell.strip() for cell in cells):
            continue
        values: dict[str, str] = {}
        unknown: dict[str, str] = {}
        for key, title, cell in zip(header, names, cells, strict=False):
            if not key or key in values:
                continue
            values[key] = cell
            if key not in known and cell.strip():
                unknown[title[:100]] = cell.strip()
        rows.append(CsvRow(name, offset, values, unknown))
    return rows


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        # Two-digit years come from US-style dates; LinkedIn began in 2003.
        return 2000 + value if value < 70 else 1900 + value
    return value


def _month(text: str) -> int | None:
    return _MONTHS.get(text)


def parse_date(raw: str, where: str) -> PartialDate | None:
    """A LinkedIn date ("Mar 2019", "2019", "15 Mar 2024", "Mar 15, 2019", ...); "" is None."""
    text = " ".join(raw.split()).casefold()
    if not text:
        return None
    text = _TIME.sub("", text)
    try:
        if match := _YEAR.match(text):
            return PartialDate(int(match.group(1)))
        if match := _ISO.match(text):
            year, month, day = match.groups()
            return PartialDate(int(year), int(month), int(day) if day else None)
        if (match := _MONTH_YEAR.match(text)) and _month(match.group(1)):
            return PartialDate(int(match.group(2)), _month(match.group(1)))
        if (match := _DAY_MONTH_YEAR.match(text)) and _month(match.group(2)):
            day, month_name, year = match.groups()
            return PartialDate(int(year), _month(month_name), int(day))
        if (match := _MONTH_DAY_YEAR.match(text)) and _month(match.group(1)):
            month_name, day, year = match.groups()
            return PartialDate(int(year), _month(month_name), int(day))
        if match := _US.match(text):
            month, day, year = match.groups()
            return PartialDate(_year(year), int(month), int(day))
    except ValueError as error:
        raise UserError(f"{where}: {error}.") from None
    shown = raw.strip()[:40]
    raise UserError(f"{where}: '{shown}' is not a date LinkedIn writes (such as Mar 2019).")
