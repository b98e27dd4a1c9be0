"""Turns the coder's scores into an honest confidence: the probability that its best code is
right at the 6-digit SOC level.

The map is isotonic in the score gap between the best code and the best code of any other
6-digit group, fitted on titles held out of the index (O*NET alternate titles and BLS Direct
Match titles; never the evaluation titles) by `scripts/tune_coder.py`, which prints the
`KNOTS` to paste here after a change of weights or evidence. An isotonic map was chosen over a
logistic one because the held-out reliability is not a logistic curve in the gap (a large gap
from an exact title match is right less often than a logistic fit assumes).
"""

import random
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from careerset.coding.records import CodingSource

# (score gap, chance the best code is right), interpolated between and flat beyond the ends.
# Kept within [0.02, 0.97]: no held-out fold can show a coder is never or always right.
KNOTS: tuple[tuple[float, float], ...] = (
    (0.0003, 0.0909),
    (0.021, 0.239),
    (0.0429, 0.24),
    (0.0519, 0.2614),
    (0.0732, 0.2868),
    (0.1012, 0.3333),
    (0.1175, 0.3532),
    (0.1359, 0.3771),
    (0.1669, 0.4122),
    (0.1951, 0.4182),
    (0.2101, 0.43),
    (0.2751, 0.5049),
    (0.3299, 0.5093),
    (0.3588, 0.5531),
    (0.4288, 0.6667),
    (0.4666, 0.6761),
    (0.543, 0.7447),
    (1.1154, 0.7573),
    (2.2482, 0.8402),
    (3.385, 0.97),
)

LOWEST, HIGHEST = 0.02, 0.97


def held_out_folds(
    source: CodingSource,
    folds: int = 2,
    alternates: int = 2500,
    bls: int = 1000,
    seed: int = 7,
) -> list[tuple[CodingSource, dict[str, set[str]], dict[str, str]]]:
    """Disjoint held-out folds of alternate and BLS titles, each as (the source without the
    held records, each held text's right 6-digit codes, each held text's kind).

    A held alternate title leaves with every alternate record that normalises to it (all its
    codes), while other sources keep theirs: it may still be a BLS title, as a person's title
    may be. A held BLS title leaves every naming source but the official titles, so it stands
    for the short, generic titles people give that no list holds. The evaluation titles are
    never used.
    """
    from careerset.coding.normalise import normalise_title

    rng = random.Random(seed)
    by_key: dict[tuple[str, str], list[int]] = {}
    naming: dict[str, list[int]] = {}
    for position, record in enumerate(source.records):
        if record.code not in source.titles or record.source in ("title", "task", "description"):
            continue
        text = normalise_title(record.text)
        if not text:
            continue
        naming.setdefault(text, []).append(position)
        if record.source in ("alternate", "bls"):
            by_key.setdefault((record.source, text), []).append(position)
    chosen: list[list[tuple[str, str]]] = [[] for _ in range(folds)]
    for kind, wanted in (("alternate", alternates), ("bls", bls)):
        keys = sorted(key for key in by_key if key[0] == kind)
        sample = rng.sample(keys, min(len(keys), wanted * folds))
        for number in range(folds):
            chosen[number].extend(sample[number * wanted : (number + 1) * wanted])
    result: list[tuple[CodingSource, dict[str, set[str]], dict[str, str]]] = []
    for keys in chosen:
        dropped: set[int] = set()
        held: dict[str, set[str]] = {}
        kinds: dict[str, str] = {}
        for kind, text in keys:
            dropped.update(naming[text] if kind == "bls" else by_key[(kind, text)])
            first = source.records[by_key[(kind, text)][0]].text
            held.setdefault(first, set()).update(
                source.records[position].code[:7] for position in by_key[(kind, text)]
            )
            kinds.setdefault(first, kind)
        kept = [record for position, record in enumerate(source.records) if position not in dropped]
        result.append((replace(source, records=kept), held, kinds))
    return result


def fit_logistic(features: NDArray[np.float64], outcome: NDArray[np.float64]) -> list[float]:
    """Intercept and slopes by Newton's method, with a little ridge for stability."""
    design = np.column_stack([np.ones(len(features)), features])
    weights = np.zeros(design.shape[1])
    for _ in range(50):
        probability = 1.0 / (1.0 + np.exp(-(design @ weights)))
        gradient = design.T @ (probability - outcome) + 1e-3 * weights
        curvature = (design * (probability * (1 - probability))[:, None]).T @ design
        weights -= np.linalg.solve(curvature + 1e-3 * np.eye(len(weights)), gradient)
    return [float(value) for value in weights]


def fit_isotonic(
    score: NDArray[np.float64],
    outcome: NDArray[np.float64],
    weight: NDArray[np.float64] | None = None,
    knots: int = 24,
) -> list[tuple[float, float]]:
    """A non-decreasing map from `score` to the chance of `outcome`, as (score, chance) knots
    to interpolate between: pool-adjacent-violators over the sorted scores, then at most
    `knots` points kept, evenly by weight."""
    order = np.argsort(score, kind="stable")
    xs = score[order].astype(np.float64)
    ys = outcome[order].astype(np.float64)
    ws = np.ones(len(xs)) if weight is None else weight[order].astype(np.float64)
    blocks: list[list[float]] = []  # [weight, weighted x sum, weighted y sum]
    for x, y, w in zip(xs.tolist(), ys.tolist(), ws.tolist(), strict=True):
        blocks.append([w, w * x, w * y])
        while len(blocks) > 1 and blocks[-2][2] / blocks[-2][0] >= blocks[-1][2] / blocks[-1][0]:
            last = blocks.pop()
            for position in range(3):
                blocks[-1][position] += last[position]
    points = [(block[1] / block[0], block[2] / block[0], block[0]) for block in blocks]
    cumulative = np.cumsum([point[2] for point in points])
    marks = np.linspace(0.0, cumulative[-1], min(knots, len(points)) + 1)[1:]
    chosen = sorted({int(np.searchsorted(cumulative, mark - 1e-9)) for mark in marks} | {0})
    return [(round(points[i][0], 4), round(points[i][1], 4)) for i in chosen]


def apply_isotonic(
    score: NDArray[np.float64], knots: tuple[tuple[float, float], ...]
) -> NDArray[np.float64]:
    """The chance at each score, interpolated between knots and flat beyond the ends."""
    xs = np.asarray([knot[0] for knot in knots])
    ys = np.asarray([knot[1] for knot in knots])
    result: NDArray[np.float64] = np.interp(score, xs, ys)
    return result


def reliability(
    confidence: NDArray[np.float64], correct: NDArray[np.bool_], bins: int = 10
) -> tuple[list[tuple[float, float, float, int]], float]:
    """Rows of (bin low, mean confidence, share correct, count) and the expected calibration
    error over equal-width bins."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    rows: list[tuple[float, float, float, int]] = []
    error = 0.0
    for number in range(bins):
        inside = which == number
        count = int(inside.sum())
        if not count:
            rows.append((float(edges[number]), 0.0, 0.0, 0))
            continue
        mean_confidence = float(confidence[inside].mean())
        accuracy = float(correct[inside].mean())
        error += count / len(confidence) * abs(mean_confidence - accuracy)
        rows.append((float(edges[number]), mean_confidence, accuracy, count))
    return rows, error
