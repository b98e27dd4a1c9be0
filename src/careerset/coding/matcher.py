"""Scores titles against a `CoderIndex` in batches and turns scores into confidences.

Every step is a sparse matrix product over the whole batch, so coding 20,000 titles
costs a few products rather than 20,000 Python loops. A few titles are scored with numpy
alone (`sparse.dense_product`), so that coding one job never imports scipy.
"""

import gc
import itertools
import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from careerset.coding.index import CoderIndex
from careerset.coding.likelihood import WordLikelihood
from careerset.coding.normalise import normalise_title
from careerset.coding.sparse import (
    Csr,
    as_scipy,
    dense_product,
    dense_rows,
    from_scipy,
    transpose,
)

# Titles scored together: a 4096 x occupations float32 block is 16 MB, and larger batches
# spread the fixed cost of each sparse product further.
BATCH_SIZE = 4096
# Up to this many titles are scored with numpy alone: for them, importing scipy would cost
# more than the products it speeds up (their dense titles x naming texts block stays small).
FEW_TITLES = 32


@dataclass(frozen=True)
class ScoringWeights:
    """How the evidence combines; chosen by `scripts/tune_coder.py` on alternate and BLS titles
    held out of the index (never on the evaluation titles).

    `nearest` scores each occupation by its closest known titles, with `sharpness` making
    that a soft maximum. `classifier` is the occupation centroids' score and `description`
    the match of the title's words with the tasks and descriptions. `title_words` rewards
    occupations whose official title holds the title's words (the share of the title's idf
    mass found there). `exact` adds each occupation's share of a known naming text the title
    equals; `exact_group`, `bls_exact` and `bls_group` are the same at the 6-digit level and
    for BLS titles alone (the held-out folds found them no help beyond `exact`).
    `semantic_title` and `semantic_task` are the static-embedding similarities to each
    occupation's mean title and mean task. `likelihood` is the naive-Bayes word evidence
    (see `likelihood.py`). `duties` weighs the match of a job's own description with the
    occupations' tasks and descriptions (the folds have titles only, so it keeps the weight
    `description` had before the likelihood made that zero). `temperature` turns the combined score into a
    softmax (see `calibration.py`).
    """

    nearest: float = 0.55
    classifier: float = 0.5
    description: float = 0.0375
    title_words: float = 0.275
    prior: float = 0.0
    exact: float = 0.2
    confirmed: float = 5.0
    sharpness: float = 3.0
    semantic_title: float = 1.65
    semantic_task: float = 0.95
    likelihood: float = 0.1
    duties: float = 0.7
    bls_exact: float = 2.55
    exact_group: float = 0.0
    bls_group: float = 0.6
    temperature: float = 0.1
    spread: float = 0.3


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
    few = descriptions is None and len(texts) <= FEW_TITLES
    if few:
        scores = dense_product(combined, _linear_matrix(index, weights))
    elif descriptions is None:
        # Tasks and descriptions are matched on the title's words alone, which are a scaled
        # part of the combined vector: one product with a merged matrix does both.
        scores = _linear_weights(index, weights).product(combined)
    else:
        scores = (as_scipy(combined) @ _scipy(index, "classifier")).toarray()
        scores *= np.float32(weights.classifier)
        extra = index.features.word.transform(
            [normalise_title(text) if text else "" for text in descriptions]
        )
        descriptions_by_word = _scipy(index, "descriptions", transposed=True)
        evidence = (
            np.float32(weights.description) * as_scipy(word_part)
            + np.float32(weights.duties) * extra
        ).tocsr()
        _add_sparse(scores, evidence @ descriptions_by_word, 1.0)
    scores = np.asarray(scores, dtype=np.float32)
    constant = weights.classifier * index.bias + weights.prior * index.prior
    if constant.any():
        scores += constant.astype(np.float32)
    if weights.nearest:
        if few:
            scores += np.float32(weights.nearest) * _nearest_few(index, word_part, weights)
        else:
            _add_sparse(scores, _nearest(index, word_part, weights), weights.nearest)
    if weights.title_words:
        shares = _word_shares(index, word_part)
        if few:
            coverage = dense_product(shares, _title_words_by_word(index))
            scores += np.float32(weights.title_words) * coverage
        else:
            by_word = _scipy(index, "title words", transposed=True)
            _add_sparse(scores, (as_scipy(shares) @ by_word).tocsr(), weights.title_words)
    exact_rows = [index.exact_keys.get(text, -1) for text in texts]
    hits = [row for row, key in enumerate(exact_rows) if key >= 0]
    if hits:
        found = [exact_rows[row] for row in hits]
        named = dense_rows(index.membership, found)
        if weights.exact:
            scores[hits] += weights.exact * named
        if weights.exact_group:
            scores[hits] += weights.exact_group * (named @ _same_group_dense(index))
        if weights.bls_exact or weights.bls_group:
            official = dense_rows(index.official, found)
            if weights.bls_exact:
                scores[hits] += weights.bls_exact * official
            if weights.bls_group:
                scores[hits] += weights.bls_group * (official @ _same_group_dense(index))
    _add_semantic(index, texts, scores, weights)
    if weights.likelihood:
        _add_likelihood(index, word_part, scores, weights.likelihood, few)
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


def _nearest(index: CoderIndex, word_part: Csr, weights: ScoringWeights) -> Any:
    """Per title and occupation, the soft maximum of its naming texts' similarity to the title
    (the `sharpness`-norm of the similarities), as a scipy CSR matrix."""
    similarity = as_scipy(word_part) @ _scipy(index, "records", transposed=True)
    data = similarity.data
    similarity.data = data * data * data if weights.sharpness == 3.0 else data**weights.sharpness
    nearest = similarity @ _scipy(index, "membership")
    data = nearest.data
    nearest.data = np.cbrt(data) if weights.sharpness == 3.0 else data ** (1.0 / weights.sharpness)
    return nearest


def _nearest_few(index: CoderIndex, word_part: Csr, weights: ScoringWeights) -> NDArray[np.float32]:
    """`_nearest` for a few titles, dense and with numpy alone."""
    similarity = dense_product(word_part, _transposed(index, "records"))
    if weights.sharpness == 3.0:
        similarity = similarity * similarity * similarity
    else:
        similarity **= weights.sharpness
    rows, columns = np.nonzero(similarity)
    counts = np.bincount(rows, minlength=similarity.shape[0])
    powered = Csr(
        similarity[rows, columns],
        columns,
        np.concatenate([[0], np.cumsum(counts)]),
        (similarity.shape[0], similarity.shape[1]),
    )
    nearest = dense_product(powered, index.membership)
    if weights.sharpness == 3.0:
        return np.cbrt(nearest)
    result: NDArray[np.float32] = nearest ** np.float32(1.0 / weights.sharpness)
    return result


class SplitMatrix(NamedTuple):
    """A sparse matrix whose densest rows are kept apart as a dense block.

    A few features (common character n-grams) carry weights for most occupations; a sparse
    product spends most of its time on them, where a dense row-times-block product is several
    times faster. The other rows stay sparse.
    """

    sparse: Any  # scipy CSR, with the dense rows emptied
    dense_position: NDArray[np.int32]  # per row: its row in `dense`, or -1
    dense: NDArray[np.float32]  # the dense rows, in row order

    def product(self, left: Csr) -> NDArray[np.float32]:
        """`left @ matrix` as a dense float32 array, for a canonical CSR `left`."""
        import scipy.sparse as sp  # type: ignore[import-untyped]

        position = self.dense_position[left.indices]
        keep = position >= 0
        kept_before = np.concatenate([[0], np.cumsum(keep)])
        on_dense = sp.csr_matrix(
            (left.data[keep], position[keep], kept_before[left.indptr]),
            shape=(left.shape[0], self.dense.shape[0]),
        )
        result: NDArray[np.float32] = np.asarray(on_dense @ self.dense, dtype=np.float32)
        _add_sparse(result, as_scipy(left) @ self.sparse, 1.0)
        return result


# Rows with at least this many entries go to the dense block: below it, a sparse product of
# the row is cheaper than a dense one (measured on the O*NET index).
DENSE_ROW_ENTRIES = 32


def split_dense_rows(matrix: Any, threshold: int = DENSE_ROW_ENTRIES) -> SplitMatrix:
    """`matrix` (scipy CSR) as a `SplitMatrix`, its rows with `threshold` entries or more dense."""
    import scipy.sparse as sp

    counts = np.diff(matrix.indptr)
    dense_rows = counts >= threshold
    keep = np.repeat(~dense_rows, counts)
    sparse = sp.csr_matrix(
        (
            matrix.data[keep],
            matrix.indices[keep],
            np.concatenate([[0], np.cumsum(np.where(dense_rows, 0, counts))]),
        ),
        shape=matrix.shape,
    )
    position = np.full(matrix.shape[0], -1, dtype=np.int32)
    position[dense_rows] = np.arange(int(dense_rows.sum()), dtype=np.int32)
    dense = np.ascontiguousarray(matrix[np.flatnonzero(dense_rows)].toarray(), dtype=np.float32)
    return SplitMatrix(sparse, position, dense)


def _linear_matrix(index: CoderIndex, weights: ScoringWeights) -> Csr:
    """Combined features x occupations: the classifier plus the description evidence (whose
    word vectors are the combined vectors' word columns over the square root of their weight).
    Saved with the index (see `prepare_index`), so building it is rare.
    """
    key = ("linear", weights.classifier, weights.description)
    cached: Csr | None = index.derived.get(key)
    if cached is None:
        import scipy.sparse as sp

        words = index.features.word.size
        descriptions = _scipy(index, "descriptions", transposed=True)
        padding = sp.csr_matrix((index.classifier.shape[0] - words, descriptions.shape[1]))
        scale = weights.description / np.sqrt(index.features.word_weight)
        merged = sp.csr_matrix(
            weights.classifier * as_scipy(index.classifier)
            + np.float32(scale) * sp.vstack([descriptions, padding], format="csr"),
            dtype=np.float32,
        )
        merged.sum_duplicates()
        cached = index.derived[key] = from_scipy(merged)
    return cached


def _linear_weights(index: CoderIndex, weights: ScoringWeights) -> SplitMatrix:
    """`_linear_matrix` split for batches (see `SplitMatrix`)."""
    key = ("linear split", weights.classifier, weights.description)
    cached: SplitMatrix | None = index.derived.get(key)
    if cached is None:
        merged = as_scipy(_linear_matrix(index, weights))
        cached = index.derived[key] = split_dense_rows(merged)
    return cached


def _transposed(index: CoderIndex, name: str) -> Csr:
    """A stored matrix transposed, once (and saved with the index)."""
    key = ("transposed", name)
    cached: Csr | None = index.derived.get(key)
    if cached is None:
        cached = index.derived[key] = transpose(getattr(index, name))
    return cached


def _title_words_by_word(index: CoderIndex) -> Csr:
    """Word terms x occupations: the transpose of `CoderIndex.title_words`."""
    key = ("transposed", "title words")
    cached: Csr | None = index.derived.get(key)
    if cached is None:
        cached = index.derived[key] = transpose(index.title_words())
    return cached


def _scipy(index: CoderIndex, name: str, transposed: bool = False) -> Any:
    """A matrix of the index (or its transpose) as a scipy CSR matrix, made once."""
    key = ("scipy", name, transposed)
    cached = index.derived.get(key)
    if cached is None:
        if name == "title words":
            matrix = _title_words_by_word(index) if transposed else index.title_words()
        else:
            matrix = _transposed(index, name) if transposed else getattr(index, name)
        cached = index.derived[key] = as_scipy(matrix)
    return cached


def _same_group_dense(index: CoderIndex) -> NDArray[np.float32]:
    return dense_rows(index.same_group(), np.arange(index.size))


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
    query = table.embed(texts, _semantic_weights(index))
    scores += query @ _semantic_profiles(index, weights)


def _add_likelihood(
    index: CoderIndex, word_part: Csr, scores: NDArray[np.float32], weight: float, few: bool
) -> None:
    """The naive-Bayes evidence of each title's known words (see `likelihood.py`)."""
    from careerset.coding.likelihood import title_words

    evidence = _likelihood(index)
    words, counts = title_words(word_part, evidence.known)
    if few:
        scores += np.float32(weight) * dense_product(words, evidence.lift)
    else:
        # Common words have a lift for most occupations: a split matrix adds their rows densely.
        scores += _likelihood_split(index, weight).product(words)
    scores += np.float32(weight) * np.outer(counts, evidence.unseen).astype(np.float32)


def _likelihood_split(index: CoderIndex, weight: float) -> SplitMatrix:
    """The likelihood's lift times `weight`, split for batches (see `SplitMatrix`)."""
    key = ("likelihood split", weight)
    cached: SplitMatrix | None = index.derived.get(key)
    if cached is None:
        lift = as_scipy(_likelihood(index).lift) * np.float32(weight)
        cached = index.derived[key] = split_dense_rows(lift.tocsr())
    return cached


def _likelihood(index: CoderIndex) -> WordLikelihood:
    """The index's naive-Bayes tables, derived once (and saved with the index)."""
    from careerset.coding.likelihood import DESCRIPTION_SHARE, SMOOTHING, derive_likelihood

    keys = [(part, SMOOTHING, DESCRIPTION_SHARE) for part in ("lift", "unseen", "known")]
    if not all(key in index.derived for key in keys):
        derived = derive_likelihood(
            index.records, index.membership, index.descriptions, _single_words(index)
        )
        for key, value in zip(keys, derived, strict=True):
            index.derived[key] = value
    return WordLikelihood(*(index.derived[key] for key in keys))


def _semantic_weights(index: CoderIndex) -> NDArray[np.float32] | None:
    """Each word of the packaged table's weight in a title's embedding (see `row_weights`)."""
    from careerset.coding.semantic import word_vectors

    table = word_vectors()
    if table is None:
        return None
    key = ("semantic weights",)
    cached: NDArray[np.float32] | None = index.derived.get(key)
    if cached is None or len(cached) != len(table.words):
        vocabulary = index.features.word
        cached = index.derived[key] = table.row_weights(vocabulary.vocabulary, vocabulary.idf)
    return cached


def _semantic_profiles(index: CoderIndex, weights: ScoringWeights) -> NDArray[np.float32]:
    """Dimensions x occupations: the weighted title and task profiles in one matrix (both
    similarities are linear in the query, so one product with their weighted sum does)."""
    key = ("semantic", weights.semantic_title, weights.semantic_task)
    profiles = index.derived.get(key)
    if profiles is None:
        combined = weights.semantic_title * index.title_vectors
        combined += weights.semantic_task * index.task_vectors
        profiles = index.derived[key] = np.ascontiguousarray(combined.T, np.float32)
    result: NDArray[np.float32] = profiles
    return result


def _word_shares(index: CoderIndex, word_part: Csr) -> Csr:
    """Each text's distinct known words, weighted by idf and scaled to sum to one.

    `word_part` (canonical CSR) already holds each text's distinct word terms; the single
    words among them are its known words.
    """
    single = _single_words(index)[word_part.indices]
    kept_before = np.concatenate([[0], np.cumsum(single)])
    columns = word_part.indices[single]
    indptr = kept_before[word_part.indptr]
    data = index.features.word.idf[columns].astype(np.float32)
    counts = np.diff(indptr)
    totals = np.bincount(np.repeat(np.arange(len(counts)), counts), data, minlength=len(counts))
    totals[totals == 0.0] = 1.0
    data /= np.repeat(totals, counts).astype(np.float32)
    return Csr(data, columns, indptr, word_part.shape)


def _single_words(index: CoderIndex) -> NDArray[np.bool_]:
    """Per word term: whether it is a single word (not a word pair or the marked head noun)."""
    key = ("single words",)
    cached = index.derived.get(key)
    if cached is None:
        vocabulary = index.features.word.vocabulary
        count = len(vocabulary)
        cached = index.derived[key] = np.zeros(count, dtype=bool)
        cached[np.fromiter(vocabulary.values(), np.int64, count)] = np.fromiter(
            ("_" not in term and not term.startswith("^") for term in vocabulary), bool, count
        )
    return cached


def _add_sparse(dense: NDArray[np.float32], sparse: Any, weight: float) -> None:
    """`dense += weight * sparse` without densifying `sparse` (CSR without duplicate entries;
    `dense` C-contiguous, so positions in its flat view are row * width + column)."""
    if not dense.flags.c_contiguous:
        raise ValueError("_add_sparse needs a C-contiguous dense array")
    starts = np.repeat(np.arange(sparse.shape[0]) * dense.shape[1], np.diff(sparse.indptr))
    flat = dense.reshape(-1)
    flat[starts + sparse.indices] += np.float32(weight) * sparse.data


# Candidates kept per title beyond the shown ones: enough to find the best code of another
# 6-digit group (the calibration's score gap) without sorting every occupation.
CANDIDATES = 16


class Ranking(NamedTuple):
    """Per title: candidate columns best first, their softmax probabilities, each one's
    probability relative to the best one's at the `spread` temperature, and the calibration
    features of the best one."""

    candidates: NDArray[np.int64]
    probabilities: NDArray[np.float64]
    features: NDArray[np.float64]
    empty: NDArray[np.bool_]
    relative: NDArray[np.float64]


def rank_scores(
    index: CoderIndex,
    scores: NDArray[np.float32],
    temperature: float,
    width: int = CANDIDATES,
    exact: NDArray[np.bool_] | None = None,
    spread: float | None = None,
) -> Ranking:
    """The best `width` occupations per row under a softmax of the scores at `temperature`.

    Only the partition function needs every column; everything else uses the candidates.
    `exact` marks the rows whose title is a known naming text (a calibration feature).
    `spread` (default: `temperature`) is the temperature of the candidates' probabilities
    relative to the best one, which needs no partition function.
    """
    rows, columns = scores.shape
    width = max(1, min(max(width, CANDIDATES), columns))
    top = scores.max(axis=1) if columns else np.zeros(rows, np.float32)
    empty = ~np.isfinite(top)
    top = np.where(empty, np.float32(0.0), top).astype(np.float32)
    if width < columns:
        candidates = np.argpartition(scores, columns - width, axis=1)[:, columns - width :]
    else:
        candidates = np.tile(np.arange(columns), (rows, 1))
    picked = np.take_along_axis(scores, candidates, axis=1)
    order = np.argsort(-picked, axis=1, kind="stable")
    candidates = np.take_along_axis(candidates, order, axis=1)
    picked = np.take_along_axis(picked, order, axis=1)
    inverse = np.float32(1.0 / temperature)
    exponentials = scores - top[:, None]
    exponentials *= inverse
    np.exp(exponentials, out=exponentials)
    totals = exponentials.sum(axis=1, dtype=np.float64)
    totals[totals == 0.0] = 1.0
    probabilities = np.exp((picked - top[:, None]).astype(np.float64) * inverse) / totals[:, None]
    probabilities[empty] = 0.0
    # The best code's 6-digit group: its probability mass and its lead over the next group.
    same = index.same_group()
    best = candidates[:, 0]
    counts = np.diff(same.indptr)[best]
    member_rows = np.repeat(np.arange(rows), counts)
    starts = same.indptr[best]
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    members = same.indices[np.repeat(starts, counts) + offsets]
    mass = np.bincount(member_rows, exponentials[member_rows, members], minlength=rows) / totals
    mass = np.clip(mass, 1e-6, 1 - 1e-6)
    groups = index.soc_groups()[candidates]
    other = groups != groups[:, :1]
    first_other = np.where(other.any(axis=1), other.argmax(axis=1), width - 1)
    runner_up = picked[np.arange(rows), first_other]
    finite = np.isfinite(runner_up) & np.isfinite(picked[:, 0])
    gap = np.clip(np.where(finite, picked[:, 0] - np.where(finite, runner_up, 0.0), 5.0), 0.0, 5.0)
    known = np.zeros(rows) if exact is None else exact.astype(np.float64)
    features = np.column_stack([np.log(mass / (1 - mass)), gap, known])
    # Rows without evidence are all -inf; their differences would be undefined.
    best_score = np.where(empty, np.float32(0.0), picked[:, 0])
    behind = (picked - best_score[:, None]).astype(np.float64)
    relative = np.exp(behind / (temperature if spread is None else spread))
    relative[empty] = 0.0
    return Ranking(candidates, probabilities, features, empty, relative)


def calibrated(features: NDArray[np.float64]) -> NDArray[np.float64]:
    """The probability that the best code is right at the 6-digit level (see calibration.py)."""
    from careerset.coding.calibration import apply_logistic

    return apply_logistic(features)


def top_matches(index: CoderIndex, ranking: Ranking, top: int) -> list[list[Match]]:
    """The `top` most likely occupations per row; rows without evidence get none.

    The best code gets the calibrated confidence and each other one that confidence times its
    probability relative to the best (see `Ranking.relative`).
    """
    rows = ranking.candidates.shape[0]
    top = max(0, min(top, index.size, ranking.candidates.shape[1] if rows else 0))
    if top == 0 or rows == 0:
        return [[] for _ in range(rows)]
    confidence = calibrated(ranking.features)
    picked = np.minimum(ranking.relative[:, :top] * confidence[:, None], confidence[:, None])
    results: list[list[Match]] = []
    codes, titles = index.codes, index.titles
    make = tuple.__new__  # Match(...) without its keyword handling: this loop is hot
    for row_codes, row_scores, empty in zip(
        ranking.candidates[:, :top].tolist(), picked.tolist(), ranking.empty.tolist(), strict=True
    ):
        if empty or row_scores[0] <= 0.0:
            results.append([])
            continue
        results.append(
            [
                make(Match, (codes[column], titles[column], score))
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
    if descriptions is not None and not any(descriptions):
        # Empty descriptions add no evidence: the titles alone score the same (`add job`
        # passes one), and alone they take the few-titles path and are deduplicated.
        descriptions = None
    if descriptions is not None:
        normalised = [normalise_title(title) for title in titles]
        extra = [description or "" for description in descriptions]
        return _ranked(index, normalised, len(normalised), extra, top, weights, confirmed)
    slot: dict[str, int] = {}
    positions: list[int] = []

    def unique_texts() -> Iterator[str]:
        for title in titles:
            text = normalise_title(title)
            position = slot.get(text)
            if position is None:
                position = slot[text] = len(slot)
                yield text
            positions.append(position)

    ranked = _ranked(index, unique_texts(), len(titles), None, top, weights, confirmed)
    return [ranked[position] for position in positions]


def _ranked(
    index: CoderIndex,
    texts: Iterable[str],
    count: int,
    descriptions: list[str] | None,
    top: int,
    weights: ScoringWeights,
    confirmed: Mapping[str, Sequence[int]] | None,
) -> list[list[Match]]:
    """Code `texts` (at most `count` of them, all read) in batches, side by side when large.

    The texts are read as the batches are cut, so the first batches are scored while the
    later titles are still being normalised.
    """
    # Coding makes hundreds of thousands of small objects (matches, their lists, feature
    # lists) and no reference cycles; a collector running meanwhile walks the whole heap again
    # and again for nothing (measured: a third of a 17,000-title batch in the benchmark).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _ranked_batches(index, texts, count, descriptions, top, weights, confirmed)
    finally:
        if collecting:
            gc.enable()


def _ranked_batches(
    index: CoderIndex,
    texts: Iterable[str],
    count: int,
    descriptions: list[str] | None,
    top: int,
    weights: ScoringWeights,
    confirmed: Mapping[str, Sequence[int]] | None,
) -> list[list[Match]]:
    workers = _workers(count)
    batches = max(1, math.ceil(count / BATCH_SIZE))
    if workers > 1:
        batches = math.ceil(batches / workers) * workers  # every worker gets as much
    size = max(1, math.ceil(count / batches))

    def cut() -> Iterator[tuple[list[str], list[str] | None]]:
        remaining = iter(texts)
        start = 0
        while batch := list(itertools.islice(remaining, size)):
            extra = descriptions[start : start + len(batch)] if descriptions is not None else None
            start += len(batch)
            yield batch, extra

    def code_batch(batch: list[str], extra: list[str] | None) -> list[list[Match]]:
        scores = score_normalised(index, batch, extra, weights, confirmed)
        known = np.asarray([text in index.exact_keys for text in batch], dtype=bool)
        ranking = rank_scores(index, scores, weights.temperature, top, known, weights.spread)
        return top_matches(index, ranking, top)

    if workers <= 1:
        parts = [code_batch(batch, extra) for batch, extra in cut()]
    else:
        # The products and array operations release the GIL, so batches run side by side;
        # the matrices they share are derived first, so the threads only read the index.
        _prepare(index, weights)
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        # One BLAS thread per worker: BLAS's own threads would contend with the workers for
        # the same cores (measured: a tenth to a fifth more CPU for the same batch).
        with (
            threadpool_limits(1, user_api="blas"),
            ThreadPoolExecutor(max_workers=workers) as pool,
        ):
            futures = [pool.submit(code_batch, batch, extra) for batch, extra in cut()]
            parts = [future.result() for future in futures]
    return [matches for part in parts for matches in part]


# Fewer titles than this per worker are coded in one thread: splitting a small batch costs
# more in per-batch overhead than a second core gives back.
PARALLEL_BATCH = 1024
# Each running batch holds a few dense titles x occupations arrays (16 MB each at 4,096).
MAX_WORKERS = 4


def _workers(count: int) -> int:
    """Threads to code `count` titles with: one per core, each with enough titles."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS, count // PARALLEL_BATCH))


def prepare_index(index: CoderIndex, weights: ScoringWeights = DEFAULT_WEIGHTS) -> None:
    """Derive the matrices a first title needs, so that `save_index` keeps them with the index
    and a command that codes one title does not spend a tenth of a second deriving them."""
    _linear_matrix(index, weights)
    _transposed(index, "records")
    _title_words_by_word(index)
    _single_words(index)
    _semantic_profiles(index, weights)
    _semantic_weights(index)
    if weights.likelihood:
        _likelihood(index)


def _prepare(index: CoderIndex, weights: ScoringWeights) -> None:
    """Derive every cached matrix the scoring uses, before threads share the index."""
    prepare_index(index, weights)
    _linear_weights(index, weights)
    if weights.likelihood:
        _likelihood_split(index, weights.likelihood)
    for name, transposed in (("records", True), ("membership", False), ("title words", True)):
        _scipy(index, name, transposed)
    index.same_group()
    index.soc_groups()
