"""RenderCV export and import: the document's shape, round trips, and RenderCV itself (when present)."""

import os
import re
import shutil
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from tests.strategies import careers, examples

from careerset.errors import UserError
from careerset.interchange import json_resume, yaml_backup
from careerset.interchange.linkedin import load_linkedin_export
from careerset.interchange.rendercv import career_to_rendercv, dump_rendercv
from careerset.interchange.rendercv_import import load_rendercv_text, rendercv_to_career
from careerset.model.career import Career
from careerset.model.dates import PRESENT, PartialDate
from careerset.model.entries import Certification, Education, Job, Publication, Skill

EXAMPLES = sorted((Path(__file__).parent / "data" / "jsonresume").glob("*.resume.json"))
LINKEDIN = Path(__file__).parent / "data" / "linkedin"
PROPERTY = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# RenderCV's entry types, told apart by their own keys, and the keys each requires.
ENTRY_TYPES = {
    "OneLineEntry": ({"label", "details"}, {"label", "details"}),
    "NormalEntry": ({"name"}, {"name"}),
    "ExperienceEntry": ({"company", "position"}, {"company", "position"}),
    "EducationEntry": ({"institution", "area", "degree", "grade"}, {"institution", "area"}),
    "PublicationEntry": ({"title", "authors", "doi", "journal"}, {"title", "authors"}),
    "BulletEntry": ({"bullet"}, {"bullet"}),
}
NETWORKS = {
    "LinkedIn", "GitHub", "GitLab", "IMDB", "Instagram", "ORCID", "Mastodon", "StackOverflow",
    "ResearchGate", "YouTube", "Google Scholar", "Telegram", "Leetcode", "X",
}  # fmt: skip
EXACT_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def demo_career() -> Career:
    text = resources.files("careerset.samples").joinpath("demo_career.yaml").read_text("utf-8")
    return yaml_backup.document_to_career(yaml_backup.load_yaml_text(text))


def sources() -> list[tuple[str, Career]]:
    found = [("demo", demo_career())]
    for path in EXAMPLES:
        found.append((path.name, json_resume.load_json_resume_text(path.read_text("utf-8"))))
    found.append(("linkedin export", load_linkedin_export(LINKEDIN, connections=True)))
    return found


def entry_type(item: Any) -> str:
    if isinstance(item, str):
        return "TextEntry"
    return next(name for name, (own, _) in ENTRY_TYPES.items() if own & set(item))


def first_day(value: Any) -> tuple[int, int, int]:
    return PartialDate.parse(str(value)).sort_key() if value != PRESENT else (9999, 0, 0)


def check_shape(document: dict[str, Any]) -> None:
    """RenderCV 2's rules for its input, as far as they can be checked without it."""
    assert set(document) == {"cv"}
    cv = document["cv"]
    assert set(cv) <= {
        "name",
        "label",
        "location",
        "email",
        "phone",
        "website",
        "social_networks",
        "sections",
    }
    if "phone" in cv:
        assert re.fullmatch(r"\+[1-9]\d{6,14}", cv["phone"])
    if "website" in cv:
        assert cv["website"].startswith(("http://", "https://"))
    for network in cv.get("social_networks", []):
        assert network["network"] in NETWORKS and network["username"]
    for title, items in cv.get("sections", {}).items():
        assert items, title
        kinds = {entry_type(item) for item in items}
        assert len(kinds) == 1, (title, kinds)
        kind = kinds.pop()
        for item in items:
            if kind == "TextEntry":
                continue
            assert ENTRY_TYPES[kind][1] <= set(item), (title, item)
            for key in ("start_date", "end_date", "date"):
                value = item.get(key)
                assert (
                    value is None
                    or isinstance(value, int)
                    or EXACT_DATE.match(value)
                    or value == PRESENT
                )
            if "start_date" in item and "end_date" in item:
                assert first_day(item["start_date"]) <= first_day(item["end_date"]), item


@pytest.mark.parametrize(("name", "career"), sources(), ids=[name for name, _ in sources()])
def test_exports_have_rendercvs_shape(name: str, career: Career) -> None:
    check_shape(career_to_rendercv(career))


@pytest.mark.parametrize(("name", "career"), sources(), ids=[name for name, _ in sources()])
def test_export_import_export_is_a_fixed_point(name: str, career: Career) -> None:
    text = dump_rendercv(career)
    assert dump_rendercv(load_rendercv_text(text)) == text


def test_the_demo_exports_its_sections() -> None:
    cv = career_to_rendercv(demo_career())["cv"]
    assert cv["name"] == "Maya Okafor" and cv["location"] == "Columbus, Ohio, US"
    sections = cv["sections"]
    assert list(sections)[:2] == ["Summary", "Experience"]
    first = sections["Experience"][0]
    assert (first["company"], first["end_date"]) == ("Lakeview Insurance", "present")
    assert all(entry_type(item) == "ExperienceEntry" for item in sections["Experience"])


def test_import_keeps_what_the_cv_shows() -> None:
    career = demo_career()
    back = load_rendercv_text(dump_rendercv(career))

    def shown(c: Career) -> list[tuple[str | None, str, str, str]]:
        return sorted((j.organization, j.title, str(j.start), str(j.end)) for j in c.of_type(Job))

    assert shown(back) == shown(career)
    assert {e.institution for e in back.of_type(Education)} == {
        e.institution for e in career.of_type(Education)
    }
    assert {s.name for s in back.of_type(Skill)} == {s.name for s in career.of_type(Skill)}
    assert {(c.name, c.issuer) for c in back.of_type(Certification)} == {
        (c.name, c.issuer) for c in career.of_type(Certification)
    }
    assert (
        back.person.name == career.person.name and back.person.languages == career.person.languages
    )


@PROPERTY
@given(careers())
def test_any_career_exports_to_a_valid_shape_and_round_trips(career: Career) -> None:
    document = career_to_rendercv(career)
    check_shape(document)
    text = dump_rendercv(career)
    assert dump_rendercv(load_rendercv_text(text)) == text


HAND_WRITTEN = """
cv:
  name: John Doe
  location: Istanbul, Türkiye
  email: john@example.com
  phone: +905419999999
  website: https://example.com/
  social_networks:
    - network: GitHub
      username: johndoe
  sections:
    welcome:
      - This is free text.
    education:
      - institution: Boğaziçi University
        area: Mechanical Engineering
        degree: BS
        start_date: 2000-09
        end_date: 2005-05
        highlights:
          - "GPA: 3.9/4.0"
    experience:
      - company: Some Company
        position: Software Engineer
        start_date: 2020-10
        highlights:
          - Did this.
    publications:
      - title: A Paper
        authors: [John Doe, Jane Roe]
        doi: 10.1109/TASC.2023.3340648
        journal: IEEE
        date: 2023-12
    projects:
      - name: Some Project
        date: Fall 2023
        summary: A project.
    skills:
      - label: Languages
        details: Python, C++
    hobbies:
      - bullet: Rock climbing
design:
  theme: classic
"""


def test_a_hand_written_rendercv_file_imports() -> None:
    career = load_rendercv_text(HAND_WRITTEN)
    (job,) = career.of_type(Job)
    assert (job.organization, job.title, job.start, job.end) == (
        "Some Company",
        "Software Engineer",
        PartialDate.parse("2020-10"),
        PRESENT,
    )
    (education,) = career.of_type(Education)
    assert (education.area, education.study_type) == ("Mechanical Engineering", "BS")
    assert (education.highlights, education.extra) == (["GPA: 3.9/4.0"], {})
    (paper,) = career.of_type(Publication)
    assert paper.url == "https://doi.org/10.1109/TASC.2023.3340648"
    assert paper.extra == {"authors": ["John Doe", "Jane Roe"]}
    (skill,) = career.of_type(Skill)
    assert (skill.name, skill.keywords) == ("Languages", ["Python", "C++"])
    project = next(e for e in career.entries if e.kind == "project")
    assert project.extra == {"date": "Fall 2023"}
    person = career.person
    assert (person.name, person.phone, person.url) == (
        "John Doe",
        "+905419999999",
        "https://example.com/",
    )
    assert person.profiles[0].network == "GitHub"
    kept = person.extra["rendercv-sections"]
    assert kept == {"welcome": ["This is free text."], "hobbies": [{"bullet": "Rock climbing"}]}
    sections = career_to_rendercv(career)["cv"]["sections"]
    assert sections["welcome"] == ["This is free text."] and sections["hobbies"] == [
        {"bullet": "Rock climbing"}
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a list\n", "must be an object"),
        ("design: {}\n", "no 'cv' key"),
        ("cv: [1]\n", "cv must be an object"),
        ("cv:\n  sections: {a: 1}\n", "cv.sections.a must be a list"),
        (
            "cv:\n  sections:\n    x:\n      - company: [3]\n        position: p\n",
            "company must be text",
        ),
        (
            "cv:\n  sections:\n    x:\n      - company: A\n        position: B\n        start_date: [1]\n",
            "start_date must be a date",
        ),
        ("cv:\n  sections:\n    x:\n      - 7\n", r"x\[0\] must be an object"),
        ("cv: {name: '   '}\n", None),
        (
            "cv:\n  social_networks:\n    - {network: GitHub, username: " + "x" * 400 + "}\n",
            "username",
        ),
        (
            "cv:\n  sections:\n    Languages:\n      - {label: " + "x" * 400 + ", details: ''}\n",
            "language",
        ),
    ],
)
def test_bad_rendercv_input_is_one_user_error(text: str, message: str | None) -> None:
    if message is None:
        rendercv_to_career(yaml_backup.load_yaml_text(text))
        return
    with pytest.raises(UserError, match=message):
        load_rendercv_text(text)


def rendercv_binary() -> Path | None:
    given_path = os.environ.get("CAREERSET_RENDERCV")
    for candidate in (given_path, "/tmp/rcv/bin/rendercv"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@pytest.mark.skipif(rendercv_binary() is None, reason="no rendercv (set CAREERSET_RENDERCV)")
@pytest.mark.parametrize(("name", "career"), sources(), ids=[name for name, _ in sources()])
def test_rendercv_itself_accepts_the_export(name: str, career: Career, tmp_path: Path) -> None:
    binary = rendercv_binary()
    assert binary is not None
    source = tmp_path / "cv.yaml"
    source.write_text(dump_rendercv(career), encoding="utf-8")
    result = subprocess.run(
        [str(binary), "render", source.name, "--dont-generate-pdf", "--dont-generate-png"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    written = {path.suffix for path in (tmp_path / "rendercv_output").iterdir()}
    assert {".typ", ".md", ".html"} <= written
    shutil.rmtree(tmp_path / "rendercv_output")
