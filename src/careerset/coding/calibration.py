"""Fits the softmax temperature that makes scores behave like confidences, on alternate
titles held out of the index (never on evaluation titles).

Run `python -m careerset.coding.calibration ../shared/data` to refit after changing weights.
"""

import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from careerset.coding.index import build_index
from careerset.coding.matcher import DEFAULT_WEIGHTS, ScoringWeights, score_normalised
from careerset.coding.normalise import normalise_title
from careerset.coding.records import CodingSource, TitleRecord


@dataclass(frozen=True)
class Calibration:
    """The fitted temperature and how the held-out titles fared with it."""

    temperature: float
    top1: float
    mean_confidence: float
    held_out: int


def split_held_out(
    source: CodingSource, count: int = 3000, seed: int = 7
) -> tuple[CodingSource, list[TitleRecord]]:
    """Remove `count` random alternate titles from `source`; return both parts."""
    alternates = [r for r in source.records if r.source == "alternate" and r.code in source.titles]
    held = random.Random(seed).sample(alternates, min(count, len(alternates)))
    held_ids = {id(record) for record in held}
    kept = [record for record in source.records if id(record) not in held_ids]
    return replace(source, records=kept), held


def fit_temperature(scores: NDArray[np.float32], gold: NDArray[np.int64]) -> float:
    """The temperature with the lowest negative log-likelihood of the gold columns."""
    finite = np.isfinite(scores).all(axis=1)
    scores, gold = scores[finite].astype(np.float64), gold[finite]
    best, best_loss = 1.0, np.inf
    for temperature in np.exp(np.linspace(np.log(0.01), np.log(5.0), 80)):
        logits = scores / temperature
        logits -= logits.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(logits).sum(axis=1))
        loss = float(np.mean(log_norm - logits[np.arange(len(gold)), gold]))
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return best


def calibrate(source: CodingSource, weights: ScoringWeights = DEFAULT_WEIGHTS) -> Calibration:
    """Build an index without some alternate titles and fit the temperature on them."""
    train, held = split_held_out(source)
    index = build_index(train, "calibration")
    column = {code: position for position, code in enumerate(index.codes)}
    texts = [normalise_title(record.text) for record in held]
    gold = np.asarray([column[record.code] for record in held], dtype=np.int64)
    scores = score_normalised(index, texts, None, weights)
    temperature = fit_temperature(scores, gold)
    usable = np.isfinite(scores).all(axis=1)
    top = scores[usable].argmax(axis=1)
    logits = scores[usable] / temperature
    logits -= logits.max(axis=1, keepdims=True)
    confidence = 1.0 / np.exp(logits).sum(axis=1)
    return Calibration(
        temperature=temperature,
        top1=float(np.mean(top == gold[usable])),
        mean_confidence=float(np.mean(confidence)),
        held_out=len(held),
    )


def main() -> None:
    """Print the fitted calibration for a shared-data folder (see the module docstring)."""
    from careerset.coding.sources import load_shared_data

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    scheme = sys.argv[2] if len(sys.argv) > 2 else "onet"
    print(calibrate(load_shared_data(folder, scheme)))


if __name__ == "__main__":
    main()
