"""`gaps`, `paths`, `plan` and `explore` through the real command tree, store and reference pack."""

import json
from pathlib import Path

import pytest

from careerset.analysis.paths import SIMILARITY_THRESHOLD
from careerset.model.entries import InterestProfile
from careerset.store.repository import Store

from .conftest import Invoke  # type: ignore[import-not-found]

COMMANDS = ["gaps", "paths", "plan", "explore"]

ANALYST = [
    [
        "add",
        "job",
        "--id",
        "job1",
        "--title",
        "BI Analyst",
        "--org",
        "Acme",
        "--start",
        "2018-01",
        "--end",
        "2021-06",
        "--occupation",
        "15-2051.01",
    ],
    [
        "add",
        "job",
        "--id",
        "job2",
        "--title",
        "Senior BI Analyst",
        "--org",
        "Beta",
        "--start",
        "2021-07",
        "--end",
        "present",
        "--occupation",
        "15-2051.01",
    ],
    ["add", "skill", "--id", "sql", "--name", "SQL", "--proficiency", "4"],
    ["add", "skill", "--id", "excel", "--name", "Excel", "--proficiency", "5"],
    ["add", "certification", "--id", "stats", "--name", "Statistics Certificate", "--date", "2020"],
]


@pytest.fixture
def analyst(run: Invoke, use_reference_pack: Path) -> Invoke:
    for args in ANALYST:
        assert run(*args).exit_code == 0
    return run


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(run: Invoke, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout


@pytest.mark.shared_data
def test_gaps_json_traces_every_number(analyst: Invoke) -> None:
    result = analyst("gaps", "--target", "15-1251.00", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    top3 = data["ranked"][:3]
    programming = next(g for g in top3 if g["name"] == "Programming")
    assert programming["importance"] == 4.75 and programming["level"] == 4.88
    ids = {i for link in programming["evidence"] for i in link["entry_ids"]}
    assert {"sql", "job1", "job2"} <= ids
    assert data["strengths"]


@pytest.mark.shared_data
def test_gaps_table_for_people(analyst: Invoke) -> None:
    result = analyst("gaps", "--target", "15-1251.00", "--limit", "3")
    assert result.exit_code == 0
    # No degree on record: the bachelor's degree comes first, then the skill gaps.
    assert result.stdout.index("bachelor's degree") < result.stdout.index("Programming")
    assert "What already transfers" in result.stdout


@pytest.mark.shared_data
def test_paths_start_from_the_latest_coded_job(analyst: Invoke) -> None:
    result = analyst("paths", "--target", "15-1251.00", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["start_code"] == "15-2051.01" and data["threshold"] == SIMILARITY_THRESHOLD
    assert any(len(p["steps"]) <= 3 for p in data["paths"])
    for path in data["paths"]:
        assert all(step["similarity"] >= SIMILARITY_THRESHOLD for step in path["steps"])
    table = analyst("paths", "--target", "15-1251.00", "--from", "15-2051.01")
    assert table.exit_code == 0 and "Path 1" in table.stdout


@pytest.mark.shared_data
def test_plan_is_saved_in_a_goal_and_shown_with_progress(analyst: Invoke) -> None:
    first = analyst("plan", "--target", "15-1251.00", "--months", "6", "--json")
    assert first.exit_code == 0, first.stderr
    data = json.loads(first.stdout)
    # The degree (4 years) comes first and lengthens the plan beyond the 6 months asked for.
    items = [item["name"] for item in data["plan"]["items"]]
    assert items[0] == "a bachelor's degree" and "Programming" in items
    assert data["plan"]["months"] > 48
    goal_id = data["goal_id"]
    goal = json.loads(analyst("show", goal_id, "--json").stdout)
    assert goal["target_codes"] == ["15-1251.00"]
    # With a goal in place, the target defaults to it and the saved plan comes back.
    again = json.loads(analyst("plan", "--json").stdout)
    assert again["plan"] == data["plan"] and again["goal_id"] == goal_id
    assert "months_elapsed" in again["progress"]
    assert analyst("gaps").exit_code == 0
    people = analyst("plan")
    assert people.exit_code == 0 and "Progress:" in people.stdout


@pytest.mark.shared_data
def test_explore_ranks_design_for_an_artistic_designer(
    run: Invoke, use_reference_pack: Path, store_target: str
) -> None:
    store = Store.open(store_target)
    try:
        with store.transaction() as session:
            session.put_entry(
                "default",
                InterestProfile(
                    realistic=8,
                    investigative=12,
                    artistic=36,
                    social=14,
                    enterprising=16,
                    conventional=6,
                ),
            )
    finally:
        store.close()
    for args in (
        ["add", "skill", "--name", "Graphic design", "--proficiency", "4"],
        ["add", "skill", "--name", "Typography", "--proficiency", "3"],
    ):
        assert run(*args).exit_code == 0
    result = run("explore", "--limit", "5", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert any("Designer" in s["title"] for s in data["suggestions"])
    assert data["person_scores"]["Artistic"] > data["person_scores"]["Realistic"]
    table = run("explore", "--limit", "3")
    assert table.exit_code == 0 and "Your strongest interests are Artistic" in table.stdout


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["gaps", "--target", "http://data.europa.eu/esco/occupation/abc"], "ESCO"),
        (["paths", "--target", "2512"], "ISCO"),
        (["plan", "--target", "99-9999.00"], "no occupation"),
        (["gaps"], "--target"),
        (["paths", "--target", "15-1251.00"], "No job has an occupation code"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(
    run: Invoke, use_reference_pack: Path, args: list[str], words: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_without_a_pack_the_embedded_core_answers(run: Invoke, home: Path, command: str) -> None:
    for args in ANALYST:
        assert run(*args).exit_code == 0
    target = [] if command == "explore" else ["--target", "15-2041.00"]
    result = run(command, *target, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    found = {
        "gaps": lambda: data["ranked"],
        "paths": lambda: data["paths"],
        "plan": lambda: data["plan"]["items"],
        "explore": lambda: data["suggestions"],
    }[command]()
    assert found, f"{command} found nothing on the embedded core"
    assert "careerset data install" not in result.stderr
