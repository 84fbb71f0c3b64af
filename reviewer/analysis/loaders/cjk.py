"""Character classes for Chinese text shared by the loaders."""
from __future__ import annotations

WIDE_CHARACTERS = (
    "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"  # CJK blocks, compatibility and full-width forms
    "\u2018\u2019\u201c\u201d\u2026\u2014"  # ‘ ’ “ ” … —
    "\U00020000-\U0003ffff"  # CJK extension planes
)
"""A regex class body: CJK ideographs, radicals, CJK and full-width punctuation, Chinese quotes, …… and ——.

Between two of these, an ASCII space or a line break is layout, not text."""
