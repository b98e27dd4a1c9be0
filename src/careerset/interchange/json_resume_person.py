"""The person in a JSON Resume: `basics`, `languages`, `interests` and `references` <-> `Person`."""

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from careerset.errors import UserError
from careerset.interchange.json_resume_fields import (
    STAND_INS,
    STASH,
    FieldMap,
    explain,
    extra_for_export,
    leftovers,
    read_fields,
    with_stash,
    write_fields,
)
from careerset.interchange.plain_data import expect_list, expect_object, join_path
from careerset.model.person import Hobby, Language, Location, Person, Reference, SocialProfile

PartModel = TypeVar("PartModel", bound=BaseModel)
Part = Person | Location | SocialProfile | Language | Hobby | Reference

BASICS = (
    FieldMap("name", "name", "name"),
    FieldMap("label", "label", "name"),
    FieldMap("image", "image", "url"),
    FieldMap("email", "email", "name"),
    FieldMap("phone", "phone", "name"),
    FieldMap("url", "url", "url"),
    FieldMap("summary", "summary", "text"),
)
LOCATION = (
    FieldMap("address", "address", "text"),
    FieldMap("postalCode", "postal_code", "name"),
    FieldMap("city", "city", "name"),
    FieldMap("countryCode", "country_code", "name"),
    FieldMap("region", "region", "name"),
)
PROFILE = (
    FieldMap("network", "network", "name"),
    FieldMap("username", "username", "name"),
    FieldMap("url", "url", "url"),
)
# Top-level list sections held by the person: JSON Resume key -> (person field, model, keys).
PERSON_LISTS: dict[str, tuple[str, type[BaseModel], tuple[FieldMap, ...]]] = {
    "languages": (
        "languages",
        Language,
        (FieldMap("language", "language", "name"), FieldMap("fluency", "fluency", "name")),
    ),
    "interests": (
        "hobbies",
        Hobby,
        (FieldMap("name", "name", "name"), FieldMap("keywords", "keywords", "names")),
    ),
    "references": (
        "references",
        Reference,
        (FieldMap("name", "name", "name"), FieldMap("reference", "reference", "text")),
    ),
}
_NESTED = ("location", "profiles")


def _refuse_extension(item: dict[str, Any], where: str) -> None:
    if STASH in item:
        raise UserError(f"{join_path(where, STASH)} is not written by careerset here; remove it.")


def _read_part(
    model: type[PartModel], raw: Any, maps: tuple[FieldMap, ...], where: str, **parts: Any
) -> PartModel:
    """One object; `parts` are fields read elsewhere (nested objects, the person's lists)."""
    item = expect_object(raw, where)
    _refuse_extension(item, where)
    values, stand_ins = read_fields(item, maps, where)
    known = [*(field_map.key for field_map in maps), *(_NESTED if model is Person else ())]
    extra = with_stash(leftovers(item, known), **{STAND_INS: stand_ins})
    fields = {key: value for key, value in values.items() if value is not None}
    try:
        return model.model_validate({**fields, **parts, "extra": extra})
    except ValidationError as error:
        raise explain(error, where, maps) from None


def _read_list(
    raw: Any, where: str, model: type[PartModel], maps: tuple[FieldMap, ...]
) -> list[PartModel]:
    items = expect_list(raw, where)
    return [_read_part(model, item, maps, join_path(where, i)) for i, item in enumerate(items)]


def read_person(document: dict[str, Any]) -> Person:
    """The person a JSON Resume document describes (the caller adds the document stash)."""
    lists = {
        field: _read_list(document[key], key, model, maps)
        for key, (field, model, maps) in PERSON_LISTS.items()
        if document.get(key) is not None
    }
    raw_basics = document.get("basics")
    if raw_basics is None:
        return Person.model_validate(lists)
    basics = expect_object(raw_basics, "basics")
    nested: dict[str, Any] = {}
    if basics.get("location") is not None:
        nested["location"] = _read_part(Location, basics["location"], LOCATION, "basics.location")
    if basics.get("profiles") is not None:
        profiles = basics["profiles"]
        nested["profiles"] = _read_list(profiles, "basics.profiles", SocialProfile, PROFILE)
    return _read_part(Person, basics, BASICS, "basics", **nested, **lists)


def _write_part(part: Part, maps: tuple[FieldMap, ...]) -> dict[str, Any]:
    out = write_fields(part.model_dump(mode="json"), maps, part.extra)
    out.update(extra_for_export(part.extra, maps, also=_NESTED if isinstance(part, Person) else ()))
    return out


def write_basics(person: Person) -> dict[str, Any]:
    """The `basics` object; empty when the person has nothing JSON Resume keeps there."""
    basics = _write_part(person, BASICS)
    if person.location is not None:
        basics["location"] = _write_part(person.location, LOCATION)
    if person.profiles:
        basics["profiles"] = [_write_part(profile, PROFILE) for profile in person.profiles]
    return basics


def write_person_lists(person: Person) -> dict[str, list[dict[str, Any]]]:
    """`languages`, `interests` and `references`, each only when the person has some."""
    out: dict[str, list[dict[str, Any]]] = {}
    for key, (field, _model, maps) in PERSON_LISTS.items():
        parts: list[Part] = getattr(person, field)
        if parts:
            out[key] = [_write_part(part, maps) for part in parts]
    return out
