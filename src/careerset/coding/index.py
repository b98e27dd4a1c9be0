"""The coder's index: vectors of every known title, per-occupation profiles and a prior,
built once from a `CodingSource` and saved as one `.npz` file that loads in milliseconds.

Its matrices are plain CSR arrays (`sparse.Csr`): loading needs numpy only, not scipy.
"""

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from careerset.coding.crosswalk import adopt_orphans
from careerset.coding.features import FeatureSpace, Vectoriser
from careerset.coding.normalise import normalise_title
from careerset.coding.records import NAMING_SOURCES, CodingSource
from careerset.coding.sparse import Csr, as_scipy, from_scipy

FORMAT_VERSION = 8
# Format 8 added the saved derived matrices; a format-7 file reads the same and derives them
# on first use.
READABLE_FORMATS = (7, 8)

# How much each kind of naming text counts when a title is seen for more than one code.
SOURCE_WEIGHT = {"title": 3.0, "confirmed": 4.0, "reported": 2.0, "bls": 2.0, "alternate": 1.0}


@dataclass
class CoderIndex:
    """Everything `code_titles` needs, as arrays; see `build_index` for the meaning."""

    scheme: str
    build_id: str
    codes: list[str]
    titles: list[str]
    features: FeatureSpace
    records: Csr  # one row per distinct normalised naming text, word features
    membership: Csr  # records x occupations, weight of the text for the occupation
    official: Csr  # records x occupations, 1/n for each of the n codes a BLS title names
    classifier: Csr  # features x occupations, linear weights learnt from the texts
    bias: NDArray[np.float32]  # per occupation, the classifier's intercept
    descriptions: Csr  # occupations x word features, tasks and descriptions
    prior: NDArray[np.float32]  # log employment share, centred
    exact_keys: dict[str, int]  # normalised text -> row of `records`
    # Occupations x dims: mean static embedding of the naming texts and of the tasks (or zeros).
    title_vectors: NDArray[np.float32] = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    task_vectors: NDArray[np.float32] = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    # Matrices the matcher derives once per set of weights (merged, transposed); see matcher.
    # Those that are `Csr` or arrays are saved with the index, so a command skips deriving them.
    derived: dict[tuple[object, ...], Any] = field(default_factory=dict, repr=False, compare=False)
    _soc_groups: NDArray[np.int64] | None = field(default=None, repr=False, compare=False)
    _same_group: Csr | None = field(default=None, repr=False, compare=False)

    @property
    def size(self) -> int:
        return len(self.codes)

    def soc_groups(self) -> NDArray[np.int64]:
        """For each occupation, the number of its 6-digit SOC group (first 7 characters)."""
        if self._soc_groups is None:
            numbers: dict[str, int] = {}
            self._soc_groups = np.asarray(
                [numbers.setdefault(code[:7], len(numbers)) for code in self.codes], dtype=np.int64
            )
        return self._soc_groups

    def same_group(self) -> Csr:
        """Occupations x occupations: 1 where both share a 6-digit SOC group."""
        if self._same_group is None:
            groups = self.soc_groups()
            # Each occupation's row lists its group's members in column order.
            by_group = np.argsort(groups, kind="stable")
            sizes = np.bincount(groups, minlength=int(groups.max()) + 1 if len(groups) else 0)
            group_start = np.concatenate([[0], np.cumsum(sizes)])
            counts = sizes[groups]
            offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
            indices = by_group[np.repeat(group_start[groups], counts) + offsets]
            self._same_group = Csr(
                np.ones(len(indices), dtype=np.float32),
                indices.astype(np.int32),
                np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
                (len(groups), len(groups)),
            )
        return self._same_group

    def title_words(self) -> Csr:
        """Occupations x word terms: 1 where the official title has the word.

        Derived from `titles` on first use (tens of milliseconds; saved with the index).
        """
        key = ("title words",)
        cached: Csr | None = self.derived.get(key)
        if cached is None:
            lookup = self.features.word.vocabulary.get
            indptr = [0]
            columns: list[int] = []
            for title in self.titles:
                # "Counter and Rental Clerks": every word of the title, not only its phrases.
                words = set(normalise_title(title.replace(",", " ").replace("/", " ")).split())
                columns.extend(sorted(filter(None, map(lookup, words))))
                indptr.append(len(columns))
            cached = self.derived[key] = Csr(
                np.ones(len(columns), dtype=np.float32),
                np.asarray(columns, dtype=np.int32),
                np.asarray(indptr, dtype=np.int64),
                (len(self.titles), self.features.word.size),
            )
        return cached


def _description_text(text: str) -> str:
    """Tasks and descriptions are sentences: normalise each word like a title word."""
    return normalise_title(text.replace(",", " ").replace(";", " "))


def build_index(source: CodingSource, build_id: str = "", semantic: bool = True) -> CoderIndex:
    """Vectorise the naming texts of `source` and aggregate them per occupation.

    `semantic` adds the static-embedding profiles (when the packaged table is present).
    """
    import scipy.sparse as sp  # type: ignore[import-untyped]

    from careerset.coding.classifier import train_classifier

    source = adopt_orphans(source)
    codes = sorted(source.titles)
    position = {code: index for index, code in enumerate(codes)}
    weight_by_text: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    official: dict[str, set[int]] = defaultdict(set)
    described: dict[int, list[str]] = defaultdict(list)
    for record in source.records:
        occupation = position.get(record.code)
        if occupation is None:
            continue
        if record.source in NAMING_SOURCES:
            text = normalise_title(record.text)
            if text:
                weight_by_text[text][occupation] += SOURCE_WEIGHT.get(record.source, 1.0)
                if record.source == "bls":
                    official[text].add(occupation)
        else:
            described[occupation].append(_description_text(record.text))
    described_raw = {key: list(value) for key, value in described.items()}
    for code, title in source.titles.items():
        text = normalise_title(title)
        if text:
            weight_by_text[text][position[code]] += 0.0
    texts = sorted(weight_by_text)
    features = FeatureSpace.fit(texts)
    combined, records = features.transform_parts(texts)

    rows, columns, weights = [], [], []
    for row, text in enumerate(texts):
        total = sum(weight_by_text[text].values()) or 1.0
        for occupation, weight in weight_by_text[text].items():
            rows.append(row)
            columns.append(occupation)
            weights.append(max(weight, 0.5) / max(total, 0.5))
    membership = sp.csr_matrix(
        (np.asarray(weights, dtype=np.float32), (rows, columns)),
        shape=(len(texts), len(codes)),
    )
    classifier, bias = train_classifier(as_scipy(combined), membership)
    official_rows = [row for row, text in enumerate(texts) for _ in official.get(text, ())]
    official_columns = [column for text in texts for column in sorted(official.get(text, ()))]
    official_weights = [1.0 / len(official[text]) for text in texts for _ in official.get(text, ())]

    description_vectoriser = features.word
    description_rows = [" ".join(described.get(index, [])) for index in range(len(codes))]
    descriptions = description_vectoriser.transform(description_rows)

    prior = _log_prior(codes, source.employment)
    index = CoderIndex(
        scheme=source.scheme,
        build_id=build_id or source.version,
        codes=codes,
        titles=[source.titles[code] for code in codes],
        features=features,
        records=records,
        membership=from_scipy(membership),
        official=from_scipy(
            sp.csr_matrix(
                (np.asarray(official_weights, dtype=np.float32), (official_rows, official_columns)),
                shape=(len(texts), len(codes)),
            )
        ),
        classifier=from_scipy(classifier),
        bias=bias,
        descriptions=from_scipy(descriptions),
        prior=prior,
        exact_keys={text: row for row, text in enumerate(texts)},
    )
    if semantic:
        _add_semantic(index, texts, membership, described_raw)
    return index


def _add_semantic(
    index: CoderIndex, texts: list[str], membership: Any, described: dict[int, list[str]]
) -> None:
    """Mean static embeddings of each occupation's naming texts and of its task statements."""
    from careerset.coding.semantic import unit_rows, word_vectors

    table = word_vectors()
    if table is None:
        return
    weights = table.row_weights(index.features.word.vocabulary, index.features.word.idf)
    embedded = table.embed(texts, weights)
    # Rounded as they are stored (float16), so a loaded index scores exactly as a built one.
    index.title_vectors = _as_stored(unit_rows(np.asarray(membership.T @ embedded, np.float32)))
    owners = [row for row in range(index.size) for _ in described.get(row, [])]
    sentences = [text for row in range(index.size) for text in described.get(row, [])]
    tasks = np.zeros((index.size, table.dimensions), dtype=np.float32)
    if sentences:
        np.add.at(tasks, np.asarray(owners), table.embed(sentences, weights))
    index.task_vectors = _as_stored(unit_rows(tasks))


def _as_stored(vectors: NDArray[np.float32]) -> NDArray[np.float32]:
    return vectors.astype(np.float16).astype(np.float32)


def _log_prior(codes: list[str], employment: dict[str, float]) -> NDArray[np.float32]:
    """Centred log employment; unknown codes sit at the median, so no prior hurts them."""
    if not employment:
        return np.zeros(len(codes), dtype=np.float32)
    known = [math.log1p(employment[code]) for code in codes if employment.get(code)]
    median = float(np.median(known)) if known else 0.0
    values = [math.log1p(employment[code]) if employment.get(code) else median for code in codes]
    array = np.asarray(values, dtype=np.float32) - np.float32(median)
    return array


def _pack_strings(strings: list[str]) -> NDArray[np.uint8]:
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _unpack_strings(array: NDArray[np.uint8]) -> list[str]:
    text = array.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def _sparse_arrays(name: str, matrix: Csr) -> dict[str, NDArray[np.generic]]:
    return {
        f"{name}_data": matrix.data,
        f"{name}_indices": matrix.indices,
        f"{name}_indptr": matrix.indptr,
        f"{name}_shape": np.asarray(matrix.shape, dtype=np.int64),
    }


def _sparse_from(arrays: dict[str, NDArray[np.generic]], name: str) -> Csr:
    rows, columns = (int(value) for value in arrays[f"{name}_shape"])
    return Csr(
        arrays[f"{name}_data"], arrays[f"{name}_indices"], arrays[f"{name}_indptr"], (rows, columns)
    )


def _derived_arrays(index: CoderIndex) -> tuple[list[list[object]], dict[str, NDArray[Any]]]:
    """The derived matrices worth saving (`Csr` or arrays, under keys of strings and numbers),
    as their keys and the arrays that hold them."""
    keys: list[list[object]] = []
    arrays: dict[str, NDArray[Any]] = {}
    for key, value in index.derived.items():
        if not all(isinstance(part, str | int | float) for part in key):
            continue
        name = f"derived{len(keys)}"
        if isinstance(value, Csr):
            arrays.update(_sparse_arrays(name, value))
        elif isinstance(value, np.ndarray):
            arrays[name] = value
        else:
            continue
        keys.append(list(key))
    return keys, arrays


def _derived_from(arrays: dict[str, NDArray[Any]], keys: list[list[object]]) -> dict[Any, Any]:
    derived: dict[tuple[object, ...], Any] = {}
    for number, key in enumerate(keys):
        name = f"derived{number}"
        derived[tuple(key)] = arrays[name] if name in arrays else _sparse_from(arrays, name)
    return derived


def save_index(index: CoderIndex, path: Path) -> None:
    """Write `index` to `path` atomically (a reader never sees half a file)."""
    derived_keys, derived_arrays = _derived_arrays(index)
    meta = {
        "format": FORMAT_VERSION,
        "scheme": index.scheme,
        "build_id": index.build_id,
        "word_weight": index.features.word_weight,
        "derived": derived_keys,
    }
    exact_texts = sorted(index.exact_keys, key=index.exact_keys.__getitem__)
    arrays: dict[str, NDArray[np.generic]] = {
        "meta": _pack_strings([json.dumps(meta)]),
        "codes": _pack_strings(index.codes),
        "titles": _pack_strings(index.titles),
        "word_terms": _pack_strings(
            sorted(index.features.word.vocabulary, key=index.features.word.vocabulary.__getitem__)
        ),
        "char_terms": _pack_strings(
            sorted(index.features.char.vocabulary, key=index.features.char.vocabulary.__getitem__)
        ),
        "word_idf": index.features.word.idf,
        "char_idf": index.features.char.idf,
        "prior": index.prior,
        "exact_texts": _pack_strings(exact_texts),
    }
    arrays["bias"] = index.bias
    arrays["title_vectors"] = index.title_vectors.astype(np.float16)
    arrays["task_vectors"] = index.task_vectors.astype(np.float16)
    for name in ("records", "membership", "official", "classifier", "descriptions"):
        arrays.update(_sparse_arrays(name, getattr(index, name)))
    arrays.update(derived_arrays)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial.npz")
    # Uncompressed: twice the bytes on disk, but a command's first title skips inflating them.
    np.savez(partial, **arrays)  # type: ignore[arg-type]
    partial.replace(path)


def load_index(path: Path) -> CoderIndex:
    """Read an index written by `save_index`; raises ValueError for another format."""
    with np.load(path, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    meta = json.loads(_unpack_strings(arrays["meta"])[0])
    if meta.get("format") not in READABLE_FORMATS:
        raise ValueError(f"coder index {path} has format {meta.get('format')}")

    def vocabulary(name: str) -> dict[str, int]:
        terms = _unpack_strings(arrays[name])
        return dict(zip(terms, range(len(terms)), strict=True))

    features = FeatureSpace(
        Vectoriser("word", vocabulary("word_terms"), arrays["word_idf"]),
        Vectoriser("char", vocabulary("char_terms"), arrays["char_idf"]),
        float(meta["word_weight"]),
    )
    exact_texts = _unpack_strings(arrays["exact_texts"])
    index = CoderIndex(
        scheme=str(meta["scheme"]),
        build_id=str(meta["build_id"]),
        codes=_unpack_strings(arrays["codes"]),
        titles=_unpack_strings(arrays["titles"]),
        features=features,
        records=_sparse_from(arrays, "records"),
        membership=_sparse_from(arrays, "membership"),
        official=_sparse_from(arrays, "official"),
        classifier=_sparse_from(arrays, "classifier"),
        bias=arrays["bias"],
        descriptions=_sparse_from(arrays, "descriptions"),
        prior=arrays["prior"],
        exact_keys=dict(zip(exact_texts, range(len(exact_texts)), strict=True)),
        title_vectors=arrays["title_vectors"].astype(np.float32),
        task_vectors=arrays["task_vectors"].astype(np.float32),
    )
    index.derived.update(_derived_from(arrays, meta.get("derived", [])))
    return index
