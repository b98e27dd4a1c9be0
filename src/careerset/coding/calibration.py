"""Turns the coder's scores into an honest confidence: the probability that its best code is
right at the 6-digit SOC level.

The map is logistic in three features of a ranking (see `matcher.rank_scores`): the log-odds
of the best 6-digit group's softmax mass, the score gap between the best code and the best
code of any other 6-digit group, and whether the title equals a known naming text. It is
fitted on titles held out of the index (O*NET alternate titles and BLS Direct Match titles;
never the evaluation titles) by `scripts/tune_coder.py`, which prints the `COEFFICIENTS` to
paste here after a change of weights or evidence. The third feature matters: given the gap,
a title that equals a known naming text is right less often (some alternate titles name a
neighbouring occupation: "Chief Payroll Clerk" is a supervisor's title).
"""

import random
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from careerset.coding.records import CodingSource

# Intercept, then the slopes of the group mass's log-odds, the gap and the known-text flag.
COEFFICIENTS: tuple[float, float, float, float] = (-1.1601, 0.1678, 0.6935, -0.6212)

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


def apply_logistic(
    features: NDArray[np.float64], coefficients: tuple[float, ...] = COEFFICIENTS
) -> NDArray[np.float64]:
    """The chance at each row of `features`, kept within [LOWEST, HIGHEST]: no held-out fold
    can show a coder is never or always right."""
    logit = coefficients[0] + features @ np.asarray(coefficients[1:], dtype=np.float64)
    chance: NDArray[np.float64] = np.clip(1.0 / (1.0 + np.exp(-logit)), LOWEST, HIGHEST)
    return chance


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
