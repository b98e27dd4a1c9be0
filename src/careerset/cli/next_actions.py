"""Next actions worded as careerset commands (the web app words the same actions as links)."""

from __future__ import annotations

import shlex

from careerset.next_action import Advice, NextAction


def _quoted(value: str) -> str:
    return shlex.quote(value)


def command_for(action: NextAction) -> str:
    """The command line that carries out `action`; placeholders are in capitals."""
    arguments = action.arguments
    target = arguments.get("target")
    match action.kind:
        case "add_goal":
            code = target or "CODE"
            return f'careerset add goal --statement "..." --target {_quoted(code)}'
        case "add_job":
            return "careerset add job"
        case "add_activity":
            skill = arguments.get("skill")
            tail = f" --skill {_quoted(skill)}" if skill else ""
            return f"careerset add activity --kind practice --hours 2{tail}"
        case "add_contact":
            return "careerset add contact"
        case "take_profiler":
            return "careerset interests take"
        case "install_data":
            return "careerset data install"
        case "install_data_offline":
            return "careerset data install --from PATH"
        case "search_occupations":
            return f"careerset occupation search {_quoted(arguments.get('query') or 'TEXT')}"
        case "search_skills":
            return f"careerset skill search {_quoted(arguments.get('query') or 'TEXT')}"
        case "code_jobs":
            return "careerset edit ID --occupation CODE"
        case "review_codes":
            return "careerset codes review"
        case "show_gaps":
            return f"careerset gaps --target {_quoted(target or 'CODE')}"
        case "show_paths":
            return f"careerset paths --target {_quoted(target or 'CODE')}"
        case "show_plan":
            return f"careerset plan --target {_quoted(target or 'CODE')}"
        case "explore":
            return "careerset explore"
    raise AssertionError(f"no command for {action.kind}")  # pragma: no cover - exhaustive


def with_command(text: str, action: NextAction | None) -> str:
    """A sentence followed by the command that carries it out: "Do this: `careerset ...`."."""
    if action is None:
        return text
    return f"{text.rstrip().rstrip('.')}: `{command_for(action)}`."


def cli_words(advice: Advice) -> str:
    """Advice as the CLI says it: the sentence, then the command that carries it out."""
    return with_command(advice.text, advice.action)
