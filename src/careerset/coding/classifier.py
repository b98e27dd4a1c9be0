"""A linear classifier over title vectors, trained at index build time and stored sparse.

It learns which words and n-grams tell occupations apart, which nearest-title matching
cannot; scikit-learn is imported only here, so coding at run time never loads it.
"""

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]
from numpy.typing import NDArray

from careerset.coding.features import Matrix

# Weights smaller than this share of a class's largest weight are dropped: they barely
# move a score but would make the stored matrix dense.
KEEP_FRACTION = 0.1


def train_classifier(
    vectors: Matrix, membership: Matrix, seed: int = 0, epochs: int = 8
) -> tuple[Matrix, NDArray[np.float32]]:
    """Fit one-vs-rest linear scores for every occupation from its naming texts.

    Each text is a training row for every occupation it belongs to; returns a sparse
    (features x occupations) weight matrix and the per-occupation intercepts.
    """
    from sklearn.linear_model import SGDClassifier  # type: ignore[import-untyped]

    pairs = sp.coo_matrix(membership)
    rows = pairs.row
    labels = pairs.col
    model = SGDClassifier(
        loss="modified_huber",
        alpha=5e-5,
        max_iter=epochs,
        tol=None,
        n_jobs=2,
        random_state=seed,
    )
    model.fit(vectors[rows], labels)
    classes = model.classes_.astype(np.int64)
    occupations = membership.shape[1]
    weights = np.zeros((vectors.shape[1], occupations), dtype=np.float32)
    weights[:, classes] = model.coef_.T
    bias = np.full(occupations, -1.0, dtype=np.float32)
    bias[classes] = model.intercept_
    limit = np.abs(weights).max(axis=0, keepdims=True) * KEEP_FRACTION
    weights[np.abs(weights) < limit] = 0.0
    return sp.csr_matrix(weights), bias
