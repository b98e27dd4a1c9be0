"""Every command and group has help text with an example."""

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from careerset.cli.main import cli


def _walk(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    found = [(path, command)]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found.extend(_walk(sub, (*path, name)))
    return found


COMMANDS = _walk(typer.main.get_command(cli()))


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "careerset" for p, _ in COMMANDS]
)
def test_every_command_has_help_with_an_example(path: tuple[str, ...], command: Any) -> None:
    result = CliRunner().invoke(cli(), [*path, "--help"])
    assert result.exit_code == 0, result.stderr
    assert "Example" in result.stdout, f"`careerset {' '.join(path)} --help` shows no example"
    assert (command.help or "").strip(), f"`careerset {' '.join(path)}` has no help text"


def test_the_command_tree_has_the_contract_commands() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {
        "init",
        "demo",
        "add job",
        "add goal",
        "list",
        "show",
        "edit",
        "remove",
        "import",
        "export",
    } <= names
