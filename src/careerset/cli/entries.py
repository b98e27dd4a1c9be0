"""`add`, `list`, `show`, `edit` and `remove`: the career's entries, one at a time."""

import inspect
import sys
from collections.abc import Callable
from typing import Any

import typer
from rich.table import Table

from careerset.cli.entry_flags import COMMON, EXAMPLES, KIND_FLAGS, Flag, flag_for
from careerset.cli.job_coding import code_new_job, confirmed_codes
from careerset.cli.main import app
from careerset.cli.output import console, print_json
from careerset.cli.state import current_state
from careerset.cli.store_access import opened_store, transaction
from careerset.errors import UserError
from careerset.model.entries import ENTRY_TYPES, Entry, Job
from careerset.model.enums import CodeSource
from careerset.model.validation import build_entry

KINDS = tuple(ENTRY_TYPES)

add_app = typer.Typer(
    name="add",
    no_args_is_help=True,
    help="Add an entry of one kind; flags mirror the fields, and missing required ones are asked for "
    f"in a terminal.\n\nExample: {EXAMPLES['job']}",
)
app.add_typer(add_app, name="add")


def entry_json(entry: Entry) -> dict[str, Any]:
    """Every field of an entry, `kind` first: what `--json` readers get."""
    data = entry.model_dump(mode="json")
    return {"kind": data.pop("kind"), **data}


def _parameter(flag: Flag) -> inspect.Parameter:
    """A Typer option for a flag. Values stay text: the model validates them, with one-line errors."""
    help_text = flag.help
    if flag.choices is not None:
        help_text += " One of: " + ", ".join(member.value for member in flag.choices) + "."
    annotation: Any = list[str] | None if flag.many else str | None
    return inspect.Parameter(
        flag.param,
        inspect.Parameter.KEYWORD_ONLY,
        default=typer.Option(None, flag.flag, help=help_text, show_default=False),
        annotation=annotation,
    )


def _json_parameter(help_text: str) -> inspect.Parameter:
    return inspect.Parameter(
        "as_json",
        inspect.Parameter.KEYWORD_ONLY,
        default=typer.Option(False, "--json", help=help_text),
        annotation=bool,
    )


def _with_signature(
    function: Callable[..., None], parameters: list[inspect.Parameter]
) -> Callable[..., None]:
    """Give a `**values` callback an explicit signature, which is what Typer reads options from."""
    function.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    function.__annotations__ = {p.name: p.annotation for p in parameters}
    return function


def _collect(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """Map option values to model fields, leaving out what was not given."""
    fields: dict[str, Any] = {}
    for flag in (*KIND_FLAGS[kind], *COMMON):
        raw = values.get(flag.param)
        if raw is None or (flag.many and not raw):
            continue
        fields[flag.field] = list(raw) if flag.many else raw
    return fields


def _prompt_missing(kind: str, fields: dict[str, Any]) -> None:
    """Ask for required fields in a terminal; elsewhere name the missing flag."""
    for flag in KIND_FLAGS[kind]:
        if flag.required and flag.field not in fields:
            if not sys.stdin.isatty():
                raise UserError(f"add {kind} needs {flag.flag}; for example: {EXAMPLES[kind]}")
            fields[flag.field] = typer.prompt(flag.help.rstrip("."))


def _register_add(kind: str) -> None:
    flags = (*KIND_FLAGS[kind], *COMMON)

    def add_entry(**values: Any) -> None:
        as_json = bool(values.pop("as_json", False))
        no_code = bool(values.pop("no_code", False))
        fields = _collect(kind, values)
        _prompt_missing(kind, fields)
        if kind == "job" and "occupation_code" in fields and "occupation_source" not in fields:
            fields["occupation_source"] = CodeSource.MANUAL.value
        entry = build_entry(kind, fields)
        state = current_state()
        coding_note = None
        with opened_store(state.db) as store:
            if isinstance(entry, Job) and not entry.occupation_code and not no_code:
                # Read first, then ask: no transaction stays open while a person answers.
                with store.transaction() as session:
                    confirmed = confirmed_codes(session)
                entry, coding_note = code_new_job(entry, confirmed)
            with store.transaction() as session:
                stored = session.add_entry(state.profile, entry)
        if as_json:
            print_json(entry_json(stored))
            return
        console.print(f"Added {kind} [bold]{stored.id}[/]: {stored.label}", highlight=False)
        if coding_note:
            console.print(coding_note.replace("{id}", stored.id), markup=False, highlight=False)

    parameters = [_parameter(flag) for flag in flags]
    if kind == "job":
        parameters.append(
            inspect.Parameter(
                "no_code",
                inspect.Parameter.KEYWORD_ONLY,
                default=typer.Option(
                    False,
                    "--no-code",
                    help="Do not code the title to an occupation (done when --occupation is not given).",
                ),
                annotation=bool,
            )
        )
    parameters.append(_json_parameter("Print the stored entry as JSON."))
    add_app.command(
        kind,
        help=f"Add a {kind.replace('_', ' ')} to the career.\n\nExample: {EXAMPLES[kind]}",
        short_help=f"Add a {kind.replace('_', ' ')}.",
    )(_with_signature(add_entry, parameters))


for _kind in KINDS:
    _register_add(_kind)


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in ENTRY_TYPES:
        raise UserError(f"unknown entry kind '{kind[:40]}'; use one of: {', '.join(KINDS)}.")


def _when(entry: Entry) -> str:
    start, end, when = (getattr(entry, name, None) for name in ("start", "end", "date"))
    if start or end:
        return f"{start or '?'} – {end or '?'}"
    return str(when) if when else ""


@app.command("list")
def list_command(
    kind: str | None = typer.Argument(None, help=f"One of: {', '.join(KINDS)}."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """List entries, optionally of one kind.

    Example: careerset list job --json
    """
    _check_kind(kind)
    with transaction() as (session, profile):
        entries = session.list_entries(profile, kind)
    if as_json:
        print_json([entry_json(e) for e in entries])
        return
    if not entries:
        console.print(
            f"No {kind or 'entries'} yet in profile '{profile}'. Try: {EXAMPLES[kind or 'job']}"
        )
        return
    table = Table("id", "kind", "what", "when", "tags")
    for entry in entries:
        table.add_row(
            entry.id, str(entry.kind), entry.label, _when(entry), ", ".join(entry.tags)
        )
    console.print(table)


@app.command("show")
def show_command(
    entry_id: str = typer.Argument(
        ..., metavar="ID", help="The entry's id, as `careerset list` shows it."
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Show one entry with every field.

    Example: careerset show 3f2a9c01de --json
    """
    with transaction() as (session, profile):
        entry = session.get_entry(profile, entry_id)
    data = entry_json(entry)
    if as_json:
        print_json(data)
        return
    table = Table("field", "value", show_header=False)
    for name, value in data.items():
        if value not in (None, [], {}):
            shown = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
            table.add_row(name, shown)
    console.print(table)


def _edit_flags() -> list[Flag]:
    """Every kind's flags once; a flag shared by kinds (--type) is resolved per entry when used."""
    seen: dict[str, Flag] = {}
    for flag in (f for kind in KINDS for f in KIND_FLAGS[kind]):
        seen.setdefault(flag.flag, Flag(flag.flag, flag.field, flag.help, many=flag.many))
    return [*seen.values(), *(f for f in COMMON if f.flag != "--id")]


def _settle_code(updates: dict[str, Any]) -> None:
    """A code the person types for an existing job is their confirmation of it (confidence 1.0);
    a code set with another source has no coder confidence."""
    if "occupation_code" in updates:
        updates.setdefault("occupation_source", CodeSource.CONFIRMED.value)
    if updates.get("occupation_source") == CodeSource.CONFIRMED.value:
        updates["occupation_confidence"] = 1.0
    elif "occupation_code" in updates:
        updates["occupation_confidence"] = None


def _apply_edit(entry: Entry, given: dict[str, Any], unset: list[str]) -> Entry:
    kind = str(entry.kind)
    updates: dict[str, Any] = {}
    for name, value in given.items():
        flag = flag_for(kind, "--" + name.replace("_", "-"))
        if flag is None:
            raise UserError(f"--{name.replace('_', '-')} does not apply to a {kind}.")
        updates[flag.field] = list(value) if flag.many else value
    if kind == "job":
        _settle_code(updates)
    data = entry.model_dump(mode="json")
    for field in unset:
        if field not in data or field in ("id", "kind", "created", "updated"):
            raise UserError(f"'{field[:40]}' is not a field of a {kind} that can be unset.")
        data[field] = type(entry).model_fields[field].get_default(call_default_factory=True)
    data.update(updates)
    return build_entry(kind, data)


def edit_entry(**values: Any) -> None:
    entry_id = str(values.pop("entry_id"))
    unset = list(values.pop("unset") or [])
    as_json = bool(values.pop("as_json", False))
    given = {name: value for name, value in values.items() if value not in (None, [], ())}
    if not given and not unset:
        raise UserError("edit needs at least one field flag, e.g. careerset edit ID --end 2024-06.")
    with transaction() as (session, profile):
        edited = _apply_edit(session.get_entry(profile, entry_id), given, unset)
        stored = session.update_entry(profile, edited)
    if as_json:
        print_json(entry_json(stored))
    else:
        console.print(
            f"Updated {stored.kind} [bold]{stored.id}[/]: {stored.label}",
            highlight=False,
        )


_EDIT_PARAMETERS = [
    inspect.Parameter(
        "entry_id",
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        default=typer.Argument(..., metavar="ID", help="The entry to change."),
        annotation=str,
    ),
    *(_parameter(flag) for flag in _edit_flags()),
    inspect.Parameter(
        "unset",
        inspect.Parameter.KEYWORD_ONLY,
        default=typer.Option(None, "--unset", help="Clear a field by its name (repeat)."),
        annotation=list[str] | None,
    ),
    _json_parameter("Print the updated entry as JSON."),
]
app.command(
    "edit",
    help="Change fields of an entry; the flags are those of `add` for its kind.\n\n"
    "Example: careerset edit 3f2a9c01de --end 2024-06 --occupation 29-1141.00",
    short_help="Change fields of an entry.",
)(_with_signature(edit_entry, _EDIT_PARAMETERS))


@app.command("remove")
def remove_command(
    entry_id: str = typer.Argument(..., metavar="ID", help="The entry to remove."),
    as_json: bool = typer.Option(False, "--json", help="Print the removed entry as JSON."),
) -> None:
    """Remove an entry.

    Example: careerset remove 3f2a9c01de
    """
    with transaction() as (session, profile):
        entry = session.remove_entry(profile, entry_id)
    if as_json:
        print_json(entry_json(entry))
    else:
        console.print(
            f"Removed {entry.kind} {entry.id}: {entry.label}", highlight=False
        )
