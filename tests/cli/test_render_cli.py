"""`careerset cv`, `report --format html|pdf` through the real CLI."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from careerset.cli.render import watch_store
from careerset.cli.setup import load_demo_career
from careerset.model.career import Career
from careerset.store.repository import Store

from .conftest import Invoke  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from render.cases import long_career, pdf_pages, pdf_text  # type: ignore[import-not-found]  # noqa: E402


def store_career(store_target: str, career: Career) -> None:
    store = Store.open(store_target)
    try:
        with store.transaction() as session:
            session.replace_career("default", career)
    finally:
        store.close()


@pytest.fixture
def demo_store(store_target: str) -> str:
    store_career(store_target, load_demo_career())
    return store_target


def test_markdown_and_html_go_to_stdout(run: Invoke, demo_store: str) -> None:
    result = run("cv", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Maya Okafor\n")
    result = run("cv", "-f", "html", "--design", "modern")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>") and 'class="modern"' in result.stdout


def test_pdf_without_output_writes_a_default_file_and_says_so(
    run: Invoke, demo_store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("cv")
    assert result.exit_code == 0, result.stderr
    assert "cv.pdf" in result.stdout and "no -o given" in result.stdout
    assert "Maya Okafor" in pdf_text((tmp_path / "cv.pdf").read_bytes())


def test_docx_to_a_named_file(run: Invoke, demo_store: str, tmp_path: Path) -> None:
    import docx

    target = tmp_path / "out.docx"
    result = run("cv", "--format", "docx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    paragraphs = [p.text for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs]
    assert paragraphs[0] == "Maya Okafor"


def test_tags_and_since_tailor_the_cv(run: Invoke, demo_store: str) -> None:
    everything = run("cv", "-f", "md").stdout
    tagged = run("cv", "-f", "md", "--tags", "data").stdout
    assert "Sales Associate" in everything and "Sales Associate" not in tagged
    assert "Data Analyst Intern" in tagged
    recent = run("cv", "-f", "md", "--since", "2020").stdout
    assert "Analytics Lead" in recent and "Data Analyst Intern" not in recent


def test_max_pages_one_for_fifteen_jobs(run: Invoke, store_target: str, tmp_path: Path) -> None:
    store_career(store_target, long_career(15))
    target = tmp_path / "one.pdf"
    result = run("cv", "--max-pages", "1", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert pdf_pages(target.read_bytes()) == 1


def test_target_on_the_embedded_default_and_a_bad_target(run: Invoke, demo_store: str) -> None:
    result = run("cv", "-f", "md", "--target", "15-2051.00")
    assert result.exit_code == 0, result.stderr
    bad = run("cv", "-f", "md", "--target", "99-9999.99")
    assert bad.exit_code == 2 and "Traceback" not in bad.stderr


def test_unwritable_output_is_a_user_error(run: Invoke, demo_store: str, tmp_path: Path) -> None:
    result = run("cv", "-o", str(tmp_path / "missing" / "cv.pdf"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_bad_design_and_format_are_usage_errors(run: Invoke, demo_store: str) -> None:
    assert run("cv", "--design", "fancy").exit_code == 2
    assert run("cv", "--format", "odt").exit_code == 2
    assert run("cv", "--max-pages", "0").exit_code == 2


def test_report_html_and_pdf(
    run: Invoke, demo_store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = run("report", "--format", "html")
    assert html.exit_code == 0, html.stderr
    assert 'id="chart-timeline"' in html.stdout and 'id="chart-gaps"' in html.stdout
    monkeypatch.chdir(tmp_path)
    pdf = run("report", "--format", "pdf")
    assert pdf.exit_code == 0, pdf.stderr
    assert "report.pdf" in pdf.stdout and "no -o given" in pdf.stdout
    assert "Jobs over time, by verdict" in pdf_text((tmp_path / "report.pdf").read_bytes())


def test_watch_renders_once_and_stops(run: Invoke, demo_store: str, tmp_path: Path) -> None:
    target = tmp_path / "watched.md"
    result = run("cv", "-f", "md", "-o", str(target), "--watch", "--watch-for", "0")
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("# Maya Okafor")


def test_watch_rerenders_on_change_and_stops_on_ctrl_c() -> None:
    states = iter([1, 1, 2, 2, 3])
    renders: list[int] = []
    naps = 0

    def sleep(_seconds: float) -> None:
        nonlocal naps
        naps += 1
        if naps > 4:
            raise KeyboardInterrupt

    count = watch_store(lambda: renders.append(1), lambda: next(states), sleep=sleep)
    assert count == 3  # the first render, then one per change (1 -> 2 -> 3)


def test_demo_says_how_to_run_careerset(monkeypatch: pytest.MonkeyPatch) -> None:
    from careerset.cli.setup import how_to_run

    if sys.prefix == sys.base_prefix:
        pytest.skip("not running in a virtual environment")
    monkeypatch.setenv("PATH", "/nonexistent")
    activate = Path(sys.prefix) / "bin" / "activate"
    assert activate.is_file() and f". {activate}" in how_to_run()
    monkeypatch.setenv("PATH", str(Path(sys.prefix) / "bin"))
    assert "activate" not in how_to_run() and "careerset init" in how_to_run()
