"""Next actions as data: what a person could do next, named by a kind and its arguments.

Analysis results and user errors carry these instead of command lines; the CLI words each
kind as a command and the web app as a link, so neither front end parses the other's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ActionKind = Literal[
    "add_goal",  # arguments: target (optional)
    "add_job",
    "add_activity",  # arguments: skill (optional)
    "add_contact",
    "take_profiler",
    "install_data",
    "install_data_offline",
    "search_occupations",  # arguments: query (optional)
    "search_skills",
    "code_jobs",
    "review_codes",
    "show_gaps",  # arguments: target
    "show_paths",  # arguments: target
    "show_plan",  # arguments: target
    "explore",
]

ACTION_KINDS: tuple[ActionKind, ...] = ActionKind.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class NextAction:
    """One thing to do next; `arguments` fill in the command or the link (all text)."""

    kind: ActionKind
    arguments: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "arguments": dict(self.arguments)}


@dataclass(frozen=True)
class Advice:
    """A plain sentence for a person, with the action that carries it out (if any)."""

    text: str
    action: NextAction | None = None

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "action": None if self.action is None else self.action.to_dict()}


def plain_words(advice: Advice) -> str:
    """Advice as its sentence alone, for readers without a terminal (the web app, documents)."""
    return advice.text
