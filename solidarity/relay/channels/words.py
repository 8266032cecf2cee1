"""The signing key's fingerprint as Persian words, to compare by ear or eye on every channel.

A hex fingerprint cannot be read out on the radio; ten common Persian words can. The words are the
first ten bytes of SHA-256(raw Ed25519 public key), each byte naming one word of a fixed public
list of 256 (`relay/data/fingerprint-words-fa.txt`: concrete, common words — nature, fruit,
animals, household things, instruments — none a homograph of a common function word, none a
prefix of another that could merge by ear). Ten words are 80 bits: forging a key whose words match
costs about 2^80 key generations. The list and the rule are in docs/relay.md, so anyone can
rebuild the words from the public key without our code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import resources

WORD_COUNT = 10


@cache
def word_list() -> tuple[str, ...]:
    text = resources.files("solidarity.relay").joinpath("data/fingerprint-words-fa.txt").read_text(encoding="utf-8")
    words = tuple(line.strip() for line in text.splitlines() if line.strip())
    if len(words) != 256 or len(set(words)) != 256:  # pragma: no cover - guarded by a test
        raise ValueError("the fingerprint word list must hold 256 distinct words")
    return words


def fingerprint_words(public_key: bytes) -> tuple[str, ...]:
    """The ten words of a raw 32-byte public key."""
    digest = hashlib.sha256(public_key).digest()
    words = word_list()
    return tuple(words[byte] for byte in digest[:WORD_COUNT])


def words_from_hex_fingerprint(fingerprint: str) -> tuple[str, ...]:
    """The words of a fingerprint already shown as hex (SHA-256 of the key, spaces allowed)."""
    digest = bytes.fromhex("".join(fingerprint.split()))
    words = word_list()
    return tuple(words[byte] for byte in digest[:WORD_COUNT])


def spoken(words: Sequence[str]) -> str:
    """The words as a sentence to read aloud: separated by a Persian comma, so speech pauses."""
    return "، ".join(words)


CAPTIONS = {
    "fa": "واژه‌های کلید امضای ائتلاف (با آنچه در رادیو و دیگر کانال‌ها می‌شنوید مقایسه کنید)",
    "en": "The coalition's signing key, as Persian words (compare them with what other channels say)",
}


def caption(words: Sequence[str], language: str) -> str:
    """One line for a feed or a page: the caption and the words."""
    if not words:
        return ""
    return f"{CAPTIONS['fa' if language == 'fa' else 'en']}: {' '.join(words)}"
