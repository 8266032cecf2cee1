"""Defanged and spelled-out links are links: screening holds them, make_inert removes them (SR-16)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solidarity.relay.channels import OutgoingMessage, bulletin, feeds, pages
from solidarity.relay.inert import is_inert, make_inert
from solidarity.relay.screening import Reason, has_defanged_link, screen

TLDS = ["com", "net", "org", "ir", "io", "info", "xyz", "shop", "me", "top"]
DOTS = [" . ", "[.]", "(.)", "{.}", "(dot)", "[dot]", " dot ", " DOT ", " (dot) ", " [.] ", " نقطه ", " دات "]
PERSIAN_TLDS = ["دات کام", "دات نت", "دات آی آر", "دات ارگ", "دوت کام"]
GENUINE = [
    "We stand with you", "ما با شما هستیم", "Women, life, freedom", "زن، زندگی، آزادی",
    "you are not alone", "Wir stehen an eurer Seite", "از برلین", "From Toronto with love",
]  # fmt: skip

# Names no genuine phrase contains, so their absence from an output is meaningful.
_NAMES = st.text(alphabet="bcdfghjklmnpqrstvwxz0123456789", min_size=3, max_size=12).map(lambda s: "zq" + s)
_GENUINE = st.sampled_from(GENUINE)


@st.composite
def defanged(draw: st.DrawFn) -> tuple[str, str]:
    """A defanged link and the distinctive name inside it."""
    name = draw(_NAMES)
    kind = draw(st.integers(0, 3))
    if kind == 0:
        link = name + draw(st.sampled_from(DOTS)) + draw(st.sampled_from(TLDS))
    elif kind == 1:
        link = f"{name} {draw(st.sampled_from(PERSIAN_TLDS))}"
    elif kind == 2:
        scheme = draw(st.sampled_from(["hxxp://", "hxxps://", "hXXps[:]//", "hxxp[:]//", "hxxps://"]))
        link = scheme + name + draw(st.sampled_from(["[.]", ".", "(.)"])) + draw(st.sampled_from(TLDS))
    else:
        sub = draw(_NAMES)
        dot = draw(st.sampled_from(DOTS))
        link = sub + dot + name + dot + draw(st.sampled_from(TLDS)) + draw(st.sampled_from(["", "/join", "/a/b"]))
    return link, name


def _message(text: str) -> OutgoingMessage:
    inert = make_inert(text)
    return OutgoingMessage(
        id="m1",
        language="en",
        text=inert,
        display_name="-",
        country="DE",
        city="",
        published_at=datetime(2026, 3, 1, tzinfo=UTC),
        translations=(),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(defanged(), _GENUINE, _GENUINE, st.sampled_from([" ", "\n", ": ", " — ", " "]))
def test_defanged_links_are_held_and_removed(link: tuple[str, str], before: str, after: str, glue: str) -> None:
    text, name = link
    message = f"{before}{glue}{text}{glue}{after}"
    verdict = screen(message)
    assert verdict.is_held
    assert Reason.LINK in verdict.reasons, (message, verdict.reasons)
    out = make_inert(message)
    assert name not in out.casefold(), (message, out)
    assert is_inert(out), out
    assert not has_defanged_link(out), out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(defanged(), _GENUINE)
def test_no_output_carries_a_defanged_link(link: tuple[str, str], words: str) -> None:
    """Wall, feeds, bulletin (the text PDF and audio are made from) carry none of the name."""
    text, name = link
    message = _message(f"{words} {text}")
    outputs = [
        pages.message_html(message, "en"),
        feeds.atom(
            [message], language="en", title="t", feed_id="urn:x", updated=datetime(2026, 3, 1, tzinfo=UTC)
        ).decode(),
        feeds.json_feed([message], language="en", title="t", feed_id="urn:x").decode(),
        bulletin.bulletin_html([message], language="en", day="2026-03-01"),
        bulletin.bulletin_script([message], language="en"),
    ]
    for output in outputs:
        assert name not in output.casefold()


@pytest.mark.parametrize(
    "text",
    [
        "Join us at freeiran . com",
        "freeiran[.]com",
        "freeiran(dot)com",
        "freeiran dot com",
        "freeiran DOT net",
        "visit hxxp://freeiran[.]org",
        "hxxps[:]//example[.]ir/x",
        "کانال ما: freeiran دات کام",
        "سایت ما freeiran دات آی آر",
        "vpn نقطه ir",
    ],
)
def test_examples_from_the_issue(text: str) -> None:
    assert Reason.LINK in screen(text).reasons
    out = make_inert(text)
    assert "freeiran" not in out and "example" not in out and "vpn" not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "We stand with you. To all of you: courage.",
        "Iran. De Berlin, with love",
        "Du point de vue de Paris: liberté pour l'Iran",
        "Estamos con ustedes, desde el punto de vista de Madrid",
        "ما با شما هستیم. این نقطه می‌تواند آغاز آزادی باشد",
        "Women, life, freedom. Com todo amor, de Lisboa",
    ],
)
def test_genuine_text_is_not_a_link(text: str) -> None:
    assert not has_defanged_link(text), text
    assert Reason.LINK not in screen(text).reasons
