"""Merging an imported career into a stored one: match entries, and say what would change.

Pure: every importer's result goes through `plan_merge`; the CLI shows or applies the plan.
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from careerset.errors import UserError
from careerset.model.career import Career
from careerset.model.entries import Entry, entry_to_dict
from careerset.model.person import Person
from careerset.model.validation import parse_entry

# The fields that say which real-world thing an entry is, per kind; the rest may be edited.
IDENTITY: dict[str, tuple[str, ...]] = {
    "job": ("organization", "title", "start"),
    "education": ("institution", "area", "study_type", "start"),
    "certification": ("name", "issuer", "date"),
    "accomplishment": ("title", "awarder", "date"),
    "project": ("name", "start"),
    "publication": ("name", "date"),
    "skill": ("name",),
    "contact": ("name", "met"),
    "goal": ("statement",),
    "activity": ("activity_kind", "title", "date"),
    "interest_profile": ("source", "date"),
}
# Bookkeeping the import does not speak for: never compared, never overwritten.
_STAMPS = frozenset({"id", "kind", "created", "updated"})
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(value: Any) -> str:
    """Text as matched: accents, case, punctuation and spacing do not matter."""
    if value is None:
        return ""
    text = str(value)
    if not text.isascii():  # plain ASCII has no accents to strip (most text, and much faster)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def match_key(entry: Entry) -> tuple[str, ...]:
    """The kind and normalised identity fields: equal keys mean the same real-world entry."""
    fields = IDENTITY.get(entry.kind, ())
    return (entry.kind, *(normalise(getattr(entry, name, None)) for name in fields))


def key_id(prefix: str, key: tuple[str, ...]) -> str:
    """A stable id from a match key, so one thing imported twice gets one id."""
    digest = hashlib.sha256("\x1f".join(key).encode()).hexdigest()[:10]
    return f"{prefix}{digest}"


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class EntryChange:
    """A stored entry and what it becomes; `entry` keeps the stored id."""

    before: Entry
    entry: Entry
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class MergePlan:
    added: tuple[Entry, ...] = ()
    changed: tuple[EntryChange, ...] = ()
    unchanged: tuple[Entry, ...] = ()
    person: Person | None = None
    person_changes: tuple[FieldChange, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.person_changes)

    def entries_to_write(self) -> list[Entry]:
        return [*self.added, *(change.entry for change in self.changed)]

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
        }


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in _STAMPS}


def _differences(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    keys = list(dict.fromkeys([*old, *new]))
    return tuple(
        FieldChange(key, old.get(key), new.get(key))
        for key in keys
        if key not in _STAMPS and old.get(key) != new.get(key)
    )


def _overlay(before: Entry, incoming: Entry, replace: bool) -> Entry:
    """The stored entry with the fields the import speaks for taken from the import."""
    base = entry_to_dict(before)
    if replace:
        merged = {**entry_to_dict(incoming), "id": before.id}
        if before.created is not None:
            merged["created"] = base.get("created")
    else:
        merged = dict(base)
        given = incoming.model_dump(mode="json")
        for name in incoming.model_fields_set - _STAMPS:
            if name == "extra":
                merged["extra"] = {**before.extra, **incoming.extra}
            else:
                merged[name] = given[name]
    try:
        return parse_entry(merged)
    except UserError:
        # The stored and the imported fields disagree (say, an end before the new start):
        # the import wins whole, keeping what only the person can know.
        whole = {**entry_to_dict(incoming), "id": before.id, "tags": list(before.tags)}
        if before.notes is not None:
            whole["notes"] = before.notes
        return parse_entry(whole)


def _merge_person(before: Person, incoming: Person) -> Person:
    current = before.model_dump(mode="json", exclude_defaults=True)
    given = incoming.model_dump(mode="json", exclude_defaults=True)
    extra = {**current.get("extra", {}), **given.pop("extra", {})}
    current.update(given)
    if extra:
        current["extra"] = extra
    return Person.model_validate(current)


def _free_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted[:58]}-{number}" in taken:
        number += 1
    return f"{wanted[:58]}-{number}"


def plan_merge(existing: Career, incoming: Career, replace_matched: bool = False) -> MergePlan:
    """What importing `incoming` into `existing` does, entry by entry.

    An incoming entry matches a stored one with the same id, else the first unmatched one with
    the same `match_key`. A matched entry takes the fields the importer set (`replace_matched`:
    all of them, for careerset's own lossless files); `extra` is merged key by key. Nothing is
    written for an entry that would not change, so re-importing a file changes nothing.
    """
    by_id = {entry.id: entry for entry in existing.entries}
    by_key: dict[tuple[str, ...], list[Entry]] = {}
    for entry in existing.entries:
        by_key.setdefault(match_key(entry), []).append(entry)
    claimed: set[str] = set()
    taken = set(by_id)
    added: list[Entry] = []
    changed: list[EntryChange] = []
    unchanged: list[Entry] = []
    for entry in incoming.entries:
        before = by_id.get(entry.id)
        if before is None or before.kind != entry.kind or before.id in claimed:
            candidates = (e for e in by_key.get(match_key(entry), []) if e.id not in claimed)
            before = next(candidates, None)
        if before is None:
            fresh = entry.model_copy(update={"id": _free_id(entry.id, taken)})
            taken.add(fresh.id)
            added.append(fresh)
            continue
        claimed.add(before.id)
        after = _overlay(before, entry, replace_matched)
        changes = _differences(
            _comparable(entry_to_dict(before)), _comparable(entry_to_dict(after))
        )
        if changes:
            changed.append(EntryChange(before, after, changes))
        else:
            unchanged.append(before)
    person = _merge_person(existing.person, incoming.person)
    person_changes = _differences(
        existing.person.model_dump(mode="json", exclude_defaults=True),
        person.model_dump(mode="json", exclude_defaults=True),
    )
    return MergePlan(
        tuple(added),
        tuple(changed),
        tuple(unchanged),
        person if person_changes else None,
        person_changes,
    )


def _shown(value: Any, width: int = 60) -> str:
    if value is None or value == [] or value == {}:
        return "(none)"
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _entry_line(entry: Entry) -> str:
    return f"{entry.kind} '{_shown(entry.label)}'"


def describe_plan(plan: MergePlan) -> list[str]:
    """The plan as lines for a person: what is added, what changes (field: old → new), counts."""
    lines = [f"+ {_entry_line(entry)}" for entry in plan.added]
    for change in plan.changed:
        lines.append(f"~ {_entry_line(change.before)}")
        lines.extend(_change_lines(change.changes))
    if plan.person_changes:
        lines.append("~ person")
        lines.extend(_change_lines(plan.person_changes))
    counts = plan.counts()
    lines.append(
        f"{counts['added']} added, {counts['changed']} changed, {counts['unchanged']} unchanged"
        + (", person changed" if plan.person_changes else "")
        + "."
    )
    return lines


def _change_lines(changes: Iterable[FieldChange]) -> list[str]:
    return [f"    {c.field}: {_shown(c.old)} → {_shown(c.new)}" for c in changes]


def plan_to_data(plan: MergePlan) -> dict[str, Any]:
    """The plan as JSON-ready data, for `--json`."""
    return {
        **plan.counts(),
        "added_entries": [entry_to_dict(entry) for entry in plan.added],
        "changed_entries": [
            {
                "id": change.before.id,
                "kind": change.before.kind,
                "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in change.changes],
            }
            for change in plan.changed
        ],
        "person_changes": [
            {"field": c.field, "old": c.old, "new": c.new} for c in plan.person_changes
        ],
    }
