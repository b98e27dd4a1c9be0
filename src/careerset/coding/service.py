"""The coder's public entry points: find or build the index for the reference in use,
keep it in memory, and code titles with it (plus codes a person has confirmed).
"""

import contextlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from careerset.coding.index import CoderIndex, build_index, load_index, save_index
from careerset.coding.matcher import (
    DEFAULT_WEIGHTS,
    Match,
    ScoringWeights,
    match_titles,
    prepare_index,
)
from careerset.coding.normalise import normalise_title
from careerset.coding.records import CodingSource
from careerset.errors import UserError
from careerset.next_action import NextAction
from careerset.paths import reference_dir

if TYPE_CHECKING:
    from careerset.reference.query import ReferencePack

SCHEMES = ("onet", "esco")

# The O*NET index of the embedded default, prebuilt by scripts/build_coder_data.py.
PACKAGED_INDEX = Path(__file__).parent / "data" / "coder-index-onet.npz"

_loaded: dict[tuple[str, str], CoderIndex] = {}


class Coder:
    """An index plus the confirmed (title, code) pairs of one store."""

    def __init__(
        self,
        index: CoderIndex,
        confirmed: Iterable[tuple[str, str]] = (),
        weights: ScoringWeights = DEFAULT_WEIGHTS,
    ) -> None:
        self.index = index
        self.weights = weights
        column = {code: position for position, code in enumerate(index.codes)}
        self.confirmed: dict[str, list[int]] = {}
        for title, code in confirmed:
            text = normalise_title(title)
            if text and code in column and column[code] not in self.confirmed.get(text, []):
                self.confirmed.setdefault(text, []).append(column[code])

    def code(self, title: str, description: str | None = None, top: int = 5) -> list[Match]:
        """Ranked occupations for one title; [] when the title says nothing usable."""
        descriptions = None if description is None else [description]
        return self.code_many([title], descriptions, top)[0]

    def code_many(
        self,
        titles: Sequence[str],
        descriptions: Sequence[str | None] | None = None,
        top: int = 5,
    ) -> list[list[Match]]:
        """Ranked occupations for many titles at once (vectorised; use this for files)."""
        return match_titles(
            self.index, titles, descriptions, top, self.weights, self.confirmed or None
        )


def index_path(scheme: str, build_id: str, folder: Path | None = None) -> Path:
    """Where the index for one pack build lives: beside the pack, keyed by its build id."""
    safe = "".join(character for character in build_id if character.isalnum()) or "unknown"
    return (folder or reference_dir()) / f"coder-index-{scheme}-{safe}.npz"


def build_index_for_pack(pack: Path | None = None, schemes: Sequence[str] = SCHEMES) -> list[Path]:
    """Build and save the coder indexes for the pack at `pack` (default: the installed one).

    Schemes the pack has no data for are skipped; stale indexes of older builds are removed.
    """
    from careerset.reference.query import open_reference

    written: list[Path] = []
    reference = open_reference(pack)
    try:
        for scheme in schemes:
            if scheme == "esco" and not reference.has("esco"):
                continue
            source = _source_for(reference, scheme)
            folder = reference.path.parent if reference.path else reference_dir()
            target = index_path(scheme, source.version, folder)
            save_prepared(build_index(source, source.version), target)
            for stale in folder.glob(f"coder-index-{scheme}-*.npz"):
                if stale != target:
                    stale.unlink(missing_ok=True)
            written.append(target)
    finally:
        reference.close()
    return written


def save_prepared(index: CoderIndex, path: Path) -> None:
    """Save `index` with the matrices a first title needs (see `prepare_index`)."""
    prepare_index(index)
    save_index(index, path)


def _source_for(reference: "ReferencePack", scheme: str) -> CodingSource:
    from careerset.coding.pack_source import esco_source, onet_source

    return esco_source(reference) if scheme == "esco" else onet_source(reference)


def load_coder_index(
    scheme: str = "onet", on_build: Callable[[str], None] | None = None
) -> CoderIndex:
    """The index for the reference in use, from memory, from disk, or built now.

    `on_build` hears one sentence before a build starts, which takes about a minute on a full
    pack, so a command can tell its user why it is quiet.
    """
    if scheme not in SCHEMES:
        raise UserError(f"Unknown scheme {scheme!r}; use one of: {', '.join(SCHEMES)}.")
    from careerset.reference.connection import pack_path

    if scheme == "onet" and not pack_path().is_file():
        # No pack installed: the embedded default's index ships prebuilt with careerset.
        key = (scheme, "embedded")
        if key not in _loaded:
            packaged = _read_or_none(PACKAGED_INDEX)
            if packaged is not None:
                _loaded[key] = packaged
        if key in _loaded:
            return _loaded[key]
    from careerset.reference.query import open_reference

    reference = open_reference()
    try:
        if scheme == "esco" and not reference.has("esco"):
            raise UserError(
                "Coding to ESCO needs ESCO in the reference pack; install the reference data.",
                NextAction("install_data"),
            )
        build_id = reference.status().build_id or reference.kind
        key = (scheme, build_id)
        if key in _loaded:
            return _loaded[key]
        folder = reference.path.parent if reference.path else reference_dir()
        path = index_path(scheme, build_id, folder)
        index = _read_or_none(path)
        if index is None:
            if on_build is not None:
                on_build(
                    f"Building the {scheme} title index for this reference data once; this can take a minute."
                )
            source = _source_for(reference, scheme)
            index = build_index(source, build_id)
            # A read-only data folder only costs a rebuild next time.
            with contextlib.suppress(OSError):
                save_prepared(index, path)
    finally:
        reference.close()
    _loaded[key] = index
    return index


def _read_or_none(path: Path) -> CoderIndex | None:
    if not path.is_file():
        return None
    try:
        return load_index(path)
    except (ValueError, OSError, KeyError):
        return None


def load_coder(
    scheme: str = "onet",
    confirmed: Iterable[tuple[str, str]] = (),
    on_build: Callable[[str], None] | None = None,
) -> Coder:
    """A `Coder` over the reference in use, aware of a store's confirmed (title, code) pairs."""
    return Coder(load_coder_index(scheme, on_build), confirmed)


def code_title(
    title: str,
    description: str | None = None,
    top: int = 5,
    scheme: str = "onet",
    confirmed: Iterable[tuple[str, str]] = (),
) -> list[Match]:
    """Ranked occupations for a free-text job title, with confidences in [0, 1]."""
    return load_coder(scheme, confirmed).code(title, description, top)


def code_titles(
    titles: Sequence[str],
    descriptions: Sequence[str | None] | None = None,
    top: int = 5,
    scheme: str = "onet",
    confirmed: Iterable[tuple[str, str]] = (),
) -> list[list[Match]]:
    """`code_title` for many titles at once; much faster per title."""
    return load_coder(scheme, confirmed).code_many(titles, descriptions, top)
