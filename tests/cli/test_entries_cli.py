"""`add`, `list`, `show`, `edit`, `remove` through the real command tree and a real SQLite file."""

import json
import shlex
from typing import Any

import pytest

from careerset.actions.entry_fields import EXAMPLES

from .conftest import Invoke  # type: ignore[import-not-found]

# Touches SQL (writes, imports, accounts, access): `make test` runs it on PostgreSQL too.
pytestmark = pytest.mark.sql

# The issue's own example: `careerset add job --title "Registered Nurse" --org "St. Mary" ...`.
NURSE = shlex.split(EXAMPLES["job"])[1:]

# For every kind: the flags to add one, and fields expected back from `list KIND --json`.
EVERY_KIND: list[tuple[str, list[str], dict[str, Any]]] = [
    (
        "education",
        [
            "--institution",
            "State U",
            "--area",
            "Nursing",
            "--study-type",
            "BSN",
            "--start",
            "2010",
            "--end",
            "2014",
            "--score",
            "3.7",
            "--course",
            "Anatomy",
            "--course",
            "Ethics",
            "--url",
            "https://su.example",
        ],
        {
            "institution": "State U",
            "area": "Nursing",
            "study_type": "BSN",
            "start": "2010",
            "end": "2014",
            "score": "3.7",
            "courses": ["Anatomy", "Ethics"],
            "url": "https://su.example",
        },
    ),
    (
        "certification",
        [
            "--name",
            "BLS",
            "--issuer",
            "AHA",
            "--date",
            "2023-05",
            "--expiry",
            "2025-05",
            "--credential-id",
            "X1",
            "--url",
            "https://v.example",
        ],
        {
            "name": "BLS",
            "issuer": "AHA",
            "date": "2023-05",
            "expiry": "2025-05",
            "credential_id": "X1",
            "url": "https://v.example",
        },
    ),
    (
        "accomplishment",
        [
            "--title",
            "Nurse of the Year",
            "--date",
            "2021",
            "--awarder",
            "St. Mary",
            "--summary",
            "For care",
            "--linked-entry",
            "abc",
        ],
        {
            "title": "Nurse of the Year",
            "date": "2021",
            "awarder": "St. Mary",
            "summary": "For care",
            "linked_entry": "abc",
        },
    ),
    (
        "project",
        [
            "--name",
            "Audit",
            "--role",
            "lead",
            "--entity",
            "Ward 4",
            "--type",
            "quality",
            "--start",
            "2020-01",
            "--end",
            "2020-06",
            "--url",
            "https://p.example",
            "--summary",
            "Falls",
            "--highlight",
            "Halved falls",
            "--keyword",
            "Excel",
        ],
        {
            "name": "Audit",
            "roles": ["lead"],
            "entity": "Ward 4",
            "project_type": "quality",
            "start": "2020-01",
            "end": "2020-06",
            "url": "https://p.example",
            "summary": "Falls",
            "highlights": ["Halved falls"],
            "keywords": ["Excel"],
        },
    ),
    (
        "publication",
        [
            "--name",
            "Handovers",
            "--publisher",
            "Nursing Times",
            "--date",
            "2022-01-15",
            "--url",
            "https://n.example",
            "--summary",
            "Study",
        ],
        {
            "name": "Handovers",
            "publisher": "Nursing Times",
            "date": "2022-01-15",
            "url": "https://n.example",
            "summary": "Study",
        },
    ),
    (
        "skill",
        [
            "--name",
            "Triage",
            "--taxonomy-id",
            "2.B.1.a",
            "--proficiency",
            "4",
            "--level",
            "Advanced",
            "--keyword",
            "ER",
            "--evidence",
            "abc",
        ],
        {
            "name": "Triage",
            "taxonomy_id": "2.B.1.a",
            "proficiency": 4,
            "level": "Advanced",
            "keywords": ["ER"],
            "evidence": ["abc"],
        },
    ),
    (
        "contact",
        [
            "--name",
            "Dr. Lee",
            "--relation",
            "mentor",
            "--org",
            "St. Mary",
            "--met",
            "2019-04",
            "--last-contacted",
            "2024-10-01",
        ],
        {
            "name": "Dr. Lee",
            "relation": "mentor",
            "organization": "St. Mary",
            "met": "2019-04",
            "last_contacted": "2024-10-01",
        },
    ),
    (
        "goal",
        [
            "--statement",
            "Become an NP",
            "--target",
            "29-1171.00",
            "--horizon",
            "2027",
            "--value",
            "income",
            "--value",
            "independence",
            "--status",
            "active",
        ],
        {
            "statement": "Become an NP",
            "target_codes": ["29-1171.00"],
            "horizon": "2027",
            "values": ["income", "independence"],
            "status": "active",
        },
    ),
    (
        "activity",
        [
            "--date",
            "2024-02-10",
            "--kind",
            "course",
            "--title",
            "Pharmacology",
            "--hours",
            "6",
            "--skill",
            "Pharmacology",
        ],
        {
            "date": "2024-02-10",
            "activity_kind": "course",
            "title": "Pharmacology",
            "hours": 6.0,
            "skills": ["Pharmacology"],
        },
    ),
    (
        "interest_profile",
        [
            "--realistic",
            "10",
            "--investigative",
            "30",
            "--artistic",
            "12",
            "--social",
            "36",
            "--enterprising",
            "15",
            "--conventional",
            "20",
            "--scale",
            "raw",
            "--source",
            "manual",
            "--date",
            "2024-08",
        ],
        {
            "realistic": 10.0,
            "investigative": 30.0,
            "artistic": 12.0,
            "social": 36.0,
            "enterprising": 15.0,
            "conventional": 20.0,
            "scale": "raw",
            "source": "manual",
            "date": "2024-08",
        },
    ),
]


def test_add_job_then_list_json_returns_every_field(run: Invoke) -> None:
    added = run(*NURSE, "--tag", "clinical", "--notes", "ICU")
    assert added.exit_code == 0, added.stderr
    listed = run("list", "job", "--json")
    assert listed.exit_code == 0
    [job] = json.loads(listed.stdout)
    expected = {
        "kind": "job",
        "title": "Registered Nurse",
        "organization": "St. Mary",
        "start": "2019-03",
        "end": "present",
        "employment_type": "permanent",
        "schedule": "full-time",
        "pay_amount": 78000.0,
        "pay_basis": "salary",
        "pay_currency": "USD",
        "tags": ["clinical"],
        "notes": "ICU",
    }
    assert {k: job[k] for k in expected} == expected
    assert {"id", "created", "updated", "hours_per_week", "occupation_code", "highlights"} <= set(
        job
    )


@pytest.mark.parametrize(
    ("kind", "flags", "expected"), EVERY_KIND, ids=[k for k, _, _ in EVERY_KIND]
)
def test_add_every_kind_then_list_json(
    run: Invoke, kind: str, flags: list[str], expected: dict[str, Any]
) -> None:
    added = run("add", kind, *flags, "--tag", "t1")
    assert added.exit_code == 0, added.stderr
    [entry] = json.loads(run("list", kind, "--json").stdout)
    assert entry["kind"] == kind and entry["tags"] == ["t1"]
    assert {k: entry[k] for k in expected} == expected


def test_show_edit_remove(run: Invoke) -> None:
    stored = json.loads(run(*NURSE, "--json").stdout)
    entry_id = stored["id"]
    shown = json.loads(run("show", entry_id, "--json").stdout)
    assert shown == stored
    edited = run(
        "edit", entry_id, "--end", "2024-06", "--occupation", "29-1141.00", "--unset", "pay_amount"
    )
    assert edited.exit_code == 0, edited.stderr
    after = json.loads(run("show", entry_id, "--json").stdout)
    assert after["end"] == "2024-06" and after["occupation_code"] == "29-1141.00"
    assert after["occupation_source"] == "confirmed" and after["pay_amount"] is None
    assert after["created"] == stored["created"]
    assert "Registered Nurse" in run("show", entry_id).stdout
    assert run("remove", entry_id).exit_code == 0
    assert json.loads(run("list", "--json").stdout) == []


def test_edit_rejects_flags_of_another_kind_and_bad_values(run: Invoke) -> None:
    entry_id = json.loads(run(*NURSE, "--json").stdout)["id"]
    wrong = run("edit", entry_id, "--institution", "X")
    assert wrong.exit_code == 2 and "--institution does not apply to a job" in wrong.stderr
    bad = run("edit", entry_id, "--end", "2018-01")
    assert bad.exit_code == 2 and "before the start" in bad.stderr
    assert json.loads(run("show", entry_id, "--json").stdout)["end"] == "present"


def test_list_table_and_empty_hint(run: Invoke) -> None:
    assert "Try: careerset add job" in run("list").stdout
    run(*NURSE)
    assert "Registered Nurse at St. Mary" in run("list").stdout


def test_profiles_are_separate_on_the_command_line(run: Invoke) -> None:
    assert run("--profile", "ana", *NURSE).exit_code == 0
    assert len(json.loads(run("--profile", "ana", "list", "--json").stdout)) == 1
    assert json.loads(run("--profile", "ben", "list", "--json").stdout) == []
    assert json.loads(run("list", "--json").stdout) == []


def test_every_example_in_the_flag_table_works(run: Invoke) -> None:
    for kind, example in EXAMPLES.items():
        words = shlex.split(example)[1:]
        result = run(*words)
        assert result.exit_code == 0, f"{kind}: {result.stderr}"
