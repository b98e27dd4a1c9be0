"""Shared output helpers for commands: Rich consoles and machine-readable JSON."""

import json
from typing import Any

from rich.console import Console

console = Console()
err_console = Console(stderr=True)


def print_json(data: Any) -> None:
    """Write `data` as JSON on stdout and nothing else (the `--json` contract)."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
