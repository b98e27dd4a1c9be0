"""Careers to render (the demo, every JSON Resume example, a hostile one, a long one), PDF and
image helpers, and snapshots: set CAREERSET_UPDATE_TESTDATA=1 to rewrite files under testdata/.
"""

from __future__ import annotations

import io
import os
import re
from datetime import date
from pathlib import Path

import pytest

from careerset.cli.setup import load_demo_career
from careerset.interchange.json_resume import load_json_resume_text
from careerset.model.career import Career
from careerset.model.dates import PRESENT, PartialDate
from careerset.model.entries import Education, Job
from careerset.model.person import Person, SocialProfile

TODAY = date(2026, 11, 28)
TESTDATA = Path(__file__).parent / "testdata"
EXAMPLES = Path(__file__).resolve().parents[1] / "interchange" / "data" / "jsonresume"
UPDATE = os.environ.get("CAREERSET_UPDATE_TESTDATA") == "1"

SCRIPT = "<script>alert('x')</script>"
TYPST_ATTACK = "#set page(width: 1cm)"
ARABIC = "مهندسة برمجيات أولى"
HOSTILE_TITLE = "Lead *engineer* _of_ `code` $x^2$ @ref [link](javascript:alert(1)) \\ / ~ # <b>"
LONG = " ".join(f"word{i}" for i in range(700))[:5000]


def example_careers() -> dict[str, Career]:
    return {
        path.name.removesuffix(".resume.json"): load_json_resume_text(
            path.read_text(encoding="utf-8")
        )
        for path in sorted(EXAMPLES.glob("*.resume.json"))
    }


def all_careers() -> dict[str, Career]:
    return {"demo": load_demo_career(), **example_careers()}


def hostile_career() -> Career:
    """Every kind of special character where a person's text goes."""
    person = Person(
        name=f"Zoë {TYPST_ATTACK} {SCRIPT} 🚀",
        label=ARABIC,
        email="zoe@example.org",
        url="javascript:alert(1)",
        summary=f"{TYPST_ATTACK} & <i>friends</i>\n\n# Not a heading\n- not a list\n{SCRIPT}",
        profiles=[SocialProfile(network="Web", url="https://example.org/zoë?a=1&b=<2>")],
    )
    jobs = [
        Job(
            id="hostile",
            title=HOSTILE_TITLE,
            organization=ARABIC,
            start=PartialDate(2020, 1),
            end=PRESENT,
            highlights=[
                TYPST_ATTACK,
                SCRIPT,
                f"{ARABIC}: {ARABIC}",
                LONG,
                "Emoji 🎉👩🏽‍💻 and ✓",
                "1. not a list",
                "]]>",
            ],
            skills=["C#", "F*", "<svg onload=alert(1)>"],
        ),
        Job(
            id="second",
            title="Ops # $ %",
            organization="ACME ]] }} {{ x }}",
            start=PartialDate(2015),
        ),
    ]
    school = Education(id="school", institution="#show: x => none", area="{{ 7*7 }}")
    return Career((*jobs, school), person)


def long_career(jobs: int = 15) -> Career:
    """A person with many jobs, each with several highlights: several pages untrimmed."""
    entries = [
        Job(
            id=f"job-{n}",
            title=f"Engineer level {n}",
            organization=f"Company {n}",
            start=PartialDate(2000 + n, 1),
            end=PRESENT if n == jobs else PartialDate(2000 + n, 12),
            summary="Worked on systems that other teams relied on every day, in good times and bad.",
            highlights=[
                f"Achievement {n}.{k}: shipped a thing that mattered to customers."
                for k in range(5)
            ],
            skills=["Python", f"Tool {n}"],
        )
        for n in range(1, jobs + 1)
    ]
    return Career(tuple(entries), Person(name="Long Career"))


def words(text: str) -> str:
    """Whitespace-normalised text, so line breaks in a PDF do not break comparisons."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return words(" ".join(page.extract_text() or "" for page in reader.pages))


def pdf_pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def ink_share(png: bytes) -> float:
    """Share of pixels that are not near-white: 0 for a blank page."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    histogram = image.histogram()
    dark = sum(histogram[:200])
    return dark / (image.width * image.height)


def check_snapshot(name: str, actual: str) -> None:
    path = TESTDATA / name
    if UPDATE or not path.exists():
        if not UPDATE and os.environ.get("CI"):
            pytest.fail(f"missing snapshot {name}; run with CAREERSET_UPDATE_TESTDATA=1")
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} changed; regenerate with CAREERSET_UPDATE_TESTDATA=1"
