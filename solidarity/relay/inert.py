"""Make outgoing text inert before it leaves for the country (no Django).

Everything the relay transmits (wall, feeds, bulletin, bundle) goes through `make_inert`: links
(also defanged or spelled out: "name[.]tld", "name dot tld", "name دات کام", "hxxp://"),
handles, phone numbers and e-mail addresses become an ellipsis, HTML and Markdown syntax goes,
bidirectional controls are stripped (HTML outputs isolate each message in `<bdi>`), and what is
left is checked against a character allowlist, so nothing in the stream can phish or track.
"""

from __future__ import annotations

import re
import unicodedata

from solidarity.core.text import ZWJ, ZWNJ, normalize_for_display
from solidarity.relay import screening

PLACEHOLDER = "\u2026"  # what stands where a link, handle, number or address was
# Punctuation that cannot build a link, a tag or Markdown.
ALLOWED_PUNCTUATION = frozenset(".,;:!?'\"«»،؛؟-–—()…%٪٫٬")
_KEEP_FORMAT = frozenset({ZWNJ, ZWJ})  # Persian spelling and emoji need them
_TAG = re.compile(r"<[^<>]{0,200}>")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]{0,300})\]\([^)]{0,500}\)")
_DANGEROUS_WORDS = re.compile(r"h\W*t\W*t\W*p|w\W*w\W*w|javascript|data\s*:", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]+")


def _allowed(char: str) -> bool:
    if char in ALLOWED_PUNCTUATION or char in _KEEP_FORMAT or char in " \n":
        return True
    category = unicodedata.category(char)
    if category[0] in {"L", "M", "N"}:
        return True
    # Non-ASCII symbols: emoji and their skin-tone modifiers; ASCII ones (<>`^|~$) are syntax.
    return category in {"So", "Sk"} and not char.isascii()


def is_inert(text: str) -> bool:
    """Tell whether every character of a text is on the allowlist and nothing dialable is left."""
    return (
        all(_allowed(char) for char in text)
        and not _DANGEROUS_WORDS.search(text)
        and not screening.DEFANGED_LINK.search(text)
        and not screening.has_phone_number(screening.matching_key(text))
    )


def _replace(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(f" {PLACEHOLDER} ", text)


_PHONE_LIKE = re.compile(r"(?:\+|00)?(?:[\d۰-۹٠-٩][\s\-.()/]{0,3}){7,}")


def _drop_phone(match: re.Match[str]) -> str:
    run = match.group()
    return f" {PLACEHOLDER} " if screening.has_phone_number(screening.matching_key(run)) else run


def make_inert(text: str, *, max_length: int = screening.MAX_LENGTH) -> str:
    """Return plain text safe to transmit: no links, handles, numbers, addresses or markup."""
    # Invisible characters go before anything is matched, so "ht\u200btp" cannot hide a link.
    text = normalize_for_display(text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    for pattern in (screening._EMAIL, screening.DEFANGED_LINK, screening._URL, screening._HANDLE):
        text = _replace(pattern, text)
    text = _PHONE_LIKE.sub(_drop_phone, text)
    text = "".join(ch if _allowed(ch) else " " for ch in text)
    # Removing characters can join pieces again, so repeat until nothing changes.
    for _ in range(10):
        before = text
        text = _replace(_DANGEROUS_WORDS, text)
        text = _replace(screening.DEFANGED_LINK, text)
        text = _replace(screening._URL, text)
        digits = screening.matching_key(text)
        if screening.has_phone_number(digits):
            text = re.sub(r"[\d۰-۹٠-٩]", "", text)
        if text == before:
            break
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    text = "\n".join(line for line in lines if line)
    text = re.sub(f"(?:{PLACEHOLDER}\\s*){{2,}}", PLACEHOLDER + " ", text).strip()
    if len(text) > max_length:
        text = text[: max_length - 1].rstrip() + PLACEHOLDER
    return text
