"""Jobs added or imported without an occupation code are coded, confirmed in a terminal, and
confirmed codes teach the coder: through the real command tree, a real SQLite store and the
real coder over the embedded default reference (no pack, no mocks of the coder).
"""

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from careerset.cli import job_coding
from careerset.coding.autocode import MIN_CONFIDENCE

from .conftest import Invoke  # type: ignore[import-not-found]

FIXTURE = Path(__file__).parents[1] / "reference" / "fixtures" / "onet_30_3"
LINKEDIN = Path(__file__).parents[1] / "interchange" / "data" / "linkedin"
RN = "29-1141.00"
NONSENSE = "qwxz vbnm"
PROMPT = f"Code as {RN} Registered Nurses ("


def jobs(run: Invoke) -> list[dict[str, Any]]:
    result = run("list", "job", "--json")
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout))


def add(run: Invoke, *args: str, input: str | None = None) -> dict[str, Any]:
    result = run("add", "job", *args, "--json", input=input)
    assert result.exit_code == 0, result.stderr
    stored: dict[str, Any] = json.loads(result.stdout)
    return stored


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the command believe a person is at the terminal; answers come from `input=`."""
    monkeypatch.setattr(job_coding, "interactive", lambda: True)


# -- add job ------------------------------------------------------------------------------------


def test_add_job_codes_the_title_without_asking(run: Invoke) -> None:
    result = run("add", "job", "--title", "Registered Nurse", "--org", "St. Mary")
    assert result.exit_code == 0, result.stderr
    assert "Code as" not in result.output
    [job] = jobs(run)
    assert job["occupation_code"] == RN and job["occupation_source"] == "coded"
    assert MIN_CONFIDENCE <= job["occupation_confidence"] <= 1.0
    assert f"Occupation {RN} Registered Nurses (coded" in result.stdout
    assert "careerset codes review" in result.stdout


def test_add_job_json_output_is_only_the_coded_entry(run: Invoke) -> None:
    result = run("add", "job", "--title", "registered nurse", "--json")
    assert result.exit_code == 0, result.stderr
    stored = json.loads(result.stdout)
    assert stored["occupation_code"] == RN and stored["occupation_source"] == "coded"
    assert jobs(run) == [stored]


def test_no_code_flag_and_a_given_code_skip_the_coder(run: Invoke) -> None:
    skipped = add(run, "--title", "Registered Nurse", "--no-code")
    assert skipped["occupation_code"] is None and skipped["occupation_source"] is None
    typed = add(run, "--title", "Registered Nurse", "--occupation", "29-1171.00")
    assert (typed["occupation_code"], typed["occupation_source"]) == ("29-1171.00", "manual")
    assert typed["occupation_confidence"] is None


def test_below_the_minimum_confidence_nothing_is_stored(run: Invoke) -> None:
    result = run("add", "job", "--title", NONSENSE)
    assert result.exit_code == 0, result.stderr
    [job] = jobs(run)
    assert job["occupation_code"] is None and job["occupation_source"] is None
    assert job["occupation_confidence"] is None
    assert "No occupation matched the title confidently" in result.stdout


def test_no_prompt_when_not_interactive_even_with_input(run: Invoke) -> None:
    stored = add(run, "--title", "Registered Nurse", input="n\n")
    assert stored["occupation_code"] == RN and stored["occupation_source"] == "coded"


# -- confirming in a terminal -------------------------------------------------------------------


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("answer", ["", "y", "YES"])
def test_yes_confirms_the_suggestion(run: Invoke, answer: str) -> None:
    result = run("add", "job", "--title", "Registered Nurse", input=f"{answer}\n")
    assert result.exit_code == 0, result.stderr
    assert PROMPT in result.stderr and "[Y/n/other code]" in result.stderr
    [job] = jobs(run)
    assert job["occupation_code"] == RN and job["occupation_source"] == "confirmed"
    assert job["occupation_confidence"] == 1.0
    assert f"Occupation {RN} Registered Nurses (confirmed)." in result.stdout


@pytest.mark.usefixtures("terminal")
def test_no_leaves_the_job_uncoded(run: Invoke) -> None:
    result = run("add", "job", "--title", "Registered Nurse", input="n\n")
    assert result.exit_code == 0 and PROMPT in result.stderr
    [job] = jobs(run)
    assert job["occupation_code"] is None and job["occupation_source"] is None
    assert f"Left uncoded; set a code with `careerset edit {job['id']}" in result.stdout


@pytest.mark.usefixtures("terminal")
def test_another_code_corrects_it_after_a_wrong_answer(run: Invoke) -> None:
    result = run("add", "job", "--title", "Registered Nurse", input="maybe\n29-1171\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(PROMPT) == 2
    assert "'maybe' is not an O*NET-SOC occupation code" in result.stderr
    [job] = jobs(run)
    assert (job["occupation_code"], job["occupation_source"]) == ("29-1171.00", "confirmed")
    assert job["occupation_confidence"] == 1.0
    assert "Occupation 29-1171.00 Nurse Practitioners (confirmed)." in result.stdout


@pytest.mark.usefixtures("terminal")
def test_nothing_is_asked_when_the_coder_is_unsure(run: Invoke) -> None:
    result = run("add", "job", "--title", NONSENSE, input="y\n")
    assert result.exit_code == 0 and "Code as" not in result.output
    assert jobs(run)[0]["occupation_code"] is None


def _answer_in_a_terminal(home: Path, args: list[str], answer: str) -> tuple[int, str]:
    """Run the real program on a pseudo-terminal and type `answer` at the question."""
    env = {**os.environ, "CAREERSET_HOME": str(home), "COLUMNS": "200"}
    env.pop("CAREERSET_DB", None)
    env.pop("CAREERSET_REFERENCE_DIR", None)
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "careerset", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    seen, answered = b"", False
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1.0)
            if ready:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the program closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
            if not answered and b"[Y/n/other code]" in seen:
                os.write(leader, answer.encode() + b"\n")
                answered = True
            if process.poll() is not None and not ready:
                break
    finally:
        os.close(leader)
        code = process.wait(timeout=30)
    return code, seen.decode("utf-8", "replace")


def test_a_real_terminal_is_asked_and_the_answer_is_stored(home: Path, run: Invoke) -> None:
    home.mkdir(parents=True, exist_ok=True)
    code, shown = _answer_in_a_terminal(
        home, ["add", "job", "--title", "Registered Nurse"], "29-1171.00"
    )
    assert code == 0, shown
    assert PROMPT in shown
    listed = run("list", "job", "--json", db=str(home / "careerset.sqlite"))
    [job] = json.loads(listed.stdout)
    assert (job["occupation_code"], job["occupation_source"]) == ("29-1171.00", "confirmed")


# -- edit and what the coder learns -------------------------------------------------------------


def test_edit_occupation_confirms_with_full_confidence(run: Invoke) -> None:
    stored = add(run, "--title", "Registered Nurse")
    assert stored["occupation_source"] == "coded"
    edited = run("edit", stored["id"], "--occupation", "29-1171.00", "--json")
    assert edited.exit_code == 0, edited.stderr
    job = json.loads(edited.stdout)
    assert (job["occupation_code"], job["occupation_source"]) == ("29-1171.00", "confirmed")
    assert job["occupation_confidence"] == 1.0
    manual = run(
        "edit", stored["id"], "--occupation", RN, "--occupation-source", "manual", "--json"
    )
    job = json.loads(manual.stdout)
    assert (job["occupation_code"], job["occupation_source"]) == (RN, "manual")
    assert job["occupation_confidence"] is None
    agreed = json.loads(
        run("edit", stored["id"], "--occupation-source", "confirmed", "--json").stdout
    )
    assert (agreed["occupation_source"], agreed["occupation_confidence"]) == ("confirmed", 1.0)


def _top(run: Invoke, title: str) -> str:
    result = run("code", title, "--top", "1")
    assert result.exit_code == 0, result.stderr
    matches = json.loads(result.stdout)["matches"]
    return str(matches[0]["code"]) if matches else ""


def test_confirmed_codes_feed_the_coder(run: Invoke, tmp_path: Path) -> None:
    # An absurd code for the title, so only the confirmation can explain it.
    title, barista = "Chief Happiness Officer", "35-3023.01"
    assert _top(run, title) != barista
    first = add(run, "--title", title, "--no-code")
    assert run("edit", first["id"], "--occupation", barista).exit_code == 0
    assert _top(run, title) == barista
    second = add(run, "--title", title)
    assert (second["occupation_code"], second["occupation_source"]) == (barista, "coded")
    # Another store knows nothing of it (and is not created by coding).
    other = tmp_path / "other.sqlite"
    fresh = run("code", title, "--top", "1", db=str(other))
    assert fresh.exit_code == 0 and barista not in fresh.stdout
    assert not other.exists()


def test_code_does_not_create_a_store(run: Invoke, db_path: Path) -> None:
    assert _top(run, "registered nurse") == RN
    assert not db_path.exists()


# -- imports ------------------------------------------------------------------------------------


def _resume(tmp_path: Path) -> Path:
    document = {
        "basics": {"name": "Ana Diaz"},
        "work": [
            {"name": "St. Mary", "position": "Registered Nurse", "startDate": "2019-03"},
            {"name": "Acme", "position": NONSENSE, "startDate": "2015-01"},
        ],
    }
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_json_resume_import_codes_uncoded_jobs(run: Invoke, tmp_path: Path) -> None:
    result = run("import", str(_resume(tmp_path)))
    assert result.exit_code == 0, result.stderr
    by_title = {job["title"]: job for job in jobs(run)}
    nurse = by_title["Registered Nurse"]
    assert (nurse["occupation_code"], nurse["occupation_source"]) == (RN, "coded")
    assert MIN_CONFIDENCE <= nurse["occupation_confidence"] <= 1.0
    assert by_title[NONSENSE]["occupation_code"] is None
    again = run("import", str(_resume(tmp_path)))
    assert "0 added, 0 changed, 2 unchanged" in again.stderr


def test_import_replace_codes_and_no_code_does_not(run: Invoke, tmp_path: Path) -> None:
    assert run("import", str(_resume(tmp_path)), "--replace").exit_code == 0
    assert {job["occupation_code"] for job in jobs(run)} == {RN, None}
    fresh = str(tmp_path / "fresh.sqlite")
    assert run("import", str(_resume(tmp_path)), "--no-code", db=fresh).exit_code == 0
    assert {
        job["occupation_code"] for job in json.loads(run("list", "job", "--json", db=fresh).stdout)
    } == {None}


def test_import_uses_confirmed_codes(run: Invoke, tmp_path: Path) -> None:
    confirmed = add(run, "--title", NONSENSE, "--occupation", "35-3023.01")
    assert run("edit", confirmed["id"], "--occupation", "35-3023.01").exit_code == 0
    assert run("import", str(_resume(tmp_path))).exit_code == 0
    imported = [
        job for job in jobs(run) if job["title"] == NONSENSE and job["id"] != confirmed["id"]
    ]
    assert [(job["occupation_code"], job["occupation_source"]) for job in imported] == [
        ("35-3023.01", "coded")
    ]


def test_linkedin_import_codes_with_the_real_coder(run: Invoke) -> None:
    assert run("import", str(LINKEDIN)).exit_code == 0
    listed = jobs(run)
    coded = [job for job in listed if job["occupation_code"]]
    for job in listed:
        if job["occupation_code"]:
            assert job["occupation_source"] == "coded"
            assert MIN_CONFIDENCE <= job["occupation_confidence"] <= 1.0
        else:
            assert job["occupation_source"] is None
    # Re-importing the same export changes nothing, coded jobs included.
    assert " 0 changed" in run("import", str(LINKEDIN)).stderr
    assert len(coded) <= len(listed)


def test_yaml_import_and_restore_are_lossless(run: Invoke, tmp_path: Path) -> None:
    add(run, "--title", "Registered Nurse", "--no-code")
    exported = run("export").stdout
    assert "occupation_code" not in exported
    career = tmp_path / "career.yaml"
    career.write_text(exported, encoding="utf-8")
    fresh = str(tmp_path / "fresh.sqlite")
    assert run("import", str(career), db=fresh).exit_code == 0
    assert run("export", db=fresh).stdout == exported
    backup = tmp_path / "backup.yaml"
    assert run("backup", "-o", str(backup)).exit_code == 0
    restored = str(tmp_path / "restored.sqlite")
    assert run("restore", str(backup), db=restored).exit_code == 0
    [job] = yaml.safe_load(run("export", db=restored).stdout)["entries"]
    assert "occupation_code" not in job


# -- data install builds the index --------------------------------------------------------------


def _indexes(home: Path) -> list[str]:
    return sorted(path.name for path in (home / "reference").glob("coder-index-*.npz"))


def test_install_builds_the_title_index(run: Invoke, home: Path) -> None:
    result = run("data", "install", "--from", str(FIXTURE), "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["title_index"]["schemes"] == ["onet"]
    assert _indexes(home) == [f"coder-index-onet-{report['build_id']}.npz"]
    coded = run("code", "registered nurse")
    assert coded.exit_code == 0 and "Building" not in coded.stderr
    human = run("data", "install", "--from", str(FIXTURE))
    assert "Built the job title index (onet)" in human.stdout


def test_install_without_index_leaves_it_for_later(run: Invoke, home: Path) -> None:
    result = run("data", "install", "--from", str(FIXTURE), "--no-index", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["title_index"] is None
    assert _indexes(home) == []


def test_a_failed_index_build_does_not_fail_the_install(
    run: Invoke, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerset.coding import service

    def broken(*_args: object, **_kwargs: object) -> list[Path]:
        raise MemoryError("no room for the index")

    monkeypatch.setattr(service, "build_index_for_pack", broken)
    result = run("data", "install", "--from", str(FIXTURE))
    assert result.exit_code == 0, result.stderr
    assert "title index was not built (MemoryError: no room for the index)" in result.stderr
    assert (home / "reference" / "reference.sqlite").is_file()
    assert json.loads(run("data", "status", "--json").stdout)["kind"] == "pack"


# -- uncertain codes, review and validation ------------------------------------------------------


def _choices(stderr: str) -> list[str]:
    return [
        line.split()[1] for line in stderr.splitlines() if line.strip()[:2] in ("1.", "2.", "3.")
    ]


@pytest.mark.usefixtures("terminal")
def test_an_uncertain_code_offers_three_to_pick_from(run: Invoke) -> None:
    result = run("add", "job", "--title", "Shift Supervisor", input="2\n")
    assert result.exit_code == 0, result.stderr
    assert "Which occupation is this job?" in result.stderr and "Code as" not in result.stderr
    choices = _choices(result.stderr)
    assert len(choices) == 3
    [job] = jobs(run)
    assert (job["occupation_code"], job["occupation_source"]) == (choices[1], "confirmed")


@pytest.mark.usefixtures("terminal")
def test_enter_skips_when_the_best_code_is_less_likely_than_not(run: Invoke) -> None:
    # A bare "Assistant" could be a dozen occupations: the coder is honestly unsure of it.
    result = run("add", "job", "--title", "Assistant", input="\n")
    assert result.exit_code == 0, result.stderr
    assert "or skip [skip]" in result.stderr
    assert jobs(run)[0]["occupation_code"] is None


def test_unknown_codes_are_refused_with_the_closest_ones(run: Invoke) -> None:
    refused = run("add", "job", "--title", "Nurse", "--occupation", "29-9999.00")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1 and "29-9099.00" in refused.stderr
    goal = run("add", "goal", "--statement", "Lead a ward", "--target", "99-9999.00")
    assert goal.exit_code == 2 and "99-9999.00" in goal.stderr
    stored = add(run, "--title", "Nurse", "--occupation", "29-1141.00")
    edited = run("edit", stored["id"], "--occupation", "29-9999.00")
    assert edited.exit_code == 2
    assert [job["occupation_code"] for job in jobs(run)] == ["29-1141.00"]


def test_old_unknown_codes_still_open_and_are_listed(
    run: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERSET_ACCEPT_NEW_CODES", "1")
    stored = add(run, "--title", "Nurse", "--occupation", "29-9999.00")
    monkeypatch.delenv("CAREERSET_ACCEPT_NEW_CODES")
    assert run("show", stored["id"]).exit_code == 0
    assert run("edit", stored["id"], "--end", "2024-01").exit_code == 0
    review = run("codes", "review", "--json")
    assert review.exit_code == 0, review.stderr
    listed = json.loads(review.stdout)
    assert [item["code"] for item in listed["unknown_codes"]] == ["29-9999.00"]
    assert "does not know" in run("codes", "review").stdout


def test_codes_review_lists_and_confirms(run: Invoke) -> None:
    coded = add(run, "--title", "Shift Supervisor")
    assert coded["occupation_source"] == "coded"
    listed = json.loads(run("codes", "review", "--json").stdout)
    [item] = listed["to_confirm"]
    assert item["id"] == coded["id"] and item["choices"][0]["code"] == coded["occupation_code"]
    assert len(item["choices"]) == 3
    assert "not yet confirmed" in run("codes", "review").stdout


def test_codes_review_in_a_terminal_confirms_the_pick(
    run: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    coded = add(run, "--title", "Shift Supervisor")
    monkeypatch.setattr(job_coding, "interactive", lambda: True)
    result = run("codes", "review", input="3\n")
    assert result.exit_code == 0, result.stderr
    third = _choices(result.stdout)[2]
    [job] = jobs(run)
    assert job["id"] == coded["id"]
    assert (job["occupation_code"], job["occupation_source"]) == (third, "confirmed")
