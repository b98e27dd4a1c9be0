"""Turns the coder's scores into an honest confidence: the probability that its best code is
right at the 6-digit SOC level, a logistic fit on titles held out of the index (alternate
titles and BLS titles; never the evaluation titles).

Refit after changing weights with `python -m careerset.coding.calibration ../shared/data`
and paste the printed COEFFICIENTS here.
"""

import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from careerset.coding.records import CodingSource, TitleRecord

# intercept, then the slopes of the best group's softmax log-odds and of the score gap.
COEFFICIENTS: tuple[float, ...] = (-0.6599, 0.2314, 0.8142)


def split_held_out(
    source: CodingSource, alternates: int = 1500, bls_share: float = 0.3, seed: int = 7
) -> tuple[CodingSource, dict[str, set[str]]]:
    """`source` without some alternate titles and a share of the BLS titles (all codes of a held
    text leave together); returns it and each held text's right 6-digit codes."""
    rng = random.Random(seed)
    pool = [r for r in source.records if r.source == "alternate" and r.code in source.titles]
    held_ids = {id(record) for record in rng.sample(pool, min(alternates, len(pool)))}
    bls_texts = sorted({r.text for r in source.records if r.source == "bls"})
    held_bls = set(rng.sample(bls_texts, int(len(bls_texts) * bls_share)))
    held: dict[str, set[str]] = {}
    kept: list[TitleRecord] = []
    for record in source.records:
        if id(record) in held_ids or (record.source == "bls" and record.text in held_bls):
            held.setdefault(record.text, set()).add(record.code[:7])
        else:
            kept.append(record)
    return replace(source, records=kept), held


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


def held_out_features(
    source: CodingSource,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Calibration features and outcomes (1: best code right at 6 digits) on held-out titles."""
    from careerset.coding.index import build_index
    from careerset.coding.matcher import (
        DEFAULT_WEIGHTS,
        calibration_features,
        confidences,
        score_normalised,
    )
    from careerset.coding.normalise import normalise_title

    train, held = split_held_out(source)
    index = build_index(train, "calibration")
    texts = list(held)
    scores = score_normalised(index, [normalise_title(text) for text in texts])
    usable: NDArray[np.bool_] = np.asarray(np.isfinite(scores).any(axis=1), dtype=bool)
    scores = scores[usable]
    texts = [text for text, keep in zip(texts, usable.tolist(), strict=True) if keep]
    probabilities = confidences(scores, DEFAULT_WEIGHTS.temperature)
    best = probabilities.argmax(axis=1)
    outcome = np.asarray(
        [index.codes[column][:7] in held[text] for column, text in zip(best, texts, strict=True)],
        dtype=np.float64,
    )
    return calibration_features(index, scores, probabilities), outcome


def main() -> None:
    """Print freshly fitted COEFFICIENTS for a shared-data folder (see the module docstring)."""
    from careerset.coding.sources import load_shared_data

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    features, outcome = held_out_features(load_shared_data(folder, "onet"))
    coefficients = fit_logistic(features, outcome)
    print(f"COEFFICIENTS = {tuple(round(value, 4) for value in coefficients)}")
    print(f"held-out titles: {len(outcome)}, best code right: {outcome.mean():.3f}")


if __name__ == "__main__":
    main()
