"""Screening's profanity check answers exactly what persian-text-guard's `contains_profanity` answers.

`solidarity.relay.profanity.Profanity` skips passes that cannot match; these tests compare it with
the library on real and labelled text, on every entry of the word list written the ways the
library's passes undo (spaced, split, masked, repeated, look-alike letters, digits, suffixes), and
on random text made of the characters those passes read.
"""

from __future__ import annotations

import json
import random

import pytest

from evaluation.relay import SCREENING_CORPUS, load
from solidarity.core.text import normalize_for_display
from solidarity.relay import phrases
from solidarity.relay.profanity import Profanity, folded
from solidarity.relay.screening import _rules


@pytest.fixture(scope="module")
def profanity() -> Profanity:
    return _rules().profanity


def _disagreements(profanity: Profanity, texts: list[str]) -> list[str]:
    library = profanity.filter
    return [text for text in texts if profanity.contains(text) != library.contains_profanity(text)]


def test_it_answers_as_the_library_on_the_corpus_and_the_development_set(profanity: Profanity) -> None:
    rows = [json.loads(line) for line in SCREENING_CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [row["text"] for row in rows] + [example.text for example in load("dev")]
    texts += [body[language] for body in phrases.BODIES.values() for language in body]
    texts = [normalize_for_display(text) for text in texts]
    assert sum(profanity.filter.contains_profanity(text) for text in texts) >= 10  # the corpus has abuse in it
    assert _disagreements(profanity, texts) == []


def _disguises(entry: str, rng: random.Random) -> list[str]:
    """The entry written the ways persian-text-guard undoes, each inside an ordinary sentence."""
    middle = len(entry) // 2
    spaced = " ".join(entry)
    variants = [
        entry,
        spaced,
        entry[:middle] + " " + entry[middle:],
        entry[:1] + " " + entry[1:],
        entry[:-1] + " " + entry[-1:],
        "".join(ch * 3 if i == middle else ch for i, ch in enumerate(entry)),
        entry[:middle] + "*" + entry[middle + 1 :],
        entry[:middle] + "**" + entry[middle + 2 :],
        entry[:middle] + "." + entry[middle:],
        entry[:middle] + "_" + entry[middle:],
        ".".join(entry),
        entry + "ها",
        entry + "های",
        entry.replace("a", "@").replace("s", "$").replace("i", "1").replace("o", "0").replace("e", "3"),
        entry.replace("a", "а").replace("o", "о").replace("e", "е"),  # Cyrillic look-alikes
        entry[:middle] + "\u200c" + entry[middle:],
        entry[:middle] + "\u0651" + entry[middle:],
        entry[:middle] + "\u2764" + entry[middle:],
        entry.upper(),
        "«" + entry + "»",
        entry + "!!!",
    ]
    chosen = rng.sample(variants, 6)
    return [f"we stand with you {variant} from Leeds" for variant in chosen] + [f"ما {chosen[0]} با شما هستیم"]


def test_it_answers_as_the_library_on_every_entry_disguised(profanity: Profanity) -> None:
    state = profanity.filter._state
    entries = sorted({*state.words, *(key.text for key in state.anywhere), *(key.text for key in state.maskable)})
    entries += sorted(" ".join(phrase.tokens) for group in state.phrases.values() for phrase in group)
    rng = random.Random(19)
    texts = [text for entry in entries for text in _disguises(entry, rng)]
    assert len(texts) > 5_000
    assert sum(profanity.filter.contains_profanity(text) for text in texts) > len(texts) // 2
    assert _disagreements(profanity, texts) == []


def test_it_answers_as_the_library_on_random_text(profanity: Profanity) -> None:
    """Random text over letters, digits, symbols the passes read as letters or masks, marks and emoji."""
    state = profanity.filter._state
    pieces = list("abcdefghiklmnoprstuvwxyz") + list("اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئ")
    pieces += list("0123456789۰۱۲۳۴۵*.$@!_-|/'\"،.؟?:;()[]")
    pieces += ["\u200c", "\u0651", "\u064b", "✊", "😀", "🅰", "а", "ε"]
    pieces += [" "] * 12
    entries = sorted(state.words)[:400]
    rng = random.Random(2026)
    texts = []
    for _ in range(3_000):
        parts = [rng.choice(pieces) for _ in range(rng.randint(1, 40))]
        if rng.random() < 0.5:
            entry = rng.choice(entries)
            cut = rng.randint(0, len(entry))
            parts.insert(rng.randint(0, len(parts)), entry[:cut] + rng.choice(pieces) + entry[cut:])
        texts.append("".join(parts))
    assert sum(profanity.filter.contains_profanity(text) for text in texts) > 100
    assert _disagreements(profanity, texts) == []


def test_a_text_with_nothing_to_fold_is_its_own_folded_reading() -> None:
    from persian_text_guard._fold import fold

    for text in [
        "we stand with you",
        "Toronto 2022",
        "ما با شما هستیم ۱۴۰۱",
        "hope4 iran",
        "sh1t",
        "a$$",
        "f✊ck",
        "cаt",
    ]:
        assert folded(text) == fold(text), text


def test_the_inside_entries_fit_a_masked_pattern_where_the_library_says_they_do(profanity: Profanity) -> None:
    """`_fits_inside` (one search for the places where letters line up) against the library's loop."""
    from persian_text_guard._scan import _MASK, _fits_mask_anywhere

    inside = profanity._inside
    rng = random.Random(11)
    patterns: list[str] = []
    for text in inside:  # each entry masked at every place and at two, inside longer patterns
        for i in range(len(text)):
            masked = text[:i] + _MASK + text[i + 1 :]
            patterns += [masked, "ab" + masked, masked + "x", _MASK + masked]
            if i + 2 <= len(text):
                patterns.append(text[:i] + _MASK * 2 + text[i + 2 :])
    letters = sorted(set("".join(inside))) + [_MASK] * 6
    patterns += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(4000)]
    expected = [any(_fits_mask_anywhere(pattern, text) for text in inside) for pattern in patterns]
    assert [profanity._fits_inside(pattern) for pattern in patterns] == expected
    assert sum(expected) > 100  # the comparison saw fits, not only misses
