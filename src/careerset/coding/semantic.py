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


class WordVectors:
    """A word -> unit vector table (float16 on disk, float32 in use)."""

    def __init__(self, words: list[str], vectors: NDArray[np.float32]) -> None:
        self.lookup = {word: row for row, word in enumerate(words)}
        self.vectors = vectors
        self.dimensions = int(vectors.shape[1])
        self._weights: dict[int, dict[str, tuple[int, float]]] = {}
        self._idf: Mapping[str, float] | None = None

    def embed(
        self, texts: Sequence[str], idf: Mapping[str, float] | None = None
    ) -> NDArray[np.float32]:
        """One unit vector per normalised text (zeros when no word is known)."""
        import scipy.sparse as sp  # type: ignore[import-untyped]

        lookup = self.word_weights(idf).get
        indptr = [0]
        columns: list[int] = []
        weights: list[float] = []
        for text in texts:
            for word in set(text.split()):
                known = lookup(word)
                if known is not None:
                    columns.append(known[0])
                    weights.append(known[1])
            indptr.append(len(columns))
        mixing = sp.csr_matrix(
            (np.asarray(weights, np.float32), np.asarray(columns, np.int32), np.asarray(indptr)),
            shape=(len(texts), len(self.lookup)),
        )
        return unit_rows(np.asarray(mixing @ self.vectors, dtype=np.float32))

    def word_weights(self, idf: Mapping[str, float] | None) -> dict[str, tuple[int, float]]:
        """Each known word's row and weight under `idf`, worked out once per idf table."""
        words = self._weights.get(id(idf))
        if words is None:
            weight = idf.get if idf is not None else (lambda word, default: default)
            words = {word: (row, weight(word, 1.0)) for word, row in self.lookup.items()}
            self._weights = {id(idf): words}
            self._idf = idf  # keeps the table alive, so its id stays its own
        return words


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
