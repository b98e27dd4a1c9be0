"""`careerset data install|status` through the real command tree, plus one whole-process run."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import Invoke  # type: ignore[import-not-found]

FIXTURE = Path(__file__).parents[1] / "reference" / "fixtures" / "onet_30_3"


def test_status_without_pack_reports_embedded_default(run: Invoke) -> None:
    result = run("data", "status", "--json")
    assert result.exit_code == 0, result.output
    status = json.loads(result.stdout)
    assert status["kind"] == "embedded"
    assert {"skills", "interests", "wages"} <= {k for k, on in status["features"].items() if on}
    assert {"tasks", "esco"} <= set(status["disabled"])
    assert "O*NET 30.1" in status["attribution"]
    human = run("data", "status")
    assert human.exit_code == 0 and "embedded default" in human.stdout
    assert "29.x" in human.stdout


def test_install_from_folder_then_status(run: Invoke, home: Path) -> None:
    result = run("data", "install", "--from", str(FIXTURE), "--json")
    assert result.exit_code == 0, result.output
    installed = json.loads(result.stdout)
    assert installed["kind"] == "pack" and installed["build_seconds"] >= 0
    assert Path(installed["path"]) == home / "reference" / "reference.sqlite"
    status = json.loads(run("data", "status", "--json").stdout)
    assert status["build_id"] == installed["build_id"]
    assert set(status["disabled"]) >= {"knowledge", "work_values", "esco"}
    human = run("data", "status")
    assert "Disabled:" in human.stdout and "knowledge" in human.stdout


def test_install_from_a_zip_that_is_not_onet_exits_2_and_keeps_pack(
    run: Invoke, tmp_path: Path
) -> None:
    first = json.loads(run("data", "install", "--from", str(FIXTURE), "--json").stdout)
    bogus = tmp_path / "bogus.zip"
    with zipfile.ZipFile(bogus, "w") as archive:
        archive.writestr("readme.txt", "hello")
    result = run("data", "install", "--from", str(bogus))
    assert result.exit_code == 2
    assert "not an O*NET text database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert json.loads(run("data", "status", "--json").stdout)["build_id"] == first["build_id"]


def test_install_help_has_an_example(run: Invoke) -> None:
    result = run("data", "install", "--help")
    assert result.exit_code == 0 and "Example:" in result.stdout


def test_whole_process_user_error_is_one_line_exit_2(home: Path) -> None:
    env = {**os.environ, "CAREERSET_HOME": str(home)}
    env.pop("CAREERSET_REFERENCE_DIR", None)
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from careerset.cli.main import main; main()",
            "occupation",
            "show",
            "29-1141.00",
            "--section",
            "tasks",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and "careerset data install" in lines[0]


@pytest.mark.shared_data
def test_install_from_shared_data_folder(run: Invoke, shared_data: Path) -> None:
    # --no-index: the title index of the full data takes minutes; tests/cli/test_autocode.py
    # covers building it at install on the small fixture.
    result = run("data", "install", "--from", str(shared_data), "--no-index", "--json")
    assert result.exit_code == 0, result.output
    status = json.loads(result.stdout)
    assert status["features"]["esco"] and status["features"]["skills"]
    assert status["build_seconds"] < 60


def test_install_from_a_manifest_via_source(run: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "mirror" / "db_30_3_text.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(FIXTURE.iterdir()):
            bundle.write(path, f"db_30_3_text/{path.name}")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    entry = {"role": "onet", "url": archive.name, "filename": archive.name, "sha256": digest}
    manifest = archive.parent / "manifest.json"
    manifest.write_text(json.dumps({"files": [entry]}))
    result = run("data", "install", "--source", str(manifest), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["features"]["reported_titles"] is True
    entry["sha256"] = "0" * 64
    manifest.write_text(json.dumps({"files": [entry]}))
    (tmp_path / "home" / "reference" / "downloads" / archive.name).unlink()
    failed = run("data", "install", "--source", str(manifest))
    assert failed.exit_code == 2 and "sha256" in failed.stderr


def test_install_prints_progress_lines_when_piped(run: Invoke) -> None:
    result = run("data", "install", "--from", str(FIXTURE), "--no-index")
    assert result.exit_code == 0, result.output
    steps = [line for line in result.stderr.splitlines() if line.startswith("Building pack (")]
    assert len(steps) >= 3 and steps[0].startswith("Building pack (1/"), result.stderr


def test_no_help_text_names_the_projects_own_shared_folder(run: Invoke) -> None:
    from careerset.cli.commands import COMMAND_MODULES

    pages = [run("--help").stdout] + [run(name, "--help").stdout for name in COMMAND_MODULES]
    pages += [run("data", "install", "--help").stdout]
    assert all(page.strip() for page in pages)
    assert not [page for page in pages if "shared/" in page or "../shared" in page]
