"""`careerset person show|set`: who the career belongs to, as a CV and JSON Resume show it."""

from __future__ import annotations

import typer

from careerset.cli.main import app
from careerset.cli.output import console, print_json
from careerset.cli.store_access import transaction
from careerset.errors import UserError
from careerset.model.person_details import (
    DETAIL_FIELDS,
    detail_values,
    person_document,
    with_details,
)

person_app = typer.Typer(
    help="Who the career belongs to: name, headline, contact details and location.\n\n"
    'Example: careerset person set --name "Ana Diaz" --email ana@example.org',
    no_args_is_help=True,
)
app.add_typer(person_app, name="person")

@person_app.command("show")
def show_command(
    as_json: bool = typer.Option(False, "--json", help="Print the details as JSON."),
) -> None:
    """Show the person's details.

    Example: careerset person show --json
    """
    with transaction() as (session, profile):
        person = session.load_career(profile).person
    if as_json:
        print_json(person_document(person))
        return
    shown = {field: value for field, value in detail_values(person).items() if value}
    if not shown:
        console.print("No details yet; add them with `careerset person set --name ...`.")
    for field, value in shown.items():
        console.print(f"{DETAIL_FIELDS[field][1]}: {value}", markup=False, highlight=False)


@person_app.command("set")
def set_command(
    name: str | None = typer.Option(None, "--name", help=DETAIL_FIELDS["name"][2]),
    label: str | None = typer.Option(None, "--label", help=DETAIL_FIELDS["label"][2]),
    email: str | None = typer.Option(None, "--email", help=DETAIL_FIELDS["email"][2]),
    phone: str | None = typer.Option(None, "--phone", help=DETAIL_FIELDS["phone"][2]),
    url: str | None = typer.Option(None, "--url", help=DETAIL_FIELDS["url"][2]),
    summary: str | None = typer.Option(None, "--summary", help=DETAIL_FIELDS["summary"][2]),
    city: str | None = typer.Option(None, "--city", help=DETAIL_FIELDS["city"][2]),
    region: str | None = typer.Option(None, "--region", help=DETAIL_FIELDS["region"][2]),
    country_code: str | None = typer.Option(
        None, "--country-code", help=DETAIL_FIELDS["country_code"][1]
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the details afterwards as JSON."),
) -> None:
    """Set the person's details; options not given stay as they are, "" clears one.

    Example: careerset person set --name "Ana Diaz" --label "Registered nurse" --city Austin
    """
    values = {
        "name": name,
        "label": label,
        "email": email,
        "phone": phone,
        "url": url,
        "summary": summary,
        "city": city,
        "region": region,
        "country_code": country_code,
    }
    if all(value is None for value in values.values()):
        raise UserError("give at least one detail to set, e.g. --name; see `careerset person set --help`.")
    with transaction() as (session, profile):
        person = with_details(session.load_career(profile).person, values)
        session.set_person(profile, person)
    if as_json:
        print_json(person_document(person))
    else:
        console.print(f"Saved the details of profile '{profile}'.", markup=False, highlight=False)
