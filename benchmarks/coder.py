"""Benchmark of the title coder against a TF-IDF baseline and sockit 0.3.1, in one run.

Usage: .venv/bin/python benchmarks/coder.py [--data ../shared/data] [--bench ../shared/bench]
sockit (non-commercial licence) is never a dependency: it runs in its own venv through a
subprocess (`--sockit-python`, default /tmp/sockit-venv/bin/python) when that exists.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from careerset.coding.calibration import reliability
from careerset.coding.index import CoderIndex, build_index
from careerset.coding.matcher import match_titles
from careerset.coding.normalise import normalise_title
from careerset.coding.records import CodingSource
from careerset.coding.sources import load_shared_data

ROOT = Path(__file__).resolve().parents[1]
Ranker = Callable[[Sequence[str]], list[list[str]]]

SOCKIT_SCRIPT = r"""
import json, sys, time
import sockit.title as title
titles = [line.rstrip("\n") for line in sys.stdin]
start = time.perf_counter()
ranked = [[r["soc"] for r in title.sort(title.search(title.clean(t)))[:5]] for t in titles]
elapsed = time.perf_counter() - start
print(json.dumps({"ranked": ranked, "seconds": elapsed}))
"""

HOSTILE = {
    "empty": "",
    "10,000 characters": "engineer " * 1111 + "x",
    "emoji only": "\U0001f680\U0001f525\U0001f4bc",
    "other script": "\u0412\u0440\u0430\u0447-\u0442\u0435\u0440\u0430\u043f\u0435\u0432\u0442",
    "pure noise": "qzxv kjwp ###",
}


def read_onet_dev(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [(row["Reported Job Title"], row["O*NET-SOC Code"]) for row in rows]


def read_esco_dev(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["vacancyTitle"], row["conceptUri"]) for row in csv.DictReader(handle)]


def onet_scores(ranked: list[list[str]], gold: list[str], exact: bool) -> dict[str, float | None]:
    """Top-1/top-5 at exact O*NET-SOC, 6-digit SOC and 2-digit major group."""

    def share(width: int, depth: int) -> float:
        hits = 0
        for codes, answer in zip(ranked, gold, strict=True):
            key = answer.replace("-", "")[:width]
            hits += any(code.replace("-", "")[:width] == key for code in codes[:depth])
        return hits / len(gold)

    return {
        "exact top-1": share(10, 1) if exact else None,
        "exact top-5": share(10, 5) if exact else None,
        "6-digit top-1": share(6, 1),
        "6-digit top-5": share(6, 5),
        "2-digit top-1": share(2, 1),
        "2-digit top-5": share(2, 5),
    }


def esco_scores(ranked: list[list[str]], gold: list[str]) -> dict[str, float | None]:
    """accuracy@1, R@5, R@10 and MRR (a gold answer below rank 10 counts as 0)."""
    ranks = [
        codes[:10].index(answer) + 1 if answer in codes[:10] else 0
        for codes, answer in zip(ranked, gold, strict=True)
    ]
    array = np.asarray(ranks)
    return {
        "accuracy@1": float(np.mean(array == 1)),
        "R@5": float(np.mean((array >= 1) & (array <= 5))),
        "R@10": float(np.mean(array >= 1)),
        "MRR": float(np.mean(np.where(array > 0, 1.0 / np.maximum(array, 1), 0.0))),
    }


def ours(source: CodingSource, top: int) -> tuple[Ranker, float, CoderIndex]:
    start = time.process_time()
    index = build_index(source, "benchmark")
    built = time.process_time() - start

    def rank(titles: Sequence[str]) -> list[list[str]]:
        return [[m.code for m in matches] for matches in match_titles(index, titles, top=top)]

    return rank, built, index


def tfidf_baseline(source: CodingSource, top: int) -> Ranker:
    """Char 2-4-gram TF-IDF nearest title over official and alternate titles (raw text)."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

    naming = [
        r for r in source.records if r.source in ("title", "alternate") and r.code in source.titles
    ]
    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=True)
    matrix = vectoriser.fit_transform([r.text for r in naming])
    codes = [r.code for r in naming]

    def rank(titles: Sequence[str]) -> list[list[str]]:
        ranked: list[list[str]] = []
        for start in range(0, len(titles), 1000):
            queries = vectoriser.transform(list(titles[start : start + 1000]))
            similarity = (queries @ matrix.T).toarray()
            order = np.argsort(-similarity, axis=1)[:, :200]
            for row in order:
                seen: list[str] = []
                for column in row:
                    if codes[column] not in seen:
                        seen.append(codes[column])
                    if len(seen) == top:
                        break
                ranked.append(seen)
        return ranked

    return rank


def sockit(python: Path, titles: Sequence[str]) -> tuple[list[list[str]], float] | None:
    """sockit's top-5 6-digit SOC codes per title, or None when it is not installed."""
    if not python.is_file():
        return None
    result = subprocess.run(
        [str(python), "-c", SOCKIT_SCRIPT],
        input="\n".join(title.replace("\n", " ") for title in titles) + "\n",
        capture_output=True,
        text=True,
        cwd="/",
        check=False,
    )
    if result.returncode != 0:
        print(f"sockit failed: {result.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    ranked = [[f"{code[:2]}-{code[2:]}" for code in codes] for codes in answer["ranked"]]
    return ranked, float(answer["seconds"])


def throughput(rank: Ranker, titles: Sequence[str]) -> float:
    """Titles per second in one batch call, with the normalisation cache emptied first."""
    normalise_title.cache_clear()
    start = time.perf_counter()
    rank(titles)
    return len(titles) / (time.perf_counter() - start)


def table(rows: dict[str, dict[str, float | None]], speeds: dict[str, str]) -> str:
    columns = list(next(iter(rows.values())))
    lines = [
        "| system | " + " | ".join(columns) + " | titles/s |",
        "|---" * (len(columns) + 2) + "|",
    ]
    for name, values in rows.items():
        cells = [
            "n/a"
            if value is None
            else f"{100 * value:.1f}%"
            if "MRR" not in key
            else f"{value:.3f}"
            for key, value in values.items()
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {speeds.get(name, '')} |")
    return "\n".join(lines)


def calibration_report(index: CoderIndex, titles: list[str], gold: list[str]) -> None:
    """Reliability of the shown confidence: the top code right at the 6-digit level."""
    found = match_titles(index, titles, top=1)
    confidence = np.asarray([m[0].score if m else 0.0 for m in found])
    correct = np.asarray(
        [bool(m) and m[0].code[:7] == g[:7] for m, g in zip(found, gold, strict=True)]
    )
    rows, error = reliability(confidence, correct)
    print("\nReliability of the confidence (dev top-1, 6-digit)\n")
    print("| confidence bin | titles | mean confidence | share right |\n|---|---|---|---|")
    for low, mean, share, count in rows:
        print(f"| {low:.1f}-{low + 0.1:.1f} | {count} | {mean:.3f} | {share:.3f} |")
    print(f"\nExpected calibration error (10 bins): {error:.3f}")
    asks = confidence < 0.7
    print(
        f"Titles that would be asked about (< 0.7): {asks.mean():.1%}, right {correct[asks].mean():.1%}"
    )


def _whole_process(arguments: list[str], home: Path, stdin: str = "") -> str:
    """Wall and CPU seconds of one run of the installed command."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "careerset"), *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return f"{wall:.2f} s wall, {cpu:.2f} s CPU"


def speed_report(index: CoderIndex, pool: list[str], built: float) -> None:
    """Batch speed on distinct titles in-process, and whole-process times on a fresh home."""
    import tempfile

    from careerset.coding.index import load_index
    from careerset.coding.service import PACKAGED_INDEX

    distinct = list(dict.fromkeys(pool))
    normalise_title.cache_clear()
    start, cpu = time.perf_counter(), time.process_time()
    match_titles(index, distinct, top=5)
    rate = len(distinct) / (time.perf_counter() - start)
    cpu_rate = len(distinct) / (time.process_time() - cpu)
    start = time.perf_counter()
    load_index(PACKAGED_INDEX)
    loaded = time.perf_counter() - start
    print("\nSpeed\n")
    print(f"- O*NET index for the full data built in {built:.1f} s of CPU")
    print(
        f"- batch: {rate:,.0f} distinct titles/s in-process ({len(distinct):,} titles), "
        f"{cpu_rate:,.0f} per CPU second"
    )
    cores = os.cpu_count() or 1
    load = os.getloadavg()[0]
    print(
        f"  (load average {load:.1f} on {cores} cores"
        + (": other work shares the machine, so wall times are inflated)" if load > 1 else ")")
    )
    print(f"- prebuilt embedded index loads in {loaded:.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        _whole_process(["init"], home)
        first = _whole_process(
            ["add", "job", "--title", "Staff Nurse ICU", "--start", "2020-01"], home
        )
        print(f"- first `add job` on a fresh home (embedded default): {first} (whole process)")
        lines = "\n".join(distinct[:5000]) + "\n"
        batch = _whole_process(["code"], home, lines)
        print(f"- `careerset code` with 5,000 titles on stdin: {batch} (whole process)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--sockit-python", type=Path, default=Path("/tmp/sockit-venv/bin/python"))
    parser.add_argument("--skip-esco", action="store_true")
    options = parser.parse_args()

    dev = read_onet_dev(options.bench / "onet-reported-titles-dev.tsv")
    titles, gold = [title for title, _ in dev], [code for _, code in dev]
    source = load_shared_data(options.data, "onet")
    rank, built, index = ours(source, 5)
    print(f"O*NET index built in {built:.1f} s of CPU from {len(source.records)} records")
    rows = {"careerset": onet_scores(rank(titles), gold, exact=True)}
    calibration_report(index, titles, gold)
    speeds = {"careerset": f"{throughput(rank, titles):,.0f}"}
    rows["char 2-4-gram TF-IDF"] = onet_scores(tfidf_baseline(source, 5)(titles), gold, True)
    measured = sockit(options.sockit_python, titles)
    if measured is None:
        speeds["sockit 0.3.1"] = "not installed"
        rows["sockit 0.3.1"] = dict.fromkeys(rows["careerset"])
    else:
        rows["sockit 0.3.1"] = onet_scores(measured[0], gold, exact=False)
        speeds["sockit 0.3.1"] = f"{len(titles) / measured[1]:,.0f}"
    print(f"\nO*NET reported titles dev ({len(titles)} titles)\n")
    print(table(rows, speeds))

    if not options.skip_esco:
        esco_dev = read_esco_dev(options.bench / "esco-vacancy-titles-dev.csv")
        esco_titles, esco_gold = [t for t, _ in esco_dev], [u for _, u in esco_dev]
        esco_source = load_shared_data(options.data, "esco")
        esco_rank, esco_built, _ = ours(esco_source, 10)
        print(f"\nESCO index built in {esco_built:.1f} s")
        esco_rows = {
            "careerset": esco_scores(esco_rank(esco_titles), esco_gold),
            "char 2-4-gram TF-IDF": esco_scores(
                tfidf_baseline(esco_source, 10)(esco_titles), esco_gold
            ),
        }
        esco_speeds = {"careerset": f"{throughput(esco_rank, esco_titles):,.0f}"}
        print(f"\nESCO vacancy titles dev ({len(esco_titles)} titles)\n")
        print(table(esco_rows, esco_speeds))

    speed_report(
        index,
        titles + [t for t, _ in read_esco_dev(options.bench / "esco-vacancy-titles-dev.csv")],
        built,
    )

    print("\nHostile input (best match and its confidence, careerset O*NET)")
    for label, text in HOSTILE.items():
        start = time.perf_counter()
        matches = match_titles(index, [text], top=1)[0]
        best = f"{matches[0].code} at {matches[0].score:.2f}" if matches else "no match"
        print(f"- {label}: {best} in {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
