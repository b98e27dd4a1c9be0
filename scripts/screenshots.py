"""Write PNGs of every page of the web app at desktop (1280 px) and phone (375 px) widths.

Usage: python scripts/screenshots.py [OUTPUT_DIR]   (default: out/screenshots)
Runs the app on the bundled demo career in a throwaway store, in Debian's Chromium.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"desktop": 1280, "phone": 375}
# (file name, path) of every page; the job form also gets typed into, to show suggestions.
PAGES = [
    ("dashboard", ""),
    ("entries", "entries"),
    ("job-form", "entries/new/job"),
    ("profiler-result", "profiler"),
    ("assessment", "assessment"),
    ("occupations", "occupations?q=nurse"),
    ("occupation", "occupations/29-1141.00"),
    ("compare", "occupations/compare?codes=29-1141.00&codes=29-1171.00&codes=29-2061.00"),
    ("next-steps", "next-steps"),
    ("cv", "cv"),
    ("exchange", "exchange"),
    ("status", "status"),
]


def _load_demo(db: Path) -> None:
    from careerset.cli.setup import load_demo_career
    from careerset.store.repository import Store

    store = Store.open(str(db))
    with store.transaction() as session:
        session.replace_career("default", load_demo_career())
    store.close()


def _shoot(page: object, base: str, out: Path, suffix: str) -> list[Path]:
    written = []
    for name, path in PAGES:
        page.goto(base + path)  # type: ignore[attr-defined]
        if name == "job-form":
            page.get_by_label("Title").press_sequentially("registered nurse")  # type: ignore[attr-defined]
            page.locator("button.suggestion").first.wait_for(timeout=60_000)  # type: ignore[attr-defined]
        target = out / f"{name}-{suffix}.png"
        page.screenshot(path=str(target), full_page=True)  # type: ignore[attr-defined]
        written.append(target)
    # The form with validation messages, and a profiler question.
    page.goto(base + "entries/new/job")  # type: ignore[attr-defined]
    page.get_by_label("Start").fill("2019-13")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Add job").click()  # type: ignore[attr-defined]
    target = out / f"job-form-errors-{suffix}.png"
    page.screenshot(path=str(target), full_page=True)  # type: ignore[attr-defined]
    written.append(target)
    return written


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots")
    if not Path(CHROMIUM).exists():
        print(f"screenshots need {CHROMIUM}; run scripts/ensure-chromium.sh as root.")
        return 1
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        # A CAREERSET_REFERENCE_DIR given by the caller is kept: pages then show full O*NET data.
        os.environ["CAREERSET_HOME"] = folder
        from careerset.web.app import create_app
        from careerset.web.live import running_server

        db = Path(folder) / "store.sqlite"
        _load_demo(db)
        app = create_app(str(db), "default")
        written: list[Path] = []
        with running_server(app) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for scheme in ("light", "dark"):
                for label, width in WIDTHS.items():
                    if scheme == "dark" and label == "phone":
                        continue
                    context = browser.new_context(
                        viewport={"width": width, "height": 900}, color_scheme=scheme
                    )
                    page = context.new_page()
                    suffix = label if scheme == "light" else f"{label}-dark"
                    written += _shoot(page, base, out, suffix)
                    context.close()
            page = browser.new_page(viewport={"width": 375, "height": 900})
            page.goto(base + "profiler")
            page.get_by_role("button", name="Take it again").click()
            page.wait_for_selector("html[data-enhanced]", state="attached")
            page.keyboard.press("3")
            page.wait_for_selector("text=Question 2 of 60")
            target = out / "profiler-question-phone.png"
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
            browser.close()
        app.state.context.store.close()
    print(f"wrote {len(written)} screenshots to {out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
