"""Next actions for the browser. The report ends a step that a command carries out with
": `careerset ...`."; the web app shows the sentence with a link to the page that does the
same thing instead, since a person in the browser may have no terminal at all.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import quote

_TRAILING_COMMAND = re.compile(r":\s*`careerset ([^`]*)`\.?\s*$")
_TARGET = re.compile(r"--target (\S+)")

# The first words of a command, and the page that does the same.
PAGES: tuple[tuple[str, str], ...] = (
    ("add activity", "/entries/new/activity"),
    ("add contact", "/entries/new/contact"),
    ("add goal", "/entries/new/goal"),
    ("add", "/entries"),
    ("occupation search", "/occupations"),
    ("interests take", "/profiler"),
    ("data install", "/status"),
    ("gaps", "/next-steps"),
    ("paths", "/next-steps"),
    ("plan", "/next-steps"),
)


class Action(NamedTuple):
    """One next action: its sentence, and the page to act on (None: no page does it)."""

    text: str
    href: str | None


def page_for(command: str) -> str | None:
    """The web page for a careerset command line, keeping its `--target`; None if none."""
    for words, page in PAGES:
        if command == words or command.startswith(words + " "):
            target = _TARGET.search(command)
            if target and page == "/next-steps" and target.group(1) != "CODE":
                return f"{page}?target={quote(target.group(1), safe='')}"
            return page
    return None


def web_action(step: str) -> Action:
    """A report step as the browser shows it: the trailing command becomes a link."""
    found = _TRAILING_COMMAND.search(step)
    if found is None:
        return Action(step, None)
    href = page_for(found.group(1))
    if href is None:
        return Action(step, None)
    return Action(step[: found.start()].rstrip() + ".", href)
