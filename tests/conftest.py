"""Fixtures shared by the whole suite: isolated careerset homes and the shared data folder."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Cheap argon2 parameters for every store and server the tests start (see store/passwords.py);
# set before careerset is imported. test_accounts checks the recommended ones without it.
os.environ.setdefault("CAREERSET_TEST_CHEAP_HASHES", "1")
# Commands that tests run in a fresh home draw charts; matplotlib would scan the system's fonts
# into a new cache in each such home (0.6 s a process). A person's home keeps one cache, and so
# does the suite: one folder for every process it starts.
os.environ.setdefault(
    "MPLCONFIGDIR", str(Path(tempfile.gettempdir()) / f"careerset-tests-matplotlib-{os.getuid()}")
)

from built_once import built_once
from postgres_server import (
    empty_postgres_database,
    find_bin,
    postgres_database,
    running_postgres,
)

# Hypothesis: `ci` (CI set) runs the full default example count, reproducibly; `dev` runs
# fewer examples for a quicker local loop. CAREERSET_HYPOTHESIS_PROFILE picks one by name.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile(
    os.environ.get("CAREERSET_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--store",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="The database behind the CLI and web tests' stores (the store tests use both).",
    )


def on_postgresql(config: pytest.Config) -> bool:
    return bool(config.getoption("--store") == "postgresql")


@pytest.fixture(scope="session")
def embedded_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session, so the embedded core is unpacked once, not per test."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedded_cache: Path) -> Iterator[Path]:
    """A fresh CAREERSET_HOME, so no test touches the user's real files."""
    monkeypatch.setenv("CAREERSET_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CAREERSET_CACHE_DIR", str(embedded_cache))
    monkeypatch.delenv("CAREERSET_DB", raising=False)
    monkeypatch.delenv("CAREERSET_REFERENCE_DIR", raising=False)
    yield tmp_path / "home"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data`, or skip when it is absent (as on a user's machine)."""
    if not (SHARED_DATA / "onet").is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


# -- reference data (owned by the reference layer; reused by coding and analysis tests) -------


@pytest.fixture(scope="session")
def reference_pack(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a reference pack built ONCE per run from `../shared/data` (about 3 s,
    `built_once`), with its O*NET title index beside it (about 9 s), as `careerset data
    install` leaves them: the coding tests' full index, and the coder of every test on the pack.

    Treat it as read-only and shared. Open it with
    `careerset.reference.query.open_reference(reference_pack)`, or request
    `use_reference_pack` so that the CLI and `open_reference()` find it by default.
    Skips when `../shared/data` is absent.
    """
    from careerset.coding.service import build_index_for_pack
    from careerset.reference.builder import build_pack
    from careerset.reference.sources import resolve_inputs

    def build(folder: Path) -> None:
        build_pack(resolve_inputs(shared_data), folder / "reference.sqlite")
        build_index_for_pack(folder / "reference.sqlite", ("onet",))

    return built_once(tmp_path_factory, "reference", build) / "reference.sqlite"


@pytest.fixture
def use_reference_pack(home: Path, reference_pack: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point CAREERSET_REFERENCE_DIR at the session pack (in a fresh `home`); returns its path."""
    monkeypatch.setenv("CAREERSET_REFERENCE_DIR", str(reference_pack.parent))
    return reference_pack


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server for the session: CAREERSET_TEST_POSTGRES_URL, or one started here."""
    given = os.environ.get("CAREERSET_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    if find_bin() is None:
        pytest.skip("PostgreSQL is not installed here")
    with running_postgres() as url:
        yield url


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite store at the newest revision, made once per session as careerset makes
    new stores: each test copies it (tests/store/test_migrations runs the migrations for real
    and checks they build the same schema)."""
    from careerset.store.repository import Store

    path = tmp_path_factory.mktemp("template") / "store.sqlite"
    Store.open(str(path)).close()
    return path


@pytest.fixture(scope="session")
def migrated_postgres(postgres_url: str) -> str:
    """The name of an empty database at the newest revision, migrated once per session: each
    test's database is a copy of it (tests/store still migrate for real)."""
    from sqlalchemy import create_engine, text

    from careerset.store.repository import Store

    name = "careerset_template"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    Store.open(postgres_url.rsplit("/", 1)[0] + "/" + name).close()
    return name


@pytest.fixture(scope="session")
def reused_postgres(postgres_url: str, migrated_postgres: str) -> Iterator[str]:
    """One copy of the migrated template per test process, which each test that used it
    leaves empty (`empty_postgres_database`): a new database per test costs ~0.3 s."""
    with postgres_database(postgres_url, template=migrated_postgres) as url:
        yield url


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked `sql` that work on a store run twice: on a SQLite file and on PostgreSQL.

    Tests that read the SQLite file itself (`sqlite_file`) stay on SQLite; with `--store
    postgresql` every test runs on PostgreSQL once.
    """
    if (
        "store_target" in metafunc.fixturenames
        and "sqlite_file" not in metafunc.fixturenames
        and metafunc.definition.get_closest_marker("sql") is not None
        and not on_postgresql(metafunc.config)
    ):
        metafunc.parametrize("store_kind", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def store_kind(request: pytest.FixtureRequest) -> str:
    """The store a test works on: its parameter (tests marked `sql`), else `--store`."""
    return str(getattr(request, "param", request.config.getoption("--store")))


@pytest.fixture
def store_target(home: Path, store_kind: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """Where a test's store lives: a SQLite file in `home` (a copy of the migrated template),
    or on PostgreSQL the process's database, emptied after each test."""
    if store_kind == "postgresql":
        url = request.getfixturevalue("reused_postgres")
        yield url
        empty_postgres_database(url)
        return
    home.mkdir(parents=True, exist_ok=True)
    target = home / "store.sqlite"
    # Tests that read the file themselves (`sqlite_file`) may check when it is made: not copied.
    if "sqlite_file" not in request.fixturenames:
        shutil.copyfile(request.getfixturevalue("migrated_sqlite"), target)
    yield str(target)


@pytest.fixture
def sqlite_file(home: Path, request: pytest.FixtureRequest) -> Path:
    """The SQLite store file, for tests that read it directly (skipped with `--store postgresql`)."""
    if on_postgresql(request.config):
        pytest.skip("reads the SQLite store file directly")
    home.mkdir(parents=True, exist_ok=True)
    return home / "store.sqlite"
