"""One normalizer: every invisible character that today's callers once handled differently.

Before the kernel held one set, the directory search kept word joiners and soft hyphens that
screening stripped, the monitor kept the Arabic letter mark, the moderators' "reveal" filter did
not show a soft hyphen, and deliberation kept bidi overrides. Each caller now agrees.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest

from solidarity.core import nearcopy
from solidarity.core.text import (
    ZWJ,
    ZWNJ,
    fold_for_search,
    is_invisible,
    normalize_for_display,
    strip_invisibles,
)
from solidarity.deliberation.services import _clean_text
from solidarity.monitor.pipeline import language, places
from solidarity.relay import screening
from solidarity.relay.inert import make_inert
from solidarity.relay.templatetags.relay_tags import reveal

WORD = "کرمانشاه"
# Each was kept by at least one of the old normalizers and stripped by another.
INVISIBLES = {
    "soft hyphen": "\u00ad",
    "combining grapheme joiner": "\u034f",
    "Arabic letter mark": "\u061c",
    "Mongolian vowel separator": "\u180e",
    "zero-width space": "\u200b",
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    "left-to-right embedding": "\u202a",
    "right-to-left override": "\u202e",
    "word joiner": "\u2060",
    "invisible separator": "\u2063",
    "first strong isolate": "\u2068",
    "pop directional isolate": "\u2069",
    "byte order mark": "\ufeff",
    "Hangul filler": "\u3164",
    "tag space": "\U000e0020",
}


@pytest.fixture(params=sorted(INVISIBLES), ids=sorted(INVISIBLES))
def hidden(request: pytest.FixtureRequest) -> str:
    char = INVISIBLES[request.param]
    return WORD[:5] + char + WORD[5:]  # "کرمان" + invisible + "شاه"


def test_the_directory_search_key_ignores_it(hidden: str) -> None:
    assert fold_for_search(hidden) == fold_for_search(WORD)


def test_display_and_deliberation_drop_it(hidden: str) -> None:
    assert normalize_for_display(hidden) == WORD
    assert _clean_text(f"  {hidden}  ") == WORD


def test_screening_matches_through_it(hidden: str) -> None:
    assert screening.matching_key(hidden) == screening.matching_key(WORD)
    assert screening.screen(hidden).normalized == WORD


def test_outgoing_text_drops_it(hidden: str) -> None:
    assert make_inert(hidden) == WORD


def test_moderators_see_it(hidden: str) -> None:
    shown = reveal(hidden)
    assert shown != hidden and shown.startswith(WORD[:5] + "[U+") and shown.endswith("]" + WORD[5:])


def test_the_monitor_and_the_gazetteer_read_through_it(hidden: str) -> None:
    assert language.normalize(hidden) == WORD
    sentence = language.normalize(f"تجمع کارگران در {hidden}")
    found = [mention.place.name for mention in places.find_mentions(sentence) if mention.place]
    assert found == [mention.place.name for mention in places.find_mentions(f"تجمع کارگران در {WORD}") if mention.place]
    assert found, "Kermanshah is in the gazetteer"


def test_near_copy_shingles_ignore_it(hidden: str) -> None:
    assert nearcopy.char_shingles(screening.matching_key(hidden)) == nearcopy.char_shingles(WORD)
    assert nearcopy.word_shingles(f"اعتراض در {hidden}") == nearcopy.word_shingles(f"اعتراض در {WORD}")


def test_every_format_character_but_the_joiners_is_invisible() -> None:
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf" and chr(code) not in {ZWNJ, ZWJ} and not is_invisible(chr(code))
    ]
    assert missing == []
    assert not is_invisible(ZWNJ) and not is_invisible(ZWJ)
    assert not is_invisible("\ufe0f")  # the emoji presentation selector chooses a look: it stays


def test_each_use_states_what_it_does_with_the_joiners() -> None:
    text = f"می{ZWNJ}خواهیم\u2060 👩{ZWJ}🔬"
    assert strip_invisibles(text, joiners="keep") == f"می{ZWNJ}خواهیم 👩{ZWJ}🔬"
    assert strip_invisibles(text, joiners="space") == "می خواهیم 👩🔬"
    assert strip_invisibles(text, joiners="drop") == "میخواهیم 👩🔬"
    assert ZWNJ in normalize_for_display(text)  # Persian spelling keeps its non-joiner on screen
    assert language.normalize(text).startswith("می خواهیم")  # extraction splits the affix off
    assert fold_for_search(text).startswith("میخواهیم")  # the search key joins it


def test_bidi_controls_still_hold_a_message() -> None:
    verdict = screening.screen("سلام \u202eدنیا")
    assert screening.Reason.BIDI_CONTROL in verdict.reasons
