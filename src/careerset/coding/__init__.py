"""Free-text job title (+ optional description) -> ranked occupation codes with confidences.

Entry points: `code_title`, `code_titles`, `load_coder` and `build_index_for_pack`.
They load lazily: importing `careerset.coding.validation` (as entry forms do) must not pay for
numpy and scipy.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerset.coding.matcher import Match
    from careerset.coding.service import (
        Coder,
        build_index_for_pack,
        code_title,
        code_titles,
        load_coder,
    )

__all__ = ["Coder", "Match", "build_index_for_pack", "code_title", "code_titles", "load_coder"]


def __getattr__(name: str) -> Any:
    if name == "Match":
        from careerset.coding.matcher import Match

        return Match
    if name in __all__:
        from careerset.coding import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
