"""The report's "where to go next": top gaps and one path to the goal, or a note saying why not;
and the report, `paths` and the web page all start from one current occupation."""

from datetime import date
from pathlib import Path

from careerset.actions.next_steps import find_paths_for, next_steps
from careerset.actions.report import career_report, outlook_for
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
    outlook = outlook_for(_analyst("15-1251.00"), open_reference(reference_pack), TODAY)
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
    outlook = outlook_for(_analyst("15-1251.00"), None, TODAY)
    assert outlook.gaps == ()
    assert outlook.notes[0].action is not None and outlook.notes[0].action.kind == "install_data"


def test_without_a_goal_it_says_so() -> None:
    outlook = outlook_for(_analyst(None), None, TODAY)
    assert outlook.target is None and "goal" in outlook.notes[0].text
    assert outlook.notes[0].action is not None and outlook.notes[0].action.kind == "add_goal"


def _side_job_career() -> Career:
    """A current job since 2015 and a side job in 2020-2021 in another occupation."""
    return Career.of(
        [
            build_entry(
                "job",
                {
                    "id": "main",
                    "title": "Software Developer",
                    "occupation_code": "15-1252.00",
                    "start": "2015-01",
                    "end": "present",
                },
            ),
            build_entry(
                "job",
                {
                    "id": "side",
                    "title": "Weekend sales",
                    "occupation_code": "41-2011.00",
                    "start": "2020-01",
                    "end": "2021-06",
                },
            ),
            build_entry("goal", {"statement": "Lead", "target_codes": ["11-3021.00"]}),
        ]
    )


def test_report_paths_and_next_steps_start_from_the_same_occupation(reference_pack: Path) -> None:
    reference = open_reference(reference_pack)
    career = _side_job_career()
    paths = find_paths_for(career, reference, "11-3021.00", TODAY)
    web = next_steps(career, reference, None, TODAY, explore_limit=0).paths
    report = career_report(career, reference, TODAY).outlook
    assert paths.start_code == "15-1252.00"
    assert web is not None and web.start_code == paths.start_code
    assert report.path and report.path[0] == paths.start_title
