"""Rewrite the README's demo sample from real `careerset demo` output on the embedded default.

Usage: python scripts/readme_demo_sample.py
Runs the demo in a throwaway home folder at 100 columns (no pack), keeps an excerpt (the
verdict table's head, its first row and the first career step, where to go next, the first
commands to try, the files written) and puts it between the README's ```text fences under
"What it looks like". tests/cli/test_out_of_the_box.py checks the sample is real output.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def demo_output(home: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREERSET_", "XDG_"))}
    env.update(HOME=str(home), COLUMNS="100")
    command = [sys.executable, "-c", "from careerset.cli.main import main; main()", "demo"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return [line.rstrip().replace(str(home), "~") for line in done.stdout.splitlines()]


def _rows(lines: list[str]) -> list[list[str]]:
    """Table body lines grouped by row: a row starts where its second cell is filled."""
    rows: list[list[str]] = []
    for line in lines:
        if not line.startswith("│"):
            break
        cells = line.strip("│").split("│")
        if len(cells) > 1 and cells[1].strip() or not rows:
            rows.append([])
        rows[-1].append(line)
    return rows


def excerpt(lines: list[str]) -> list[str]:
    title = next(i for i, line in enumerate(lines) if line.strip() == "Job or career?")
    rows = _rows(lines[title + 4 :])
    step = next((row for row in rows[1:] if "career step" in " ".join(row)), rows[-1])
    where = lines.index("WHERE TO GO NEXT")
    tried = lines.index("Try careerset on the sample:")
    wrote = [line for line in lines if line.startswith("Wrote the sample's") and "(PDF)" in line]
    return [
        *lines[title : title + 4],
        *rows[0],
        *step,
        "...",
        *lines[where : where + 5],
        "...",
        *lines[tried : tried + 4],
        "...",
        *wrote,
    ]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="careerset-readme-") as folder:
        sample = excerpt(demo_output(Path(folder)))
    text = README.read_text("utf-8")
    start = text.index("```text\n", text.index("## What it looks like")) + len("```text\n")
    end = text.index("```", start)
    README.write_text(text[:start] + "\n".join(sample) + "\n" + text[end:], "utf-8")
    print(f"wrote {len(sample)} lines into {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
