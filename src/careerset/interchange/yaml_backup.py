"""careerset's own lossless file format: one career, or every profile of a store, as YAML.

Documents are plain data (`career_to_document`); `dump_yaml`/`load_yaml_text` make them text.
"""

import re
from typing import Any

import yaml
import yaml_rs
from pydantic import ValidationError

from careerset.errors import UserError
from careerset.interchange.files import check_entry_count
from careerset.interchange.plain_data import (
    check_plain,
    expect_entry_data,
    expect_list,
    expect_object,
)
from careerset.model.career import Career
from careerset.model.entries import Entry, entry_to_dict
from careerset.model.person import Person
from careerset.model.validation import describe, parse_entry

FORMAT = "careerset"
BACKUP_FORMAT = "careerset-backup"
VERSION = 1
# Wide enough that PyYAML never folds a line: folded text is harder to diff and to edit.
_NO_FOLDING = 1 << 30


def career_to_document(career: Career) -> dict[str, Any]:
    """The whole career as plain data; every field careerset has, nothing left out."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "person": career.person.model_dump(mode="json", exclude_defaults=True),
        "entries": [entry_to_dict(entry) for entry in career.entries],
    }


def _check_header(document: dict[str, Any], expected: str, what: str) -> None:
    found = document.get("format")
    if found == BACKUP_FORMAT and expected == FORMAT:
        raise UserError("This file is a backup of a whole store; load it with `careerset restore`.")
    if found != expected:
        shown = str(found)[:40] if found is not None else "missing"
        raise UserError(f"This is not {what}: its 'format' is {shown}, not '{expected}'.")
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):
        shown = str(version)[:20]
        raise UserError(
            f"This file is {what} of version {shown}; this careerset reads version 1 only."
        )


def document_to_career(data: Any) -> Career:
    """Read a document made by `career_to_document`; each problem names where it is."""
    check_plain(data, "")
    document = expect_object(data, "A careerset file")
    _check_header(document, FORMAT, "a careerset file")
    unknown = sorted(set(document) - {"format", "version", "person", "entries"})
    if unknown:
        raise UserError(f"The careerset file has the unknown key '{unknown[0][:40]}'; remove it.")
    try:
        person = Person.model_validate(expect_object(document.get("person", {}), "person"))
    except ValidationError as error:
        raise UserError(describe(error, "person: ")) from None
    entries: list[Entry] = []
    seen: set[str] = set()
    items = expect_list(document.get("entries", []), "entries")
    check_entry_count(len(items))  # before the slow part: validating each entry
    for index, item in enumerate(items):
        expect_entry_data(item, f"entries[{index}]")
        entry = parse_entry(item, where=f"entries[{index}]: ")
        if entry.id in seen:
            raise UserError(f"entries[{index}] repeats the id '{entry.id}'; ids must be unique.")
        seen.add(entry.id)
        entries.append(entry)
    return Career.of(entries, person)


def _entry_count(career_data: Any) -> int:
    entries = career_data.get("entries") if isinstance(career_data, dict) else None
    return len(entries) if isinstance(entries, list) else 0


def backup_document(careers: dict[str, Career]) -> dict[str, Any]:
    """Every profile of a store, by name, in one document."""
    return {
        "format": BACKUP_FORMAT,
        "version": VERSION,
        "profiles": {name: career_to_document(career) for name, career in careers.items()},
    }


def restore_document(data: Any) -> dict[str, Career]:
    """Read a document made by `backup_document`; a problem names its profile."""
    check_plain(data, "")
    document = expect_object(data, "A careerset backup")
    _check_header(document, BACKUP_FORMAT, "a careerset backup")
    unknown = sorted(set(document) - {"format", "version", "profiles"})
    if unknown:
        raise UserError(f"The backup has the unknown key '{unknown[0][:40]}'; remove it.")
    careers: dict[str, Career] = {}
    profiles = expect_object(document.get("profiles", {}), "profiles")
    check_entry_count(sum(_entry_count(data) for data in profiles.values()))
    for name, career_data in profiles.items():
        if not name.strip() or len(name) > 100:
            shown = name[:40]
            raise UserError(f"The backup has a profile named '{shown}'; use 1-100 characters.")
        try:
            careers[name] = document_to_career(career_data)
        except UserError as error:
            raise UserError(f"In profile '{name}': {error.message}") from None
    return careers


class _PlainDumper(yaml.SafeDumper):
    """The safe dumper, with text holding unusual line breaks written double-quoted.

    PyYAML writes NEL, LS, PS and CR unescaped in other styles and reads them back as plain
    line breaks, so such text would not survive; double quotes escape them.
    """


# Text that a YAML 1.2 reader (the fast loader below) could take for a number, a truth value or
# nothing, though PyYAML's YAML 1.1 rules would write it bare: `1e5`, `0o17`, `_0`, `.5`.
_LOOKS_TYPED = re.compile(r"[-+]?[._]*[0-9]|(?i:~|null|true|false|yes|no|on|off|[-+]?\.inf|\.nan)$")


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style: str | None = None
    if any(mark in text for mark in _ODD_BREAKS):
        style = '"'
    elif _LOOKS_TYPED.match(text):
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_ODD_BREAKS = ("\x85", "\u2028", "\u2029", "\r")
_PlainDumper.add_representer(str, _represent_text)


def dump_yaml(data: Any) -> str:
    """Plain data as YAML text: keys in their given order, unicode as itself, no folded lines."""
    return yaml.dump(
        data,
        Dumper=_PlainDumper,
        allow_unicode=True,
        sort_keys=False,
        width=_NO_FOLDING,
        default_flow_style=False,
    )


class _PlainLoader(yaml.SafeLoader):
    """A safe loader that builds only plain data.

    Anchors and aliases are refused: careerset never writes them, and aliases nested in
    aliases ("billion laughs") can expand a small file into gigabytes. Timestamps stay text,
    as careerset's own dates are text.
    """

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (& and *) are not accepted", event.start_mark
            )
        return super().compose_node(parent, index)


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):  # `!!timestamp [a]` is the file's mistake
        raise yaml.constructor.ConstructorError(
            None, None, "a !!timestamp must be a single value", node.start_mark
        )
    return loader.construct_scalar(node)


_PlainLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


# An anchor (&a), alias (*a) or tag (!!str) could start here; text without one can take the
# fast path, and PyYAML's loader refuses anchors and unknown tags in its own words.
_MAYBE_SPECIAL = re.compile(r"(?:^|[\s\[\]{},:?-])(?:[&*][^\s]|!)")
# Characters YAML never allows in a stream (PyYAML's reader refuses them with a line number).
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# The fast parser never replays an alias, even if one slipped past the check above.
_NO_ALIASES = yaml_rs.AliasLimits(max_total_replayed_events=0)


def _fast_load(text: str) -> Any:
    """yaml-rs (Rust) parses a 200,000-entry file some twenty times faster than PyYAML with
    libyaml. Dates stay text, as careerset's own dates are text. None when it cannot answer
    alone: PyYAML then parses the text and, for a faulty file, explains the fault."""
    if _MAYBE_SPECIAL.search(text) or _NOT_PRINTABLE.search(text):
        return None
    try:
        loaded = yaml_rs.loads(text, parse_datetime=False, alias_limits=_NO_ALIASES)
    except (ValueError, RecursionError, OverflowError):
        return None
    # Several documents come back as a list; PyYAML refuses them in its own words.
    return None if text.lstrip().startswith("---") or "\n---" in text else (loaded,)


def _load(text: str) -> Any:
    fast = _fast_load(text)
    if fast is not None:
        return fast[0]
    return yaml.load(text, Loader=_PlainLoader)  # noqa: S506


def _reader_problem(error: yaml.reader.ReaderError, text: str) -> str:
    """A character YAML never allows (NUL, BEL and other controls), as one sentence."""
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)
    line = text.count("\n", 0, max(error.position, 0)) + 1
    return (
        f"The file is not valid YAML: it holds the control character U+{code:04X} on line"
        f" {line}; remove it."
    )


def load_yaml_text(text: str) -> Any:
    """Parse YAML text into plain data; malformed YAML gives one sentence naming the line."""
    text = text.removeprefix("\ufeff")
    try:
        return _load(text)
    except yaml.reader.ReaderError as error:
        raise UserError(_reader_problem(error, text)) from None
    except yaml.MarkedYAMLError as error:
        problem = (error.problem or error.context or "it cannot be parsed").rstrip(".")
        if problem.startswith("but ") and error.context:  # "expected X" + "but found Y"
            problem = f"{error.context}, {problem}"
        mark = error.problem_mark or error.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise UserError(f"The file is not valid YAML: {problem}{where}.") from None
    except yaml.YAMLError as error:
        detail = " ".join(str(error).split())[:150]
        raise UserError(f"The file is not valid YAML: {detail}.") from None
    except RecursionError:
        raise UserError("The file is nested too deeply to be a careerset file.") from None
    except (ValueError, OverflowError, KeyError, TypeError, IndexError) as error:
        # PyYAML's constructors raise these for malformed tagged or escaped scalars
        # (`!!int 0x`, `!!bool maybe`, `"\U99999999"`); they are the file's fault, not a bug.
        detail = str(error)[:80] or type(error).__name__
        raise UserError(f"The file is not valid YAML: a value cannot be read ({detail}).") from None
