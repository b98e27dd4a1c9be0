"""The data shipped inside the package stays within its budget of 30 MB."""

from pathlib import Path

import careerset

BUDGET_BYTES = 30 * 1000 * 1000


def test_the_package_data_fits_the_budget() -> None:
    root = Path(careerset.__file__).parent
    data = [
        path
        for path in root.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    ]
    assert any(path.name == "coder-index-onet.npz" for path in data)
    total = sum(path.stat().st_size for path in data)
    assert total <= BUDGET_BYTES, f"package data is {total:,} bytes"
