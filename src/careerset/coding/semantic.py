"""Static word vectors distilled from a sentence-embedding model (see
scripts/build_title_embeddings.py): texts become idf-weighted means of their words' vectors,
so titles that share no word ("lawyer", "attorney") can still meet, with no model at run time.
"""

from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
from numpy.typing import NDArray

TABLE = "word-vectors.npz"
# More texts than this are mixed with one scipy product, three times faster than numpy's
# steps; fewer stay in numpy, so that coding one title never imports scipy.
FEW_TEXTS = 64


class WordVectors:
    """A word -> unit vector table (float16 on disk, float32 in use)."""

    def __init__(self, words: list[str], vectors: NDArray[np.float32]) -> None:
        self.words = words
        self.lookup = {word: row for row, word in enumerate(words)}
        self.vectors = vectors
        self.dimensions = int(vectors.shape[1])

    def row_weights(
        self, vocabulary: Mapping[str, int], idf: NDArray[np.float32]
    ) -> NDArray[np.float32]:
        """Each table word's weight in a text's mean: its idf where `vocabulary` has it as a
        single word (not a word pair or a marked head noun), else 1."""
        weights = np.ones(len(self.words), dtype=np.float32)
        for row, word in enumerate(self.words):
            column = vocabulary.get(word)
            if column is not None and "_" not in word and not word.startswith("^"):
                weights[row] = idf[column]
        return weights

    def embed(
        self, texts: Sequence[str], weights: NDArray[np.float32] | None = None
    ) -> NDArray[np.float32]:
        """One unit vector per normalised text (zeros when no word is known): the mean of its
        distinct words' vectors, each weighted by `weights` (per table row; default 1)."""
        lookup = self.lookup.get
        indptr = [0]
        rows: list[int] = []
        for text in texts:
            for word in set(text.split()):
                row = lookup(word)
                if row is not None:
                    rows.append(row)
            indptr.append(len(rows))
        found = np.asarray(rows, dtype=np.int64)
        row_weights = weights[found] if weights is not None else np.ones(len(found), np.float32)
        if len(texts) > FEW_TEXTS:
            import scipy.sparse as sp  # type: ignore[import-untyped]

            mixing = sp.csr_matrix(
                (row_weights, found, np.asarray(indptr)), shape=(len(texts), len(self.words))
            )
            return unit_rows(np.asarray(mixing @ self.vectors, dtype=np.float32))
        parts = self.vectors[found] * row_weights[:, None]
        starts = np.asarray(indptr[:-1], dtype=np.int64)
        counts = np.diff(np.asarray(indptr, dtype=np.int64))
        result = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        # Add each text's k-th word for k = 0, 1, ...: a few steps, as a title has a handful
        # of distinct words.
        for position in range(int(counts.max()) if len(counts) else 0):
            having = np.flatnonzero(counts > position)
            result[having] += parts[starts[having] + position]
        return unit_rows(result)


def unit_rows(matrix: NDArray[np.float32]) -> NDArray[np.float32]:
    """Each row scaled to length one; zero rows stay zero."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    result: NDArray[np.float32] = (matrix / norms).astype(np.float32)
    return result


@lru_cache(maxsize=1)
def word_vectors() -> WordVectors | None:
    """The packaged table, or None when it is missing (the coder then works without it)."""
    resource = resources.files("careerset.coding") / "data" / TABLE
    try:
        with resources.as_file(resource) as path, np.load(path, allow_pickle=False) as archive:
            words = archive["words"].tobytes().decode("utf-8").split("\n")
            vectors = archive["vectors"].astype(np.float32)
    except (OSError, KeyError, ValueError):
        return None
    return WordVectors(words, vectors)
