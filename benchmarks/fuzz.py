"""Fuzz every importer (JSON Resume, careerset YAML, RenderCV, LinkedIn folder and zip) at once.

Usage: .venv/bin/python benchmarks/fuzz.py --cases 100000 [--seed 1] [--crashes DIR]
Inputs are valid seeds mutated byte by byte and node by node, plus Hypothesis-generated careers
exported to each format. Any exception other than UserError is a failure: its input is saved.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the Hypothesis strategies for careers live there

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import seed as hypothesis_seed  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from careerset.actions.importing import ImportFormat, read_career_file  # noqa: E402
from careerset.errors import UserError  # noqa: E402
from careerset.interchange import json_resume, rendercv, yaml_backup  # noqa: E402
from careerset.model.career import Career  # noqa: E402
from strategies import careers  # type: ignore[import-not-found]  # noqa: E402

DATA = ROOT / "tests" / "interchange" / "data"
TEXT_FORMATS = ("jsonresume", "yaml", "rendercv")
TARGETS = (*TEXT_FORMATS, "linkedin", "linkedin-zip", "detect")
# Bytes that matter to the parsers: structure, quotes, encodings' marks, odd line breaks.
TOKENS = [
    b'"', b"'", b",", b":", b": ", b"- ", b"{", b"}", b"[", b"]", b"\n", b"\r\n", b"\r", b"\0",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xc3", b"\xe2\x80\xa8", b"&a", b"*a", b"!!python/object",
    b"%YAML 1.1\n", b"---\n", b"#", b"null", b"true", b"1e999", b"-0", b"NaN", b"2019-02-30",
    b"present", b"Mar 2019", b"0999", b"9" * 40, b"\t", b"\\u0000", b"\\ud800", b"cv:", b"x-careerset",
    b"format: careerset\n", b"Notes:\n", b"Company Name,Title,Started On,Finished On\n",
    b"!!int ", b"!!float ", b"!!bool ", b"!!binary ", b"!!set ", b"!!timestamp ", b'"\\U99999999"',
    b"? ", b"[[[[[[[[", b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06",
]  # fmt: skip


def _small(career: Career, size: int = 3) -> list[Career]:
    """A career cut into careers of a few entries: small seeds keep each case fast."""
    chunks = [career.entries[i : i + size] for i in range(0, len(career.entries), size)]
    return [Career.of(chunk, career.person if i == 0 else None) for i, chunk in enumerate(chunks)]


def _seed_texts() -> dict[str, list[bytes]]:
    """Valid documents of each text format, from the demo and the JSON Resume examples."""
    demo = (ROOT / "src" / "careerset" / "samples" / "demo_career.yaml").read_text("utf-8")
    resumes = [p.read_text("utf-8") for p in sorted((DATA / "jsonresume").glob("*.resume.json"))]
    whole = [json_resume.load_json_resume_text(text) for text in resumes]
    whole.append(yaml_backup.document_to_career(yaml_backup.load_yaml_text(demo)))
    small = [part for career in whole for part in _small(career)]
    return {target: [_export(career, target) for career in small] for target in TEXT_FORMATS}


def _seed_csvs() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((DATA / "linkedin").glob("*.csv"))}


def mutate_bytes(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """A few random edits: flips, inserts of meaningful tokens, deletions, repeats, splices."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(buffer))
        choice = rng.random()
        if choice < 0.2 and buffer:
            buffer[min(at, len(buffer) - 1)] ^= 1 << rng.randint(0, 7)
        elif choice < 0.5:
            buffer[at:at] = rng.choice(TOKENS)
        elif choice < 0.65:
            del buffer[at : at + rng.randint(1, 64)]
        elif choice < 0.8:
            chunk = buffer[at : at + rng.randint(1, 200)]
            buffer[at:at] = bytes(chunk) * rng.randint(1, 20)
        elif others:
            other = rng.choice(others)
            start = rng.randint(0, len(other))
            buffer[at:] = other[start:] if rng.random() < 0.5 else buffer[at:]
        else:
            buffer[at:at] = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 16)))
    return bytes(buffer)


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    choice = rng.random()
    if choice < 0.12:
        return None
    if choice < 0.22:
        return rng.choice([True, False, 0, -1, 2**70, 1.5, 1e308, "", " ", "present"])
    if choice < 0.45:
        return rng.choice(["2019", "2019-03", "2019-13", "1999-02-29", "Mar 2019", "x" * 25_000])
    if choice < 0.6:
        return "".join(
            chr(rng.choice([rng.randint(32, 126), rng.randint(0x80, 0x2FFF)]))
            for _ in range(rng.randint(0, 30))
        )
    if choice < 0.75 and depth < 6:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if choice < 0.9 and depth < 6:
        keys = ["name", "kind", "id", "start", "end", "startDate", "sections", "cv", "title", "x"]
        return {rng.choice(keys): _random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    nested: Any = "deep"
    for _ in range(rng.randint(30, 200)):
        nested = [nested] if rng.random() < 0.5 else {"a": nested}
    return nested


def mutate_tree(value: Any, rng: random.Random) -> Any:
    """Replace, delete or add one node somewhere in parsed data."""
    if not isinstance(value, (dict, list)) or not value or rng.random() < 0.15:
        return _random_value(rng)
    if isinstance(value, dict):
        key = rng.choice(list(value))
        copy = dict(value)
        action = rng.random()
        if action < 0.15:
            del copy[key]
        elif action < 0.25:
            copy[rng.choice(["x-careerset", "extra", "kind", "format", "version", "ext"])] = (
                _random_value(rng)
            )
        else:
            copy[key] = mutate_tree(value[key], rng)
        return copy
    index = rng.randrange(len(value))
    items = list(value)
    items[index] = mutate_tree(items[index], rng)
    return items


def mutate_csv(data: bytes, rng: random.Random) -> bytes:
    """Row and cell edits that keep a CSV shape, in a random encoding."""
    text = (
        data.decode("utf-16")
        if data.startswith((b"\xff\xfe", b"\xfe\xff"))
        else data.decode("cp1252", "replace")
    )
    lines = text.lstrip("\ufeff").splitlines()
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        index = rng.randrange(len(lines))
        cells = lines[index].split(",")
        action = rng.random()
        if action < 0.3:
            cells[rng.randrange(len(cells))] = str(_random_value(rng))[:300].replace("\n", " ")
        elif action < 0.45:
            cells.append(rng.choice(["Extra", '"quoted, cell"', "", "Jan 2020"]))
        elif action < 0.6 and len(cells) > 1:
            del cells[rng.randrange(len(cells))]
        elif action < 0.75:
            lines.insert(index, ",".join(cells))
        else:
            lines.insert(index, rng.choice(["Notes:", '"unterminated', "", "x" * 1000]))
        lines[index] = ",".join(cells)
    encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "cp1252", "utf-16-le"])
    return "\r\n".join(lines).encode(encoding, "replace")


@dataclass
class Report:
    cases: Counter[str] = field(default_factory=Counter)
    accepted: Counter[str] = field(default_factory=Counter)
    refused: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, Path | None]] = field(default_factory=list)


class Runner:
    """Writes each input where the real reader expects it and classifies the outcome."""

    def __init__(self, work: Path, crashes: Path | None) -> None:
        self.work = work
        self.crashes = crashes
        self.report = Report()

    def run(self, target: str, payload: bytes | dict[str, bytes]) -> None:
        path = self._place(target, payload)
        file_format = {"detect": None, "linkedin-zip": "linkedin"}.get(target, target)
        self.report.cases[target] += 1
        try:
            chosen = ImportFormat(file_format) if file_format else None
            read_career_file(path, chosen, connections=chosen == ImportFormat.LINKEDIN)
            self.report.accepted[target] += 1
        except UserError:
            self.report.refused[target] += 1
        except Exception:  # noqa: BLE001 - every other exception is what the fuzzer looks for
            saved = self._save(target, payload)
            self.report.failures.append((target, traceback.format_exc(limit=6), saved))

    def _place(self, target: str, payload: bytes | dict[str, bytes]) -> Path:
        if isinstance(payload, dict):
            folder = self.work / "export"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            for name, data in payload.items():
                (folder / name).write_bytes(data)
            return folder
        suffix = {"jsonresume": ".json", "linkedin-zip": ".zip", "detect": ".txt"}.get(
            target, ".yaml"
        )
        path = self.work / f"input{suffix}"
        path.write_bytes(payload)
        return path

    def _save(self, target: str, payload: bytes | dict[str, bytes]) -> Path | None:
        if self.crashes is None:
            return None
        self.crashes.mkdir(parents=True, exist_ok=True)
        number = len(self.report.failures)
        if isinstance(payload, dict):
            target_path = self.crashes / f"{target}-{number}"
            target_path.mkdir(exist_ok=True)
            for name, data in payload.items():
                (target_path / name).write_bytes(data)
            return target_path
        target_path = self.crashes / f"{target}-{number}.bin"
        target_path.write_bytes(payload)
        return target_path


def _zip(members: dict[str, bytes], rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(
        buffer, "w", rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
    ) as archive:
        for name, data in members.items():
            archive.writestr(rng.choice(["", "Basic_LinkedInDataExport/", "a/b/"]) + name, data)
    return buffer.getvalue()


def mutation_cases(
    count: int, rng: random.Random
) -> Iterator[tuple[str, bytes | dict[str, bytes]]]:
    """`count` mutated inputs, spread over every target."""
    texts = _seed_texts()
    csvs = _seed_csvs()
    all_texts = [data for seeds in texts.values() for data in seeds]
    parsed: dict[bytes, Any] = {}
    zipped = _zip(csvs, rng)
    for index in range(count):
        target = TARGETS[index % len(TARGETS)]
        if target in TEXT_FORMATS or target == "detect":
            seed = rng.choice(texts.get(target, all_texts))
            if rng.random() < 0.45:
                yield target, mutate_bytes(seed, rng, all_texts)
                continue
            if seed not in parsed:
                text = seed.decode()
                is_json = seed.startswith(b"{")
                parsed[seed] = json.loads(text) if is_json else yaml_backup.load_yaml_text(text)
            tree = parsed[seed]
            for _ in range(rng.randint(1, 3)):
                tree = mutate_tree(tree, rng)
            if target == "jsonresume" or rng.random() < 0.2:
                yield target, json.dumps(tree, ensure_ascii=rng.random() < 0.5).encode()
            else:
                yield target, yaml_backup.dump_yaml(tree).encode()
        elif target == "linkedin":
            names = rng.sample(sorted(csvs), rng.randint(1, 4))
            files = {name: csvs[name] for name in names}
            victim = rng.choice(names)
            mutated = (
                mutate_csv(files[victim], rng)
                if rng.random() < 0.6
                else mutate_bytes(files[victim], rng, [])
            )
            yield target, {**files, victim: mutated}
        else:
            if rng.random() < 0.5:
                yield target, mutate_bytes(zipped, rng, [])
            else:
                name = rng.choice(sorted(csvs))
                yield target, _zip({**csvs, name: mutate_csv(csvs[name], rng)}, rng)


def _export(career: Career, target: str) -> bytes:
    if target == "jsonresume":
        return json.dumps(json_resume.career_to_json_resume(career), ensure_ascii=False).encode()
    if target == "rendercv":
        return rendercv.dump_rendercv(career).encode()
    return yaml_backup.dump_yaml(yaml_backup.career_to_document(career)).encode()


# Keys the importers look for, so generated documents reach past the first checks.
KEYS = [
    "format", "version", "person", "entries", "kind", "id", "title", "organization", "start",
    "end", "name", "basics", "work", "education", "skills", "startDate", "endDate", "position",
    "x-careerset", "cv", "sections", "company", "institution", "area", "label", "details",
    "start_date", "end_date", "date", "highlights", "social_networks", "network", "username",
]  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["2019", "2019-03", "present", "job", "skill", "careerset", "1", ""])
    | st.text(max_size=20)
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=25,
)


def _settings(count: int, seed: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    def apply(test: Callable[..., None]) -> Callable[..., None]:
        configured = settings(
            max_examples=count,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )(test)
        return hypothesis_seed(seed)(configured)

    return apply


def hypothesis_cases(count: int, runner: Runner, seed: int) -> None:
    """Hypothesis inputs: plain documents around the formats' keys, and whole careers exported
    to each text format (half of them then mutated). Careers are costly to draw, so fewer."""
    if count <= 0:
        return

    @_settings(count - count // 10, seed)
    @given(DOCUMENTS, st.sampled_from(TEXT_FORMATS), st.booleans())
    def documents(document: Any, target: str, as_json: bool) -> None:
        if target == "jsonresume" or as_json:
            data = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
        else:
            data = yaml_backup.dump_yaml(document).encode("utf-8", "surrogatepass")
        runner.run(target, data)

    @_settings(count // 10, seed)
    @given(careers(max_entries=4), st.sampled_from(TEXT_FORMATS), st.randoms(use_true_random=False))
    def exported(career: Career, target: str, rng: random.Random) -> None:
        data = _export(career, target)
        if rng.random() < 0.5:
            data = mutate_bytes(data, rng, [])
        runner.run(target, data)

    documents()
    if count // 10:
        exported()


def run_fuzz(
    cases: int, seed: int = 1, crashes: Path | None = None, hypothesis_share: float = 0.2
) -> Report:
    """Run `cases` inputs in all; a share comes from Hypothesis, the rest from the mutator."""
    rng = random.Random(seed)
    # Memory-backed when the system has it: every case writes its input to a file.
    shared_memory = Path("/dev/shm")
    folder = str(shared_memory) if shared_memory.is_dir() else None
    with tempfile.TemporaryDirectory(prefix="careerset-fuzz-", dir=folder) as work:
        runner = Runner(Path(work), crashes)
        from_hypothesis = int(cases * hypothesis_share)
        for target, payload in mutation_cases(cases - from_hypothesis, rng):
            runner.run(target, payload)
        before = sum(runner.report.cases.values())
        hypothesis_cases(from_hypothesis, runner, seed)
        # Hypothesis may stop early when it runs out of new inputs; the mutator tops up.
        missing = cases - sum(runner.report.cases.values())
        if missing > 0 and sum(runner.report.cases.values()) > before:
            for target, payload in mutation_cases(missing, random.Random(seed + 1)):
                runner.run(target, payload)
    return runner.report


def run_atheris(target: str, cases: int, seed: int, crashes: Path | None) -> None:
    """Coverage-guided fuzzing of one target with atheris (when installed); never returns.

    Its corpus starts from the same seeds; a LinkedIn input is one CSV, named by its first byte.
    """
    # optional (`pip install atheris`), and untyped when installed
    import atheris  # type: ignore[import-not-found, import-untyped, unused-ignore]

    names = sorted(_seed_csvs())
    seeds = _seed_texts()
    corpus = Path(tempfile.mkdtemp(prefix="careerset-atheris-"))
    for index, data in enumerate(
        seeds.get(target, []) + [bytes([i]) + d for i, d in enumerate(_seed_csvs().values())]
    ):
        (corpus / f"seed-{index}").write_bytes(data)
    runner = Runner(Path(tempfile.mkdtemp(prefix="careerset-fuzz-")), crashes)

    def one_input(data: bytes) -> None:
        if target == "linkedin":
            payload: bytes | dict[str, bytes] = {
                names[data[0] % len(names)] if data else names[0]: data[1:]
            }
        else:
            payload = data
        runner.run(target, payload)
        if runner.report.failures:
            raise RuntimeError(runner.report.failures[-1][1])

    atheris.instrument_all()
    atheris.Setup([sys.argv[0], f"-runs={cases}", f"-seed={seed}", str(corpus)], one_input)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hypothesis-share", type=float, default=0.2)
    parser.add_argument("--crashes", type=Path, default=None, help="folder to save failing inputs")
    parser.add_argument(
        "--atheris",
        choices=[*TEXT_FORMATS, "linkedin"],
        help="instead: coverage-guided fuzzing of one importer with atheris (pip install atheris)",
    )
    args = parser.parse_args(argv)
    if args.atheris:
        run_atheris(args.atheris, args.cases, args.seed, args.crashes)
    started = time.perf_counter()
    report = run_fuzz(args.cases, args.seed, args.crashes, args.hypothesis_share)
    elapsed = time.perf_counter() - started
    print(f"{'target':<14}{'cases':>9}{'accepted':>10}{'UserError':>11}")
    for target in sorted(report.cases):
        print(
            f"{target:<14}{report.cases[target]:>9}{report.accepted[target]:>10}{report.refused[target]:>11}"
        )
    total = sum(report.cases.values())
    print(f"{'total':<14}{total:>9}  in {elapsed:.1f} s ({total / elapsed:.0f} cases/s)")
    print(f"unexpected exceptions: {len(report.failures)}")
    for target, trace, saved in report.failures[:5]:
        print(f"--- {target} {saved or ''}\n{trace}")
    return 1 if report.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
