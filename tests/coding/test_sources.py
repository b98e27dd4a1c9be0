"""The raw-file reader: header names, `n/a` cells and the OEWS prior."""

from pathlib import Path

import pytest

from careerset.coding.sources import load_onet_directory, spread_employment


def _write(path: Path, rows: list[list[str]]) -> None:
    path.write_text("\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")


def test_reads_by_header_name_and_skips_na(tmp_path: Path) -> None:
    _write(
        tmp_path / "Occupation Data.txt",
        [
            ["Extra", "O*NET-SOC Code", "Title", "Description"],
            ["x", "47-2111.00", "Electricians", "Install wiring."],
            ["x", "47-2031.00", "Carpenters", "n/a"],
        ],
    )
    _write(
        tmp_path / "Alternate Titles.txt",
        [
            ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"],
            ["47-2111.00", "Electricians", "Wireman", "n/a", "08"],
            ["47-2031.00", "Carpenters", "n/a", "n/a", "08"],
        ],
    )
    oews = tmp_path / "oews.csv"
    oews.write_text("soc_code,Employment\n47-2111,700000\n47-2031,n/a\n", encoding="utf-8")
    source = load_onet_directory(tmp_path, oews)
    assert source.titles == {"47-2111.00": "Electricians", "47-2031.00": "Carpenters"}
    texts = {(r.code, r.text, r.source) for r in source.records}
    assert ("47-2111.00", "Wireman", "alternate") in texts
    assert not any(r.text == "n/a" for r in source.records)
    assert ("47-2031.00", "n/a", "description") not in texts
    assert source.employment == {"47-2111.00": 700000.0}


def test_missing_occupation_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_onet_directory(tmp_path)


def test_employment_is_shared_and_falls_back_to_broad_groups() -> None:
    codes = ["29-1141.00", "29-1141.01", "15-1252.00"]
    spread = spread_employment(codes, {"29-1141": 3000.0, "15-1250": 900.0})
    assert spread == {"29-1141.00": 1500.0, "29-1141.01": 1500.0, "15-1252.00": 900.0}


def test_the_shared_files_name_what_the_pack_names(shared_data: Path, reference_pack: Path) -> None:
    """The coder reads ../shared/data's files (for the benchmarks and `build_coder_data.py`)
    into the same occupations, and every kind of naming text, that a pack made from them
    gives it, bar retired codes and short titles (the suite's full index is built from the
    pack)."""
    from careerset.coding.pack_source import onet_source
    from careerset.coding.sources import load_shared_data
    from careerset.reference.query import open_reference

    files = load_shared_data(shared_data, "onet")
    reference = open_reference(reference_pack)
    try:
        pack = onet_source(reference)
    finally:
        reference.close()
    assert files.titles == pack.titles and files.employment == pack.employment
    kinds = {"title", "description", "alternate", "bls", "task"}
    for kind in kinds:
        from_files = {(r.code, r.text) for r in files.records if r.source == kind}
        from_pack = {(r.code, r.text) for r in pack.records if r.source == kind}
        # The files also keep retired codes' titles, and the pack short titles: most agree.
        shared = len(from_files & from_pack)
        assert from_files and shared >= 0.95 * min(len(from_files), len(from_pack)), kind
