"""Start-up stays cheap: a command imports only its own module and what it needs."""

import subprocess
import sys
from pathlib import Path

from careerset import __version__
from careerset.cli.commands import COMMAND_MODULES
from careerset.cli.main import cli, command_name

HEAVY = ("alembic", "mako", "fastapi", "matplotlib", "typst", "sklearn")
# SQLAlchemy's ORM and PostgreSQL dialect: the store is Core, and PostgreSQL's parts load only
# for a store on PostgreSQL.
HEAVY_PARTS = ("sqlalchemy.orm", "sqlalchemy.dialects.postgresql")


def imported_modules(home: Path, *args: str) -> set[str]:
    """The modules a whole `careerset ARGS` process imports (from `-X importtime`)."""
    env = {"CAREERSET_HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "careerset", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines[1:]}


def initialized_store(home: Path) -> str:
    """A store that is already current, so no command below has to migrate it."""
    home.mkdir(parents=True)
    store = str(home / "store.sqlite")
    subprocess.run(
        [sys.executable, "-m", "careerset", "--db", store, "init"],
        env={"CAREERSET_HOME": str(home)},
        capture_output=True,
        check=True,
    )
    return store


def assert_nothing_heavy(modules: set[str]) -> None:
    roots = {name.split(".")[0] for name in modules}
    assert roots.isdisjoint(HEAVY), sorted(roots & set(HEAVY))
    parts = sorted(name for name in modules if name.startswith(HEAVY_PARTS))
    assert not parts, parts
    assert not any(name.startswith(("careerset.web", "careerset.render")) for name in modules)
    assert not any(name.startswith("careerset.coding") for name in modules)


def test_list_job_imports_nothing_heavy(home: Path) -> None:
    store = initialized_store(home)
    modules = imported_modules(home, "--db", store, "list", "job")
    assert "careerset.store.repository" in modules  # it did reach the store
    assert_nothing_heavy(modules)


def test_assess_imports_nothing_heavy(home: Path) -> None:
    store = initialized_store(home)
    modules = imported_modules(home, "--db", store, "assess")
    assert "careerset.analysis.verdict" in modules  # it did reach the analysis
    assert_nothing_heavy(modules)


def test_adding_a_job_codes_it_without_scipy(home: Path) -> None:
    """Coding one title needs numpy only: importing scipy would cost a fifth of a second."""
    store = initialized_store(home)
    args = ("add", "job", "--title", "Staff Nurse ICU", "--start", "2020-01")
    modules = imported_modules(home, "--db", store, *args)
    assert "careerset.coding.matcher" in modules  # it did code the title
    assert not any(name.split(".")[0] == "scipy" for name in modules)


def test_every_command_is_mapped_to_its_module() -> None:
    app = cli()
    found = {info.name: info.callback.__module__ for info in app.registered_commands}
    for group in app.registered_groups:
        commands = group.typer_instance.registered_commands
        found[str(group.name)] = commands[0].callback.__module__
    assert {name: f"careerset.cli.{module}" for name, module in COMMAND_MODULES.items()} == found


def test_command_name_skips_global_options() -> None:
    assert command_name(["--db", "x.sqlite", "--profile", "ana", "list", "job"]) == "list"
    assert command_name(["--db=x.sqlite", "assess"]) == "assess"
    assert command_name(["--help"]) is None


def test_version(home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "careerset", "--version"],
        env={"CAREERSET_HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == f"careerset {__version__}"
