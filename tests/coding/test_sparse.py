"""The numpy-only CSR products equal scipy's, so a few titles score as a batch does."""

import numpy as np
import pytest
import scipy.sparse as sp

from careerset.coding.sparse import (
    as_scipy,
    dense_product,
    dense_rows,
    from_entries,
    from_scipy,
    transpose,
)


def random_csr(rows: int, columns: int, density: float, seed: int) -> sp.csr_matrix:
    generator = np.random.default_rng(seed)
    dense = generator.random((rows, columns)).astype(np.float32)
    return sp.csr_matrix(np.where(dense < density, dense, 0.0).astype(np.float32))


@pytest.mark.parametrize(
    ("shape_left", "shape_right", "density"),
    [
        ((1, 30), (30, 12), 0.3),
        ((7, 50), (50, 40), 0.1),
        ((5, 8), (8, 3), 0.0),
        ((0, 4), (4, 6), 0.5),
    ],
)
def test_dense_product_equals_scipy(
    shape_left: tuple[int, int], shape_right: tuple[int, int], density: float
) -> None:
    left = random_csr(*shape_left, density, seed=1)
    right = random_csr(*shape_right, density, seed=2)
    product = dense_product(from_scipy(left), from_scipy(right))
    assert product.dtype == np.float32
    assert np.allclose(product, (left @ right).toarray(), atol=1e-6)


def test_dense_rows_and_transpose_equal_scipy() -> None:
    matrix = random_csr(9, 13, 0.4, seed=3)
    rows = [4, 0, 4, 8]
    assert np.array_equal(dense_rows(from_scipy(matrix), rows), matrix[rows].toarray())
    flipped = transpose(from_scipy(matrix))
    assert flipped.shape == (13, 9)
    assert np.array_equal(as_scipy(flipped).toarray(), matrix.T.toarray())
    for row in range(flipped.shape[0]):  # canonical: columns ascend within each row
        columns = flipped.indices[flipped.indptr[row] : flipped.indptr[row + 1]]
        assert list(columns) == sorted(columns)


def test_from_entries_counts_repeats_in_canonical_order() -> None:
    rows = np.array([1, 0, 1, 1, 2, 0])
    columns = np.array([3, 2, 0, 3, 1, 2])
    pattern, repeats = from_entries(rows, columns, (4, 5))
    assert pattern.indptr.tolist() == [0, 1, 3, 4, 4]
    assert pattern.indices.tolist() == [2, 0, 3, 1]
    assert repeats.tolist() == [2, 1, 2, 1]
