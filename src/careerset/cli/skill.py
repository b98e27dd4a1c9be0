"""`careerset skill search|show`: look up ESCO skills, their hierarchy and who needs them."""

from __future__ import annotations

from dataclasses import asdict

import typer
from rich.table import Table

from careerset.cli.main import app
from careerset.cli.output import console, print_json
from careerset.reference.query import open_reference
from careerset.wording import count_of

skill_app = typer.Typer(
    help=(
        "Search the ESCO skills taxonomy (needs the installed reference pack).\n\n"
        'Example: careerset skill search "python"'
    ),
    no_args_is_help=True,
)
app.add_typer(skill_app, name="skill")


@skill_app.command("search")
def search(
    query: str = typer.Argument(..., help="Words of a skill's label or alternative labels."),
    limit: int = typer.Option(10, "--limit", min=1, max=200, help="How many results."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """Find ESCO skills and knowledge by label, best match first.

    Example: careerset skill search "python" --json
    """
    reference = open_reference()
    try:
        skills = reference.esco_skill_search(query, limit)
    finally:
        reference.close()
    if as_json:
        print_json([asdict(skill) for skill in skills])
        return
    table = Table("label", "type", "reuse", "uri")
    for skill in skills:
        table.add_row(skill.label, skill.skill_type or "-", skill.reuse_level or "-", skill.uri)
    console.print(table)


@skill_app.command("show")
def show(
    uri: str = typer.Argument(..., help="An ESCO skill URI."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """Show an ESCO skill: description, broader groups and the occupations that need it.

    Example: careerset skill show http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d
    """
    reference = open_reference()
    try:
        skill = reference.esco_skill(uri)
        chains = reference.skill_hierarchy(skill.uri) if reference.has("esco_hierarchy") else []
        occupations = reference.occupations_needing_skill(skill.uri)
    finally:
        reference.close()
    if as_json:
        print_json(
            {
                **asdict(skill),
                "hierarchy": [[asdict(step) for step in chain] for chain in chains],
                "occupations": [
                    {"uri": o_uri, "title": label, "relation": relation}
                    for o_uri, label, relation in occupations
                ],
            }
        )
        return
    console.print(f"{skill.label} ({skill.skill_type or '-'})", markup=False, highlight=False)
    console.print(skill.description or "", markup=False, highlight=False)
    for chain in chains:
        path = " > ".join(step.label for step in reversed(chain))
        console.print(f"in: {path}", markup=False, highlight=False)
    essential = [label for _, label, relation in occupations if relation == "essential"]
    console.print(
        f"Essential for {count_of(len(essential), 'occupation')}: {'; '.join(essential[:15])}",
        markup=False,
        highlight=False,
    )
