"""`careerset code`: JSON lines, --top, stdin mode and bad input, on a small real index."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerset.cli import code as code_command
from careerset.cli.main import cli
from careerset.coding import service
from careerset.coding.index import build_index
from careerset.coding.matcher import Match
from careerset.coding.records import CodingSource, TitleRecord

TITLES = {
    "29-1141.00": ("Registered Nurses", ["Staff Nurse", "Charge Nurse"]),
    "15-1252.00": ("Software Developers", ["Software Engineer", "Application Developer"]),
    "35-3031.00": ("Waiters and Waitresses", ["Server", "Food Server"]),
    "53-3032.00": ("Heavy and Tractor-Trailer Truck Drivers", ["Truck Driver", "Semi Driver"]),
}


@pytest.fixture
def small_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Serve a four-occupation index instead of the installed reference."""
    records = [TitleRecord(code, title, "title") for code, (title, _) in TITLES.items()]
    records += [
        TitleRecord(code, alternate, "alternate")
        for code, (_, alternates) in TITLES.items()
        for alternate in alternates
    ]
    titles = {code: title for code, (title, _) in TITLES.items()}
    index = build_index(CodingSource("onet", titles, records), "cli-test")
    monkeypatch.setattr(service, "load_coder_index", lambda scheme="onet", on_build=None: index)


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_titles_as_arguments_give_one_json_line_each(small_coder: None) -> None:
    result = CliRunner().invoke(cli(), ["code", "Sr. software engineer", "RN - nights"])
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert [line["title"] for line in lines] == ["Sr. software engineer", "RN - nights"]
    first = lines[0]["matches"]
    assert isinstance(first, list)
    assert first[0]["code"] == "15-1252.00"
    assert first[0]["title"] == "Software Developers"
    assert 0.0 <= first[0]["score"] <= 1.0
    assert set(first[0]) == {"code", "title", "score"}


def test_top_limits_matches(small_coder: None) -> None:
    result = CliRunner().invoke(cli(), ["code", "--top", "2", "driver"])
    assert result.exit_code == 0
    assert len(_lines(result.stdout)[0]["matches"]) <= 2  # type: ignore[arg-type]


def test_stdin_gives_one_line_per_title_in_order(small_coder: None) -> None:
    result = CliRunner().invoke(cli(), ["code"], input="waitress\n\ntruck driver\n")
    assert result.exit_code == 0
    lines = _lines(result.stdout)
    assert [line["title"] for line in lines] == ["waitress", "", "truck driver"]
    assert lines[1]["matches"] == []
    assert lines[2]["matches"][0]["code"] == "53-3032.00"  # type: ignore[index]


@pytest.mark.parametrize(
    ("title", "matches"),
    [
        ("nurse", [Match("29-1141.00", "Registered Nurses", 0.81234567)]),
        ('He said "boss"\\ \t', [Match("11-1011.00", 'Chief "Executives"', 1e-05)]),
        ("Врач \U0001f680", [Match("35-2014.00", "Cooks, Café", 0.0), Match("x", "y", 1.0)]),
        ("", []),
    ],
)
def test_lines_are_what_json_dumps_writes(title: str, matches: list[Match]) -> None:
    payload = {"title": title, "matches": [match.as_dict() for match in matches]}
    assert list(code_command._lines([title], [matches])) == [
        json.dumps(payload, ensure_ascii=False)
    ]


def test_unknown_scheme_is_a_user_error(small_coder: None) -> None:
    result = CliRunner().invoke(cli(), ["code", "--scheme", "isco", "nurse"])
    assert result.exit_code == 2
    assert "scheme" in result.output


def test_whole_process_on_the_embedded_list(tmp_path: Path) -> None:
    """A real subprocess with no pack installed: the embedded occupation list serves."""
    env = {**os.environ, "CAREERSET_HOME": str(tmp_path)}
    env.pop("CAREERSET_REFERENCE_DIR", None)
    command = [sys.executable, "-m", "careerset.cli.main", "code", "registered nurse"]
    script = "from careerset.cli.main import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script, *command[3:]],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout.strip())
    assert line["matches"][0]["code"] == "29-1141.00"
