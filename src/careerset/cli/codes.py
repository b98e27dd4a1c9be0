"""`careerset codes review`: confirm or correct the occupation codes the coder stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from careerset.cli.main import app
from careerset.cli.output import console, err_console, print_json

if TYPE_CHECKING:
    from careerset.actions.code_review import CodeReview, ReviewItem
    from careerset.coding.service import Coder

codes_app = typer.Typer(
    help="Review occupation codes.\n\nExample: careerset codes review", no_args_is_help=True
)
app.add_typer(codes_app, name="codes")


def _as_json(review: CodeReview) -> dict[str, object]:
    def item(entry: ReviewItem) -> dict[str, object]:
        return {
            "id": entry.job_id,
            "title": entry.title,
            "code": entry.code,
            "confidence": entry.confidence,
            "choices": [choice._asdict() for choice in entry.choices],
        }

    return {
        "to_confirm": [item(entry) for entry in review.to_confirm],
        "unknown_codes": [item(entry) for entry in review.unknown],
    }


def _say(text: str) -> None:
    console.print(text, markup=False, highlight=False)


def _walk(review: CodeReview, coder: Coder) -> None:
    """Ask about each job in turn; Enter confirms the stored code, a number picks another."""
    from careerset.actions.code_review import confirm_code
    from careerset.cli.job_coding import shown
    from careerset.cli.store_access import transaction
    from careerset.coding.autocode import read_choice

    for item in review.to_confirm:
        _say(f"{item.title}:")
        for number, choice in enumerate(item.choices, start=1):
            _say(f"  {number}. {choice.code} {choice.title} ({shown(choice.confidence)})")
        answer = typer.prompt(
            "Pick 1-3, another code, or skip [1]",
            default="",
            show_default=False,
            prompt_suffix=" ",
            err=True,
        )
        picked = read_choice(answer, item.choices, coder.index.codes, skip_default=False)
        if picked.problem is not None:
            err_console.print(picked.problem, markup=False, highlight=False)
            continue
        if picked.code is None:
            continue
        with transaction() as (session, profile):
            confirm_code(session, profile, item.job_id, picked.code)
        _say(f"Confirmed {picked.code} for {item.title}.")


@codes_app.command("review")
def review(
    as_json: bool = typer.Option(False, "--json", help="Print what there is to review as JSON."),
) -> None:
    """Walk through jobs whose code the coder chose and nobody confirmed, least certain first,
    and list jobs stored with codes the reference data does not know.

    In a terminal each job shows its code and two alternatives: Enter confirms the first, a
    number or a code picks another, "skip" leaves it as it is.

    Example: careerset codes review
    """
    from careerset.actions.code_review import review_codes
    from careerset.cli.job_coding import build_notice, interactive
    from careerset.cli.store_access import transaction
    from careerset.coding.service import load_coder
    from careerset.coding.validation import known_occupation_codes

    with transaction() as (session, profile):
        entries = session.list_entries(profile, "job")
        confirmed = session.confirmed_codes()
    coder = load_coder("onet", confirmed, on_build=build_notice)
    result = review_codes(entries, coder, known_occupation_codes())
    if as_json:
        print_json(_as_json(result))
        return
    for item in result.unknown:
        _say(
            f"{item.title} ({item.job_id}) has code {item.code}, which the reference data does "
            f"not know; set another with `careerset edit {item.job_id} --occupation CODE`."
        )
    if not result.to_confirm:
        _say("No coded job is waiting to be confirmed.")
        return
    if not interactive():
        for item in result.to_confirm:
            best = item.choices[0]
            _say(f"{item.title} ({item.job_id}): {best.code} {best.title}, not yet confirmed.")
        _say("Run `careerset codes review` in a terminal to confirm or correct them.")
        return
    _walk(result, coder)
