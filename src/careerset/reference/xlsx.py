"""Read the first worksheet of an .xlsx workbook as rows, using only zipfile and ElementTree.

BLS publishes the national OEWS file only as Excel; this avoids a spreadsheet dependency for
one small table. Formulas, styles and dates are not interpreted (the wage table has none).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from careerset.errors import UserError

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_COLUMN = re.compile(r"^([A-Z]+)")


def _column_index(reference: str) -> int:
    letters = _COLUMN.match(reference)
    if letters is None:
        return 0
    index = 0
    for letter in letters.group(1):
        index = index * 26 + (ord(letter) - ord("A") + 1)
    return index - 1


def _text(element: ElementTree.Element) -> str:
    # Rich-text strings split their text over several <t> runs.
    return "".join(node.text or "" for node in element.iter(f"{_NS}t"))


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    return [_text(item) for item in root.iter(f"{_NS}si")]


def _first_sheet(archive: zipfile.ZipFile) -> str:
    sheets = sorted(
        name
        for name in archive.namelist()
        if name.startswith("xl/worksheets/") and name.endswith(".xml")
    )
    if "xl/worksheets/sheet1.xml" in sheets:
        return "xl/worksheets/sheet1.xml"
    if not sheets:
        raise UserError("The workbook has no worksheet; download the OEWS file again.")
    return sheets[0]


def _cell_value(cell: ElementTree.Element, shared: list[str]) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        inline = cell.find(f"{_NS}is")
        return _text(inline) if inline is not None else ""
    value = cell.find(f"{_NS}v")
    raw = value.text if value is not None and value.text is not None else ""
    if kind == "s" and raw:
        return shared[int(raw)]
    return raw


def read_rows(data: bytes) -> list[list[str]]:
    """All rows of the first worksheet, as strings, with gaps for empty cells."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            shared = _shared_strings(archive)
            root = ElementTree.fromstring(archive.read(_first_sheet(archive)))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise UserError("The OEWS workbook is damaged; download it again.") from None
    rows: list[list[str]] = []
    for row in root.iter(f"{_NS}row"):
        values: list[str] = []
        for cell in row.iter(f"{_NS}c"):
            position = _column_index(cell.get("r", "")) if cell.get("r") else len(values)
            values.extend([""] * (position - len(values)))
            values.append(_cell_value(cell, shared))
        rows.append(values)
    return rows


def xlsx_to_csv(data: bytes, target: Path) -> Path:
    """Write the first worksheet of workbook bytes `data` as a CSV file at `target`."""
    with target.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(read_rows(data))
    return target
