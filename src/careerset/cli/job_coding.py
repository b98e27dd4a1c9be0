"""Occupation coding for the commands that add jobs: the build notice, the store's confirmed
codes, and the "Code as ...? [Y/n/other code]" question asked in a terminal.

The rules themselves (threshold, what is stored) live in `careerset.coding.autocode`.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from careerset.cli.output import err_console
from careerset.cli.state import current_state
from careerset.model.enums import CodeSource

if TYPE_CHECKING:
    from careerset.coding.autocode import Answer, Suggestion
    from careerset.coding.service import Coder
    from careerset.model.entries import Job
    from careerset.store.repository import StoreSession

# Wrong answers to the confirmation question before the job is kept as the coder coded it.
MAX_ASKS = 3


def build_notice(note: str) -> None:
    """Tell the person why the command is quiet while the title index is built (once)."""
    err_console.print(note, markup=False, highlight=False)


def shown(confidence: float) -> str:
    """A confidence with two decimals, rounded down: 0.697 must not read as the 0.70 that
    would have been asked about differently."""
    return f"{math.floor(confidence * 100) / 100:.2f}"


def interactive() -> bool:
    """Whether a person is at the terminal to answer questions (stdin and stdout are TTYs)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def confirmed_codes(session: StoreSession) -> list[tuple[str, str]]:
    """The (title, code) pairs people confirmed in this store, for the coder to learn from."""
    return session.confirmed_codes()


def store_confirmed_codes() -> list[tuple[str, str]]:
    """Confirmed codes of the store the global options name; [] when that store does not exist
    yet (coding a title never creates a store)."""
    from careerset.paths import default_store_path

    target = current_state().db
    if not target:
        if not default_store_path().is_file():
            return []
    elif "://" not in target and not Path(target).expanduser().is_file():
        return []
    from careerset.cli.store_access import opened_store

    with opened_store(target) as store, store.transaction() as session:
        return confirmed_codes(session)


def _title_of(coder: Coder, code: str) -> str:
    try:
        return coder.index.titles[coder.index.codes.index(code)]
    except ValueError:
        return ""


def ask_to_confirm(coder: Coder, suggestion: Suggestion) -> Answer | None:
    """Ask whether the suggested code is right. The answer's code is the one to store as
    confirmed (None: leave the job uncoded); None after MAX_ASKS answers that were not
    understood (the caller keeps the suggestion as coded)."""
    from careerset.coding.autocode import read_answer

    def prompt(text: str) -> str:
        answer: str = typer.prompt(
            text, default="", show_default=False, prompt_suffix=" ", err=True
        )
        return answer

    question = (
        f"Code as {suggestion.code} {suggestion.title} ({shown(suggestion.confidence)})?"
        " [Y/n/other code]"
    )
    for _ in range(MAX_ASKS):
        answer = read_answer(prompt(question), suggestion, coder.index.codes)
        if answer.problem is None:
            return answer
        err_console.print(answer.problem, markup=False, highlight=False)
    return None


def choose_from(coder: Coder, options: list[Suggestion]) -> Answer | None:
    """Show up to three codes to pick from; Enter takes the first when it is at least even odds,
    otherwise Enter skips. None after MAX_ASKS answers that were not understood."""
    from careerset.coding.autocode import MIN_CONFIDENCE, read_choice

    skip_default = options[0].confidence < MIN_CONFIDENCE
    err_console.print("Which occupation is this job?", markup=False, highlight=False)
    for number, option in enumerate(options, start=1):
        err_console.print(
            f"  {number}. {option.code} {option.title} ({shown(option.confidence)})",
            markup=False,
            highlight=False,
        )
    default = "skip" if skip_default else "1"
    question = f"Pick 1-{len(options)}, another code, or skip [{default}]"
    for _ in range(MAX_ASKS):
        answer: str = typer.prompt(
            question, default="", show_default=False, prompt_suffix=" ", err=True
        )
        choice = read_choice(answer, options, coder.index.codes, skip_default)
        if choice.problem is None:
            return choice
        err_console.print(choice.problem, markup=False, highlight=False)
    return None


def code_new_job(job: Job, confirmed: list[tuple[str, str]]) -> tuple[Job, str]:
    """The job coded to its best occupation (asked about in a terminal), and one sentence saying
    what was stored, with "{id}" standing for the job's id. Coding is a help: when it cannot
    run, the job is kept uncoded.

    In a terminal, a confident code (0.7 or more) is offered for a yes or no; a less certain one
    comes with the next two to choose from. Elsewhere a code is stored, as coded, only when its
    confidence is at least even odds."""
    from careerset.coding.autocode import ASK_BELOW, confident, suggestions_for, with_code
    from careerset.coding.service import load_coder
    from careerset.errors import UserError

    try:
        coder = load_coder("onet", confirmed, on_build=build_notice)
    except UserError as error:
        return job, f"The job was not coded to an occupation: {error.message}"
    options = suggestions_for(coder, job, 3)
    if interactive() and options:
        if options[0].confidence >= ASK_BELOW:
            answer = ask_to_confirm(coder, options[0])
        else:
            answer = choose_from(coder, options)
        if answer is not None and answer.code is None:
            return job, "Left uncoded; set a code with `careerset edit {id} --occupation CODE`."
        if answer is not None and answer.code is not None:
            coded = with_code(job, answer.code, CodeSource.CONFIRMED)
            if coded is not None:
                return (
                    coded,
                    f"Occupation {answer.code} {_title_of(coder, answer.code)} (confirmed).",
                )
    found = confident(options[0] if options else None)
    if found is None:
        return job, (
            "No occupation matched the title confidently, so none was stored; "
            "set one with `careerset edit {id} --occupation CODE`."
        )
    coded = with_code(job, found.code, CodeSource.CODED, found.confidence)
    if coded is None:
        return job, "No occupation code was stored."
    return coded, (
        f"Occupation {found.code} {found.title} (coded, confidence {found.confidence:.2f}); "
        "review it with `careerset codes review`."
    )
