"""The one normalizer for Persian and Arabic script: invisible characters, letter variants, digits.

Pure Python, no Django. The coalition directory's search keys, relay screening and the wall's
"reveal" filter, the monitor's extraction, gazetteer and copy detection, and deliberation
statements all clean text here, so that a character one of them ignores cannot defeat another
(a word joiner inside "کرمانشاه" once defeated the directory search while screening stripped it).

What each use keeps of the zero-width joiners is its own choice, stated by `joiners`:
- "keep": ZWNJ and ZWJ stay (display: Persian spelling "می‌خواهیم" and emoji sequences need them);
- "space": ZWNJ becomes a space and ZWJ goes (extraction and the gazetteer: a ZWNJ separates an
  affix, "شهر‌کرد" is looked up as "شهر کرد");
- "drop": both go (search and matching keys: "می‌خواهیم" and "میخواهیم" are the same word).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Joiners = Literal["keep", "space", "drop"]

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ZWNJ = "\u200c"
ZWJ = "\u200d"
TATWEEL = "\u0640"

# Characters that take no width and that no reader sees, so they can split a word to dodge a
# filter or a search: Unicode's default-ignorable code points and every other format (Cf)
# character, except ZWNJ and ZWJ (see `joiners`). Variation selectors (U+FE00–FE0F,
# U+E0100–E01EF) stay: they choose how an emoji or a CJK character looks.
INVISIBLE_CHARACTERS = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u0600-\u0605"  # Arabic number signs (format characters)
    "\u061c"  # Arabic letter mark
    "\u06dd"  # Arabic end of ayah
    "\u070f"  # Syriac abbreviation mark
    "\u0890-\u0891"  # Arabic pound and piastre marks above
    "\u08e2"  # Arabic disputed end of ayah
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers (blank "names")
    "\u17b4\u17b5"  # Khmer inherent vowels
    "\u180b-\u180f"  # Mongolian variation selectors and vowel separator
    "\u200b"  # zero-width space
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a-\u202e"  # bidi embeddings, overrides and their pop
    "\u2060-\u206f"  # word joiner, invisible operators, bidi isolates, deprecated format characters
    "\ufeff"  # byte order mark / zero-width no-break space
    "\ufff0-\ufffb"  # reserved ignorables and interlinear annotation controls
    "\U000110bd\U000110cd"  # Kaithi number signs
    "\U00013430-\U0001343f"  # Egyptian hieroglyph format controls
    "\U0001bca0-\U0001bca3"  # shorthand format controls
    "\U0001d173-\U0001d17a"  # musical symbol format controls
    "\U000e0000-\U000e00ff"  # tags (language tags, flag sequences)
    "\U000e01f0-\U000e0fff"  # reserved ignorables after the variation selectors supplement
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
_INVISIBLE_OR_JOINER = re.compile(f"[{INVISIBLE_CHARACTERS}{ZWNJ}{ZWJ}]")
# Embedding, override and isolate controls: legitimate text almost never carries them, and they
# can reorder what a reader sees (a link that looks like words, a number that reads backwards).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

# The same letter typed on an Arabic or a Persian keyboard: folded wherever text is kept or shown.
_KEYBOARD_FOLDS = {ord("ي"): "ی", ord("ى"): "ی", ord("ك"): "ک", ord(TATWEEL): None}
# Different spellings of one word (hamza carriers, teh marbuta): folded in search keys only,
# because a shown text must keep its spelling.
_SPELLING_FOLDS = {
    ord("ئ"): "ی",
    ord("ة"): "ه",  # teh marbuta
    ord("ۀ"): "ه",  # heh with yeh above
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("ٱ"): "ا",
    ord("ؤ"): "و",
}
_DIGIT_FOLDS = {ord(d): str(i) for i, d in enumerate(PERSIAN_DIGITS)} | {
    ord(d): str(i) for i, d in enumerate(ARABIC_INDIC_DIGITS)
}
_SEPARATOR_FOLDS = {ord("٬"): ",", ord("٫"): "."}
_SEARCH_FOLDS = _KEYBOARD_FOLDS | _SPELLING_FOLDS | _DIGIT_FOLDS
_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_SPACES = re.compile(r"\s+")
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Co"})  # control, surrogate and private-use characters


def is_invisible(char: str) -> bool:
    """Tell whether a character is one of the invisible ones (ZWNJ and ZWJ are not)."""
    return _INVISIBLE.fullmatch(char) is not None


def strip_invisibles(text: str, *, joiners: Joiners) -> str:
    """Remove every invisible character; keep, space or drop ZWNJ and ZWJ as `joiners` says."""
    if joiners == "drop":
        return _INVISIBLE_OR_JOINER.sub("", text)
    text = _INVISIBLE.sub("", text)
    if joiners == "space":
        text = text.replace(ZWNJ, " ").replace(ZWJ, "")
    return text


def fold_letters(text: str) -> str:
    """Write Arabic-keyboard yeh, alef maksura and kaf as the Persian letters; drop tatweel."""
    return text.translate(_KEYBOARD_FOLDS)


def remove_diacritics(text: str) -> str:
    """Remove Arabic short-vowel marks, tanwin, shadda, sukun and the superscript alef."""
    return _ARABIC_DIACRITICS.sub("", text)


def fold_for_search(text: str, *, joiners: Joiners = "drop") -> str:
    """Return the search key of a text: variants, digits, case, marks and invisibles folded."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_invisibles(text, joiners=joiners).translate(_SEARCH_FOLDS)
    text = remove_diacritics(text)
    text = "".join(char for char in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(char))
    return _SPACES.sub(" ", text).strip()


def normalize_for_display(text: str) -> str:
    """Return text as it should be stored and shown.

    NFKC, Persian yeh and keheh, no tatweel, no invisible characters (ZWNJ and ZWJ stay), no
    control characters but newlines and tabs, runs of spaces folded within each line.
    """
    text = unicodedata.normalize("NFKC", text)
    text = fold_letters(strip_invisibles(text, joiners="keep"))
    text = "".join(char for char in text if unicodedata.category(char) not in _HIDDEN_CATEGORIES or char in "\n\t")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.strip().splitlines()).strip()


_TO_PERSIAN_DIGITS = {ord(str(i)): d for i, d in enumerate(PERSIAN_DIGITS)}
_TO_PERSIAN_SEPARATORS = {ord(","): "٬", ord("."): "٫", ord("%"): "٪"}


def to_persian_digits(text: str, *, separators: bool = True) -> str:
    """Write ASCII digits as Persian digits; with `separators` (a number alone), also , . and %.

    A sentence keeps its full stops and commas: pass `separators=False` for running text.
    """
    return text.translate(_TO_PERSIAN_DIGITS | _TO_PERSIAN_SEPARATORS if separators else _TO_PERSIAN_DIGITS)


def to_ascii_digits(text: str, *, separators: bool = False) -> str:
    """Write Persian and Arabic-Indic digits as ASCII digits; with `separators`, also ٬ and ٫ as , and ."""
    return text.translate(_DIGIT_FOLDS | _SEPARATOR_FOLDS if separators else _DIGIT_FOLDS)


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


def script_language(text: str) -> str:
    """Tag text by its script when its language is unknown: "und-Latn" for a name in Latin letters.

    A name, a city or an organization typed in Latin letters on a Persian page is read by screen
    readers with a Latin voice and shaped by a Latin font only when it says so (`lang`).
    """
    if _LATIN_LETTER.search(text) and not _ARABIC_SCRIPT.search(text):
        return "und-Latn"
    return ""


_LETTER_OR_DIGIT = "A-Za-z\u00c0-\u024f0-9"
# A run of Latin letters and digits, with the spaces and punctuation a name or an address keeps
# inside it ("Rue 12, Paris", "O'Neil & co"); brackets stay outside, so they mirror with the text.
_LATIN_RUN = re.compile(f"[{_LETTER_OR_DIGIT}](?:[{_LETTER_OR_DIGIT} .,'\u2019&/:_+#@-]*[{_LETTER_OR_DIGIT}])?")

ScriptRun = Literal["latin", "digits", "other"]


def script_runs(text: str) -> list[tuple[ScriptRun, str]]:
    """Split text into runs in Latin letters ("latin"), runs of digits alone ("digits") and the rest.

    A Persian sentence naming a city in Latin letters ("فعال در Paris") is shown with the Latin
    run marked, so a screen reader switches voice there and the run keeps its own direction.
    """
    runs: list[tuple[ScriptRun, str]] = []
    position = 0
    for match in _LATIN_RUN.finditer(text):
        if match.start() > position:
            runs.append(("other", text[position : match.start()]))
        kind: ScriptRun = "latin" if _LATIN_LETTER.search(match.group()) else "digits"
        runs.append((kind, match.group()))
        position = match.end()
    if position < len(text):
        runs.append(("other", text[position:]))
    return runs


# The Persian alphabet in its order; Unicode's order puts پ چ ژ گ after the Arabic letters.
PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_ALPHABET_ORDER = {letter: index for index, letter in enumerate(PERSIAN_ALPHABET)}
_ALPHABET_ORDER.update(
    {
        " ": -1,
        "\u200c": -1,
        "أ": 1,
        "إ": 1,
        "ك": _ALPHABET_ORDER["ک"],
        "ي": _ALPHABET_ORDER["ی"],
        "ى": _ALPHABET_ORDER["ی"],
    }
)


def persian_sort_key(text: str) -> tuple[int, ...]:
    """Sort Persian names in the alphabet's order (پ after ب, گ after ک); other characters after."""
    return tuple(_ALPHABET_ORDER.get(char, len(PERSIAN_ALPHABET) + ord(char)) for char in text)
