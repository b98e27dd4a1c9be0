"""The person's main details as flat fields (name, headline, contact, location), shared by the
`person` command and the web app's "About you" page."""

from typing import Any

from pydantic import ValidationError

from careerset.errors import UserError
from careerset.model.person import Person
from careerset.model.validation import describe

# Field -> (path in Person, label, help). Location fields live one level down.
DETAIL_FIELDS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "name": (("name",), "Name", "Full name."),
    "label": (("label",), "Headline", 'Shown under the name, e.g. "Registered nurse".'),
    "email": (("email",), "Email", "Email address."),
    "phone": (("phone",), "Phone", "Phone number."),
    "url": (("url",), "Website", "Personal website."),
    "summary": (("summary",), "Summary", "A short paragraph about you."),
    "city": (("location", "city"), "City", "City."),
    "region": (("location", "region"), "Region", "Region or state."),
    "country_code": (("location", "country_code"), "Country code", "Country code, e.g. US."),
}


def person_document(person: Person) -> dict[str, Any]:
    """The person as JSON-ready data, without empty fields."""
    data: dict[str, Any] = person.model_dump(mode="json", exclude_defaults=True)
    return data


def detail_values(person: Person) -> dict[str, str]:
    """Every detail field's current text ("" when unset)."""
    data = person_document(person)
    values: dict[str, str] = {}
    for field, (path, _, _) in DETAIL_FIELDS.items():
        value: Any = data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        values[field] = str(value) if value else ""
    return values


def with_details(person: Person, values: dict[str, str | None]) -> Person:
    """`person` with each given detail set; None keeps a field, "" clears it.

    Raises UserError naming the first field that is not acceptable.
    """
    data = person_document(person)
    for field, value in values.items():
        if value is None:
            continue
        if field not in DETAIL_FIELDS:
            raise UserError(f"'{field[:40]}' is not a detail of a person.")
        path = DETAIL_FIELDS[field][0]
        target = data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        if value.strip():
            target[path[-1]] = value.strip()
        else:
            target.pop(path[-1], None)
    if data.get("location") == {}:
        del data["location"]
    try:
        return Person.model_validate(data)
    except ValidationError as error:
        raise UserError(describe(error, "person: ")) from None
