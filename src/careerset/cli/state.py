"""The options every command shares (`--db`, `--profile`), carried on the Typer context."""

from dataclasses import dataclass

import typer


@dataclass
class CliState:
    """Global options resolved once by the root callback."""

    db: str | None
    profile: str


def get_state(ctx: typer.Context) -> CliState:
    """The shared options of the running command."""
    root = ctx.find_root()
    state = root.obj
    if not isinstance(state, CliState):
        state = CliState(db=None, profile="default")
        root.obj = state
    return state
