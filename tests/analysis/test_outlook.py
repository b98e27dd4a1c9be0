"""The report's "where to go next": top gaps and one path to the goal, or a note saying why not."""

from datetime import date
from pathlib import Path

from careerset.analysis.outlook import build_outlook
from careerset.model import Career
from careerset.model.validation import build_entry
from careerset.reference.query import open_reference

TODAY = date(2026, 11, 28)


def _analyst(target: str | None) -> Career:
    entries = [
        build_entry(
            "job",
            {
                "id": "bi1",
                "title": "BI Analyst",
                "occupation_code": "15-2051.01",
                "start": "2016-01",
                "end": "2020-12",
            },
        ),
        build_entry(
            "job",
            {
                "id": "bi2",
                "title": "Senior BI Analyst",
                "occupation_code": "15-2051.01",
                "start": "2021-01",
                "end": "present",
            },
        ),
        build_entry("skill", {"id": "sql", "name": "SQL", "proficiency": 4}),
    ]
    if target:
        entries.append(build_entry("goal", {"statement": "Program", "target_codes": [target]}))
    return Career.of(entries)


def test_with_the_pack_it_names_gaps_with_evidence_and_a_path(reference_pack: Path) -> None:
    outlook = build_outlook(_analyst("15-1251.00"), open_reference(reference_pack), TODAY)
    assert outlook.target_title == "Computer Programmers"
    names = [gap.name for gap in outlook.gaps]
    assert "Programming" in names[:3]
    programming = outlook.gaps[names.index("Programming")]
    assert "sql" in programming.evidence_ids
    assert (
        outlook.path[0] == "Business Intelligence Analysts"
        and outlook.path[-1] == "Computer Programmers"
    )
    assert 3 <= len(outlook.path) <= 4


def test_without_skills_data_it_says_how_to_get_them() -> None:
    outlook = build_outlook(_analyst("15-1251.00"), None, TODAY)
    assert outlook.gaps == () and "careerset data install" in outlook.notes[0]


def test_without_a_goal_it_says_so() -> None:
    outlook = build_outlook(_analyst(None), None, TODAY)
    assert outlook.target is None and "goal" in outlook.notes[0]
