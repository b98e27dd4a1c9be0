"""TF-IDF vectors for normalised titles: word uni/bigrams and character n-grams.

Written here rather than taken from scikit-learn so that loading an index needs only
numpy (importing scikit-learn alone would cost most of the CLI's time budget, and scipy a fifth
of a second); fitting and `Vectoriser.transform` use scipy, which they import when called.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any, TypeAlias

import numpy as np
from numpy.typing import NDArray

from careerset.coding.sparse import Csr, from_entries, row_numbers

# scipy ships no type information, so sparse matrices are typed loosely.
Matrix: TypeAlias = Any


def word_terms(text: str) -> list[str]:
    """Words and adjacent word pairs; the last word is marked because it is the head noun."""
    words = text.split()
    if not words:
        return []
    terms = words + [f"{first}_{second}" for first, second in zip(words, words[1:], strict=False)]
    terms.append(f"^{words[-1]}")
    return terms


def char_terms(text: str, low: int = 3, high: int = 4) -> list[str]:
    """Character n-grams inside each space-padded word, as in a 'char_wb' analyser."""
    terms: list[str] = []
    for word in text.split():
        padded = f" {word} "
        length = len(padded)
        for size in range(low, high + 1):
            terms.extend(padded[start : start + size] for start in range(length - size + 1))
    return terms


ANALYSERS = {"word": word_terms, "char": char_terms}


@dataclass
class Vectoriser:
    """A fitted vocabulary with inverse document frequencies for one analyser."""

    analyser: str
    vocabulary: dict[str, int]
    idf: NDArray[np.float32]

    @classmethod
    def fit(cls, analyser: str, texts: Iterable[str], min_df: int = 1) -> "Vectoriser":
        """Learn the vocabulary and smoothed idf from `texts` (one document each)."""
        analyse = ANALYSERS[analyser]
        document_frequency: Counter[str] = Counter()
        count = 0
        for text in texts:
            document_frequency.update(set(analyse(text)))
            count += 1
        terms = sorted(term for term, df in document_frequency.items() if df >= min_df)
        vocabulary = {term: index for index, term in enumerate(terms)}
        frequencies = np.array([document_frequency[term] for term in terms], dtype=np.float64)
        idf = (np.log((1.0 + count) / (1.0 + frequencies)) + 1.0).astype(np.float32)
        return cls(analyser, vocabulary, idf)

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def transform(self, texts: Sequence[str]) -> Matrix:
        """Rows of L2-normalised sublinear tf-idf; unknown terms are ignored."""
        import scipy.sparse as sp  # type: ignore[import-untyped]

        analyse = ANALYSERS[self.analyser]
        lookup = self.vocabulary.get
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            ids = [term_id for term_id in map(lookup, analyse(text)) if term_id is not None]
            indices.extend(ids)
            indptr.append(len(indices))
        columns = np.asarray(indices, dtype=np.int32)
        data = np.ones(len(columns), dtype=np.float32)
        matrix = sp.csr_matrix(
            (data, columns, np.asarray(indptr, dtype=np.int64)), shape=(len(texts), self.size)
        )
        matrix.sum_duplicates()
        matrix.data = (1.0 + np.log(matrix.data)) * self.idf[matrix.indices]
        return normalise_rows(matrix)


def normalise_rows(matrix: Matrix) -> Matrix:
    """Scale each row to unit length (empty rows stay empty)."""
    import scipy.sparse as sp

    squared = matrix.multiply(matrix).sum(axis=1).A1
    norms = np.sqrt(squared, dtype=np.float64)
    norms[norms == 0.0] = 1.0
    scale = (1.0 / norms).astype(np.float32)
    result = sp.csr_matrix(matrix, copy=True)
    result.data *= np.repeat(scale, np.diff(result.indptr))
    return result


@dataclass
class FeatureSpace:
    """Word and character vectors side by side, weighted so each row has unit length."""

    word: Vectoriser
    char: Vectoriser
    word_weight: float = 0.6
    # Character n-gram columns per word: words recur across titles far more than titles do.
    _char_ids: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def _word_char_ids(self, word: str) -> list[int]:
        lookup = self.char.vocabulary.get
        offset = self.word.size
        return [i + offset for i in map(lookup, char_terms(word)) if i is not None]

    @classmethod
    def fit(cls, texts: Sequence[str], word_weight: float = 0.6) -> "FeatureSpace":
        return cls(Vectoriser.fit("word", texts), Vectoriser.fit("char", texts), word_weight)

    def transform(self, texts: Sequence[str]) -> Csr:
        return self.transform_parts(texts)[0]

    def transform_parts(self, texts: Sequence[str]) -> tuple[Csr, Csr]:
        """The combined unit vectors, and the word-only unit vectors on their own.

        One pass builds both: word columns come first, char columns are offset after them,
        and each part is scaled to its own unit length before weighting.
        """
        word_lookup = self.word.vocabulary.get
        offset = self.word.size
        char_ids = self._char_ids
        if len(char_ids) > 500_000:
            char_ids.clear()
        indices: list[int] = []
        indptr = [0]
        append = indptr.append
        extend = indices.extend
        for text in texts:
            words = text.split()
            for word in words:
                # A word's own column (if any) and its character n-gram columns, cached.
                known = char_ids.get(word)
                if known is None:
                    own = word_lookup(word)
                    known = char_ids[word] = ([] if own is None else [own]) + self._word_char_ids(
                        word
                    )
                extend(known)
            if words:
                # Word pairs and the marked head noun; unknown ones are -1, dropped below.
                pairs = [
                    f"{first}_{second}" for first, second in zip(words, words[1:], strict=False)
                ]
                pairs.append(f"^{words[-1]}")
                extend(map(word_lookup, pairs, repeat(-1)))
            append(len(indices))
        rows = len(texts)
        counts = np.diff(np.asarray(indptr, dtype=np.int64)).astype(np.int64)
        columns = np.asarray(indices, dtype=np.int64)
        found = columns >= 0
        pattern, repeats = from_entries(
            np.repeat(np.arange(rows), counts)[found],
            columns[found],
            (rows, offset + self.char.size),
        )
        idf = np.concatenate([self.word.idf, self.char.idf])
        data = (1.0 + np.log(repeats.astype(np.float32))) * idf[pattern.indices]
        row_of = row_numbers(pattern)
        is_word = pattern.indices < offset
        squares = data.astype(np.float64) ** 2
        word_norm = np.sqrt(np.bincount(row_of[is_word], squares[is_word], minlength=rows))
        char_norm = np.sqrt(np.bincount(row_of[~is_word], squares[~is_word], minlength=rows))
        word_norm[word_norm == 0.0] = 1.0
        char_norm[char_norm == 0.0] = 1.0
        word_scale = (1.0 / word_norm).astype(np.float32)
        char_scale = (1.0 / char_norm).astype(np.float32)
        unit = data * np.where(is_word, word_scale[row_of], char_scale[row_of])
        word_counts = np.bincount(row_of[is_word], minlength=rows)
        word_part = Csr(
            unit[is_word],
            pattern.indices[is_word],
            np.concatenate([[0], np.cumsum(word_counts)]).astype(np.int64),
            (rows, offset),
        )
        weight = np.where(
            is_word,
            np.float32(np.sqrt(self.word_weight)),
            np.float32(np.sqrt(1 - self.word_weight)),
        )
        combined = pattern._replace(data=(unit * weight).astype(np.float32))
        return combined, word_part
