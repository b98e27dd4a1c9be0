"""A small hand-written coding source, and the full O*NET index built once per session."""

import hashlib
import shutil
from pathlib import Path

import pytest

from built_once import built_once  # type: ignore[import-not-found]
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
def full_index(
    shared_data: Path, pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory
) -> CoderIndex:
    """The real O*NET index from ../shared/data: built once per run (`built_once`), and kept
    in pytest's cache folder until the coder's code changes, when the cache plugin is on."""
    cache = getattr(pytestconfig, "cache", None)  # no attribute at all without the plugin
    name = f"onet-{_code_fingerprint()}.npz"
    cached = cache.mkdir("careerset-coder") / name if cache is not None else None

    def build(folder: Path) -> None:
        if cached is not None and cached.is_file():
            shutil.copyfile(cached, folder / name)
            return
        save_index(build_index(load_shared_data(shared_data, "onet"), "shared"), folder / name)
        if cached is not None:
            shutil.copyfile(folder / name, cached)

    return load_index(built_once(tmp_path_factory, "coder-index", build) / name)
