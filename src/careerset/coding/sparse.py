"""Sparse matrices as plain CSR arrays, and the few products the coder needs, in numpy alone.

The coder's index is held in this form so that loading it and coding a handful of titles
(`add job`, an import of a few jobs) never imports scipy, which costs a command a fifth of a
second before any work starts. Large batches hand the same arrays to scipy (`as_scipy`).
"""

from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray


class Csr(NamedTuple):
    """A compressed sparse row matrix: row `i` holds `data[indptr[i]:indptr[i + 1]]` at the
    columns `indices[indptr[i]:indptr[i + 1]]`."""

    data: NDArray[Any]
    indices: NDArray[Any]
    indptr: NDArray[Any]
    shape: tuple[int, int]

    @property
    def nnz(self) -> int:
        return int(self.indptr[-1]) if len(self.indptr) else 0


def from_scipy(matrix: Any) -> Csr:
    """The CSR arrays of a scipy sparse matrix (converted to CSR when it is another format)."""
    csr = matrix.tocsr()
    rows, columns = csr.shape
    return Csr(csr.data, csr.indices, csr.indptr, (int(rows), int(columns)))


def as_scipy(matrix: Csr) -> Any:
    """The same matrix as a scipy `csr_matrix`, sharing its arrays."""
    import scipy.sparse as sp  # type: ignore[import-untyped]

    return sp.csr_matrix((matrix.data, matrix.indices, matrix.indptr), shape=matrix.shape)


def from_entries(
    rows: NDArray[np.int64], columns: NDArray[np.int64], shape: tuple[int, int]
) -> tuple[Csr, NDArray[np.int64]]:
    """A canonical CSR pattern (columns sorted within each row, no repeats) of the given
    entries, and how many times each stored entry was given; the data is left as ones."""
    keys = rows.astype(np.int64) * shape[1] + columns
    unique, counts = np.unique(keys, return_counts=True)
    row_of = unique // shape[1] if shape[1] else unique
    indptr = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(row_of, minlength=shape[0]), out=indptr[1:])
    indices = (unique - row_of * shape[1]).astype(np.int32)
    return Csr(np.ones(len(unique), np.float32), indices, indptr, shape), counts


def row_numbers(matrix: Csr) -> NDArray[np.int64]:
    """The row of every stored entry."""
    return np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))


def dense_product(left: Csr, right: Csr) -> NDArray[np.float32]:
    """`left @ right` as a dense float32 array.

    Each entry of `left` is expanded into the row of `right` it meets, and the products are
    summed into place (in float64, then rounded once). The work grows with those expanded
    entries and the size of the result, so it suits a few rows, not a batch of thousands.
    """
    rows, width = left.shape[0], right.shape[1]
    counts = np.diff(right.indptr)[left.indices]
    total = int(counts.sum())
    ends = np.cumsum(counts)
    # Position in `right` of every expanded entry: its row start plus its place in the row.
    position = np.repeat(right.indptr[left.indices] - (ends - counts), counts) + np.arange(total)
    flat = np.repeat(row_numbers(left) * width, counts) + right.indices[position]
    values = np.repeat(left.data.astype(np.float64), counts) * right.data[position]
    summed = np.bincount(flat, values, minlength=rows * width)
    return summed.reshape(rows, width).astype(np.float32)


def dense_rows(matrix: Csr, rows: NDArray[np.int64] | list[int]) -> NDArray[np.float32]:
    """The given rows of `matrix` as a dense float32 array."""
    selected = np.asarray(rows, dtype=np.int64)
    counts = np.diff(matrix.indptr)[selected]
    ends = np.cumsum(counts)
    position = np.repeat(matrix.indptr[selected] - (ends - counts), counts) + np.arange(
        int(counts.sum())
    )
    result = np.zeros((len(selected), matrix.shape[1]), dtype=np.float32)
    result[np.repeat(np.arange(len(selected)), counts), matrix.indices[position]] = matrix.data[
        position
    ]
    return result


def transpose(matrix: Csr) -> Csr:
    """`matrix.T` in CSR form (columns sorted within each row)."""
    order = np.argsort(matrix.indices, kind="stable")
    rows = row_numbers(matrix)
    indptr = np.zeros(matrix.shape[1] + 1, dtype=np.int64)
    np.cumsum(np.bincount(matrix.indices, minlength=matrix.shape[1]), out=indptr[1:])
    return Csr(
        matrix.data[order],
        rows[order].astype(np.int32),
        indptr,
        (matrix.shape[1], matrix.shape[0]),
    )
