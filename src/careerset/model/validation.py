"""Turn pydantic validation errors into the one clear sentence a user sees."""

from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from careerset.errors import UserError
from careerset.model.entries import ENTRY_TYPES, AnyEntry, Entry


@cache
def _entry_adapter() -> TypeAdapter[Entry]:
    """The union of every kind, for input without a usable `kind` (built only for such input)."""
    return TypeAdapter(AnyEntry)


def describe(error: ValidationError, where: str = "") -> str:
    """One sentence naming the first problem and the field it is in."""
    first = error.errors()[0]
    parts = list(first["loc"])
    if parts and parts[0] in ENTRY_TYPES:
        # A discriminated union puts the kind first; the user thinks of the field alone.
        parts = parts[1:]
    location = ".".join(str(part) for part in parts)
    message = str(first["msg"]).removeprefix("Value error, ")
    if message.startswith("Input should"):
        message = "s" + message.removeprefix("Input s")
    kind = first["type"]
    if kind == "missing":
        message = "is required"
    elif kind == "extra_forbidden":
        message = "is not a known field"
    elif kind == "union_tag_invalid":
        known = ", ".join(sorted(ENTRY_TYPES))
        return f"{where}unknown entry kind; use one of: {known}."
    field = f"'{location}' " if location else ""
    sentence = f"{where}{field}{message}".rstrip(".")
    return sentence[:300] + "."


def parse_entry(data: Any, where: str = "") -> Entry:
    """Validate one entry given as a dict with a `kind`; user mistakes become UserError."""
    kind = data.get("kind") if isinstance(data, dict) else None
    if (
        isinstance(data, dict)
        and "kind" in data
        and (not isinstance(kind, str) or kind not in ENTRY_TYPES)
    ):
        known = ", ".join(sorted(ENTRY_TYPES))
        raise UserError(
            f"{where}unknown entry kind '{str(data['kind'])[:40]}'; use one of: {known}."
        )
    try:
        if isinstance(kind, str):
            # The kind's own model: what the union would pick, without building all the others.
            return ENTRY_TYPES[kind].model_validate(data)
        return _entry_adapter().validate_python(data)
    except ValidationError as error:
        raise UserError(describe(error, where)) from None


def build_entry(kind: str, fields: dict[str, Any], where: str = "") -> Entry:
    """Build an entry of a named kind from field values."""
    if kind not in ENTRY_TYPES:
        known = ", ".join(sorted(ENTRY_TYPES))
        raise UserError(f"unknown entry kind '{kind[:40]}'; use one of: {known}.")
    try:
        return ENTRY_TYPES[kind].model_validate(fields)
    except ValidationError as error:
        raise UserError(describe(error, where)) from None
