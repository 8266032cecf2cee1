"""The faster matchers screening uses find exactly what the plain patterns they replace find."""

from __future__ import annotations

import json
import random

import pytest

from evaluation.relay import SCREENING_CORPUS, load
from solidarity.relay import screening as s

LISTS = {
    "commercial": s._COMMERCIAL,
    "dating": s._DATING,
    "crypto": s._CRYPTO,
    "spam": s._SPAM,
    "hate": s._HATE,
}


def _texts() -> list[str]:
    texts = [e.text for e in load("all")]
    texts += [json.loads(line)["text"] for line in SCREENING_CORPUS.read_text(encoding="utf-8").splitlines() if line]
    terms = [t for group in (*LISTS.values(), s._TOPIC) for t in group]
    for term in terms:  # each term, glued to and split from its neighbours, cut short, shouted
        texts += [term, "x" + term, term + "x", f"a {term} b", term.replace(" ", ""), term.replace(" ", "  ")]
        texts += [term[:-1], term.upper(), f"1{term}1", f"{term}."]
        # Persian and Arabic: glued prefixes, endings, other letters after, another word's end before
        texts += [f"{glued}{term}" for glued in ("بی", "نا", "با", "و", "وال", "لل", "ب", "می", "ا")]
        texts += [f"{term}{after}" for after in ("ها", "ان", "یان", "هایمان", "گ", "ه", "ی", "وار", "ار")]
    rng = random.Random(3)
    pieces = [*terms, "the", "and", "1", "x", "ا", " ", "-"]
    for _ in range(3000):
        texts.append(" ".join(rng.choice(pieces)[: rng.randint(1, 12)] for _ in range(rng.randint(1, 5))))
    return texts


@pytest.fixture(scope="module")
def keys() -> list[str]:
    return [s.matching_key(text) for text in _texts()]


@pytest.mark.parametrize("name", sorted(LISTS))
def test_term_tries_match_what_the_plain_alternations_match(name: str, keys: list[str]) -> None:
    trie, plain = s._compile_terms(LISTS[name]), s._compile_terms_plain(LISTS[name])
    differing = [key for key in keys if bool(trie.search(key)) != bool(plain.search(key))]
    assert differing == []
    assert sum(bool(plain.search(key)) for key in keys) > 100  # the comparison saw matches, not only misses


def test_topic_trie_matches_what_the_plain_alternation_matches(keys: list[str]) -> None:
    trie, plain = s._compile_topic(), s._compile_topic_plain()
    assert [key for key in keys if bool(trie.search(key)) != bool(plain.search(key))] == []
    assert sum(bool(plain.search(key)) for key in keys) > 100


def test_an_empty_list_matches_nothing() -> None:
    assert s._compile_terms(()).search("anything at all") is None


def test_hints_never_rule_out_a_link_or_an_address() -> None:
    rng = random.Random(1)
    bits = ["example", " . ", "[.]", "(dot)", " dot ", "com", "ir", "hxxp", "://", "@", " at ", "(at)", "{at}",
            "mail", "دات", "کام", "نقطه", "x", "1", " ", "www", "t me/", "gmail", "ＡＴ", "＠"]  # fmt: skip
    texts = _texts()[:2000] + ["".join(rng.choice(bits) for _ in range(rng.randint(1, 10))) for _ in range(20000)]
    for text in texts:
        key = s.matching_key(text)
        flat = s._unsplit(key)
        assert bool(s.DEFANGED_LINK.search(key)) == s.has_defanged_link(key), key
        for candidate in (key, flat):
            assert bool(s._EMAIL.search(candidate)) == s._has_email(candidate), candidate
    assert s.has_defanged_link(s.matching_key("example [.] com")) and s._has_email("me (at) example . com")


def test_the_defanged_hint_trie_matches_what_the_plain_hint_matches(keys: list[str]) -> None:
    extra = [s.matching_key(f"{word} {tld}{tail}") for word in ("x", "me", "") for tld in s._TLDS.split("|")
             for tail in ("", "x", " ", "/", ".", "\u200c")]  # fmt: skip
    trie, plain = s._DEFANGED_HINT, s._DEFANGED_HINT_PLAIN
    differing = [key for key in [*keys, *extra] if bool(trie.search(key)) != bool(plain.search(key))]
    assert differing == []
    assert sum(bool(s._DEFANGED_HINT_PLAIN.search(key)) for key in extra) > 100


def test_the_mixed_script_shortcut_finds_what_a_word_by_word_check_finds() -> None:
    """Checking the whole text's scripts first (most texts have one) changes no answer."""
    texts = ["Ⓐⓑⓒ ΑΒΓ abc", "hello wоrld", "Привет wоrld", "example . com", "www dot x dot com", "me (at) x dot com",
             "Free Iran", "a\u200bb", "ژن ژیان ئازادی", "SHOUTING AT YOU ALL IRAN FREEDOM"]  # fmt: skip
    for text in texts:
        assert s._mixed_script_tokens(text) == any(
            sum(1 for _, pattern in s._SCRIPTS if pattern.search(token)) > 1
            for token in s._WORD.findall(text)
            if len(token) >= 3
        ), text
    assert s.screen("hello wоrld").reasons[:1] == (s.Reason.MIXED_SCRIPT,)  # a Cyrillic "о"
