"""The options every command shares (`--db`, `--profile`), set once by the root callback."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class CliState:
    """Global options of the running command."""

    db: str | None
    profile: str


_DEFAULT = CliState(db=None, profile="default")
_current: ContextVar[CliState | None] = ContextVar("careerset_cli_state", default=None)


def set_state(state: CliState) -> None:
    _current.set(state)


def current_state() -> CliState:
    """The global options of the running command (defaults outside a command)."""
    return _current.get() or _DEFAULT
