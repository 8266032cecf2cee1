"""persian-text-guard's profanity check, with the passes that cannot find anything skipped (no Django).

`ProfanityFilter.contains_profanity` reads a message four ways (as normalised, with repeated
letters squeezed, with look-alike letters folded, both) and then tries every space-separated chunk
again with its symbols as masks ("f**k", «ج.نده»). On screening's messages that last pass was the
largest single cost of the scan (`python -m bench relay`): it builds a masked copy of every chunk,
letter by letter in Python, and drops it again when the chunk has no symbol inside it, which is
almost always. `Profanity.contains` runs the same steps with the library's own functions, in the
same order, but

- tries the masked chunks only when one regular expression finds a chunk with a symbol between two
  letters or digits (a chunk without one gives no mask, so the library skips it anyway), and
- looks for the "anywhere" entries with one compiled alternation instead of one `str.find` each,
- in a masked chunk, tries the entries that fit anywhere only at the places one regular expression
  finds where some entry's letters (or masks) line up, not every entry at every place,
- looks for a word split in two only where a token is how an entry begins,
- and does not fold look-alikes (a Python loop over every character) in a text that has nothing to
  fold: no filler, no emoji, no character `fold_character` changes, no digit in a chunk with
  letters ("sh1t" folds, "Toronto 2022" does not); then the folded reading is the text itself.

So it answers exactly what `contains_profanity` answers; `tests/relay/test_profanity.py` checks
both on the golden corpus, the evaluation sets and evasions made to hit every pass. The steps are
persian-text-guard 1.5's `_scan.scan`; the test fails if a new version answers differently.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from operator import attrgetter

from persian_text_guard import ProfanityFilter
from persian_text_guard._fold import _DIGIT_LETTERS, _FILLER, _FILLER_CATEGORIES, fold, fold_character, squeeze
from persian_text_guard._normalizer import COMPARISON_STEPS, normalize_with_map, tokenize_with_offsets
from persian_text_guard._scan import (
    _MASK,
    EVASION_NONE,
    ScanState,
    _fits_mask,
    _is_persian_letter,
    _masked_pattern,
    _match_split_halves,
    _match_tokens,
    _Sink,
    _try_find_word,
    try_join_single_letters,
)
from persian_text_guard._source_map import ReadingKind
from persian_text_guard._unicode import WHITE_SPACE_RUN
from persian_text_guard._utf16 import to_view

_TEXT = attrgetter("text")  # a token's text

# What the library's masked-chunk pass counts (`_scan._masked_pattern`): a unit that is a letter or
# a decimal digit trims a chunk's ends and is kept; a combining mark or format character is dropped;
# anything else inside the trimmed chunk is a mask. Surrogates can be either (a pair is read as one
# code point, an enclosed letter is a letter), so they count as both here.
_LETTER_OR_DIGIT = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd"})
_DROPPED = frozenset({"Mn", "Mc", "Me", "Cf"})
_SURROGATES = "\ud800-\udfff"


def _ranges(units: list[int]) -> str:
    """Return a regex character-class body for a sorted list of code units."""
    parts: list[str] = []
    start = previous = -2
    for unit in [*units, -1]:
        if unit == previous + 1:
            previous = unit
            continue
        if start >= 0:
            parts.append(re.escape(chr(start)) + ("" if start == previous else "-" + re.escape(chr(previous))))
        start = previous = unit
    return "".join(parts)


@cache
def _maybe_masked_chunk() -> re.Pattern[str]:
    """A chunk (no space) with a unit that would be a mask between two that are letters or digits."""
    kept: list[int] = []  # letters and digits
    quiet: list[int] = []  # letters, digits and dropped marks: everything that is never a mask
    for unit in range(0x10000):
        if 0xD800 <= unit <= 0xDFFF:
            continue
        category = unicodedata.category(chr(unit))
        if category in _LETTER_OR_DIGIT:
            kept.append(unit)
            quiet.append(unit)
        elif category in _DROPPED:
            quiet.append(unit)
    letter = "[" + _ranges(kept) + _SURROGATES + "]"
    mask = "[^ " + _ranges(quiet) + "]"  # surrogates are not in `quiet`, so they may be masks
    return re.compile(letter + "[^ ]*" + mask + "[^ ]*" + letter)


@cache
def _may_fold() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two patterns: a unit `fold` may drop or change anywhere; a digit it may read as a letter.

    `fold` drops filler (`_fold.is_filler`: its symbols, and combining marks, other symbols and
    modifier symbols that are not letters or digits), reads surrogate pairs, and maps each other
    unit through `fold_character`; digits are mapped only in a run that has a letter. The first
    pattern finds any unit of the first kinds; the second finds a digit it maps and a letter in
    the same space-separated chunk (a run never crosses a space, so this finds every run that
    has both, and some more).
    """
    changed: list[int] = []
    letters: list[int] = []
    for unit in range(0x10000):
        if 0xD800 <= unit <= 0xDFFF:
            continue
        character = chr(unit)
        category = unicodedata.category(character)
        if category in _LETTER_OR_DIGIT and category != "Nd":
            letters.append(unit)
        filler = character in _FILLER or (
            character >= "\x80" and category not in _LETTER_OR_DIGIT and category in _FILLER_CATEGORIES
        )
        if filler or fold_character(character, False) != character:
            changed.append(unit)
    digits = "[" + "".join(map(re.escape, sorted(_DIGIT_LETTERS))) + "]"
    letter = "[" + _ranges(letters) + "]"
    return (
        re.compile("[" + _ranges(changed) + _SURROGATES + "]"),
        re.compile(digits + "[^ ]*" + letter + "|" + letter + "[^ ]*" + digits),
    )


def folded(normalized: str) -> str:
    """Return `fold(normalized)`, without folding a text in which nothing would change."""
    anything, digit_in_word = _may_fold()
    if anything.search(normalized) is None and digit_in_word.search(normalized) is None:
        return normalized
    return fold(normalized)


class Profanity:
    """One filter's profanity check, answering as `ProfanityFilter.contains_profanity` does."""

    __slots__ = (
        "_anywhere",
        "_filter",
        "_first_halves",
        "_inside",
        "_inside_letters",
        "_inside_windows",
        "_state",
        "_whole_by_length",
    )

    def __init__(self, profanity_filter: ProfanityFilter) -> None:
        self._filter = profanity_filter
        self._state: ScanState = profanity_filter._state
        keys = sorted({key.text for key in self._state.anywhere}, key=len, reverse=True)
        self._anywhere = re.compile("|".join(map(re.escape, keys))) if keys else None
        # The masked-chunk pass's entries: whole-word ones by length (a whole-word entry fits a
        # chunk of its own length only), and the ones that fit anywhere inside a chunk.
        # (length, position, letter) -> the whole-word entries of that length with that letter there
        self._whole_by_length: dict[tuple[int, int, str], list[str]] = {}
        self._inside: list[str] = []
        for key in self._state.maskable:
            if key.whole_word:
                for position, letter in enumerate(key.text):
                    self._whole_by_length.setdefault((len(key.text), position, letter), []).append(key.text)
            else:
                self._inside.append(key.text)
        # An entry fits a pattern only where at least half its letters show, so a pattern with
        # none of their letters (a Latin chunk, for the Persian ones) fits none of them.
        self._inside_letters = frozenset("".join(self._inside))
        # Where an entry that fits anywhere could fit: a place where the pattern shows, for each of
        # the entry's letters in turn, that letter or a mask (`_fits_mask` then counts the masks).
        # One search of the pattern instead of a Python call for every entry at every place.
        windows = ["".join(f"[{re.escape(letter)}{re.escape(_MASK)}]" for letter in text) for text in self._inside]
        self._inside_windows = re.compile("(?=(?:" + "|".join(windows) + "))") if windows else None
        # `_match_split_halves` finds a word split once only where the two tokens join into an
        # entry: two Latin halves of two letters or more, or a Persian word and one Persian letter.
        # So the first half is one of these beginnings of an entry, or there is nothing to find.
        entries = {*self._state.words, *(key.text for key in self._state.anywhere)}
        first_halves = {entry[:i] for entry in entries for i in range(2, len(entry) - 1)}
        first_halves |= {part for entry in entries if _is_persian_letter(entry[0]) for part in (entry[:1], entry[:-1])}
        self._first_halves = frozenset(first_halves)
        _may_fold(), _maybe_masked_chunk()  # built once here (tens of milliseconds), not in a message's time

    @property
    def filter(self) -> ProfanityFilter:
        return self._filter

    def _anywhere_in(self, haystack: str) -> bool:
        return self._anywhere is not None and self._anywhere.search(haystack) is not None

    def contains(self, text: str) -> bool:
        """Tell whether a message has a banned word, exactly as `ProfanityFilter.contains_profanity` would."""
        state = self._state
        view = to_view(str(text))
        if not view or WHITE_SPACE_RUN.fullmatch(view) is not None or state.count == 0:
            return False
        normalized = normalize_with_map(view, COMPARISON_STEPS, None)
        read_folded = folded(normalized) if state.fold_lookalike_characters else normalized
        readings = [normalized]
        if state.squeeze_repeated_letters:
            readings.append(squeeze(normalized))
        if state.fold_lookalike_characters:
            readings.append(read_folded)
            if state.squeeze_repeated_letters:
                readings.append(squeeze(read_folded))
        # The reading kind and evasion only label a hit; a first hit ends the scan whatever they are.
        kind, evasion = ReadingKind.NORMALIZED, EVASION_NONE
        checked: set[str] = set()
        for reading in readings:
            if reading in checked:  # on ordinary text most readings are the same string
                continue
            checked.add(reading)
            tokens = tokenize_with_offsets(reading)
            if _match_tokens(state, tokens, kind, evasion, _Sink(None)) or self._anywhere_in(reading):
                return True
            if state.join_spaced_letters:
                joined = try_join_single_letters(tokens)
                if joined is not None and (
                    _match_tokens(state, joined.tokens, kind, evasion, _Sink(None)) or self._anywhere_in(joined.text)
                ):
                    return True
                if not self._first_halves.isdisjoint(map(_TEXT, tokens)) and _match_split_halves(
                    state, tokens, kind, evasion, _Sink(None)
                ):
                    return True
        return self._broken_chunk(normalized)

    def _broken_chunk(self, normalized: str) -> bool:
        """`_scan._match_broken_chunks` answering only whether it finds something.

        The same chunks, masked patterns and tests, but a chunk without a symbol between two
        letters or digits is not masked at all (it has no mask, so the library skips it), a
        pattern is tried against the whole-word entries of its own length that have its first
        shown letter at the same place only, and against the
        entries that fit anywhere only when it shares a letter with them.
        """
        state = self._state
        if not state.join_spaced_letters and not state.fold_lookalike_characters:
            return False
        maybe = _maybe_masked_chunk()
        for chunk in normalized.split(" "):
            if maybe.search(chunk) is None:
                continue
            masked = _masked_pattern(chunk)
            if masked is None or masked.masks == 0 or masked.letters == 0:
                continue
            pattern = masked.pattern
            if state.join_spaced_letters:
                stripped = pattern.replace(_MASK, "")
                if len(stripped) >= 3 and _try_find_word(state, stripped) is not None:
                    return True
            if not state.fold_lookalike_characters:
                continue
            # A whole-word entry fits only a pattern of its length, with the pattern's first shown
            # letter or digit at the same place in the entry.
            shown = next(i for i, unit in enumerate(pattern) if unit != _MASK)
            for text in self._whole_by_length.get((len(pattern), shown, pattern[shown]), ()):
                if _fits_mask(pattern, 0, text):
                    return True
            if self._inside_letters.isdisjoint(pattern):
                continue
            if self._fits_inside(pattern):
                return True
        return False

    def _fits_inside(self, pattern: str) -> bool:
        """`any(_fits_mask_anywhere(pattern, text) for text in self._inside)`, trying only the places
        where some entry's letters or masks line up (every fit is such a place)."""
        if self._inside_windows is None:
            return False
        for place in self._inside_windows.finditer(pattern):
            offset = place.start()
            for text in self._inside:
                if offset + len(text) <= len(pattern) and _fits_mask(pattern, offset, text):
                    return True
        return False
