"""A small hand-written coding source, and the full O*NET index built once per session."""

from pathlib import Path

import pytest

from careerset.coding.index import CoderIndex, build_index, load_index
from careerset.coding.records import CodingSource, TitleRecord

OCCUPATIONS = {
    "29-1141.00": ("Registered Nurses", ["Staff Nurse", "Charge Nurse", "Nurse Clinician"]),
    "29-2061.00": (
        "Licensed Practical and Licensed Vocational Nurses",
        ["Practical Nurse", "Vocational Nurse", "Licensed Nurse"],
    ),
    "15-1252.00": (
        "Software Developers",
        ["Software Engineer", "Application Developer", "Programmer Analyst"],
    ),
    "15-1254.00": ("Web Developers", ["Web Programmer", "Front End Developer", "Webmaster"]),
    "35-3031.00": ("Waiters and Waitresses", ["Server", "Food Server", "Banquet Server"]),
    "47-2111.00": ("Electricians", ["Journeyman Electrician", "Wireman", "Electrical Installer"]),
    "53-3032.00": (
        "Heavy and Tractor-Trailer Truck Drivers",
        ["Truck Driver", "Long Haul Driver", "Semi Driver"],
    ),
    "43-3031.00": (
        "Bookkeeping, Accounting, and Auditing Clerks",
        ["Bookkeeper", "Accounts Clerk", "Ledger Clerk"],
    ),
}


def small_source() -> CodingSource:
    records: list[TitleRecord] = []
    for code, (title, alternates) in OCCUPATIONS.items():
        records.append(TitleRecord(code, title, "title"))
        records.extend(TitleRecord(code, text, "alternate") for text in alternates)
    records.append(TitleRecord("53-3032.00", "Drive trucks over long distances.", "task"))
    titles = {code: title for code, (title, _) in OCCUPATIONS.items()}
    employment = {"29-1141.00": 3_300_000.0, "53-3032.00": 2_000_000.0}
    return CodingSource("onet", titles, records, employment, version="small")


@pytest.fixture(scope="session")
def small_index() -> CoderIndex:
    return build_index(small_source(), "small")


@pytest.fixture(scope="session")
def full_index(reference_pack: Path) -> CoderIndex:
    """The real O*NET index, as `careerset data install` builds it for a pack made from
    ../shared/data: the one beside the session's shared pack (built once per run with it)."""
    (path,) = reference_pack.parent.glob("coder-index-onet-*.npz")
    return load_index(path)
