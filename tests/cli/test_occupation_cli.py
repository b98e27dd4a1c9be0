"""`careerset occupation ...` and `careerset skill ...` on the session pack and on the default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerset.cli.main import cli

from .conftest import Invoke  # type: ignore[import-not-found]

ESCO_SOFTWARE_DEVELOPER = (
    "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
)


def test_show_software_developers_json(run: Invoke, use_reference_pack: Path) -> None:
    result = run("occupation", "show", "15-1252.00", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Software Developers" and data["description"]
    assert len(data["tasks"]) >= 10
    assert any(t["hot"] for t in data["technology_skills"])
    assert len(data["skills"]) == 35
    assert {"importance", "level"} <= set(data["skills"][0])
    assert len(data["interests"]["scores"]) == 6 and data["interests"]["holland_code"] == "ICR"
    assert len(data["related"]) >= 5
    assert data["wages"]["annual_median"] == 135980
    assert data["reference"] == "pack"


def test_show_human_output(run: Invoke, use_reference_pack: Path) -> None:
    result = run("occupation", "show", "15-1252")
    assert result.exit_code == 0, result.output
    assert "Software Developers" in result.stdout and "Interests (ICR)" in result.stdout


def test_search_nurse_ranks_registered_nurses_first(run: Invoke, use_reference_pack: Path) -> None:
    result = run("occupation", "search", "nurse", "--json", "--limit", "3")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits[0]["code"] == "29-1141.00" and len(hits) == 3


def test_skill_search_python(run: Invoke, use_reference_pack: Path) -> None:
    result = run("skill", "search", "python", "--json")
    assert result.exit_code == 0, result.output
    assert "Python (computer programming)" in [s["label"] for s in json.loads(result.stdout)]
    human = run("skill", "search", "python")
    assert "Python (computer" in human.stdout


def test_skill_show_hierarchy(run: Invoke, use_reference_pack: Path) -> None:
    uri = json.loads(run("skill", "search", "python", "--json").stdout)[0]["uri"]
    data = json.loads(run("skill", "show", uri, "--json").stdout)
    assert data["hierarchy"] and data["occupations"]


def test_esco_occupation_shows_essential_skills(run: Invoke, use_reference_pack: Path) -> None:
    result = run("occupation", "show", ESCO_SOFTWARE_DEVELOPER, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["label"] == "software developer" and len(data["essential_skills"]) >= 10
    found = json.loads(run("occupation", "search", "software developer", "--esco", "--json").stdout)
    assert found[0]["uri"] == ESCO_SOFTWARE_DEVELOPER


def test_compare(run: Invoke, use_reference_pack: Path) -> None:
    result = run("occupation", "compare", "15-1252.00", "29-1141.00", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [o["code"] for o in data["occupations"]] == ["15-1252.00", "29-1141.00"]
    assert len(data["skills"]) == 35 and all(len(s["values"]) == 2 for s in data["skills"])
    assert "29-1141.00" in run("occupation", "compare", "15-1252.00", "29-1141.00").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["occupation", "show", "99-9999.00"], "no occupation 99-9999.00"),
        (["occupation", "show", "nurse"], "not an O*NET-SOC code"),
        (["occupation", "show", "15-1252.00", "-s", "colour"], "Unknown section"),
        (["occupation", "show", "15-1252.00", "-s", "abilities"], "no abilities"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    run: Invoke, use_reference_pack: Path, args: list[str], message: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_embedded_show_has_wages_interests_and_skills(run: Invoke) -> None:
    result = run("occupation", "show", "29-1141.00", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["reference"] == "embedded" and data["wages"]["annual_median"] == 97550
    assert data["interests"]["holland_code"] == "SIC" and len(data["skills"]) == 35
    assert set(data["missing"]) == {"alternate_titles", "tasks", "abilities"}


def test_embedded_show_names_only_what_is_missing(run: Invoke) -> None:
    result = run("occupation", "show", "29-1141.00")
    assert result.exit_code == 0 and "Interests (SIC)" in result.stdout
    assert "Medicine and Dentistry" in result.stdout
    assert "alternate titles, tasks and abilities need the full reference data" in result.stderr
    assert "skills" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["occupation", "show", "29-1141.00", "--section", "tasks"],
        ["skill", "search", "python"],
    ],
)
def test_embedded_features_beyond_default_say_install(run: Invoke, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "careerset data install" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_embedded_search_and_compare_work(run: Invoke) -> None:
    hits = json.loads(run("occupation", "search", "nurse", "--json").stdout)
    assert hits[0]["code"] == "29-1141.00"
    compared = run("occupation", "compare", "29-1141.00", "15-1252.00", "--json")
    assert compared.exit_code == 0
    data = json.loads(compared.stdout)
    assert data["occupations"][1]["annual_median"] == 135980
    assert data["occupations"][0]["interests"]["social"] == 5.62 and len(data["skills"]) == 35
    shown = run("occupation", "compare", "29-1141.00", "15-1252.00")
    assert shown.exit_code == 0 and "Active Listening" in shown.stdout
    assert "need the full reference data" not in shown.stderr


@pytest.mark.parametrize(
    "group",
    [
        ["data", "install"],
        ["data", "status"],
        ["occupation", "search"],
        ["occupation", "show"],
        ["occupation", "compare"],
        ["skill", "search"],
        ["skill", "show"],
        ["data"],
        ["occupation"],
        ["skill"],
    ],
)
def test_every_command_has_an_example(group: list[str]) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli(), [*group, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout


@pytest.mark.shared_data
def test_show_states_the_requirements_in_plain_words(run: Invoke, use_reference_pack: Path) -> None:
    result = run("occupation", "show", "29-1171.00")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "Education: 65% say a master's degree is required, 26% a doctorate." in text
    assert "Professional certification or licence: essential (4.8 of 5)." in text
    data = json.loads(run("occupation", "show", "29-1171.00", "--json").stdout)
    assert data["requirements"]["certification"] == pytest.approx(4.78)
    assert data["requirement_sentences"][0].startswith("Education: 65%")
