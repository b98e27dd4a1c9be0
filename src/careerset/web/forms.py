"""Entry forms from the same field table the CLI uses, and field-by-field validation messages.

`KIND_FLAGS` already says, per kind, which fields exist, their help, choices and which are
required; the web forms reuse it so the command line and the browser never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from careerset.actions.entry_fields import COMMON, KIND_FLAGS, Flag
from careerset.model.entries import ENTRY_TYPES, Entry
from careerset.model.enums import CodeSource

# Fields whose values are numbers, so phones show a numeric keypad.
NUMERIC = frozenset(
    {
        "pay_amount",
        "hours_per_week",
        "proficiency",
        "hours",
        "realistic",
        "investigative",
        "artistic",
        "social",
        "enterprising",
        "conventional",
    }
)
LONG_TEXT = frozenset({"summary", "notes", "statement", "reason_for_leaving"})
DATES = frozenset({"start", "end", "date", "expiry", "met", "last_contacted", "horizon"})
LABELS = {
    "organization": "Organization",
    "organization_summary": "About the organization",
    "employment_type": "Employment type",
    "pay_amount": "Pay",
    "pay_currency": "Currency",
    "pay_basis": "Pay basis",
    "hours_per_week": "Hours per week",
    "occupation_code": "Occupation code (O*NET-SOC)",
    "occupation_source": "Occupation code set by",
    "url": "Web address",
    "target_codes": "Target occupation codes",
    "activity_kind": "Activity kind",
    "credential_id": "Credential id",
    "taxonomy_id": "Taxonomy id",
    "linked_entry": "Linked entry id",
    "study_type": "Study type",
    "project_type": "Project type",
    "last_contacted": "Last contacted",
    "reason_for_leaving": "Reason for leaving",
}
SHOWN_AT_ONCE = 6
# The job form's title suggestions fill the code, so the code must be in view.
# Pay feeds the growth and security of every verdict, so it is never folded away.
ALWAYS_SHOWN = frozenset({"occupation_code", "pay_amount", "pay_basis", "pay_currency"})
KIND_NAMES = {kind: kind.replace("_", " ") for kind in ENTRY_TYPES}


@dataclass(frozen=True)
class FormField:
    """One input of an entry form."""

    name: str
    label: str
    help: str
    widget: str  # text, textarea, lines, select, number, date
    required: bool
    choices: tuple[str, ...] = ()

    @property
    def input_id(self) -> str:
        return f"field-{self.name}"


def _widget(flag: Flag) -> str:
    if flag.choices is not None:
        return "lines" if flag.many else "select"
    if flag.many:
        return "lines"
    if flag.field in LONG_TEXT:
        return "textarea"
    if flag.field in NUMERIC:
        return "number"
    return "date" if flag.field in DATES else "text"


def _field(flag: Flag) -> FormField:
    label = LABELS.get(flag.field, flag.field.replace("_", " ").capitalize())
    # The CLI's help speaks of repeating a flag; a form takes one value per line instead.
    help_text = flag.help.replace(" (repeat for several)", "").replace(" (repeat)", "")
    if flag.many:
        help_text += " One per line."
    if flag.choices is not None and flag.many:
        help_text += " Any of: " + ", ".join(member.value for member in flag.choices) + "."
    choices = tuple(member.value for member in flag.choices) if flag.choices else ()
    return FormField(flag.field, label, help_text, _widget(flag), flag.required, choices)


def form_fields(kind: str) -> list[FormField]:
    """The inputs of a kind's form, in the CLI's order, then tags and notes (never the id)."""
    flags = [*KIND_FLAGS[kind], *(f for f in COMMON if f.field != "id")]
    return [_field(flag) for flag in flags]


def split_fields(kind: str) -> tuple[list[FormField], list[FormField]]:
    """The inputs shown at once, and the rest, folded under "More details" on long forms."""
    fields = form_fields(kind)
    if len(fields) <= SHOWN_AT_ONCE + 2:
        return fields, []
    first = [f for i, f in enumerate(fields) if i < SHOWN_AT_ONCE or f.name in ALWAYS_SHOWN]
    return first, [f for f in fields if f not in first]


def read_form(kind: str, form: Mapping[str, Any]) -> dict[str, Any]:
    """Field values from posted form data: blanks left out, one-per-line fields split."""
    fields: dict[str, Any] = {}
    for spec in form_fields(kind):
        raw = form.get(spec.name)
        text = raw.strip() if isinstance(raw, str) else ""
        if not text:
            continue
        if spec.widget == "lines":
            fields[spec.name] = [line.strip() for line in text.splitlines() if line.strip()]
        else:
            fields[spec.name] = text
    return fields


def form_values(entry: Entry | None, fields: Mapping[str, Any] | None = None) -> dict[str, str]:
    """What each input shows: posted values after an error, else the stored entry's."""
    source: Mapping[str, Any]
    if fields is not None:
        source = fields
    elif entry is not None:
        source = entry.model_dump(mode="json")
    else:
        source = {}
    shown: dict[str, str] = {}
    for name, value in source.items():
        if value is None:
            continue
        shown[name] = "\n".join(map(str, value)) if isinstance(value, list) else str(value)
    return shown


def _message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "This field is required."
    text = str(error["msg"]).removeprefix("Value error, ")
    if text.startswith("Input should"):
        text = "S" + text.removeprefix("Input s")
    return text[:1].upper() + text[1:].rstrip(".") + "."


def field_errors(error: ValidationError) -> dict[str, str]:
    """First message per field; a message about the whole entry goes under `""`."""
    found: dict[str, str] = {}
    for item in error.errors():
        location = item["loc"]
        name = str(location[0]) if location else ""
        found.setdefault(name, _message(item))
    return found


def validate_entry(
    kind: str, fields: dict[str, Any], base: Entry | None = None
) -> tuple[Entry | None, dict[str, str]]:
    """Build the entry (over `base` when editing) or return the messages per field."""
    data: dict[str, Any] = {}
    if base is not None:
        data = base.model_dump(mode="json")
        for spec in form_fields(kind):
            data.pop(spec.name, None)
        if kind == "job" and fields.get("occupation_code") != base.model_dump().get(
            "occupation_code"
        ):
            data.pop("occupation_confidence", None)
    data.update(fields)
    if kind == "job" and data.get("occupation_code") and not data.get("occupation_source"):
        # A code typed into the form without picking a suggestion is the person's own.
        data["occupation_source"] = CodeSource.MANUAL.value
    try:
        return ENTRY_TYPES[kind].model_validate(data), {}
    except ValidationError as error:
        return None, field_errors(error)
