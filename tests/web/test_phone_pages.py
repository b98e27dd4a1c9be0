"""Every page of the web app on a 375 px phone, in real Chromium, with the demo career: no page
scrolls sideways; and the report page and the CV options work in the browser.

The pages are enumerated from the app's own routes, so a new page is checked too.
Skips (with the reason) where Debian's Chromium or Playwright is not installed.
"""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi import FastAPI

from careerset.cli.setup import load_demo_career
from careerset.model.career import Career
from careerset.store.repository import Store
from careerset.web.app import create_app
from careerset.web.cv_formats import availability
from careerset.web.live import running_server

from .test_browser import CHROMIUM, CHROMIUM_ARGS  # type: ignore[import-not-found]
from .test_server_isolation import flat_routes  # type: ignore[import-not-found]

PHONE = {"width": 375, "height": 812}
# Pages that need a query to show anything, and what a person would ask.
QUERIES = {"/occupations": "?q=nurse", "/occupations/compare": "?codes=29-1141.00&codes=29-1171.00"}


def _demo_store(path: Path) -> Career:
    store = Store.open(str(path))
    try:
        with store.transaction() as session:
            session.replace_career("default", load_demo_career())
        with store.transaction() as session:
            return session.load_career("default")
    finally:
        store.close()


def page_paths(app: FastAPI, career: Career) -> list[str]:
    """Every HTML page the app serves with GET, path parameters filled from the demo career."""
    job = career.jobs[-1]
    values = {
        "kind": "job",
        "entry_id": job.id,
        "code": job.occupation_code or "29-1141.00",
    }
    paths = []
    for route in flat_routes(app):
        path = getattr(route, "path", "")
        methods = getattr(route, "methods", set()) or set()
        if "GET" not in methods or path.startswith(("/api", "/static", "/openapi")):
            continue
        if any(part in path for part in ("/download", "/export", "/backup", "/preview", "/live")):
            continue  # files and fragments, not pages
        filled = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)
        paths.append(filled + QUERIES.get(path, ""))
    for kind in ("job", "education", "certification", "goal", "activity", "contact", "skill"):
        paths.append(f"/entries/new/{kind}")
    paths.append("/entries?kind=job")
    return sorted(set(paths))


@pytest.fixture
def phone(home: Path) -> Iterator[tuple[Any, str, list[str]]]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/ensure-chromium.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    home.mkdir(parents=True, exist_ok=True)
    career = _demo_store(home / "store.sqlite")
    app = create_app(str(home / "store.sqlite"), "default")
    paths = page_paths(app, career)
    with running_server(app) as base_url, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(accept_downloads=True, viewport=PHONE)
        page = context.new_page()
        page.set_default_timeout(60_000)
        yield page, base_url.rstrip("/"), paths
        browser.close()
    app.state.context.store.close()


def test_no_page_scrolls_sideways_on_a_phone(phone: tuple[Any, str, list[str]]) -> None:
    page, base_url, paths = phone
    assert {"/", "/report", "/cv", "/next-steps", "/assessment"} <= set(paths)
    wide = {}
    for path in paths:
        response = page.goto(base_url + path)
        assert response is not None and response.status < 400, (path, response and response.status)
        width = page.evaluate("document.documentElement.scrollWidth")
        viewport = page.evaluate("window.innerWidth")
        if width > viewport:
            wide[path] = width
    assert not wide, f"pages wider than {PHONE['width']} px: {wide}"


def test_the_report_page_shows_the_charts_and_downloads_a_pdf(
    phone: tuple[Any, str, list[str]], tmp_path: Path
) -> None:
    page, base_url, _ = phone
    page.goto(base_url + "/report")
    assert "Career report" in page.locator("h1").first.inner_text()
    assert page.locator(".report-embed figure img").count() >= 3
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    target = tmp_path / "report.pdf"
    download.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_cv_options_reach_the_preview_and_the_downloads(
    phone: tuple[Any, str, list[str]], tmp_path: Path
) -> None:
    page, base_url, _ = phone
    page.goto(base_url + "/cv")
    page.get_by_label("Design").select_option("modern")
    page.get_by_label("At most this many pages").fill("1")
    page.get_by_label("Leave out what ended before").fill("2014")
    page.get_by_role("button", name="Update the CV").click()
    page.wait_for_url("**/cv?*")
    chosen = parse_qs(urlparse(page.url).query)
    assert chosen["design"] == ["modern"] and chosen["max_pages"] == ["1"]
    preview = page.locator("iframe.cv-preview").get_attribute("src") or ""
    assert "design=modern" in preview and "since=2014" in preview
    frame = page.frame_locator("iframe.cv-preview")
    assert "Maya Okafor" in frame.locator("body").inner_text()
    href = page.locator("#download-html").get_attribute("href") or ""
    assert "max_pages=1" in href
    if availability()["pdf"] is None:
        with page.expect_download() as download:
            page.locator("#download-pdf").click()
        target = tmp_path / "cv.pdf"
        download.value.save_as(target)
        assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.shared_data
def test_the_assessment_api_computes_no_gaps_or_paths(
    tmp_path: Path, use_reference_pack: Path
) -> None:
    """Only verdicts: with the full pack, whose skills would allow gaps and paths, the gap and
    path analyses are never even imported to answer it (the dashboard's report does import them)."""
    import subprocess
    import sys

    _demo_store(tmp_path / "store.sqlite")
    # One process asks for the verdicts, notes what is loaded, then asks for the full report
    # in the same process, which does load the analyses: the first check can fail.
    probe = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from careerset.web.app import create_app\n"
        f"app = create_app({str(tmp_path / 'store.sqlite')!r}, 'default')\n"
        "client = TestClient(app, base_url='http://127.0.0.1')\n"
        "names = ('careerset.analysis.gaps', 'careerset.analysis.paths',"
        " 'careerset.analysis.explore')\n"
        "response = client.get('/api/assessment')\n"
        "assert response.status_code == 200, response.text\n"
        "assert len(response.json()['verdicts']) == 7\n"
        "print(sorted(m for m in names if m in sys.modules))\n"
        "report = client.get('/api/report')\n"
        "assert report.status_code == 200 and report.json()['outlook'], report.text\n"
        "print(sorted(m for m in names if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    after_verdicts, after_report = result.stdout.strip().splitlines()
    assert after_verdicts == "[]"
    assert "careerset.analysis.gaps" in after_report
