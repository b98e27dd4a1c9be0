"""`careerset gaps|paths|plan|explore`: where to go next from the career on record.

The work happens in `next_steps_view`, imported inside each command so that other commands
never pay for loading numpy and the analyses.
"""

from __future__ import annotations

import typer

from careerset.cli.main import app
from careerset.cli.store_access import transaction
from careerset.model.career import Career

TARGET_HELP = "Target O*NET-SOC code (default: your active goal's first target)."
JSON_HELP = "Print machine-readable JSON."


def _career() -> Career:
    with transaction() as (session, profile):
        return session.load_career(profile)


@app.command("gaps")
def gaps_command(
    target: str | None = typer.Option(None, "--target", help=TARGET_HELP),
    limit: int = typer.Option(10, "--limit", min=1, max=100, help="Gaps and strengths shown."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Skill gaps to a target occupation, ranked by importance x shortfall, with evidence.

    Example: careerset gaps --target 15-1251.00
    """
    from careerset.cli import next_steps_view as view

    view.run_gaps(_career(), target, limit, as_json)


@app.command("paths")
def paths_command(
    target: str | None = typer.Option(None, "--target", help=TARGET_HELP),
    start: str | None = typer.Option(
        None, "--from", help="Starting O*NET-SOC code (default: your most recent coded job)."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Up to three stepping-stone paths to a target occupation, with each step's gain and gap.

    Example: careerset paths --target 15-1251.00 --from 15-2051.01
    """
    from careerset.cli import next_steps_view as view

    view.run_paths(_career(), target, start, as_json)


@app.command("plan")
def plan_command(
    target: str | None = typer.Option(None, "--target", help=TARGET_HELP),
    months: int | None = typer.Option(
        None,
        "--months",
        min=1,
        max=120,
        help="Plan length (default: to the goal's horizon, or 12).",
    ),
    rebuild: bool = typer.Option(False, "--rebuild", help="Replace a saved plan with a new one."),
    save: bool = typer.Option(True, "--save/--no-save", help="Keep the plan in the goal."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """An upskilling plan to a target: what to build first, hours, checkpoints and progress.

    The plan is saved in the goal for that target (created if needed); later runs show it
    with progress from your activity log until --rebuild or --months asks for a new one.

    Example: careerset plan --target 15-1251.00 --months 9
    """
    from careerset.cli import next_steps_view as view

    with transaction() as (session, profile):
        view.run_plan(session, profile, target, months, rebuild, save, as_json)


@app.command("explore")
def explore_command(
    limit: int = typer.Option(10, "--limit", min=1, max=100, help="How many occupations."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Occupations close to your interests and evidenced skills (passion x readiness), with wages.

    Example: careerset explore --limit 5
    """
    from careerset.cli import next_steps_view as view

    view.run_explore(_career(), limit, as_json)
