"""Reads coder records straight from raw release files: an O*NET text directory, the
OEWS national CSV and the ESCO CSV zip (the benchmark and tests; at run time the coder
reads the reference pack through `pack_source.py`).
"""

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from careerset.coding.records import CodingSource, TitleRecord, TitleSource

BLS_FILE = "soc_2018_direct_match_title_file.csv"

ONET_FILES: dict[str, tuple[str, TitleSource]] = {
    "Alternate Titles.txt": ("Alternate Title", "alternate"),
    "Sample of Reported Titles.txt": ("Reported Job Title", "reported"),
    "Task Statements.txt": ("Task", "task"),
}


def _clean(value: str | None) -> str:
    """O*NET writes empty cells as `n/a`."""
    value = (value or "").strip()
    return "" if value.lower() == "n/a" else value


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_onet_occupations(path: Path) -> list[TitleRecord]:
    """Official titles and descriptions from an `Occupation Data.txt` layout."""
    records: list[TitleRecord] = []
    for row in _read_tsv(path):
        code = _clean(row.get("O*NET-SOC Code"))
        if not code:
            continue
        records.append(TitleRecord(code, _clean(row.get("Title")), "title"))
        description = _clean(row.get("Description"))
        if description:
            records.append(TitleRecord(code, description, "description"))
    return records


def read_oews_employment(path: Path) -> dict[str, float]:
    """Employment by SOC code (any level), e.g. {'15-1252': 1_650_000.0}."""
    employment: dict[str, float] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = _clean(row.get("soc_code") or row.get("OCC_CODE"))
            raw = _clean(row.get("Employment") or row.get("TOT_EMP")).replace(",", "")
            try:
                employment[code] = float(raw)
            except ValueError:
                continue
    return employment


def spread_employment(codes: list[str], by_soc: dict[str, float]) -> dict[str, float]:
    """OEWS counts per O*NET-SOC code: a SOC's count shared among its O*NET codes.

    Codes that OEWS only publishes at the broad level (e.g. 15-1250) fall back to it.
    """
    by_prefix: dict[str, list[str]] = {}
    for code in codes:
        by_prefix.setdefault(code[:7], []).append(code)
    employment: dict[str, float] = {}
    for prefix, members in by_prefix.items():
        count = by_soc.get(prefix) or by_soc.get(prefix[:6] + "0")
        if count:
            for code in members:
                employment[code] = count / len(members)
    return employment


def read_bls_titles(path: Path, codes: list[str]) -> list[TitleRecord]:
    """BLS 2018 SOC Direct Match titles, each filed under every O*NET-SOC code of its SOC."""
    by_soc: dict[str, list[str]] = {}
    for code in codes:
        by_soc.setdefault(code[:7], []).append(code)
    records: list[TitleRecord] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            soc = _clean(row.get("2018 SOC Code"))
            text = _clean(row.get("2018 SOC Direct Match Title"))
            if text:
                records.extend(TitleRecord(code, text, "bls") for code in by_soc.get(soc, []))
    return records


def packaged_bls_titles() -> Path:
    """The copy of the BLS Direct Match Title File that ships with careerset."""
    return Path(__file__).parent / "data" / BLS_FILE


def load_onet_directory(
    onet_dir: Path, oews_csv: Path | None = None, bls_csv: Path | None = None
) -> CodingSource:
    """All O*NET coder records found in a release directory; missing files are skipped."""
    occupation_file = onet_dir / "Occupation Data.txt"
    if not occupation_file.is_file():
        raise FileNotFoundError(f"no 'Occupation Data.txt' in {onet_dir}")
    records = read_onet_occupations(occupation_file)
    titles = {record.code: record.text for record in records if record.source == "title"}
    for file_name, (column, source) in ONET_FILES.items():
        path = onet_dir / file_name
        if not path.is_file():
            continue
        retired: dict[str, str] = {}
        for row in _read_tsv(path):
            code, text = _clean(row.get("O*NET-SOC Code")), _clean(row.get(column))
            if code and text:
                # Codes of an older taxonomy are kept; the index maps them onto current ones.
                records.append(TitleRecord(code, text, source))
                old_title = _clean(row.get("Title"))
                if code not in titles and old_title:
                    retired.setdefault(code, old_title)
        records.extend(TitleRecord(code, text, "title") for code, text in retired.items())
    if bls_csv is not None and bls_csv.is_file():
        records.extend(read_bls_titles(bls_csv, list(titles)))
    by_soc = read_oews_employment(oews_csv) if oews_csv and oews_csv.is_file() else {}
    employment = spread_employment(list(titles), by_soc)
    return CodingSource("onet", titles, records, employment, version=str(onet_dir))


def load_esco_zip(classification_zip: Path) -> CodingSource:
    """ESCO occupations: preferred, alternative and hidden labels plus descriptions."""
    records: list[TitleRecord] = []
    titles: dict[str, str] = {}
    with zipfile.ZipFile(classification_zip) as archive:
        member = next(name for name in archive.namelist() if "occupations_" in name)
        with archive.open(member) as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
                uri = _clean(row.get("conceptUri"))
                preferred = _clean(row.get("preferredLabel"))
                if not uri or not preferred:
                    continue
                titles[uri] = preferred
                records.append(TitleRecord(uri, preferred, "title"))
                for column in ("altLabels", "hiddenLabels"):
                    for label in _clean(row.get(column)).split("\n"):
                        if label.strip():
                            records.append(TitleRecord(uri, label.strip(), "alternate"))
                description = _clean(row.get("description"))
                if description:
                    records.append(TitleRecord(uri, description, "description"))
    return CodingSource("esco", titles, records, {}, version=str(classification_zip))


def find_esco_zip(folder: Path) -> Path | None:
    """The ESCO classification zip in a data folder, if there is one."""
    matches = sorted(folder.glob("esco*classification*en*.zip"))
    return matches[-1] if matches else None


def load_shared_data(data_dir: Path, scheme: str = "onet") -> CodingSource:
    """Records from a `../shared/data`-style folder (onet/, embedded/, esco/)."""
    if scheme == "esco":
        zip_path = find_esco_zip(data_dir / "esco")
        if zip_path is None:
            raise FileNotFoundError(f"no ESCO classification zip in {data_dir / 'esco'}")
        return load_esco_zip(zip_path)
    oews = next(iter(sorted(data_dir.glob("**/oews_*national*.csv"))), None)
    return load_onet_directory(data_dir / "onet", oews, data_dir / "bls" / BLS_FILE)
