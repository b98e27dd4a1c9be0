"""`careerset assess` and `careerset report` through the real command tree."""

import json
import sys
from pathlib import Path

import pytest

from careerset.model.career import Career
from careerset.store.repository import Store

from .conftest import Invoke  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
from verdict_cases import NURSE  # type: ignore[import-not-found]  # noqa: E402


def store_career(store_target: str, career: Career, profile: str = "default") -> None:
    store = Store.open(store_target)
    try:
        with store.transaction() as session:
            session.replace_career(profile, career)
    finally:
        store.close()


def test_assess_json_shape_on_the_embedded_default(run: Invoke, store_target: str) -> None:
    store_career(store_target, NURSE.career())
    result = run("assess", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [item["verdict"] for item in data] == [
        "job",
        "career step",
        "career step",
        "career step",
    ]
    for item in data:
        assert {
            "id",
            "title",
            "organization",
            "start",
            "end",
            "occupation_code",
            "verdict",
            "score",
            "components",
            "reasons",
        } <= set(item)
        assert set(item["components"]) == {
            "passion_fit",
            "goal_alignment",
            "growth",
            "learning",
            "continuity",
            "security",
        }


@pytest.mark.shared_data
def test_assess_table_with_the_pack(
    run: Invoke, store_target: str, use_reference_pack: Path
) -> None:
    store_career(store_target, NURSE.career())
    result = run("assess")
    assert result.exit_code == 0, result.stderr
    # Plain reasons: the goal match reads in words, never as a bare score like "(1.00)".
    assert "career step" in result.stdout and "the same occupation" in result.stdout
    assert "(1.00)" not in result.stdout
    assert "For sharper verdicts" not in result.stdout


def test_assess_with_no_jobs(run: Invoke) -> None:
    result = run("assess")
    assert result.exit_code == 0
    assert "No jobs to assess yet" in result.stdout
    empty = run("assess", "--json")
    assert json.loads(empty.stdout) == []


def test_report_text_and_json(run: Invoke, store_target: str, tmp_path: Path) -> None:
    store_career(store_target, NURSE.career())
    text = run("report")
    assert text.exit_code == 0, text.stderr
    assert "JOB OR CAREER?" in text.stdout and "WHAT TO DO NEXT" in text.stdout
    data = json.loads(run("report", "--format", "json").stdout)
    assert set(data) >= {"summary", "assessment", "metrics", "next_steps", "verdict_counts"}
    target = tmp_path / "report.txt"
    written = run("report", "-o", str(target))
    assert written.exit_code == 0 and "3. " in target.read_text(encoding="utf-8")


def test_report_bad_format_and_unwritable_file(run: Invoke, tmp_path: Path) -> None:
    assert run("report", "--format", "docx").exit_code == 2
    result = run("report", "-o", str(tmp_path / "missing" / "dir" / "r.txt"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
