"""Which module registers each top-level command, so a run imports only the one it needs."""

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
        _import(module)


def _import(module: str) -> None:
    """One plain import per module, so mypy and the layering contracts see every one of them."""
    # Each import registers its commands on the root app as a side effect.
    match module:
        case "assess":
            import careerset.cli.assess
        case "code":
            import careerset.cli.code
        case "codes":
            import careerset.cli.codes
        case "data":
            import careerset.cli.data
        case "entries":
            import careerset.cli.entries
        case "exchange":
            import careerset.cli.exchange
        case "interests":
            import careerset.cli.interests
        case "next_steps":
            import careerset.cli.next_steps
        case "occupation":
            import careerset.cli.occupation
        case "person":
            import careerset.cli.person
        case "render":
            import careerset.cli.render
        case "serve":
            import careerset.cli.serve
        case "setup":
            import careerset.cli.setup
        case "skill":
            import careerset.cli.skill
        case "users":
            import careerset.cli.users  # noqa: F401 - imported for its registration
        case _:
            raise AssertionError(f"no command module {module!r}")
