"""Reading release files by header name: extra columns, aliases, `n/a`, missing columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerset.errors import UserError
from careerset.reference.tables import InputFile, read_table, to_float, to_int


def _file(
    tmp_path: Path, text: str, name: str = "Skills.txt", encoding: str = "utf-8"
) -> InputFile:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return InputFile(label=name, path=path)


def test_columns_are_selected_by_name_in_any_order(tmp_path: Path) -> None:
    source = _file(tmp_path, "Extra\tData Value\tO*NET-SOC Code\n1\t4.5\t11-1011.00\n")
    table = read_table(source, ["O*NET-SOC Code", "Data Value"])
    assert table.rows == [("11-1011.00", "4.5")]


def test_optional_columns_absent_become_none(tmp_path: Path) -> None:
    source = _file(tmp_path, "O*NET-SOC Code\tTitle\n11-1011.00\tChief Executives\n")
    table = read_table(source, ["O*NET-SOC Code"], ["Description"])
    assert table.rows == [("11-1011.00", None)]


@pytest.mark.parametrize("cell", ["n/a", "", "  ", "N/A"])
def test_empty_cells_are_none(tmp_path: Path, cell: str) -> None:
    source = _file(tmp_path, f"A\tB\nx\t{cell}\n")
    assert read_table(source, ["A", "B"]).rows == [("x", None)]


def test_missing_required_column_names_file_and_column(tmp_path: Path) -> None:
    source = _file(tmp_path, "O*NET-SOC Code\tTitle\n11-1011.00\tChief\n", "Task Statements.txt")
    with pytest.raises(UserError, match=r"Task Statements\.txt lacks the column\(s\) 'Task'"):
        read_table(source, ["O*NET-SOC Code", "Task"])


def test_aliases_accept_either_spelling(tmp_path: Path) -> None:
    source = _file(tmp_path, "OCC_CODE,A_MEDIAN\n15-1252,135980\n", "national.csv")
    table = read_table(
        source, [("soc_code", "OCC_CODE"), ("Annual median wage", "A_MEDIAN")], delimiter=","
    )
    assert table.rows == [("15-1252", "135980")]


def test_tab_files_keep_quotes_literally_and_old_releases_decode(tmp_path: Path) -> None:
    source = _file(tmp_path, 'Task\n"Quoted" caf\u00e9 task\n', encoding="cp1252")
    assert read_table(source, ["Task"]).rows == [('"Quoted" caf\u00e9 task',)]


def test_checksum_is_of_the_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    source = _file(tmp_path, "A\nx\n")
    assert read_table(source, ["A"]).sha256 == hashlib.sha256(b"A\nx\n").hexdigest()


@pytest.mark.parametrize(
    ("cell", "number"),
    [("135,980", 135980.0), ("4.5", 4.5), ("#", None), ("*", None), ("**", None), (None, None)],
)
def test_numbers_tolerate_flags(cell: str | None, number: float | None) -> None:
    assert to_float(cell) == number
    assert to_int(cell) == (None if number is None else int(number))
