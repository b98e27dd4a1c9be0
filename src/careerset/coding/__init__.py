"""Free-text job title (+ optional description) -> ranked occupation codes with confidences.

Entry points: `code_title`, `code_titles`, `load_coder` and `build_index_for_pack`.
"""

from careerset.coding.matcher import Match
from careerset.coding.service import (
    Coder,
    build_index_for_pack,
    code_title,
    code_titles,
    load_coder,
)

__all__ = ["Coder", "Match", "build_index_for_pack", "code_title", "code_titles", "load_coder"]
