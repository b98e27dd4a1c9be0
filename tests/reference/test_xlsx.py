"""The minimal .xlsx reader, and an install whose OEWS file is BLS-style Excel in a zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from careerset.errors import UserError
from careerset.reference.install import install_from_manifest
from careerset.reference.query import open_reference
from careerset.reference.xlsx import read_rows

from .helpers import (  # type: ignore[import-not-found]
    ONET_FIXTURE,
    ServerState,
    manifest,
    release_server,
    sha256,
    zip_folder,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADERS = ["OCC_CODE", "OCC_TITLE", "TOT_EMP", "A_MEDIAN", "H_MEDIAN"]


def _workbook() -> bytes:
    """A hand-written workbook: shared strings, an inline string, numbers and a gap (C3)."""
    strings = [*HEADERS, "Software Developers", "Registered Nurses"]
    shared = "".join(f"<si><t>{text}</t></si>" for text in strings[:-1])
    shared += "<si><r><t>Registered </t></r><r><t>Nurses</t></r></si>"  # rich text runs
    header = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(len(HEADERS)))
    sheet = (
        f'<worksheet xmlns="{MAIN}"><sheetData>'
        f'<row r="1">{header}</row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>15-1252</t></is></c>'
        '<c r="B2" t="s"><v>5</v></c><c r="C2"><v>1687890</v></c>'
        '<c r="D2"><v>135980</v></c><c r="E2"><v>65.38</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>29-1141</t></is></c>'
        '<c r="B3" t="s"><v>6</v></c><c r="D3" t="inlineStr"><is><t>#</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{shared}</sst>')
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/worksheets/sheet2.xml", f'<worksheet xmlns="{MAIN}"/>')
    return buffer.getvalue()


def test_read_rows_resolves_strings_and_gaps() -> None:
    rows = read_rows(_workbook())
    assert rows[0] == HEADERS
    assert rows[1] == ["15-1252", "Software Developers", "1687890", "135980", "65.38"]
    assert rows[2] == ["29-1141", "Registered Nurses", "", "#"]


def test_damaged_workbook_is_a_user_error() -> None:
    with pytest.raises(UserError, match="damaged"):
        read_rows(b"not a workbook")


def test_install_reads_bls_excel_in_a_zip(home: Path, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("oesm25nat/national_M2025_dl.xlsx", _workbook())
    oews_zip = buffer.getvalue()
    onet = zip_folder(ONET_FIXTURE, tmp_path / "db.zip").read_bytes()
    entries: list[dict[str, str | None]] = [
        {"role": "onet", "url": "db.zip", "filename": "db.zip", "sha256": sha256(onet)},
        {"role": "oews", "url": "nat.zip", "filename": "nat.zip", "sha256": sha256(oews_zip)},
    ]
    state = ServerState(files={"m.json": manifest(entries), "db.zip": onet, "nat.zip": oews_zip})
    with release_server(state) as base:
        install_from_manifest(base + "m.json", lambda *_: None)
    reference = open_reference()
    wages = reference.profile("15-1252.00").wages
    assert wages is not None and wages.annual_median == 135980 and wages.employment == 1687890
    nurses = reference.profile("29-1141.00").wages
    assert nurses is not None and nurses.annual_median is None
    assert any(s.name == "oews: national_M2025_dl.xlsx" for s in reference.status().sources)
