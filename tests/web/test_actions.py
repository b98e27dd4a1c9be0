"""Next actions in the browser: each action kind is a link to the page that does it, never a
command line; and the CLI words every kind as a command its own parser accepts."""

import shlex
from typing import Any

import pytest
from fastapi.testclient import TestClient

from careerset.cli.main import cli
from careerset.cli.next_actions import command_for
from careerset.next_action import ACTION_KINDS, NextAction
from careerset.web.next_actions import href_for

from .web_helpers import Token, add  # type: ignore[import-not-found]

SAMPLE_ARGUMENTS = {"target": "29-1171.00", "skill": "Pharmacology", "query": "nurse"}
# Touches SQL (writes, imports, accounts, access): `make test` runs it on PostgreSQL too.
pytestmark = pytest.mark.sql


def _actions() -> list[NextAction]:
    """Every kind, bare and with every argument it may carry."""
    return [NextAction(kind) for kind in ACTION_KINDS] + [
        NextAction(kind, SAMPLE_ARGUMENTS) for kind in ACTION_KINDS
    ]


def _parse(words: list[str]) -> None:
    """Parse a command line with the CLI's own parser, down to the leaf command's options.

    An unknown command raises here, and so does a flag the command does not have."""
    import typer

    root: Any = typer.main.get_command(cli())
    command, context, rest = root, root.make_context("careerset", [], resilient_parsing=True), words
    while hasattr(command, "get_command"):
        name, rest = rest[0], rest[1:]
        sub = command.get_command(context, name)
        if sub is None:
            raise LookupError(f"no command {name!r}")
        if hasattr(sub, "get_command"):
            context = sub.make_context(name, [], parent=context, resilient_parsing=True)
        command = sub
    command.make_context(command.name, list(rest), parent=context)


@pytest.mark.parametrize("action", _actions(), ids=lambda a: f"{a.kind}-{len(a.arguments)}")
def test_every_action_is_a_command_the_cli_parses(action: NextAction) -> None:
    words = shlex.split(command_for(action))
    assert words[0] == "careerset"
    _parse(words[1:])


@pytest.mark.parametrize("action", _actions(), ids=lambda a: f"{a.kind}-{len(a.arguments)}")
def test_every_action_has_a_page_or_none(action: NextAction) -> None:
    href = href_for(action)
    assert href is None or (href.startswith("/") and "careerset" not in href)


def test_targets_are_escaped_in_links() -> None:
    action = NextAction("show_gaps", {"target": '"><script>'})
    assert href_for(action) == "/next-steps?target=%22%3E%3Cscript%3E"


def test_an_unknown_option_is_caught_by_the_parser() -> None:
    """The check above can fail: a made-up flag or command is refused by the same parsing."""
    with pytest.raises(Exception, match="target-codes"):
        _parse(["add", "goal", "--statement", "x", "--target-codes", "29-1171.00"])
    with pytest.raises(LookupError):
        _parse(["frobnicate"])


def test_the_dashboard_links_its_next_actions(client: TestClient, token: Token) -> None:
    add(client, token(), "job", title="Cashier", organization="Shop", start="2020-01")
    page = client.get("/").text
    actions = page[page.index('id="next-heading"') : page.index("Gaps, paths and plan")]
    assert "careerset " not in actions
    assert '<a href="/profiler">Take the interest profiler, about 10 minutes.</a>' in actions


def test_codes_in_sentences_are_kept_whole_and_the_rest_escaped() -> None:
    from careerset.web.pages import keep_codes_whole

    shown = str(keep_codes_whole("<b>29-1141.03</b> and 15-2051"))
    assert shown == (
        '&lt;b&gt;<span class="code">29-1141.03</span>&lt;/b&gt; and '
        '<span class="code">15-2051</span>'
    )
