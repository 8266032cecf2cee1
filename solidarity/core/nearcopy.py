"""Find near-copies of a text: shingles of its folded form and how much two sets share (no Django).

Two apps ask "is this the same text with small edits?": the relay clusters floods of short
messages (character 3-grams, so a changed letter or an emoji does not hide a copy; MinHash in
`relay/dedup.py` makes the comparison cheap across a database) and the monitor counts a
syndicated reprint of a long article once (word 4-grams, and the overlap coefficient, because a
reprint is often cut or extended). Both cut and compare shingles here; only the sizes differ.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Set

from solidarity.core.text import fold_for_search

_NOISE = re.compile(r"[\W_\d]+", re.UNICODE)
_WORD = re.compile(r"\w+")


def letters_only(key: str) -> str:
    """Reduce a folded key to letters and single spaces: punctuation, digits and emoji go."""
    return " ".join(_NOISE.sub(" ", key).split())


def char_shingles(key: str, size: int = 3) -> frozenset[bytes]:
    """Return the character n-grams of a folded key's letters (the whole key when shorter than n)."""
    text = letters_only(key)
    if len(text) <= size:
        return frozenset({text.encode()})
    return frozenset(text[i : i + size].encode() for i in range(len(text) - size + 1))


def words(text: str) -> list[str]:
    """Return the words of a text's search key (letter variants, digits, case and invisibles folded)."""
    return _WORD.findall(fold_for_search(text))


def word_shingles(text: str, size: int = 4) -> frozenset[int]:
    """Return the word n-grams of a text, hashed to 32 bits (an article has thousands)."""
    found = words(text)
    grams = (" ".join(found[i : i + size]) for i in range(max(1, len(found) - size + 1)))
    return frozenset(zlib.crc32(gram.encode()) for gram in grams)


def jaccard(a: Set[object], b: Set[object]) -> float:
    """Return |a ∩ b| / |a ∪ b| (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def overlap(a: Set[object], b: Set[object]) -> float:
    """Return |a ∩ b| / min(|a|, |b|): 1 when one set lies inside the other (0 when one is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
