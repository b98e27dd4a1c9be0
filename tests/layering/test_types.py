"""The package type-checks under `mypy --strict` (configured in pyproject.toml).

A test rather than a step of its own in `make test`, so that mypy runs on one core while the
rest of the suite keeps the other busy. The cache beside the checkout keeps reruns quick.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
MYPY = Path(sys.executable).parent / "mypy"


def test_the_package_type_checks() -> None:
    if not MYPY.exists():
        pytest.skip("mypy is not installed (pip install -e '.[dev]' installs it)")
    done = subprocess.run(
        [str(MYPY)], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Success: no issues found" in done.stdout
