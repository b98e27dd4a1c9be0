"""`careerset occupation search|show|compare`: explore O*NET occupations (and ESCO ones by URI)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.table import Table

from careerset.cli.main import app
from careerset.cli.output import console, err_console, print_json
from careerset.facts.profile import (
    RIASEC,
    EscoOccupation,
    OccupationProfile,
    RatedElement,
    Wages,
)
from careerset.reference.query import SECTIONS, ReferencePack, open_reference

occupation_app = typer.Typer(
    help=(
        "Search and show occupations from O*NET, with OEWS wages and ESCO skills.\n\n"
        'Example: careerset occupation search "nurse"'
    ),
    no_args_is_help=True,
)
app.add_typer(occupation_app, name="occupation")

ESCO_URI = "http://data.europa.eu/esco/occupation/"
SECTION_LIST = ", ".join(SECTIONS)


def _say(text: str) -> None:
    console.print(text, markup=False, highlight=False)


def _money(value: float | None, hourly: bool = False) -> str:
    if value is None:
        return "-"
    return f"${value:,.2f}" if hourly else f"${value:,.0f}"


def profile_json(profile: OccupationProfile, kind: str) -> dict[str, Any]:
    """The JSON shape of `occupation show`: the profile fields plus convenience keys."""
    data = asdict(profile)
    data["reference"] = kind
    if profile.interests is not None:
        data["interests"]["scores"] = profile.interests.scores()
    if profile.wages is not None:
        data["wages"]["annual_median"] = profile.wages.annual_median
        data["wages"]["aggregated"] = profile.wages.aggregated
    return data


def _wage_lines(wages: Wages) -> list[str]:
    scope = f" (OEWS aggregate {wages.soc_code}: {wages.title})" if wages.aggregated else ""
    employment = f"{wages.employment:,}" if wages.employment is not None else "-"
    annual = " / ".join(_money(wages.annual[p]) for p in (10, 25, 50, 75, 90))
    hourly = " / ".join(_money(wages.hourly[p], hourly=True) for p in (10, 25, 50, 75, 90))
    return [
        f"US wages (BLS OEWS, USD, May 2025){scope}: employment {employment}, "
        f"median {_money(wages.annual_median)} a year",
        f"  annual 10/25/50/75/90th: {annual}",
        f"  hourly 10/25/50/75/90th: {hourly}",
    ]


def _rated_table(title: str, elements: tuple[RatedElement, ...], limit: int) -> Table:
    table = Table("element", "name", "importance", "level", title=title)
    for element in elements[:limit]:
        importance = f"{element.importance:.2f}" if element.importance is not None else "-"
        level = f"{element.level:.2f}" if element.level is not None else "-"
        table.add_row(element.element_id, element.name, importance, level)
    return table


def _print_profile(profile: OccupationProfile, kind: str) -> None:
    _say(f"{profile.code}  {profile.title}")
    _say(profile.description)
    if profile.job_zone is not None:
        _say(f"Job zone: {profile.job_zone}")
    if profile.interests is not None:
        scores = ", ".join(f"{k} {v:.2f}" for k, v in profile.interests.scores().items())
        _say(f"Interests ({profile.interests.holland_code}): {scores}")
    if profile.wages is not None:
        for line in _wage_lines(profile.wages):
            _say(line)
    if profile.tasks:
        _say("Tasks:")
        for task in profile.tasks[:10]:
            _say(f"  - {task.statement}")
    if profile.technology_skills:
        names = [f"{t.name}{' (hot)' if t.hot else ''}" for t in profile.technology_skills[:15]]
        _say(f"Technology: {'; '.join(names)}")
    if profile.skills:
        console.print(_rated_table("Skills", profile.skills, 35))
    if profile.knowledge:
        console.print(_rated_table("Knowledge", profile.knowledge, 10))
    if profile.related:
        related = "; ".join(f"{r.code} {r.title} [{r.tier}]" for r in profile.related[:10])
        _say(f"Related: {related}")
    if profile.missing and kind == "embedded":
        names = [name.replace("_", " ") for name in profile.missing]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        err_console.print(
            f"note: {listed} need the full reference data; run `careerset data install`.",
            markup=False,
            highlight=False,
        )


def _esco_json(occupation: EscoOccupation) -> dict[str, Any]:
    return asdict(occupation)


def _print_esco(occupation: EscoOccupation) -> None:
    _say(f"{occupation.label}  (ESCO, ISCO {occupation.isco_group or '-'})")
    _say(occupation.uri)
    if occupation.description:
        _say(occupation.description)
    _say(f"Essential skills ({len(occupation.essential_skills)}):")
    for skill in occupation.essential_skills:
        _say(f"  - {skill.label}")
    _say(f"Optional skills: {len(occupation.optional_skills)}")


@occupation_app.command("search")
def search(
    query: str = typer.Argument(..., help="Words from a title, alternate title or description."),
    limit: int = typer.Option(10, "--limit", min=1, max=200, help="How many results."),
    esco: bool = typer.Option(False, "--esco", help="Search ESCO occupations instead of O*NET."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """Find occupations by title, alternate title or description, best match first.

    Example: careerset occupation search "nurse" --limit 5
    """
    reference = open_reference()
    try:
        if esco:
            found = reference.esco_occupation_search(query, limit)
            if as_json:
                print_json([{"uri": uri, "title": label} for uri, label in found])
            for uri, label in [] if as_json else found:
                _say(f"{uri}  {label}")
            return
        hits = reference.search(query, limit)
    finally:
        reference.close()
    if as_json:
        print_json([asdict(hit) for hit in hits])
        return
    if not hits:
        err_console.print(f"No occupation matches {query!r}.", markup=False, highlight=False)
        return
    table = Table("code", "title", "score", "matched")
    for hit in hits:
        table.add_row(hit.code, hit.title, f"{hit.score:.2f}", hit.matched)
    console.print(table)


@occupation_app.command("show")
def show(
    code: str = typer.Argument(..., help="An O*NET-SOC code (15-1252.00) or an ESCO URI."),
    section: Annotated[
        list[str] | None,
        typer.Option("--section", "-s", help=f"Only these sections (repeatable): {SECTION_LIST}."),
    ] = None,
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """Show an occupation: description, tasks, skills, interests, wages and related ones.

    An ESCO occupation URI shows its essential and optional skills instead.

    Example: careerset occupation show 15-1252.00 --section interests
    """
    reference = open_reference()
    try:
        if code.startswith(ESCO_URI):
            occupation = reference.esco_occupation(code)
            print_json(_esco_json(occupation)) if as_json else _print_esco(occupation)
            return
        profile = reference.profile(code, section or None)
        requirements = None if section else reference.requirements(profile.code)
    finally:
        reference.close()
    from careerset.analysis.requirements import describe_requirements

    lines = [] if section else describe_requirements(requirements, profile.job_zone)
    if as_json:
        data = profile_json(profile, reference.kind)
        data["requirements"] = asdict(requirements) if requirements is not None else None
        data["requirement_sentences"] = lines
        print_json(data)
    else:
        _print_profile(profile, reference.kind)
        for line in lines:
            _say(line)


def _comparison(reference: ReferencePack, codes: list[str]) -> dict[str, Any]:
    profiles = [reference.profile(code) for code in codes]
    skills: dict[str, dict[str, Any]] = {}
    for index, profile in enumerate(profiles):
        for element in profile.skills:
            row = skills.setdefault(
                element.element_id,
                {"element_id": element.element_id, "name": element.name, "values": [None, None]},
            )
            row["values"][index] = {"importance": element.importance, "level": element.level}
    return {
        "reference": reference.kind,
        "occupations": [
            {
                "code": p.code,
                "title": p.title,
                "job_zone": p.job_zone,
                "interests": asdict(p.interests) if p.interests else None,
                "annual_median": p.wages.annual_median if p.wages else None,
                "employment": p.wages.employment if p.wages else None,
                "missing": list(p.missing),
            }
            for p in profiles
        ],
        "skills": sorted(
            skills.values(),
            key=lambda row: -max((v or {}).get("importance") or 0.0 for v in row["values"]),
        ),
    }


@occupation_app.command("compare")
def compare(
    first: str = typer.Argument(..., help="First O*NET-SOC code."),
    second: str = typer.Argument(..., help="Second O*NET-SOC code."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """Compare two occupations side by side: interests, skills, job zone and wages.

    Example: careerset occupation compare 15-1252.00 15-1211.00
    """
    reference = open_reference()
    try:
        result = _comparison(reference, [first, second])
    finally:
        reference.close()
    if as_json:
        print_json(result)
        return
    left, right = result["occupations"]
    table = Table("", f"{left['code']} {left['title']}", f"{right['code']} {right['title']}")
    table.add_row("job zone", str(left["job_zone"] or "-"), str(right["job_zone"] or "-"))
    table.add_row("median wage", _money(left["annual_median"]), _money(right["annual_median"]))
    for name in RIASEC:
        values = [(o["interests"] or {}).get(name.lower()) for o in (left, right)]
        table.add_row(name, *(f"{v:.2f}" if v is not None else "-" for v in values))
    for row in result["skills"][:15]:
        values = [(v or {}).get("importance") for v in row["values"]]
        table.add_row(row["name"], *(f"{v:.2f}" if v is not None else "-" for v in values))
    console.print(table)
    lacking = {"interests", "skills"} & {m for o in result["occupations"] for m in o["missing"]}
    if result["reference"] == "embedded" and lacking:
        err_console.print(
            f"note: {' and '.join(sorted(lacking))} need the full reference data; "
            "run `careerset data install`.",
            markup=False,
            highlight=False,
        )
