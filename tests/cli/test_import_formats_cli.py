"""`import --format linkedin|rendercv`, `--dry-run`, `--connections` and all-or-nothing imports."""

import json
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from careerset.cli import exchange
from careerset.coding.autocode import Suggestion
from careerset.model.entries import Job
from careerset.store.repository import StoreSession

from .conftest import Invoke  # type: ignore[import-not-found]

# Touches SQL (writes, imports, accounts, access): `make test` runs it on PostgreSQL too.
pytestmark = pytest.mark.sql

DATA = Path(__file__).parents[1] / "interchange" / "data"
LINKEDIN = DATA / "linkedin"
JSON_RESUME = sorted((DATA / "jsonresume").glob("*.resume.json"))[0]


def entries(run: Invoke) -> list[dict[str, Any]]:
    return list(yaml.safe_load(run("export").stdout).get("entries", []))


def edited_export(tmp_path: Path) -> Path:
    folder = tmp_path / "edited"
    shutil.copytree(LINKEDIN, folder)
    skills = folder / "Skills.csv"
    skills.write_bytes(skills.read_bytes() + b"Warehouse Automation\r\n")
    certifications = folder / "Certifications.csv"
    text = certifications.read_text("utf-8").replace(
        "Lean Six Sigma Green Belt,,IASSC,Nov 2018,,",
        "Lean Six Sigma Green Belt,,IASSC,Nov 2018,Nov 2023,",
    )
    certifications.write_text(text, "utf-8")
    return folder


def test_a_linkedin_folder_imports_and_reimporting_changes_nothing(run: Invoke) -> None:
    first = run("import", str(LINKEDIN))
    assert first.exit_code == 0, first.stderr
    assert "26 added, 0 changed, 0 unchanged" in first.stderr
    before = run("export").stdout
    again = run("import", str(LINKEDIN), "--format", "linkedin")
    assert again.exit_code == 0 and "0 added, 0 changed, 26 unchanged" in again.stderr
    assert run("export").stdout == before


def test_a_linkedin_zip_imports_like_the_folder(run: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "Basic_LinkedInDataExport_11-28-2026.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as writer:
        for path in LINKEDIN.glob("*.csv"):
            writer.write(path, f"Basic_LinkedInDataExport_11-28-2026/{path.name}")
    assert run("import", str(archive)).exit_code == 0
    assert "0 added" in run("import", str(LINKEDIN)).stderr


def test_dry_run_shows_only_the_edits_and_changes_nothing(run: Invoke, tmp_path: Path) -> None:
    run("import", str(LINKEDIN))
    before = run("export").stdout
    folder = edited_export(tmp_path)
    shown = run("import", str(folder), "--dry-run")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.splitlines() == [
        "+ skill 'Warehouse Automation'",
        "~ certification 'Lean Six Sigma Green Belt'",
        "    expiry: (none) → 2023-11",
        "1 added, 1 changed, 25 unchanged.",
    ]
    assert "nothing was changed" in shown.stderr
    assert run("export").stdout == before
    applied = run("import", str(folder))
    assert "1 added, 1 changed, 25 unchanged" in applied.stderr
    after = {entry["id"]: entry for entry in entries(run)}
    old = {entry["id"]: entry for entry in yaml.safe_load(before)["entries"]}
    differing = {i for i in old if {**old[i], "updated": None} != {**after[i], "updated": None}}
    assert len(after) == len(old) + 1 and len(differing) == 1


def test_dry_run_as_json(run: Invoke, tmp_path: Path) -> None:
    run("import", str(LINKEDIN))
    data = json.loads(run("import", str(edited_export(tmp_path)), "--dry-run", "--json").stdout)
    assert (data["dry_run"], data["added"], data["changed"], data["unchanged"]) == (True, 1, 1, 25)
    assert data["changed_entries"][0]["changes"] == [
        {"field": "expiry", "old": None, "new": "2023-11"}
    ]


def test_connections_are_opt_in(run: Invoke) -> None:
    run("import", str(LINKEDIN))
    assert not [e for e in entries(run) if e["kind"] == "contact"]
    result = run("import", str(LINKEDIN), "--connections")
    assert "2 added, 0 changed, 26 unchanged" in result.stderr
    assert sorted(e["name"] for e in entries(run) if e["kind"] == "contact") == [
        "Dana Whitfield",
        "Marcus Oyelaran",
    ]


def test_jobs_are_coded_when_a_coder_is_available(
    run: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_coder(jobs: Sequence[Job]) -> list[Suggestion | None]:
        found = {
            "Operations": Suggestion("13-1081.00", "Logisticians", 0.8),
            "Shift Supervisor": Suggestion("35-1012.00", "Food Service Supervisors", 0.1),
        }
        return [next((v for k, v in found.items() if k in job.title), None) for job in jobs]

    monkeypatch.setattr(exchange, "title_coder", lambda confirmed: fake_coder)
    run("import", str(LINKEDIN))
    coded = {e["title"]: e for e in entries(run) if e["kind"] == "job" and "occupation_code" in e}
    assert set(coded) == {"Operations Director", "Senior Operations Analyst", "Operations Analyst"}
    assert coded["Operations Analyst"]["occupation_source"] == "coded"
    assert coded["Operations Analyst"]["occupation_confidence"] == 0.8
    assert "26 unchanged" in run("import", str(LINKEDIN)).stderr


def test_rendercv_export_imports_back(run: Invoke, tmp_path: Path) -> None:
    run("import", str(JSON_RESUME))
    target = tmp_path / "cv.yaml"
    assert run("export", "--format", "rendercv", "-o", str(target)).exit_code == 0
    document = yaml.safe_load(target.read_text("utf-8"))
    assert set(document) == {"cv"} and "sections" in document["cv"]
    fresh = str(tmp_path / "fresh.sqlite")
    imported = run("import", str(target), db=fresh)
    assert imported.exit_code == 0, imported.stderr
    assert run("export", "--format", "rendercv", db=fresh).stdout == target.read_text("utf-8")
    again = run("import", str(target), "--format", "rendercv", db=fresh)
    assert " 0 added, 0 changed" in again.stderr


def test_a_rendercv_file_is_known_by_its_cv_key(run: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "John_Doe_CV.yaml"
    path.write_text(
        "cv:\n  name: John Doe\n  sections:\n    skills:\n      - label: Python\n        details: Expert\n"
    )
    assert run("import", str(path)).exit_code == 0
    assert [e["name"] for e in entries(run)] == ["Python"]


def _failing_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the first batch of entries be written, then fail: none of the import must stay."""
    real = StoreSession._write_batch

    def write_batch(self: StoreSession, inserts: Any, updates: Any) -> None:
        written = bool(inserts or updates)
        real(self, inserts, updates)
        if written:
            raise RuntimeError("disk full")

    monkeypatch.setattr(StoreSession, "_write_batch", write_batch)


def _sources(tmp_path: Path, run: Invoke) -> dict[str, Path]:
    run("import", str(JSON_RESUME), db=str(tmp_path / "source.sqlite"))
    yaml_file = tmp_path / "career.yaml"
    yaml_file.write_text(run("export", db=str(tmp_path / "source.sqlite")).stdout)
    rendercv_file = tmp_path / "cv.yaml"
    rendercv_file.write_text(
        run("export", "--format", "rendercv", db=str(tmp_path / "source.sqlite")).stdout
    )
    return {
        "jsonresume": JSON_RESUME,
        "yaml": yaml_file,
        "rendercv": rendercv_file,
        "linkedin": LINKEDIN,
    }


@pytest.mark.parametrize("file_format", ["jsonresume", "yaml", "rendercv", "linkedin"])
def test_an_import_that_fails_midway_changes_nothing(
    run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file_format: str
) -> None:
    source = _sources(tmp_path, run)[file_format]
    run("add", "job", "--title", "Nurse")
    before = run("export").stdout
    _failing_writes(monkeypatch)
    result = run("import", str(source), "--format", file_format)
    assert result.exit_code != 0
    monkeypatch.undo()
    assert run("export").stdout == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", str(JSON_RESUME), "--connections"], "LinkedIn exports only"),
        (["import", str(JSON_RESUME), "--dry-run", "--replace"], "leave out --replace"),
        (["import", str(DATA / "jsonresume"), "--format", "linkedin"], "none of LinkedIn's files"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(run: Invoke, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_hostile_zip_is_refused_with_exit_2(run: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as writer:
        writer.writestr("../../Positions.csv", "Company Name,Title\nA,B\n")
    result = run("import", str(archive))
    assert result.exit_code == 2 and "outside the archive" in result.stderr


def test_one_linkedin_csv_file_imports(run: Invoke) -> None:
    result = run("import", str(LINKEDIN / "Positions.csv"))
    assert result.exit_code == 0 and "7 added" in result.stderr
