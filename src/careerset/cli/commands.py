"""Which module registers each top-level command, so a run imports only the one it needs."""

import importlib

# Command (or command group) name -> the module that registers it on the root app.
# tests/cli/test_startup.py checks this against the registered tree.
COMMAND_MODULES = {
    "init": "setup",
    "demo": "setup",
    "person": "person",
    "add": "entries",
    "list": "entries",
    "show": "entries",
    "edit": "entries",
    "remove": "entries",
    "import": "exchange",
    "export": "exchange",
    "backup": "exchange",
    "restore": "exchange",
    "data": "data",
    "occupation": "occupation",
    "skill": "skill",
    "code": "code",
    "codes": "codes",
    "interests": "interests",
    "assess": "assess",
    "report": "assess",
    "gaps": "next_steps",
    "paths": "next_steps",
    "plan": "next_steps",
    "explore": "next_steps",
    "cv": "render",
    "serve": "serve",
    "user": "users",
}


def register(names: list[str] | None = None) -> None:
    """Import the modules behind `names` (every module when None); each registers itself."""
    wanted = COMMAND_MODULES.values() if names is None else [COMMAND_MODULES[n] for n in names]
    for module in dict.fromkeys(wanted):
        importlib.import_module(f"careerset.cli.{module}")
