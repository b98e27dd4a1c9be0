"""Chooses the coder's scoring weights and fits its calibration on titles held out of the index.

A maintainer runs it after changing the coder's evidence, until the weights it prints are
those it started from (then the index is rebuilt: scripts/build_coder_data.py):

    .venv/bin/python scripts/tune_coder.py ../shared/data             # search, then fit
    .venv/bin/python scripts/tune_coder.py ../shared/data --fit-only  # keep the weights

Held-out folds are O*NET alternate titles and BLS Direct Match titles only (never the
evaluation titles in ../shared/bench). For each fold, the index is built without the held
texts; each evidence kind is scored on its own, and the weights are chosen by coordinate
search on 6-digit top-1 (with top-5 and 2-digit top-1 as small tie-breakers). It prints the
weights and the spread to paste into `ScoringWeights` and the `COEFFICIENTS` for
calibration.py.
"""

import sys
import time
from collections import Counter
from dataclasses import asdict, fields, replace
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from careerset.coding.calibration import (
    apply_logistic,
    fit_logistic,
    held_out_folds,
    reliability,
)
from careerset.coding.index import build_index
from careerset.coding.matcher import (
    DEFAULT_WEIGHTS,
    ScoringWeights,
    rank_scores,
    score_normalised,
)
from careerset.coding.normalise import normalise_title
from careerset.coding.sources import load_shared_data

COMPONENTS = (
    "classifier",
    "nearest",
    "description",
    "title_words",
    "prior",
    "exact",
    "bls_exact",
    "exact_group",
    "bls_group",
    "semantic_title",
    "semantic_task",
    "likelihood",
)


def one_hot(name: str) -> ScoringWeights:
    zero = {field.name: 0.0 for field in fields(ScoringWeights) if field.name in COMPONENTS}
    zero[name] = 1.0
    return replace(DEFAULT_WEIGHTS, **zero)


class Fold:
    """Per-component score matrices of one held-out fold."""

    def __init__(self, source_kept, held: dict[str, set[str]], kinds: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        self.index = build_index(source_kept, "tuning")
        texts = [normalise_title(text) for text in held]
        kind_of = [kinds[text] for text in held]
        golds = list(held.values())
        keep = [i for i, text in enumerate(texts) if text]
        self.texts = [texts[i] for i in keep]
        self.bls = np.asarray([kind_of[i] == "bls" for i in keep])
        groups = self.index.soc_groups()
        number = {code[:7]: groups[i] for i, code in enumerate(self.index.codes)}
        self.gold = [{number[c] for c in golds[i] if c in number} for i in keep]
        self.major = [{c[:2] for c in golds[i]} for i in keep]
        # Every occupation counts alike, as in O*NET's samples of reported titles (about as
        # many per occupation), however many alternate titles it has: a held-out title weighs
        # one over the number of held-out titles of its kind for its occupation. (Weighting
        # by employment was tried: it raises the prior and codes reported titles worse.)
        first = [
            (self.bls[i], min(gold)) if gold else (self.bls[i], -1)
            for i, gold in enumerate(self.gold)
        ]
        shares = Counter(first)
        self.weight = np.asarray([1.0 / shares[key] for key in first])
        self.groups = groups
        self.majors = np.asarray([code[:2] for code in self.index.codes])
        self.parts = {
            name: score_normalised(self.index, self.texts, weights=one_hot(name))
            for name in COMPONENTS
        }
        self.empty: NDArray[np.bool_] = np.asarray(
            ~np.isfinite(self.parts["classifier"]).all(axis=1)
        )
        for part in self.parts.values():
            part[~np.isfinite(part)] = 0.0

    def scores(self, weights: dict[str, float]) -> NDArray[np.float32]:
        total = np.zeros_like(self.parts["classifier"])
        for name, weight in weights.items():
            if weight:
                total += np.float32(weight) * self.parts[name]
        total[self.empty] = -np.inf
        return total

    def accuracy(self, weights: dict[str, float]) -> tuple[float, float, float]:
        scores = self.scores(weights)
        top5 = np.argpartition(-scores, 5, axis=1)[:, :5]
        order = np.argsort(-np.take_along_axis(scores, top5, axis=1), axis=1)
        top5 = np.take_along_axis(top5, order, axis=1)
        first = top5[:, 0]
        hit1 = np.asarray([self.groups[f] in g for f, g in zip(first, self.gold, strict=True)])
        hit5 = np.asarray(
            [
                bool(g & set(self.groups[row].tolist()))
                for row, g in zip(top5, self.gold, strict=True)
            ]
        )
        major = np.asarray([self.majors[f] in m for f, m in zip(first, self.major, strict=True)])
        hit1[self.empty] = hit5[self.empty] = major[self.empty] = False

        # Alternate and BLS titles count alike, whatever their numbers.
        def mean(hits: NDArray[np.bool_]) -> float:
            return float(
                (
                    np.average(hits[self.bls], weights=self.weight[self.bls])
                    + np.average(hits[~self.bls], weights=self.weight[~self.bls])
                )
                / 2
            )

        return mean(hit1), mean(hit5), mean(major)


def objective(folds: list[Fold], weights: dict[str, float]) -> tuple[float, tuple[float, ...]]:
    results = np.asarray([fold.accuracy(weights) for fold in folds]).mean(axis=0)
    return float(results[0] + 0.25 * results[1] + 0.25 * results[2]), tuple(results)


def search(folds: list[Fold], start: dict[str, float], rounds: int = 3) -> dict[str, float]:
    best = dict(start)
    best_value, best_figures = objective(folds, best)
    print(f"start {best_figures}", flush=True)
    for round_number in range(rounds):
        improved = False
        for name in COMPONENTS:
            if name == "classifier":
                continue  # the scale: other weights are relative to it
            current = best[name]
            candidates = {
                0.0,
                current * 0.5,
                current * 0.75,
                current * 1.25,
                current * 1.5,
                current * 2.0,
                current + 0.05,
                current + 0.2,
                max(current - 0.05, 0.0),
                0.1,
                0.3,
                0.6,
                1.0,
            }
            for value in sorted(candidates):
                trial = dict(best, **{name: round(value, 4)})
                trial_value, figures = objective(folds, trial)
                if trial_value > best_value + 1e-6:
                    best, best_value, best_figures = trial, trial_value, figures
                    improved = True
            print(f"round {round_number} {name}={best[name]} {best_figures}", flush=True)
        if not improved:
            break
    return best


def fit_spread(folds: list[Fold], weights: dict[str, float]) -> float:
    """The softmax temperature under which the held-out titles' right 6-digit groups are most
    likely (least mean negative log-probability), so that the codes after the best one get
    probabilities a person can compare, not zeros."""
    losses: dict[float, float] = {}
    for temperature in np.round(np.arange(0.05, 2.01, 0.05), 2).tolist():
        total, count = 0.0, 0
        for fold in folds:
            scores = fold.scores(weights)[~fold.empty].astype(np.float64)
            gold = [g for g, empty in zip(fold.gold, fold.empty.tolist(), strict=True) if not empty]
            scaled = (scores - scores.max(axis=1, keepdims=True)) / temperature
            probabilities = np.exp(scaled)
            probabilities /= probabilities.sum(axis=1, keepdims=True)
            for row, groups in enumerate(gold):
                right = probabilities[row, np.isin(fold.groups, list(groups))].sum()
                total -= float(np.log(max(right, 1e-12)))
            count += len(gold)
        losses[temperature] = total / max(count, 1)
    return min(losses, key=losses.__getitem__)


# The weights are searched on two folds (each trial scores every fold again); the spread and
# the calibration, a handful of numbers, are fitted on four, whose twice as many held-out
# titles pin them down better (the known-text slope moved most between two and four).
SEARCH_FOLDS = 2
CALIBRATION_FOLDS = 4


def make_folds(source, count: int) -> list[Fold]:  # type: ignore[no-untyped-def]
    start = time.process_time()
    folds = [Fold(kept, held, kinds) for kept, held, kinds in held_out_folds(source, count)]
    print(
        f"{len(folds)} folds, {sum(len(f.texts) for f in folds)} held-out titles, "
        f"{time.process_time() - start:.0f} s CPU",
        flush=True,
    )
    return folds


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    source = load_shared_data(data, "onet")
    initial = {name: float(asdict(DEFAULT_WEIGHTS)[name]) for name in COMPONENTS}
    if "--fit-only" in sys.argv:
        tuned = initial
    else:
        tuned = search(make_folds(source, SEARCH_FOLDS), initial)
    print("weights:", tuned)
    folds = make_folds(source, CALIBRATION_FOLDS)
    print(f"spread: {fit_spread(folds, tuned)}")
    weights = replace(DEFAULT_WEIGHTS, **tuned)
    features, outcomes = [], []
    for fold in folds:
        scores = fold.scores(tuned)
        known = np.asarray([text in fold.index.exact_keys for text in fold.texts], dtype=bool)
        ranking = rank_scores(fold.index, scores, weights.temperature, 5, known)
        usable = ~ranking.empty
        best = ranking.candidates[usable, 0]
        gold = [g for g, keep in zip(fold.gold, usable.tolist(), strict=True) if keep]
        outcomes.append(np.asarray([fold.groups[b] in g for b, g in zip(best, gold, strict=True)]))
        features.append(ranking.features[usable])
    feature_matrix, outcome = np.concatenate(features), np.concatenate(outcomes).astype(float)
    # Fitted on the held-out titles as they come, not balanced by occupation as the accuracy
    # above is: balancing makes rare occupations count more, and their held-out titles are
    # easier (they have few alternate titles, each a plain variant of the official title), so
    # a balanced fit was over-confident on reported titles.
    coefficients = tuple(round(value, 4) for value in fit_logistic(feature_matrix, outcome))
    print(f"COEFFICIENTS = {coefficients}")
    confidence = apply_logistic(feature_matrix, coefficients)
    _, error = reliability(confidence, outcome.astype(bool))
    print(f"held-out ECE (in-sample fit): {error:.3f}, best right: {outcome.mean():.3f}")


if __name__ == "__main__":
    main()
