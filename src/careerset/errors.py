"""The two kinds of failure: a mistake the user can fix, and everything else (a bug)."""

from __future__ import annotations

from careerset.next_action import NextAction


class UserError(Exception):
    """A mistake the user can fix; its message is one sentence saying what and how.

    The CLI prints it on stderr and exits with code 2; the web layer answers 4xx.
    Anything else that escapes is a bug and exits with code 1.
    """

    def __init__(self, message: str, action: NextAction | None = None) -> None:
        super().__init__(message)
        self.message = message
        # What fixes it, as data: the CLI adds the command, the web app a link.
        self.action = action

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[UserError], tuple[str, NextAction | None]]:
        # Keeps `action` when the error crosses a process boundary (uploads parse elsewhere).
        return (type(self), (self.message, self.action))
