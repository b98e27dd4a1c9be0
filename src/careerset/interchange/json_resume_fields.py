"""How the keys of one JSON Resume object map to careerset fields, in both directions.

Values careerset must normalise (an empty name, padded text) are remembered as stand-ins,
so exporting an unedited import gives back the file's own text.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeGuard

from pydantic import ValidationError

from careerset.errors import UserError
from careerset.interchange.plain_data import expect_text, expect_texts, join_path
from careerset.model.dates import PRESENT, EndDate, PartialDate

# Reserved key in an `extra` dict: import bookkeeping, never written out as a key of its own.
STASH = "x-careerset"
STAND_INS = "standIn"

Shape = Literal["name", "text", "url", "names", "texts", "date", "end"]
LIST_SHAPES = ("names", "texts")
DATE_SHAPES = ("date", "end")

# Real-world files carry full timestamps where JSON Resume wants a date; the date part is meant.
_TIMESTAMP = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_PRESENT_WORDS = {"present", "current", "now", "ongoing", "today"}


@dataclass(frozen=True)
class FieldMap:
    """One JSON Resume key and the careerset field that holds it.

    `placeholder` fills a field careerset requires when the file leaves it out or empty.
    """

    key: str
    field: str
    shape: Shape
    placeholder: str | None = None


def read_date(raw: Any, where: str, allow_present: bool) -> EndDate | None:
    """A JSON Resume date, leniently: "" means no date, a timestamp means its day."""
    text = expect_text(raw, where).strip()
    if not text:
        return None
    if allow_present and text.casefold() in _PRESENT_WORDS:
        return PRESENT
    stamp = _TIMESTAMP.match(text)
    try:
        return PartialDate.parse(stamp.group(1) if stamp else text)
    except ValueError as error:
        raise UserError(f"{where}: {error}.") from None


def _clean(raw: Any, shape: Shape, where: str) -> Any:
    """The value careerset's field types hold for `raw`: names trimmed, empty names dropped."""
    if shape == "name":
        return expect_text(raw, where).strip() or None
    if shape == "url":
        return expect_text(raw, where).strip()
    if shape == "text":
        return expect_text(raw, where)
    if shape == "names":
        return [name.strip() for name in expect_texts(raw, where) if name.strip()]
    return list(expect_texts(raw, where))


def _written(value: Any) -> tuple[bool, Any]:
    """What export writes for a held value: (present, value); None and [] are left out."""
    return (False, None) if value is None or value == [] else (True, value)


def read_fields(
    item: dict[str, Any], maps: Sequence[FieldMap], where: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Field values by careerset name (None when absent) and stand-ins by JSON Resume key."""
    values: dict[str, Any] = {}
    stand_ins: dict[str, Any] = {}
    for field_map in maps:
        path = join_path(where, field_map.key)
        raw = item.get(field_map.key)
        # null is no JSON Resume value at all (the schema allows none), so it reads as absent.
        present = raw is not None
        if field_map.shape in DATE_SHAPES:
            end = field_map.shape == "end"
            values[field_map.field] = read_date(raw, path, end) if present else None
            continue
        value = _clean(raw, field_map.shape, path) if present else None
        if value is None and field_map.placeholder is not None:
            value = field_map.placeholder
        values[field_map.field] = value
        if _written(value) != (present, raw if present else None):
            stand_ins[field_map.key] = {"value": value, **({"was": raw} if present else {})}
    return values, stand_ins


def _usable_stand_in(stand_in: Any, shape: Shape) -> TypeGuard[dict[str, Any]]:
    """A stand-in from a stored `extra` is trusted only if writing it keeps the file valid."""
    if not isinstance(stand_in, dict) or "value" not in stand_in or shape in DATE_SHAPES:
        return False
    if "was" not in stand_in:
        return True
    was = stand_in["was"]
    if shape in LIST_SHAPES:
        return isinstance(was, list) and all(isinstance(x, str) for x in was)
    return isinstance(was, str)


def write_fields(
    values: dict[str, Any], maps: Sequence[FieldMap], extra: dict[str, Any]
) -> dict[str, Any]:
    """JSON Resume keys for field values (JSON data); an unedited stand-in writes the original."""
    stand_ins = stash_of(extra).get(STAND_INS)
    if not isinstance(stand_ins, dict):
        stand_ins = {}
    out: dict[str, Any] = {}
    for field_map in maps:
        value = values.get(field_map.field)
        stand_in = stand_ins.get(field_map.key)
        if _usable_stand_in(stand_in, field_map.shape) and stand_in["value"] == value:
            if "was" in stand_in:
                out[field_map.key] = stand_in["was"]
            continue
        if field_map.shape == "end" and value == PRESENT:
            continue
        present, written = _written(value)
        if present:
            out[field_map.key] = written
    return out


def stash_of(extra: dict[str, Any]) -> dict[str, Any]:
    stash = extra.get(STASH)
    return stash if isinstance(stash, dict) else {}


def leftovers(item: dict[str, Any], known: Iterable[str]) -> dict[str, Any]:
    """The keys careerset has no field for, kept as they are."""
    skip = {*known, STASH}
    return {key: value for key, value in item.items() if key not in skip}


def with_stash(extra: dict[str, Any], **bookkeeping: Any) -> dict[str, Any]:
    """`extra` plus the non-empty bookkeeping under the reserved key."""
    kept = {key: value for key, value in bookkeeping.items() if value}
    return {**extra, STASH: kept} if kept else extra


def extra_for_export(
    extra: dict[str, Any], maps: Sequence[FieldMap], also: Iterable[str] = ()
) -> dict[str, Any]:
    """Keys of `extra` that may be written beside the mapped ones without overriding them."""
    skip = {STASH, *also, *(field_map.key for field_map in maps)}
    return {key: value for key, value in extra.items() if key not in skip}


def explain(
    error: ValidationError, where: str, maps: Sequence[FieldMap], elsewhere: str = ""
) -> UserError:
    """One sentence for the first validation problem, named by its JSON Resume path."""
    first = error.errors()[0]
    location = list(first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "is required"
    elif first["type"] == "extra_forbidden":
        message = "is not a field careerset knows"
    path = where
    if location:
        head = str(location.pop(0))
        keys = {field_map.field: field_map.key for field_map in maps}
        path = join_path(where, keys.get(head, f"{elsewhere}{head}"))
        for part in location:
            path = join_path(path, part if isinstance(part, int) else str(part))
    sentence = f"{path}: {message}".rstrip(".")
    return UserError(sentence[:300] + ".")
