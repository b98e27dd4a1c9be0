"""`careerset demo` through the real command tree: offline, on a throwaway store, it prints the
sample career and its assessment, writes the showcase files, and says the same in JSON.

One test runs the demo twice (text, then JSON), as each run renders the whole showcase. The
demo never touches the chosen store (its sample goes to a temporary SQLite file unless
`--keep`), so it is not run a second time on PostgreSQL.
"""

import json
from pathlib import Path

from .conftest import Invoke  # type: ignore[import-not-found]

SHOWCASE = ("cv.pdf", "cv.html", "report.html", "report.pdf")


def test_demo_shows_the_set_and_its_assessment_and_writes_the_showcase(
    run: Invoke, tmp_path: Path
) -> None:
    out = tmp_path / "demo"
    result = run("demo", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    shown = result.stdout
    assert "Maya Okafor" in shown and "Buckeye Health Partners" in shown
    assert "Job or career?" in shown and "career step" in shown
    for name in SHOWCASE:
        assert (out / name).stat().st_size > 1000
        assert name in shown.replace("\n", "")
    assert "careerset init" in shown.replace("\n", " ")

    data = json.loads(run("demo", "--json", "--out", str(tmp_path / "again")).stdout)
    assert data["summary"]["counts"]["job"] == 7
    verdicts = {item["id"]: item["verdict"] for item in data["assessment"]}
    assert verdicts["job-retail"] == "job" and verdicts["job-analytics"] == "career step"
    assert sorted(Path(path).name for path in data["files"].values()) == sorted(SHOWCASE)
