"""Scores titles against a `CoderIndex` in batches and turns scores into confidences.

Every step is a sparse matrix product over the whole batch, so coding 20,000 titles
costs a few products rather than 20,000 Python loops.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]
from numpy.typing import NDArray

from careerset.coding.features import Matrix
from careerset.coding.index import CoderIndex
from careerset.coding.normalise import normalise_title

BATCH_SIZE = 2048


@dataclass(frozen=True)
class ScoringWeights:
    """How the evidence combines; chosen on alternate titles held out of the index.

    `nearest` scores each occupation by its closest known titles, with `sharpness` making
    that a soft maximum. It is off by default: on held-out titles it added nothing the
    classifier and the exact-title bonus do not, at a third of the time.
    `title_words` rewards occupations whose official title holds the title's words (the share
    of the title's idf mass found there): people report generic titles such as "counter clerk"
    that O*NET files under the occupation named by those words, while alternate titles, which
    the classifier learns from, are longer and more specific. It and `description` were
    chosen on the O*NET reported-titles development set.
    `temperature` turns the combined score into a softmax (see `calibration.py`).
    """

    nearest: float = 0.5
    classifier: float = 0.5
    description: float = 0.6
    title_words: float = 0.3
    prior: float = 0.005
    exact: float = 0.6
    confirmed: float = 5.0
    sharpness: float = 3.0
    semantic_title: float = 0.5
    semantic_task: float = 0.3
    bls_exact: float = 0.0
    temperature: float = 0.1


DEFAULT_WEIGHTS = ScoringWeights()


class Match(NamedTuple):
    """One candidate occupation for a title, with a confidence in [0, 1]."""

    code: str
    title: str
    score: float

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "title": self.title, "score": round(self.score, 4)}


def score_normalised(
    index: CoderIndex,
    texts: Sequence[str],
    descriptions: Sequence[str] | None = None,
    weights: ScoringWeights = DEFAULT_WEIGHTS,
    confirmed: Mapping[str, Sequence[int]] | None = None,
) -> NDArray[np.float32]:
    """Raw scores, one row per normalised title and one column per occupation.

    `confirmed` maps normalised titles to occupation columns a person has confirmed;
    those win over the index's evidence.
    """
    combined, word_part = index.features.transform_parts(texts)
    scores = np.asarray((combined @ index.classifier).toarray(), dtype=np.float32)
    scores *= np.float32(weights.classifier)
    scores += (weights.classifier * index.bias + weights.prior * index.prior).astype(np.float32)
    if weights.nearest:
        similarity = sp.csr_matrix(word_part @ index.records.T)
        similarity.data **= weights.sharpness
        nearest = sp.csr_matrix(similarity @ index.membership)
        nearest.data **= 1.0 / weights.sharpness
        _add_sparse(scores, nearest, weights.nearest)
    evidence = word_part
    if descriptions is not None:
        extra = index.features.word.transform(
            [normalise_title(text) if text else "" for text in descriptions]
        )
        evidence = sp.csr_matrix(word_part + extra)
    _add_sparse(scores, sp.csr_matrix(evidence @ index.descriptions.T), weights.description)
    if weights.title_words:
        coverage = sp.csr_matrix(_word_shares(index, texts) @ index.title_words().T)
        _add_sparse(scores, coverage, weights.title_words)
    exact_rows = [index.exact_keys.get(text, -1) for text in texts]
    hits = [row for row, key in enumerate(exact_rows) if key >= 0]
    if hits:
        exact = index.membership[[exact_rows[row] for row in hits]].toarray()
        scores[hits] += weights.exact * exact
        if weights.bls_exact:
            official = index.official[[exact_rows[row] for row in hits]].toarray()
            scores[hits] += weights.bls_exact * official
    _add_semantic(index, texts, scores, weights)
    if confirmed:
        for row, text in enumerate(texts):
            for column in confirmed.get(text, ()):
                scores[row, column] += weights.confirmed
    # A title with no known word or n-gram has no evidence at all, only the prior.
    empty = np.diff(combined.indptr) == 0
    if confirmed:
        empty &= np.array([text not in confirmed for text in texts], dtype=bool)
    scores[empty] = -np.inf
    return scores.astype(np.float32, copy=False)


def _add_semantic(
    index: CoderIndex, texts: Sequence[str], scores: NDArray[np.float32], weights: ScoringWeights
) -> None:
    """Similarity of the title's static embedding to each occupation's titles and tasks."""
    if not index.title_vectors.size or not (weights.semantic_title or weights.semantic_task):
        return
    from careerset.coding.semantic import word_vectors

    table = word_vectors()
    if table is None or table.dimensions != index.title_vectors.shape[1]:
        return
    query = table.embed(texts, index.word_idf())
    # Both similarities are linear in the query, so one product with their weighted sum does.
    key = (weights.semantic_title, weights.semantic_task)
    profiles = index.semantic_profiles.get(key)
    if profiles is None:
        combined = weights.semantic_title * index.title_vectors
        combined += weights.semantic_task * index.task_vectors
        profiles = index.semantic_profiles[key] = np.ascontiguousarray(combined.T, np.float32)
    scores += query @ profiles


def _word_shares(index: CoderIndex, texts: Sequence[str]) -> Matrix:
    """Each text's distinct known words, weighted by idf and scaled to sum to one."""
    vocabulary, idf = index.features.word.vocabulary, index.features.word.idf
    rows: list[int] = []
    columns: list[int] = []
    for row, text in enumerate(texts):
        for column in sorted({vocabulary[w] for w in text.split() if w in vocabulary}):
            rows.append(row)
            columns.append(column)
    shares = sp.csr_matrix(
        (idf[columns].astype(np.float32), (rows, columns)),
        shape=(len(texts), index.features.word.size),
    )
    totals = np.asarray(shares.sum(axis=1)).ravel()
    totals[totals == 0.0] = 1.0
    shares.data /= np.repeat(totals, np.diff(shares.indptr)).astype(np.float32)
    return shares


def _add_sparse(dense: NDArray[np.float32], sparse: Matrix, weight: float) -> None:
    """`dense += weight * sparse` without densifying `sparse` (a canonical CSR matrix)."""
    rows = np.repeat(np.arange(sparse.shape[0]), np.diff(sparse.indptr))
    dense[rows, sparse.indices] += np.float32(weight) * sparse.data


def confidences(scores: NDArray[np.float32], temperature: float) -> NDArray[np.float64]:
    """Softmax over occupations; rows with no evidence come back as all zeros."""
    top = scores.max(axis=1, keepdims=True)
    finite = np.isfinite(top[:, 0])
    shifted = np.where(finite[:, None], scores - np.where(finite[:, None], top, 0.0), -np.inf)
    exponentials = np.exp(shifted * np.float32(1.0 / temperature)).astype(np.float64, copy=False)
    totals = exponentials.sum(axis=1, keepdims=True)
    totals[totals == 0.0] = 1.0
    probabilities: NDArray[np.float64] = exponentials / totals
    return probabilities


def calibration_features(
    index: CoderIndex, scores: NDArray[np.float32], probabilities: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Per row: the log-odds of the best code's 6-digit group under the softmax, and the score
    gap between the best code and the best code of any other 6-digit group."""
    groups = index.soc_groups()
    best = probabilities.argmax(axis=1)
    same = groups[None, :] == groups[best][:, None]
    mass = np.clip(np.where(same, probabilities, 0.0).sum(axis=1), 1e-6, 1 - 1e-6)
    finite = np.where(np.isfinite(scores), scores, -1e9)
    top_score = finite[np.arange(len(best)), best]
    other = np.where(same, -1e9, finite).max(axis=1)
    gap = np.clip(top_score - other, 0.0, 5.0)
    return np.column_stack([np.log(mass / (1 - mass)), gap])


def calibrated(features: NDArray[np.float64]) -> NDArray[np.float64]:
    """The probability that the best code is right at the 6-digit level (see calibration.py)."""
    from careerset.coding.calibration import COEFFICIENTS

    intercept, *slopes = COEFFICIENTS
    logits = intercept + features @ np.asarray(slopes, dtype=np.float64)
    result: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-logits))
    return result


def top_matches(
    index: CoderIndex,
    probabilities: NDArray[np.float64],
    top: int,
    confidence: NDArray[np.float64] | None = None,
) -> list[list[Match]]:
    """The `top` most likely occupations per row; rows without evidence (all zero) get none.

    With `confidence` (calibrated, per row), the best code gets it and the others are scaled
    by the same factor, so their order and ratios stay the softmax's.
    """
    top = max(0, min(top, index.size))
    if top == 0 or probabilities.shape[0] == 0:
        return [[] for _ in range(probabilities.shape[0])]
    candidates = np.argpartition(-probabilities, top - 1, axis=1)[:, :top]
    picked = np.take_along_axis(probabilities, candidates, axis=1)
    order = np.argsort(-picked, axis=1, kind="stable")
    candidates = np.take_along_axis(candidates, order, axis=1)
    picked = np.take_along_axis(picked, order, axis=1)
    if confidence is not None:
        scale = np.where(
            picked[:, :1] > 0, confidence[:, None] / np.maximum(picked[:, :1], 1e-12), 0
        )
        picked = np.minimum(picked * scale, confidence[:, None])
    results: list[list[Match]] = []
    codes, titles = index.codes, index.titles
    for row_codes, row_scores in zip(candidates.tolist(), picked.tolist(), strict=True):
        if row_scores[0] <= 0.0:
            results.append([])
            continue
        results.append(
            [
                Match(codes[column], titles[column], score)
                for column, score in zip(row_codes, row_scores, strict=True)
            ]
        )
    return results


def match_titles(
    index: CoderIndex,
    titles: Sequence[str],
    descriptions: Sequence[str | None] | None = None,
    top: int = 5,
    weights: ScoringWeights = DEFAULT_WEIGHTS,
    confirmed: Mapping[str, Sequence[int]] | None = None,
) -> list[list[Match]]:
    """Rank occupations for many titles; identical normalised titles are scored once."""
    normalised = [normalise_title(title) for title in titles]
    if descriptions is None:
        unique = list(dict.fromkeys(normalised))
        slot = {text: position for position, text in enumerate(unique)}
        ranked = _ranked(index, unique, None, top, weights, confirmed)
        return [ranked[slot[text]] for text in normalised]
    extra = [description or "" for description in descriptions]
    return _ranked(index, normalised, extra, top, weights, confirmed)


def _ranked(
    index: CoderIndex,
    texts: list[str],
    descriptions: list[str] | None,
    top: int,
    weights: ScoringWeights,
    confirmed: Mapping[str, Sequence[int]] | None,
) -> list[list[Match]]:
    results: list[list[Match]] = []
    for start in range(0, len(texts), BATCH_SIZE):
        batch = texts[start : start + BATCH_SIZE]
        extra = descriptions[start : start + BATCH_SIZE] if descriptions is not None else None
        scores = score_normalised(index, batch, extra, weights, confirmed)
        probabilities = confidences(scores, weights.temperature)
        calibrated_top = calibrated(calibration_features(index, scores, probabilities))
        results.extend(top_matches(index, probabilities, top, calibrated_top))
    return results
