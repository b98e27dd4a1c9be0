"""The `careerset` command: the root app, its global options and the error boundary."""

import gc
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from careerset.cli.output import err_console
from careerset.cli.state import CliState, set_state
from careerset.errors import UserError


def _say(message: str) -> None:
    err_console.print(f"careerset: {message}", markup=False, highlight=False, soft_wrap=True)


# The order `careerset --help` lists commands in: the way a person meets them.
COMMAND_ORDER = [
    *("init", "demo", "person", "add", "list", "show", "edit", "remove", "import", "export"),
    *("backup",),
    *("restore", "data", "occupation", "skill", "code", "codes", "interests", "assess", "report"),
    *("gaps", "paths", "plan", "explore", "cv", "serve", "user"),
]


class ErrorBoundaryGroup(TyperGroup):
    """User mistakes and usage errors become one line on stderr and exit code 2, wherever raised."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = list(super().list_commands(ctx))
        rank = {name: index for index, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: (rank.get(name, len(rank)), name))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except typer.TyperException as error:
            # Usage errors: one line naming the problem and where help is, not a boxed banner.
            context = getattr(error, "ctx", None)
            where = f" (see '{context.command_path} --help')" if context is not None else ""
            _say(f"{error.format_message().rstrip('.')}{where}.")
            result = 2
        except typer.Abort:
            _say("aborted.")
            result = 2
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as error:
            from careerset.cli.next_actions import with_command

            _say(with_command(error.message, error.action))
            raise typer.Exit(2) from None


app = typer.Typer(
    name="careerset",
    cls=ErrorBoundaryGroup,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from careerset import __version__

        print(f"careerset {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="CAREERSET_DB",
        help="Store: a SQLite file path or an SQLAlchemy URL (default: a file in the user data folder).",
    ),
    profile: str = typer.Option("default", "--profile", help="Whose career to work on."),
    version: bool = typer.Option(
        False,
        "--version",
        is_eager=True,
        callback=_print_version,
        expose_value=False,
        help="Print careerset's version and exit.",
    ),
) -> None:
    """Tell a job from a career, and turn jobs into a career.

    Example: careerset demo
    """
    set_state(CliState(db=db, profile=profile))


def _register(args: Sequence[str] | None = None) -> None:
    """Import the module of the command in `args` (every module for help or an unknown name):
    importing all of them costs more than most commands' own work."""
    from careerset.cli.commands import COMMAND_MODULES, register

    name = command_name(list(args)) if args is not None else None
    register([name] if name in COMMAND_MODULES else None)


def command_name(args: list[str]) -> str | None:
    """The command word of a command line: its first word that is not a global option."""
    index = 0
    while index < len(args):
        word = args[index]
        if word in ("--db", "--profile"):
            index += 2
            continue
        if word.startswith("-"):
            index += 1
            continue
        return word
    return None


def main() -> None:
    """Console entry point: exit 0 ok, 2 for user mistakes and usage, 1 for anything else."""
    # Importing a command's modules allocates hundreds of thousands of objects that live as long
    # as the process and frees almost none, so the cyclic garbage collector would only walk them
    # again and again: it pauses meanwhile, and then leaves them out of every later collection
    # (`freeze`). Commands run with it as usual; start-up takes a tenth less time.
    gc.disable()
    try:
        _register(sys.argv[1:])
    finally:
        gc.enable()
    gc.freeze()
    try:
        app(prog_name="careerset")
    except BrokenPipeError:
        sys.exit(0)


def cli() -> typer.Typer:
    """The whole command tree, registered (for tests and embedding)."""
    _register()
    return app
