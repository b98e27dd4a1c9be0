"""The naive-Bayes word evidence: counted from the index's own texts, and scoring a title's
words towards the occupations that use them."""

from dataclasses import fields, replace

import numpy as np

from careerset.coding.index import CoderIndex
from careerset.coding.likelihood import SMOOTHING, derive_likelihood, title_words
from careerset.coding.matcher import (
    DEFAULT_WEIGHTS,
    ScoringWeights,
    _single_words,
    score_normalised,
)
from careerset.coding.sparse import dense_rows


def _likelihood_only() -> ScoringWeights:
    evidence = {"temperature", "sharpness", "confirmed", "duties", "likelihood"}
    zero = {field.name: 0.0 for field in fields(ScoringWeights) if field.name not in evidence}
    return replace(DEFAULT_WEIGHTS, **zero, likelihood=1.0)


def test_a_word_lifts_only_the_occupations_whose_texts_use_it(small_index: CoderIndex) -> None:
    evidence = derive_likelihood(
        small_index.records,
        small_index.membership,
        small_index.descriptions,
        _single_words(small_index),
    )
    word = small_index.features.word.vocabulary["nurse"]
    assert evidence.known[word]
    lift = dense_rows(evidence.lift, np.asarray([word]))[0]
    nursing = [small_index.codes.index(code) for code in ("29-1141.00", "29-2061.00")]
    assert (lift[nursing] > 0).all()
    others = np.setdiff1d(np.arange(small_index.size), nursing)
    assert (lift[others] == 0).all()
    # Every occupation has words, so a word it never uses costs it something.
    assert (evidence.unseen < 0).all() and (
        evidence.unseen > np.log(SMOOTHING / (SMOOTHING + 1e6))
    ).all()


def test_the_likelihood_ranks_the_occupation_that_uses_the_title_words(
    small_index: CoderIndex,
) -> None:
    scores = score_normalised(
        small_index, ["ledger clerk", "semi driver", "qzx"], weights=_likelihood_only()
    )
    assert small_index.codes[int(np.argmax(scores[0]))] == "43-3031.00"
    assert small_index.codes[int(np.argmax(scores[1]))] == "53-3032.00"
    assert np.isinf(scores[2]).all()  # no known word: no evidence at all


def test_a_title_counts_each_known_word_once(small_index: CoderIndex) -> None:
    evidence = derive_likelihood(
        small_index.records,
        small_index.membership,
        small_index.descriptions,
        _single_words(small_index),
    )
    _, word_part = small_index.features.transform_parts(["truck driver", "qzx driver", "qzx"])
    words, counts = title_words(word_part, evidence.known)
    assert counts.tolist() == [2.0, 1.0, 0.0]
    assert set(words.data.tolist()) == {1.0}
