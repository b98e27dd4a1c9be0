"""Check that RenderCV itself accepts careerset's RenderCV exports (demo + JSON Resume examples).

Usage: .venv/bin/python benchmarks/rendercv_check.py [--venv /tmp/rcv] [--keep DIR]
RenderCV is never a careerset dependency: it lives in a throwaway venv, created here when
missing (`pip install "rendercv[full]" click`). Each export must render to Typst, Markdown and
HTML with `--dont-generate-pdf --dont-generate-png` (the PDF step downloads Typst packages).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from careerset.interchange import json_resume, yaml_backup
from careerset.interchange.linkedin import load_linkedin_export
from careerset.interchange.rendercv import dump_rendercv
from careerset.model.career import Career

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "tests" / "interchange" / "data" / "jsonresume").glob("*.resume.json"))
LINKEDIN = ROOT / "tests" / "interchange" / "data" / "linkedin"
WANTED = (".typ", ".md", ".html")


def ensure_rendercv(venv: Path) -> Path:
    """The rendercv program of `venv`, installing it there first when it is missing."""
    binary = venv / "bin" / "rendercv"
    given = os.environ.get("CAREERSET_RENDERCV")
    if given and Path(given).is_file():
        return Path(given)
    if binary.is_file():
        return binary
    print(f"Creating {venv} with rendercv (a few minutes, once)...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "pip"), "install", "--quiet", "rendercv[full]", "click"]
    subprocess.run(pip, check=True)
    return binary


def sources() -> dict[str, Career]:
    demo = resources.files("careerset.samples").joinpath("demo_career.yaml").read_text("utf-8")
    found = {"demo_career": yaml_backup.document_to_career(yaml_backup.load_yaml_text(demo))}
    for path in EXAMPLES:
        found[path.name] = json_resume.load_json_resume_text(path.read_text("utf-8"))
    found["linkedin-export"] = load_linkedin_export(LINKEDIN, connections=True)
    return found


def render(binary: Path, name: str, career: Career, folder: Path) -> tuple[bool, str]:
    """Render one export; (all of Typst, Markdown and HTML written, a one-line result)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{name.split('.')[0]}.yaml"
    source.write_text(dump_rendercv(career), encoding="utf-8")
    command = [str(binary), "render", source.name, "--dont-generate-pdf", "--dont-generate-png"]
    started = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_COLOR": "1"},
    )
    seconds = time.perf_counter() - started
    output = folder / "rendercv_output"
    written = sorted(p.suffix for p in output.iterdir()) if output.is_dir() else []
    ok = result.returncode == 0 and all(suffix in written for suffix in WANTED)
    detail = f"exit {result.returncode}, wrote {' '.join(written) or 'nothing'}, {seconds:.1f} s"
    if not ok:
        detail += "\n" + (result.stdout + result.stderr)[-1500:]
    return ok, detail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=Path("/tmp/rcv"))
    parser.add_argument("--keep", type=Path, default=None, help="keep the rendered files here")
    args = parser.parse_args(argv)
    binary = ensure_rendercv(args.venv)
    # `rendercv --version` may print an update notice instead; the venv's metadata is exact.
    ask = "import importlib.metadata as m; print(m.version('rendercv'))"
    version = subprocess.run(
        [str(binary.parent / "python"), "-c", ask], capture_output=True, text=True
    )
    print(f"rendercv {version.stdout.strip() or '(version unknown)'} at {binary}")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="careerset-rendercv-") as scratch:
        base = args.keep or Path(scratch)
        for name, career in sources().items():
            ok, detail = render(binary, name, career, base / name.split(".")[0])
            failures += not ok
            print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
