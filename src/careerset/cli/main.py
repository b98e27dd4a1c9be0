"""The `careerset` command: the root Typer app, its global options and the error boundary."""

import sys

import click
import typer

from careerset.cli.output import err_console
from careerset.cli.state import CliState
from careerset.errors import UserError

app = typer.Typer(
    name="careerset",
    help=(
        "Tell a job from a career, and turn jobs into a career.\n\n"
        "Example: careerset demo"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def root(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="CAREERSET_DB",
        help="Store: a SQLite file path or an SQLAlchemy URL. Default: a file in the user data folder.",
    ),
    profile: str = typer.Option("default", "--profile", help="Whose career to work on."),
) -> None:
    """Tell a job from a career, and turn jobs into a career.

    Example: careerset --profile ana list job --json
    """
    ctx.obj = CliState(db=db, profile=profile)


def _register() -> None:
    """Attach every command group; imported here so `app` exists before the groups use it."""
    from careerset.cli import commands  # noqa: F401


def main() -> None:
    """Console entry point: user mistakes exit 2 with one line, bugs exit 1."""
    _register()
    command = typer.main.get_command(app)
    try:
        command.main(args=sys.argv[1:], prog_name="careerset", standalone_mode=False)
    except UserError as error:
        err_console.print(f"careerset: {error.message}", markup=False, highlight=False)
        sys.exit(2)
    except click.exceptions.Abort:
        err_console.print("careerset: aborted.", markup=False, highlight=False)
        sys.exit(2)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
