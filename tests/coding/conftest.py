"""A small hand-written coding source, and the full O*NET index built once per session."""

from pathlib import Path

import pytest

from careerset.coding.index import CoderIndex, build_index
from careerset.coding.records import CodingSource, TitleRecord
from careerset.coding.sources import load_shared_data

OCCUPATIONS = {
    "29-1141.00": ("Registered Nurses", ["Staff Nurse", "Charge Nurse", "Nurse Clinician"]),
    "29-2061.00": ("Licensed Practical and Licensed Vocational Nurses",
                   ["Practical Nurse", "Vocational Nurse", "Licensed Nurse"]),
    "15-1252.00": ("Software Developers",
                   ["Software Engineer", "Application Developer", "Programmer Analyst"]),
    "15-1254.00": ("Web Developers", ["Web Programmer", "Front End Developer", "Webmaster"]),
    "35-3031.00": ("Waiters and Waitresses", ["Server", "Food Server", "Banquet Server"]),
    "47-2111.00": ("Electricians", ["Journeyman Electrician", "Wireman", "Electrical Installer"]),
    "53-3032.00": ("Heavy and Tractor-Trailer Truck Drivers",
                   ["Truck Driver", "Long Haul Driver", "Semi Driver"]),
    "43-3031.00": ("Bookkeeping, Accounting, and Auditing Clerks",
                   ["Bookkeeper", "Accounts Clerk", "Ledger Clerk"]),
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
def full_index(shared_data: Path) -> CoderIndex:
    """The real O*NET index from ../shared/data (about half a minute, built once)."""
    return build_index(load_shared_data(shared_data, "onet"), "shared")
