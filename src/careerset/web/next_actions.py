"""Next actions worded for the browser: the page (or form) that does the same as the command.

A person in the browser may have no terminal at all, so no page ever shows a command line.
"""

from __future__ import annotations

from urllib.parse import quote

from careerset.next_action import Advice, NextAction


def href_for(action: NextAction | None) -> str | None:
    """The page that carries out `action`; None when the web app has none (say it in words)."""
    if action is None:
        return None
    arguments = action.arguments
    target = arguments.get("target")
    match action.kind:
        case "add_goal":
            return "/entries/new/goal"
        case "add_job" | "code_jobs":
            return "/entries/new/job" if action.kind == "add_job" else "/entries?kind=job"
        case "add_activity":
            return "/entries/new/activity"
        case "add_contact":
            return "/entries/new/contact"
        case "take_profiler":
            return "/profiler"
        case "install_data" | "install_data_offline":
            return "/status"
        case "search_occupations":
            query = arguments.get("query")
            return "/occupations" + (f"?q={quote(query, safe='')}" if query else "")
        case "search_skills":
            return "/occupations"
        case "review_codes":
            return "/codes/review"
        case "show_gaps" | "show_paths" | "show_plan":
            return "/next-steps" + (f"?target={quote(target, safe='')}" if target else "")
        case "explore":
            return "/next-steps"
    return None  # pragma: no cover - every kind is handled above


def web_words(advice: Advice) -> tuple[str, str | None]:
    """The sentence and the link that acts on it."""
    return advice.text, href_for(advice.action)
