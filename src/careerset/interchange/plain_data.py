"""Checks on untrusted plain data (parsed JSON or YAML) that name the path of what is wrong.

Importers call these before building model objects, so junk becomes one clear UserError.
"""

import math
from typing import Any

from careerset.errors import UserError

# Far deeper and longer than any real career file; they stop hostile input early.
MAX_DEPTH = 32
MAX_TEXT = 20_000


def describe_kind(value: Any) -> str:
    """What a value is, in the words of a JSON user."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def join_path(where: str, part: str | int) -> str:
    """`work` + 0 -> `work[0]`; `work[0]` + `position` -> `work[0].position`."""
    if isinstance(part, int):
        return f"{where}[{part}]"
    return f"{where}.{part}" if where else part


def _check_unicode(text: str, label: str) -> None:
    """Refuse half of a UTF-16 surrogate pair (JSON's "\\ud800"): no file or database can hold it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(
            f"{label} holds a broken character (a lone surrogate); fix the text."
        ) from None


def check_plain(value: Any, where: str) -> None:
    """Refuse anything that is not bounded plain JSON data: odd types, deep nesting, huge text.

    The walk uses its own stack, so hostile nesting cannot exhaust Python's recursion limit.
    """
    stack: list[tuple[Any, str, int]] = [(value, where, 0)]
    while stack:
        item, path, depth = stack.pop()
        label = path or "the document"
        if depth > MAX_DEPTH:
            raise UserError(f"{label} is nested more than {MAX_DEPTH} levels deep; flatten it.")
        if isinstance(item, str):
            if len(item) > MAX_TEXT:
                raise UserError(f"{label} is longer than {MAX_TEXT} characters; shorten it.")
            _check_unicode(item, label)
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise UserError(f"{label} is {item}, which is not a number JSON can hold.")
        elif item is None or isinstance(item, (bool, int)):
            continue
        elif isinstance(item, list):
            # Pushed in reverse so problems are reported in document order.
            children = [(child, join_path(path, i), depth + 1) for i, child in enumerate(item)]
            stack.extend(reversed(children))
        elif isinstance(item, dict):
            pairs: list[tuple[Any, str, int]] = []
            for key, child in item.items():
                if not isinstance(key, str):
                    raise UserError(f"{label} has the key {str(key)[:40]!r}; keys must be text.")
                if len(key) > 300:
                    raise UserError(f"{label} has a key longer than 300 characters; shorten it.")
                _check_unicode(key, f"a key of {label}")
                pairs.append((child, join_path(path, key), depth + 1))
            stack.extend(reversed(pairs))
        else:
            raise UserError(f"{label} is {describe_kind(item)}, which JSON cannot hold.")


def expect_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise UserError(f"{where} must be an object ({{...}}), not {describe_kind(value)}.")
    return value


def expect_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise UserError(f"{where} must be a list ([...]), not {describe_kind(value)}.")
    return value


def expect_text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise UserError(f"{where} must be text in quotes, not {describe_kind(value)}.")
    return value


def expect_texts(value: Any, where: str) -> list[str]:
    items = expect_list(value, where)
    for index, item in enumerate(items):
        expect_text(item, join_path(where, index))
    return items


def expect_entry_data(value: Any, where: str) -> Any:
    """An entry given as plain data, checked for what the model's own check takes for granted.

    `kind` picks the entry type by lookup, so it must be text before the model sees it.
    """
    item = expect_object(value, where)
    if "kind" in item and not isinstance(item["kind"], str):
        kind = describe_kind(item["kind"])
        raise UserError(f"{join_path(where, 'kind')} must be text such as job, not {kind}.")
    return item
