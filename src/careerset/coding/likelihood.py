"""Naive-Bayes word evidence: how much more often a title's words name one occupation than
occupations at large.

Each occupation gets a smoothed distribution over single words, counted in its naming texts
(a text shared by several occupations counts for each by its `membership` weight) plus, at a
smaller share, the words of its tasks and descriptions. A title's evidence for an occupation
is the sum, over its known words, of log P(word | occupation) - log P(word).

With additive smoothing towards the background distribution p, that log ratio for a word the
occupation never uses is log(a / (N + a)) for every word, where N is the occupation's word
count and a the smoothing. So a title's score splits into a sparse part (only the words the
occupation uses: log(1 + n / (a p))) and, per known word of the title, that constant. Both
are derived from the index once and saved with it.
"""

from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from careerset.coding.sparse import Csr, as_scipy, from_scipy

# Pseudo-words of the background distribution added to every occupation's counts: small
# values trust rare words more, large ones pull every occupation towards the background.
SMOOTHING = 5.0
# The tasks' and descriptions' words, as a share of the naming texts' word count: they name
# far more words per occupation than its titles, so at full weight they would drown them.
DESCRIPTION_SHARE = 0.2


class WordLikelihood(NamedTuple):
    """The naive-Bayes evidence of an index (see the module's docstring)."""

    lift: Csr  # word terms x occupations: log(1 + n / (a p)) where the occupation uses the word
    unseen: NDArray[np.float32]  # per occupation: log(a / (N + a))
    known: NDArray[np.bool_]  # per word term: a single word seen for some occupation


def derive_likelihood(
    records: Csr, membership: Csr, descriptions: Csr, single: NDArray[np.bool_]
) -> WordLikelihood:
    """Count words per occupation in naming texts (`records` x `membership`) and descriptions
    (occupations x word terms), keeping only the `single` word terms."""
    import scipy.sparse as sp  # type: ignore[import-untyped]

    # Counted over the single words only: the word pairs are most of the vocabulary.
    words = np.flatnonzero(single)
    named = as_scipy(records)[:, words]
    named.data[:] = 1.0
    counts = (named.T @ as_scipy(membership)).toarray()
    described = as_scipy(descriptions)[:, words]
    described.data[:] = 1.0
    described_counts = described.T.toarray()
    # Each occupation's description words are scaled to a share of its naming words.
    scale = counts.sum(axis=0) / np.maximum(described_counts.sum(axis=0), 1.0)
    counts += DESCRIPTION_SHARE * described_counts * scale[None, :]
    per_occupation = counts.sum(axis=0)
    total = float(per_occupation.sum()) or 1.0
    background = counts.sum(axis=1) / total
    seen = background > 0
    lift = np.zeros_like(counts)
    lift[seen] = np.log1p(counts[seen] / (SMOOTHING * background[seen, None]))
    compact = sp.csr_matrix(lift.astype(np.float32))
    # Back to the rows of the whole vocabulary.
    expand = sp.csr_matrix(
        (np.ones(len(words), np.float32), (words, np.arange(len(words)))),
        shape=(len(single), len(words)),
    )
    known = np.zeros(len(single), dtype=bool)
    known[words[seen]] = True
    unseen = np.log(SMOOTHING / (per_occupation + SMOOTHING))
    return WordLikelihood(from_scipy((expand @ compact).tocsr()), unseen.astype(np.float32), known)


def title_words(word_part: Csr, known: NDArray[np.bool_]) -> tuple[Csr, NDArray[np.float32]]:
    """Each title's known single words as a 0/1 row, and how many there are."""
    kept = known[word_part.indices]
    kept_before = np.concatenate([[0], np.cumsum(kept)])
    indptr = kept_before[word_part.indptr]
    columns = word_part.indices[kept]
    words = Csr(np.ones(len(columns), dtype=np.float32), columns, indptr, word_part.shape)
    return words, np.diff(indptr).astype(np.float32)
