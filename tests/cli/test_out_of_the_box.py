"""Issue 17's test: right after install, with an empty home folder and no reference pack, the
demo and gaps/paths/plan work on the embedded core, as real processes."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
CAREERSET = [sys.executable, "-c", "from careerset.cli.main import main; main()"]


@pytest.fixture
def empty_home(tmp_path: Path) -> dict[str, str]:
    """An environment whose home, careerset home and XDG folders are all new and empty."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CAREERSET_", "XDG_"))
    }
    home = tmp_path / "home"
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        COLUMNS="100",  # the width of the README's sample
    )
    home.mkdir()
    return env


def readme_sample() -> list[str]:
    """The lines of the README's demo sample, without its "..." elisions."""
    text = README.read_text("utf-8")
    start = text.index("```text\n", text.index("## What it looks like")) + len("```text\n")
    return [line for line in text[start : text.index("```", start)].splitlines() if line != "..."]


def careerset(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*CAREERSET, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"careerset {' '.join(args)}: {done.stderr}"
    assert "Traceback" not in done.stderr
    return done


def test_the_demo_shows_gaps_and_a_plan_and_its_commands_work(
    empty_home: dict[str, str],
) -> None:
    shown = careerset(empty_home, "demo").stdout
    home = Path(empty_home["HOME"])
    data = home / ".local" / "share" / "careerset"
    assert not (data / "reference" / "reference.sqlite").exists()
    assert list((home / ".cache" / "careerset" / "reference").glob("embedded-*.sqlite"))
    # "  1. Learn TensorFlow (employers ask for it)." -> "TensorFlow"
    gaps_shown = re.findall(
        r"^  \d+\. (?:Learn |Build (?:knowledge of )?)?(.+?)(?: \(|:|\.$)", shown, re.MULTILINE
    )
    assert gaps_shown and "data install" not in shown
    report = (data / "demo" / "report.html").read_text("utf-8")
    assert any(name in report for name in gaps_shown)
    # The README's sample is this output (with the home folder written as ~).
    lines = {line.rstrip().replace(str(home), "~") for line in shown.splitlines()}
    assert [line for line in readme_sample() if line.rstrip() not in lines] == []
    # Every command the demo offers works as printed, in order.
    offered = shown[shown.index("Try careerset on the sample:") :]
    commands = re.findall(r"`(careerset [^`]+)`", offered)
    assert len(commands) >= 5 and "careerset demo --keep" in commands
    outputs = {}
    for command in commands:
        outputs[command] = careerset(empty_home, *shlex.split(command)[1:]).stdout
    gaps = next(out for cmd, out in outputs.items() if " gaps " in cmd)
    plan = next(out for cmd, out in outputs.items() if " plan " in cmd)
    assert gaps_shown[0] in gaps and any(name in plan for name in gaps_shown)


def test_a_nurse_gets_gaps_paths_and_a_plan_to_nurse_practitioner(
    empty_home: dict[str, str],
) -> None:
    empty_home["CAREERSET_HOME"] = str(Path(empty_home["HOME"]) / "careerset")
    careerset(
        empty_home,
        *("add", "job", "--title", "Registered Nurse", "--org", "St. Mary"),
        *("--start", "2016-03", "--end", "present", "--occupation", "29-1141.00", "--no-code"),
    )
    target = ("--target", "29-1171.00")
    gaps = json.loads(careerset(empty_home, "gaps", *target, "--json").stdout)
    assert gaps["ranked"] and gaps["target"]["code"] == "29-1171.00"
    paths = careerset(empty_home, "paths", *target)
    assert "Registered Nurses" in paths.stdout and "Nurse Practitioners" in paths.stdout
    assert "data install" not in paths.stderr
    plan = json.loads(careerset(empty_home, "plan", *target, "--json").stdout)
    assert plan["plan"]["items"] and plan["plan"]["target_code"] == "29-1171.00"
