"""The layering rules are import-linter contracts (pyproject.toml); `make test` runs them.

This shows they can fail: a copy of the package with one forbidden import (the web app
importing the command line) breaks a contract, while the same copy without it keeps them all.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(source: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=source,
        check=False,
    )


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not LINT_IMPORTS.exists():
        pytest.skip("import-linter is not installed (pip install -e '.[dev]' installs it)")
    source = tmp_path_factory.mktemp("src")
    shutil.copytree(
        ROOT / "src" / "careerset",
        source / "careerset",
        ignore=shutil.ignore_patterns("__pycache__", "*.sqlite", "*.xz", "*.npz", "*.npy"),
    )
    return source


def test_the_package_keeps_every_contract(package_copy: Path) -> None:
    result = _lint(package_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_a_forbidden_import_breaks_a_contract(package_copy: Path) -> None:
    violation = package_copy / "careerset" / "web" / "violation.py"
    violation.write_text('"""A deliberate breach."""\n\nimport careerset.cli.main  # noqa\n')
    try:
        result = _lint(package_copy)
    finally:
        violation.unlink()
    assert result.returncode != 0
    assert "the web app never imports the command line" in result.stdout
    assert "careerset.web.violation -> careerset.cli.main" in result.stdout
