"""`careerset interests take|set|show`: the profiler, scores from elsewhere, the profile."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated

import typer

from careerset.actions.profiler import ProfilerRun, current_run, save_run
from careerset.analysis.interests import (
    ANSWER_LABELS,
    FIELDS,
    LETTERS,
    TYPE_NAMES,
    ProfilerItem,
    RiasecScores,
    interest_sentences,
    profiler_items,
)
from careerset.analysis.verdict import usable_profile
from careerset.cli.main import app
from careerset.cli.output import console, print_json
from careerset.cli.store_access import transaction
from careerset.errors import UserError
from careerset.model.dates import PartialDate
from careerset.model.entries import InterestProfile
from careerset.model.enums import InterestScale, InterestSource

interests_app = typer.Typer(
    help="Your RIASEC interests: take the O*NET Interest Profiler, enter scores, or show them.\n\n"
    "Example: careerset interests take",
    no_args_is_help=True,
)
app.add_typer(interests_app, name="interests")

QUIT, BACK = "quit", "back"
_ARROWS = {"\x1b[D": -1, "\x1b[C": 1, "\x1bOD": -1, "\x1bOC": 1}


def _say(text: str) -> None:
    console.print(text, markup=False, highlight=False)


def _load_run(restart: bool) -> ProfilerRun:
    with transaction() as (session, profile):
        return current_run(session.load_career(profile), restart)


def _save(run: ProfilerRun) -> RiasecScores:
    with transaction() as (session, profile):
        return save_run(session, profile, run, date.today())


def _line_answers() -> Iterator[tuple[int, str]]:
    """Answers from piped input: one 0-4 per line ('b' goes back, 'q' stops)."""
    for number, line in enumerate(sys.stdin, start=1):
        text = line.strip().lower()
        if text:
            yield number, text


def _key_answer(selected: int) -> tuple[str, int]:
    """Read keys until an answer: a digit 0-4, or arrows to move and Enter to choose."""
    for _ in range(1000):
        # Click gives None when restoring the terminal's mode fails mid-read: read again.
        key: str | None = typer.getchar()
        if key is None:
            continue
        if key in "01234" and len(key) == 1:
            _show_scale(int(key))  # the screen keeps the answer chosen, not the default
            return "answer", int(key)
        if key in _ARROWS:
            selected = min(max(selected + _ARROWS[key], 0), len(ANSWER_LABELS) - 1)
            _show_scale(selected)
        elif key in ("\r", "\n"):
            return "answer", selected
        elif key in ("b", "\x7f", "\x08", "\x1b[A"):
            return BACK, selected
        elif key in ("q", "\x03", "\x04"):
            return QUIT, selected
    return QUIT, selected


def _show_scale(selected: int) -> None:
    parts = [
        f"[{i} {label}]" if i == selected else f" {i} {label} "
        for i, label in enumerate(ANSWER_LABELS)
    ]
    sys.stdout.write("\r  " + " ".join(parts) + "  ")
    sys.stdout.flush()


def _ask(item: ProfilerItem, position: int, total: int) -> None:
    done = "#" * (20 * position // total)
    _say(f"\n[{done:<20}] {position}/{total}  How would you like to: {item.text}?")


def _run(
    answers: list[int | None], interactive: bool, ask: Callable[[int], tuple[str, int]]
) -> bool:
    """Walk through unanswered items; returns True when all are answered."""
    items = profiler_items()
    index = next((i for i, a in enumerate(answers) if a is None), len(items))
    while index < len(items):
        _ask(items[index], index + 1, len(items))
        if interactive:
            _show_scale(2)
        action, value = ask(index)
        if interactive:
            sys.stdout.write("\n")
        if action == QUIT:
            return False
        if action == BACK:
            index = max(index - 1, 0)
            answers[index] = None
            continue
        answers[index] = value
        index += 1
    return True


@interests_app.command("take")
def take_command(
    restart: bool = typer.Option(False, "--restart", help="Start over instead of resuming."),
) -> None:
    """Take the O*NET Interest Profiler Short Form: 60 activities, each rated 0-4; resumable.

    In a terminal press 0-4 (or arrows and Enter), b to go back, q to stop and resume later.
    From a pipe, give one answer per line.

    Example: careerset interests take
    """
    items = profiler_items()
    run = _load_run(restart)
    answers = run.answers
    interactive = sys.stdin.isatty()
    answered = run.answered
    _say(
        f"O*NET Interest Profiler Short Form: {len(items)} work activities. Rate each 0-4: "
        + ", ".join(f"{i} {label}" for i, label in enumerate(ANSWER_LABELS))
        + "."
        + (f" Resuming at {answered + 1}." if answered else "")
    )
    if interactive:
        finished = _run(answers, True, lambda _: _key_answer(2))
    else:
        finished = _run(answers, False, _piped_reader())
    scores = _save(run)
    answered = run.answered
    if not finished:
        _say(
            f"\nSaved {answered} of {len(items)} answers; run `careerset interests take` to go on."
        )
        return
    _say("")
    _show_scores(scores, "profiler", str(date.today()))


def _piped_reader() -> Callable[[int], tuple[str, int]]:
    lines = _line_answers()

    def ask(_: int) -> tuple[str, int]:
        for number, text in lines:
            if text in ("q", "quit"):
                return QUIT, 0
            if text in ("b", "back"):
                return BACK, 0
            if text in {"0", "1", "2", "3", "4"}:
                return "answer", int(text)
            raise UserError(f"line {number}: '{text[:20]}' is not an answer; use 0-4, b or q.")
        return QUIT, 0

    return ask


_SCORE = re.compile(r"^\s*([A-Za-z]+)\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*$")


def parse_scores(pairs: list[str], scale: InterestScale) -> list[float]:
    """`R=30 I=12 ...` (letters or type names, any case) into six values in R-I-A-S-E-C order."""
    found: dict[str, float] = {}
    for pair in pairs:
        match = _SCORE.match(pair)
        if not match:
            raise UserError(f"'{pair[:30]}' is not a score; write it like R=28.")
        key = match.group(1).upper()
        letter = key[0] if key.title() in TYPE_NAMES else key
        if letter not in LETTERS or (len(key) > 1 and key.title() not in TYPE_NAMES):
            raise UserError(
                f"'{match.group(1)[:20]}' is not a RIASEC type; use R, I, A, S, E or C."
            )
        found[letter] = float(match.group(2))
    missing = [letter for letter in LETTERS if letter not in found]
    if missing:
        raise UserError(f"Give all six scores; missing {', '.join(missing)} (e.g. R=12 I=30 ...).")
    low, high = (0.0, 40.0) if scale == InterestScale.RAW else (1.0, 7.0)
    for letter, value in found.items():
        if not low <= value <= high:
            raise UserError(
                f"{letter}={value:g} is outside the {scale.value} scale {low:g}-{high:g}; "
                "check --scale."
            )
    return [found[letter] for letter in LETTERS]


@interests_app.command("set")
def set_command(
    scores: Annotated[list[str], typer.Argument(help="Six scores: R=.. I=.. A=.. S=.. E=.. C=..")],
    scale: Annotated[
        InterestScale,
        typer.Option("--scale", help="raw: profiler sums 0-40; onet: O*NET's 1-7 scale."),
    ] = InterestScale.RAW,
) -> None:
    """Record interest scores known from elsewhere (another profiler, a counsellor).

    Example: careerset interests set R=12 I=31 A=8 S=36 E=14 C=20 --scale raw
    """
    values = parse_scores(scores, scale)
    entry = InterestProfile(
        scale=scale,
        source=InterestSource.MANUAL,
        date=PartialDate.from_date(date.today()),
        **dict(zip(FIELDS, values, strict=True)),
    )
    with transaction() as (session, profile):
        session.add_entry(profile, entry)
    _show_scores(RiasecScores.of_profile(entry), "entered by hand", str(entry.date))


def _show_scores(scores: RiasecScores, source: str, when: str) -> None:
    onet = scores.to_onet()
    code = scores.holland_code() or "none (all scores equal)"
    _say(f"Holland code: {code}   ({source}, {when})")
    for name, value, converted in zip(TYPE_NAMES, scores.values(), onet.values(), strict=True):
        shown = f"{value:5.1f}/40" if scores.scale == InterestScale.RAW else f"{value:4.2f}/7"
        _say(f"  {name:<14} {shown}   O*NET scale {converted:4.2f}  {'#' * round(converted * 4)}")
    if not scores.is_flat:
        _say("")
        for line in interest_sentences(scores):
            _say(line)


def profile_json(entry: InterestProfile) -> dict[str, object]:
    scores = RiasecScores.of_profile(entry)
    return {
        "id": entry.id,
        "source": entry.source.value,
        "date": None if entry.date is None else str(entry.date),
        "scale": scores.scale.value,
        "scores": dict(zip(LETTERS, scores.values(), strict=True)),
        "onet_scores": {k: round(v, 3) for k, v in scores.to_onet().by_letter().items()},
        "holland_code": scores.holland_code(),
    }


@interests_app.command("show")
def show_command(
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Show your latest interest profile: RIASEC scores, Holland code and O*NET-scale values.

    Example: careerset interests show --json
    """
    with transaction() as (session, profile):
        career = session.load_career(profile)
    entry = usable_profile(career)
    if as_json:
        print_json({"profile": None if entry is None else profile_json(entry)})
        return
    if entry is None:
        _say(
            "No interest profile yet; run `careerset interests take` or `careerset interests set`."
        )
        return
    _show_scores(RiasecScores.of_profile(entry), entry.source.value, str(entry.date or "undated"))
