"""Fold Persian and Arabic text so that letter variants, digits and joiners compare equal.

Pure Python, no Django: search keys, duplicate detection and screening all fold text here.
"""

from __future__ import annotations

import re
import unicodedata

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

# Letters that Arabic keyboards and Persian keyboards type differently for the same word.
_LETTER_FOLDS = {
    "ي": "ی",  # Arabic yeh → Persian yeh
    "ى": "ی",  # alef maksura
    "ئ": "ی",
    "ك": "ک",  # Arabic kaf → Persian keheh
    "ة": "ه",  # teh marbuta
    "ۀ": "ه",  # heh with yeh above
    "أ": "ا",
    "إ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
}
_DIGIT_FOLDS = {ord(d): str(i) for i, d in enumerate(PERSIAN_DIGITS)} | {
    ord(d): str(i) for i, d in enumerate(ARABIC_INDIC_DIGITS)
}
_FOLD_TABLE = {ord(k): v for k, v in _LETTER_FOLDS.items()} | _DIGIT_FOLDS

# Zero-width joiners and non-joiners, bidirectional controls, tatweel and the BOM.
INVISIBLES = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u0640\ufeff]")
_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_SPACES = re.compile(r"\s+")


def fold_for_search(text: str) -> str:
    """Return the search key of a text: variants, digits, case, marks and joiners folded."""
    text = unicodedata.normalize("NFKC", text)
    text = INVISIBLES.sub("", text).translate(_FOLD_TABLE)
    text = _ARABIC_DIACRITICS.sub("", text)
    text = "".join(char for char in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(char))
    return _SPACES.sub(" ", text).strip()


def normalize_for_display(text: str) -> str:
    """Return text as it should be stored and shown: NFKC, Persian letters, no bidi overrides."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u202a-\u202e\u2066-\u2069\u0640\ufeff]", "", text)
    return text.translate({ord("ي"): "ی", ord("ك"): "ک"}).strip()


def to_persian_digits(text: str) -> str:
    """Write ASCII digits as Persian digits (and the decimal point and separators too)."""
    return text.translate(
        {ord(str(i)): d for i, d in enumerate(PERSIAN_DIGITS)} | {ord(","): "٬", ord("."): "٫", ord("%"): "٪"}
    )


def to_ascii_digits(text: str) -> str:
    """Write Persian and Arabic-Indic digits as ASCII digits."""
    return text.translate(_DIGIT_FOLDS)
