"""`import`, `export`, `backup` and `restore` through the command line on a real store."""

import json
from pathlib import Path
from typing import Any

import pytest

from careerset.interchange.json_resume import validate_json_resume

from .conftest import Invoke  # type: ignore[import-not-found]

# Touches SQL (writes, imports, accounts, access): `make test` runs it on PostgreSQL too.
pytestmark = pytest.mark.sql

EXAMPLES = sorted(
    (Path(__file__).parents[1] / "interchange" / "data" / "jsonresume").glob("*.resume.json")
)
SECTIONS = (
    "work",
    "volunteer",
    "education",
    "skills",
    "awards",
    "certificates",
    "publications",
    "projects",
)


def _without_extensions(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_extensions(v) for k, v in value.items() if k != "x-careerset"}
    if isinstance(value, list):
        return [_without_extensions(v) for v in value]
    return value


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_json_resume_examples_survive_import_and_export(
    run: Invoke, tmp_path: Path, example: Path
) -> None:
    assert run("import", str(example)).exit_code == 0
    out = tmp_path / "out.json"
    exported = run("export", "--format", "jsonresume", "-o", str(out))
    assert exported.exit_code == 0, exported.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    validate_json_resume(document)
    original = json.loads(example.read_text(encoding="utf-8"))
    for section in SECTIONS:
        assert _without_extensions(document.get(section, [])) == original.get(section, []), section
    assert _without_extensions(document)["basics"] == original["basics"]


def test_export_import_export_is_byte_identical(run: Invoke, tmp_path: Path) -> None:
    assert run("import", str(EXAMPLES[0])).exit_code == 0
    run("add", "goal", "--statement", "Lead a team", "--target", "15-1252.00", "--horizon", "2028")
    first = run("export").stdout
    fresh = tmp_path / "fresh.sqlite"
    backup = tmp_path / "career.yaml"
    backup.write_text(first, encoding="utf-8")
    assert run("import", str(backup), db=str(fresh)).exit_code == 0
    assert run("export", db=str(fresh)).stdout == first


def test_backup_and_restore_every_profile(run: Invoke, tmp_path: Path) -> None:
    run("--profile", "ana", "add", "job", "--title", "Nurse")
    run("--profile", "ben", "add", "skill", "--name", "Welding")
    target = tmp_path / "backup.yaml"
    assert run("backup", "-o", str(target)).exit_code == 0
    fresh = str(tmp_path / "restored.sqlite")
    assert run("restore", str(target), db=fresh).exit_code == 0
    for profile in ("ana", "ben"):
        assert (
            run("--profile", profile, "export", db=fresh).stdout
            == run("--profile", profile, "export").stdout
        )


def test_a_failed_import_changes_nothing(run: Invoke, tmp_path: Path) -> None:
    run("add", "job", "--title", "Nurse")
    before = run("export").stdout
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "work": [
                    {"name": "A", "position": "ok", "startDate": "2019"},
                    {"name": "B", "position": "bad", "startDate": "2019-02-30"},
                ]
            }
        )
    )
    result = run("import", str(bad))
    assert result.exit_code == 2 and "work[1].startDate" in result.stderr
    assert run("export").stdout == before
