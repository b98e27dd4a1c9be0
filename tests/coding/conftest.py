"""A small hand-written coding source, and the full O*NET index built once per session."""

import hashlib
from pathlib import Path

import pytest

from careerset import coding
from careerset.coding.index import CoderIndex, build_index, load_index, save_index
from careerset.coding.records import CodingSource, TitleRecord
from careerset.coding.sources import load_shared_data

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


def _code_fingerprint() -> str:
    """Changes whenever the coder's code changes, so a cached index is never stale."""
    folder = Path(coding.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def full_index(shared_data: Path, pytestconfig: pytest.Config) -> CoderIndex:
    """The real O*NET index from ../shared/data: built once (a minute or more), then
    cached in pytest's cache folder until the coder's code changes (built every session when
    the cache is off, as with `-p no:cacheprovider`)."""
    cache = getattr(pytestconfig, "cache", None)  # no attribute at all without the plugin
    if cache is None:
        return build_index(load_shared_data(shared_data, "onet"), "shared")
    cached = cache.mkdir("careerset-coder") / f"onet-{_code_fingerprint()}.npz"
    if cached.is_file():
        return load_index(cached)
    index = build_index(load_shared_data(shared_data, "onet"), "shared")
    save_index(index, cached)
    return index
