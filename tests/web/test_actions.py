"""Next actions in the browser: the report's trailing CLI command becomes a link to its page."""

import pytest
from fastapi.testclient import TestClient

from careerset.web.actions import page_for, web_action

from .web_helpers import Token, add  # type: ignore[import-not-found]


@pytest.mark.parametrize(
    ("step", "text", "href"),
    [
        (
            "Log one learning activity this week: `careerset add activity`.",
            "Log one learning activity this week.",
            "/entries/new/activity",
        ),
        (
            "See which skills stand between you and 29-1171.00: "
            "`careerset gaps --target 29-1171.00`.",
            "See which skills stand between you and 29-1171.00.",
            "/next-steps?target=29-1171.00",
        ),
        ("Look for stepping stones: `careerset paths --target CODE`.", "Look for stepping stones.", "/next-steps"),
        ("Keep your record current.", "Keep your record current.", None),
        # A command no page does stays as it is.
        ("Tidy up: `careerset frobnicate`.", "Tidy up: `careerset frobnicate`.", None),
    ],
)
def test_a_trailing_command_becomes_a_link(step: str, text: str, href: str | None) -> None:
    assert web_action(step) == (text, href)


def test_targets_are_escaped_in_links() -> None:
    assert page_for('gaps --target "><script>') == "/next-steps?target=%22%3E%3Cscript%3E"


def test_the_dashboard_links_its_next_actions(client: TestClient, token: Token) -> None:
    add(client, token(), "job", title="Cashier", organization="Shop", start="2020-01")
    page = client.get("/").text
    actions = page[page.index('id="next-heading"') : page.index("Gaps, paths and plan")]
    assert "`careerset" not in actions
    assert '<a href="/profiler">Take the interest profiler, about 10 minutes.</a>' in actions
