"""Ranking and confidences on a small real index, and hostile input that must not fail."""

from pathlib import Path

import numpy as np
import pytest

from careerset.coding.index import CoderIndex, load_index, save_index
from careerset.coding.matcher import match_titles, rank_scores, score_normalised
from careerset.coding.service import Coder

HOSTILE = [
    "",
    "   ",
    "x" * 10_000,
    "nurse " * 2_000,
    "\U0001f680\U0001f525\U0001f4bc",
    "\u0431\u0443\u0445\u0433\u0430\u043b\u0442\u0435\u0440",
    "\u30a8\u30f3\u30b8\u30cb\u30a2",
    "qzxv kjwp vbbq",
    "!!!???###",
    "\x00\x01\x02",
]


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Senior Software Engineer", "15-1252.00"),
        ("RN - ICU nights", "29-1141.00"),
        ("LPN", "29-2061.00"),
        ("waitress", "35-3031.00"),
        ("Electrician apprentice", "47-2111.00"),
        ("CDL truck driver (OTR)", "53-3032.00"),
        ("Bookkeepers", "43-3031.00"),
        ("Front-end web developer", "15-1254.00"),
    ],
)
def test_small_index_ranks_the_right_occupation_first(
    small_index: CoderIndex, title: str, code: str
) -> None:
    matches = match_titles(small_index, [title], top=3)[0]
    assert matches[0].code == code


def test_scores_are_descending_confidences(small_index: CoderIndex) -> None:
    matches = match_titles(small_index, ["staff nurse"], top=8)[0]
    scores = [match.score for match in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= score <= 1.0 for score in scores)
    assert sum(scores) <= 1.0 + 1e-5


def test_top_limits_the_number_of_matches(small_index: CoderIndex) -> None:
    assert len(match_titles(small_index, ["nurse"], top=2)[0]) == 2
    assert match_titles(small_index, ["software developer"], top=0)[0] == []


def test_batch_equals_one_by_one(small_index: CoderIndex) -> None:
    titles = ["Bookkeeper", "truck driver", "Bookkeeper", "server"]
    batch = match_titles(small_index, titles, top=2)
    single = [match_titles(small_index, [title], top=2)[0] for title in titles]
    assert [[m.code for m in row] for row in batch] == [[m.code for m in row] for row in single]


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_input_gives_no_or_weak_matches(small_index: CoderIndex, title: str) -> None:
    matches = match_titles(small_index, [title], top=5)[0]
    assert matches == [] or matches[0].score < 0.9 or "nurse" in title or "x" in title


def test_confirmed_codes_win(small_index: CoderIndex) -> None:
    coder = Coder(small_index, confirmed=[("Night Auditor", "43-3031.00")])
    assert coder.code("night auditor")[0].code == "43-3031.00"


def test_description_is_extra_evidence(small_index: CoderIndex) -> None:
    coder = Coder(small_index)
    assert coder.code("driver", description="I drive trucks over long distances")[0].code == (
        "53-3032.00"
    )


def test_a_few_titles_score_as_in_a_batch(small_index: CoderIndex) -> None:
    """A few titles take the numpy-only path; inside a larger batch, the same titles take
    scipy's. Both must give the same scores."""
    from careerset.coding.matcher import FEW_TITLES

    few = ["staff nurse", "semi driver", "web programmer", "ledger clerk", "wireman", "qzx"]
    filler = [f"night {noun} {number}" for number in range(FEW_TITLES) for noun in ("cook",)]
    alone = score_normalised(small_index, few)
    batch = score_normalised(small_index, few + filler)[: len(few)]
    assert np.array_equal(np.isinf(alone), np.isinf(batch))
    finite = np.isfinite(batch)
    assert np.allclose(alone[finite], batch[finite], atol=1e-5)


def test_saved_index_keeps_the_derived_matrices(small_index: CoderIndex, tmp_path: Path) -> None:
    from careerset.coding.likelihood import DESCRIPTION_SHARE, SMOOTHING
    from careerset.coding.matcher import DEFAULT_WEIGHTS, prepare_index

    path = tmp_path / "coder-index-onet-small.npz"
    prepare_index(small_index)
    save_index(small_index, path)
    loaded = load_index(path)
    assert ("linear", DEFAULT_WEIGHTS.classifier, DEFAULT_WEIGHTS.description) in loaded.derived
    assert ("transposed", "records") in loaded.derived
    assert ("lift", SMOOTHING, DESCRIPTION_SHARE) in loaded.derived
    texts = ["staff nurse", "semi driver"]
    assert np.allclose(score_normalised(loaded, texts), score_normalised(small_index, texts))


def test_saved_index_loads_identically(small_index: CoderIndex, tmp_path: Path) -> None:
    path = tmp_path / "coder-index-onet-small.npz"
    save_index(small_index, path)
    loaded = load_index(path)
    assert loaded.codes == small_index.codes
    assert loaded.exact_keys == small_index.exact_keys
    before = match_titles(small_index, ["semi driver", "web programmer"], top=3)
    after = match_titles(loaded, ["semi driver", "web programmer"], top=3)
    for row_before, row_after in zip(before, after, strict=True):
        assert [m.code for m in row_before] == [m.code for m in row_after]
        assert np.allclose([m.score for m in row_before], [m.score for m in row_after])


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("title", "prefix", "depth"),
    [
        ("Sr. Software Engineer II", "15-125", 1),
        ("RN - Med/Surg, nights", "29-1141", 1),
        ("Kindergarten teacher", "25-2012", 1),
        ("Dental hygienist", "29-1292", 1),
        ("Line cook", "35-201", 1),
        ("Staff accountant", "13-2011", 1),
        ("Cashier", "41-2011", 1),
        # Generic production titles compete with "Production Workers, All Other".
        ("Forklift driver (2nd shift)", "53-7051", 3),
    ],
)
def test_full_index_codes_common_titles(
    full_index: CoderIndex, title: str, prefix: str, depth: int
) -> None:
    codes = [match.code for match in match_titles(full_index, [title], top=depth)[0]]
    assert any(code.startswith(prefix) for code in codes), codes


@pytest.mark.shared_data
@pytest.mark.parametrize("title", HOSTILE[:2] + HOSTILE[4:7])
def test_full_index_gives_nothing_for_titles_without_words(
    full_index: CoderIndex, title: str
) -> None:
    assert match_titles(full_index, [title])[0] == []


def test_words_of_the_official_title_are_evidence(small_index: CoderIndex) -> None:
    """Words of an official title raise that occupation's score by their share of the title's
    idf mass; a title sharing no word with any official title is scored as before."""
    from dataclasses import replace

    from careerset.coding.matcher import DEFAULT_WEIGHTS, score_normalised

    without = replace(DEFAULT_WEIGHTS, title_words=0.0)
    column = small_index.codes.index("43-3031.00")
    # Both words are in "Bookkeeping, Accounting, and Auditing Clerks"; "ledger" is not.
    texts = ["auditing clerk", "ledger auditing", "semi"]
    gain = score_normalised(small_index, texts) - score_normalised(
        small_index, texts, weights=without
    )
    assert gain[0, column] == pytest.approx(DEFAULT_WEIGHTS.title_words, rel=1e-4)
    assert 0.0 < gain[1, column] < gain[0, column]
    assert np.allclose(gain[2], 0.0)


def test_ranking_keeps_the_softmax_of_every_occupation(small_index: CoderIndex) -> None:
    """The top-k ranking equals a plain softmax over all occupations, and its calibration
    features are the best group's mass and its lead over the next group."""
    texts = ["staff nurse", "truck driver", "web programmer"]
    scores = score_normalised(small_index, texts)
    ranking = rank_scores(small_index, scores, 0.1, 3)
    full = np.exp((scores - scores.max(axis=1, keepdims=True)) / 0.1)
    full /= full.sum(axis=1, keepdims=True)
    order = np.argsort(-full, axis=1, kind="stable")
    width = ranking.candidates.shape[1]
    assert np.array_equal(ranking.candidates[:, 0], order[:, 0])
    assert np.allclose(ranking.probabilities, np.take_along_axis(full, ranking.candidates, 1))
    groups = small_index.soc_groups()
    for row in range(len(texts)):
        best = ranking.candidates[row, 0]
        same = groups == groups[best]
        mass = np.clip(full[row, same].sum(dtype=np.float64), 1e-6, 1 - 1e-6)
        # Compared as a probability: near 1 the log-odds magnify float32 rounding.
        assert np.isclose(1.0 / (1.0 + np.exp(-ranking.features[row, 0])), mass, atol=1e-5)
        gap = scores[row, best] - scores[row, ~same].max()
        assert np.isclose(ranking.features[row, 1], min(gap, 5.0), atol=1e-5)
    assert width == small_index.size  # fewer occupations than candidates: all of them


def test_the_other_codes_follow_the_best_at_the_spread_temperature(small_index: CoderIndex) -> None:
    from careerset.coding.matcher import calibrated, top_matches

    texts = ["staff nurse", "web programmer", "qzx"]
    scores = score_normalised(small_index, texts)
    ranking = rank_scores(small_index, scores, 0.1, 3, spread=0.5)
    for row in range(2):
        picked = scores[row, ranking.candidates[row]]
        assert np.allclose(ranking.relative[row], np.exp((picked - picked[0]) / 0.5), atol=1e-6)
    assert not ranking.relative[2].any()  # no evidence: nothing to follow
    matches = top_matches(small_index, ranking, 3)
    confidence = calibrated(ranking.features)
    for row in range(2):
        shown = [match.score for match in matches[row]]
        assert shown[0] == confidence[row] and shown == sorted(shown, reverse=True)
        assert np.isclose(shown[1], confidence[row] * ranking.relative[row, 1])
    assert matches[2] == []


def test_split_matrix_product_equals_the_sparse_product() -> None:
    import scipy.sparse as sp

    from careerset.coding.matcher import split_dense_rows

    generator = np.random.default_rng(7)
    # Rows from empty to full, so both parts of the split have work.
    rows = [generator.choice(40, size=size, replace=False) for size in range(0, 40, 3)]
    matrix = sp.csr_matrix(
        (
            generator.random(sum(map(len, rows))).astype(np.float32),
            np.concatenate(rows),
            np.cumsum([0, *map(len, rows)]),
        ),
        shape=(len(rows), 40),
    )
    dense_left = generator.random((9, len(rows))).astype(np.float32)
    left = sp.csr_matrix(np.where(dense_left < 0.6, 0.0, dense_left).astype(np.float32))
    split = split_dense_rows(matrix, threshold=10)
    assert 0 < split.dense.shape[0] < len(rows)
    assert np.allclose(split.product(left), (left @ matrix).toarray(), atol=1e-6)


def test_batches_coded_side_by_side_equal_one_batch_at_a_time(
    small_index: CoderIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerset.coding import matcher

    words = ["staff", "senior", "night", "truck", "web", "head", "line", "store", "field", "lead"]
    nouns = ["nurse", "driver", "developer", "cook", "server", "clerk", "electrician", "teacher"]
    titles = [f"{a} {b} {noun}" for a in words for b in words for noun in nouns]
    one_at_a_time = [
        match_titles(small_index, titles[start : start + 100])
        for start in range(0, len(titles), 100)
    ]
    monkeypatch.setattr(matcher, "_workers", lambda count: 3)
    side_by_side = match_titles(small_index, titles)
    expected = [row for part in one_at_a_time for row in part]
    assert [[m.code for m in row] for row in side_by_side] == [
        [m.code for m in row] for row in expected
    ]
    scores = [m.score for row in side_by_side for m in row]
    assert np.allclose(scores, [m.score for row in expected for m in row], atol=1e-6)


def test_coding_a_batch_runs_no_garbage_collection(small_index: CoderIndex) -> None:
    import gc

    titles = [f"night {noun} {number}" for number in range(600) for noun in ("cook", "nurse")]
    collections: list[str] = []

    def record(phase: str, info: dict[str, int]) -> None:
        collections.append(phase)

    gc.callbacks.append(record)
    try:
        assert gc.isenabled()
        match_titles(small_index, titles)
        assert gc.isenabled()  # the collector runs again afterwards
    finally:
        gc.callbacks.remove(record)
    assert collections == []
    gc.disable()
    try:
        match_titles(small_index, titles[:10])
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
