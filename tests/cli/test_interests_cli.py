"""`careerset interests take|set|show`, driven through a pipe."""

import json

import pytest

from .conftest import Invoke  # type: ignore[import-not-found]

ALL_LIKE = "\n".join(["3"] * 60) + "\n"


def show(run: Invoke) -> object:
    result = run("interests", "show", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["profile"]


def test_show_without_a_profile(run: Invoke) -> None:
    assert show(run) is None
    assert "No interest profile yet" in run("interests", "show").stdout


def test_take_from_a_pipe(run: Invoke) -> None:
    result = run("interests", "take", input=ALL_LIKE)
    assert result.exit_code == 0, result.stderr
    assert "60/60" in result.stdout
    profile = show(run)
    assert isinstance(profile, dict)
    assert profile["source"] == "profiler"
    assert profile["scores"] == dict.fromkeys("RIASEC", 30.0)
    assert profile["onet_scores"]["R"] == 5.5


def test_take_is_resumable_and_can_go_back(run: Invoke) -> None:
    first = run("interests", "take", input="4\n4\nb\n0\nq\n")
    assert first.exit_code == 0, first.stderr
    assert "Saved 2 of 60 answers" in first.stdout
    assert show(run) is None  # a run in progress is not a profile yet
    second = run("interests", "take", input="\n".join(["2"] * 58) + "\n")
    assert "Resuming at 3" in second.stdout
    profile = show(run)
    assert isinstance(profile, dict)
    # Items 1 and 2 are Realistic (4, then 0 after going back); every other item got 2.
    assert profile["scores"]["R"] == 4 + 0 + 8 * 2 and profile["scores"]["I"] == 10 * 2


def test_take_rejects_a_bad_answer(run: Invoke) -> None:
    result = run("interests", "take", input="7\n")
    assert result.exit_code == 2
    assert "not an answer" in result.stderr


def test_set_raw_and_onet(run: Invoke) -> None:
    result = run("interests", "set", "R=12", "I=31", "A=8", "S=36", "E=14", "C=20")
    assert result.exit_code == 0, result.stderr
    assert "Holland code: SIC" in result.stdout
    onet = run(
        "interests", "set", "realistic=2", "I=6", "A=1.5", "S=7", "E=2", "C=4", "--scale", "onet"
    )
    assert onet.exit_code == 0, onet.stderr
    profile = show(run)
    assert isinstance(profile, dict) and profile["scale"] in ("raw", "onet")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["R=12", "I=31"], "missing A, S, E, C"),
        (["R=50", "I=1", "A=1", "S=1", "E=1", "C=1"], "outside the raw scale"),
        (["X=1", "I=1", "A=1", "S=1", "E=1", "C=1"], "not a RIASEC type"),
        (["R12", "I=1", "A=1", "S=1", "E=1", "C=1"], "not a score"),
    ],
)
def test_set_rejects_bad_scores(run: Invoke, args: list[str], message: str) -> None:
    result = run("interests", "set", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_the_profile_is_explained_in_plain_words(run: Invoke) -> None:
    assert run("interests", "set", "R=12", "I=31", "A=8", "S=36", "E=14", "C=20").exit_code == 0
    shown = " ".join(run("interests", "show").stdout.split())
    for name in (
        "Realistic",
        "Investigative",
        "Artistic",
        "Social",
        "Enterprising",
        "Conventional",
    ):
        assert f"{name} people like" in shown
    assert "Your strongest interests are Social, then Investigative and Conventional" in shown
