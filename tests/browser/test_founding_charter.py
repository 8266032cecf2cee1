"""The founding story's charter and release steps, in Chromium (issue 13).

An organizer freezes the motion that puts the charter to the vote from its staff page; the charter
is then frozen (its edit buttons gone) and published: the public page, read without JavaScript in
English and Persian at desktop and phone size, shows each statement with its support, the hash
the motion's definition holds, and a link to the motion. A second moderator opens a bulletin's
approval page and sees what it releases: the messages, the PDF, the audio, and a missing audio
bulletin reported. Screenshots: artifacts/screenshots/founding-charter-*.png.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from solidarity.deliberation import services as deliberation
from solidarity.deliberation.models import Charter, Conversation
from solidarity.elections import services as elections
from solidarity.elections.models import Election
from solidarity.relay import services as relay
from solidarity.relay.channels import bulletin
from solidarity.relay.models import Transmission
from tests.browser.conftest import screenshot, sign_in, watch
from tests.conftest import PASSWORD
from tests.elections import helpers
from tests.relay.conftest import submit

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1200, "height": 900}
PERSIAN_DIGITS = re.compile("[۰-۹]")


def _charter_and_motion(organizer: User) -> tuple[Charter, Election]:
    """A conversation with votes, a charter of its three statements, and a keyed motion naming it."""
    conversation = deliberation.open_conversation(
        organizer=organizer,
        topic_en="What we stand for",
        topic_fa="آنچه از آن دفاع می‌کنیم",
        question_en="What should the coalition's charter say?",
        question_fa="منشور ائتلاف چه باید بگوید؟",
        participation=Conversation.Participation.PUBLIC,
        seed_statements=[
            deliberation.SeedStatement("We act without violence.", "en", "ما بدون خشونت عمل می‌کنیم."),
            deliberation.SeedStatement(
                "Free and fair elections decide who governs.",
                "en",
                "انتخابات آزاد و منصفانه تعیین می‌کند چه کسی حکومت کند.",
            ),
            deliberation.SeedStatement(
                "Every language of the country may be taught in school.", "en", "هر زبانِ کشور را می‌توان در مدرسه آموخت."
            ),
            deliberation.SeedStatement("The capital moves to another city.", "en", "پایتخت به شهر دیگری منتقل شود."),
        ],
    )
    for person in range(24):
        participant = deliberation.join(conversation=conversation, anonymous_token=f"person-{person}")
        for number in range(4):
            value = 1 if number < 3 and (person + number) % 7 else (-1 if person % 2 else 0)
            deliberation.cast_vote(
                participant=participant, statement=conversation.statements.get(number=number), value=value
            )
    deliberation.compute_results(conversation=conversation, force=True)
    charter = deliberation.create_charter(
        organizer=organizer, title_en="Charter of the coalition", title_fa="منشور ائتلاف", conversation=conversation
    )
    for number in range(3):
        deliberation.add_to_charter(
            charter=charter, statement=conversation.statements.get(number=number), organizer=organizer
        )
    now = timezone.now()
    motion = elections.create_election(
        actor=organizer,
        slug="adopt-the-charter",
        title_en="Motion: adopt the charter",
        title_fa="طرح: تصویب منشور",
        rule="motion",
        motion_en="The assembly adopts the charter of the coalition as drafted.",
        motion_fa="مجمع منشور ائتلاف را به همان شکل پیش‌نویس تصویب می‌کند.",
        opens_at=now - timedelta(minutes=1),
        closes_at=now + timedelta(days=2),
        charter_id=charter.pk,
    )
    helpers.joint_key(motion)
    return charter, motion


def test_a_charter_is_frozen_by_its_motion_and_published_in_both_languages(
    chromium, live_url: str, organizer: User, delegates: list[Delegate]
) -> None:
    problems: list[str] = []
    charter, motion = _charter_and_motion(organizer)

    # The organizer freezes the motion from its staff page; the charter freezes with it.
    context = chromium.new_context(viewport=DESKTOP, extra_http_headers={"Origin": live_url})
    page = context.new_page()
    watch(page, problems)
    sign_in(page, live_url, "organizer", PASSWORD)
    page.goto(f"{live_url}/en/staff/elections/{motion.slug}/")
    with page.expect_navigation():
        page.click("form[action$='/freeze/'] button")
    charter.refresh_from_db()
    motion.refresh_from_db()
    assert charter.is_frozen and motion.status == Election.Status.FROZEN
    assert motion.definition is not None
    assert motion.definition["charter"]["sha256"] == charter.frozen_sha256
    page.goto(f"{live_url}/en/staff/deliberation/charters/{charter.pk}/")
    body = page.inner_text("body")
    assert "Frozen: put to the vote" in body and charter.frozen_sha256 in body
    assert page.locator("button[value=save]").count() == 0
    screenshot(page, "founding-charter-staff-frozen-en")
    context.close()

    # The public page, without JavaScript, at desktop and phone size, in English and Persian.
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        reader = chromium.new_context(viewport=viewport, java_script_enabled=False)
        public = reader.new_page()
        watch(public, problems)
        for language in ("en", "fa"):
            public.goto(f"{live_url}/{language}/deliberation/")
            public.click(f"a[href='/{language}/deliberation/charters/{charter.pk}/']")
            assert public.url.endswith(f"/{language}/deliberation/charters/{charter.pk}/")
            text = public.inner_text("main") if public.locator("main").count() else public.inner_text("body")
            assert charter.frozen_sha256 in text
            assert "We act without violence." in text and "ما بدون خشونت عمل می‌کنیم." in text
            assert "The capital moves" not in text  # not in the charter
            html_direction = public.get_attribute("html", "dir")
            if language == "fa":
                assert html_direction == "rtl"
                assert "منشور ائتلاف" in text and "موافق" in text
                assert PERSIAN_DIGITS.search(public.inner_text(".charter-statements .support"))
            else:
                assert html_direction == "ltr" and "agree" in text
            # Nothing overflows a phone's width: the hash wraps.
            assert public.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            suffix = "" if label == "desktop" else "-phone"
            screenshot(public, f"founding-charter-{language}{suffix}")
        # The motion is one click away, and its definition holds the same hash as the text served.
        public.click(f"a[href='/fa/elections/{motion.slug}/']")
        assert public.url.endswith(f"/fa/elections/{motion.slug}/")
        canonical = public.request.get(f"{live_url}/elections/{motion.slug}/charter.json")
        assert hashlib.sha256(canonical.body()).hexdigest() == charter.frozen_sha256
        reader.close()
    assert not problems, problems


def test_the_second_moderator_sees_what_a_bulletin_releases(
    chromium, live_url: str, moderator: User, moderator2: User, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.JOBS_BACKEND = "immediate"
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "0")
    problems: list[str] = []
    texts = [
        "We stand with you, people of Iran.",
        "Teachers in Lyon send their solidarity to the teachers on strike.",
        "Your courage is heard around the world.",
    ]
    for text in texts:
        message = submit(text)
        relay.decide_messages(message_ids=[message.pk], decision="approve", reason="fine", moderator=moderator)
    real_tools = bulletin.audio_tools
    made = []
    for day, tools in (("2026-03-02", lambda: None), ("2026-03-03", real_tools)):
        # The first bulletin is built on a server without the speech tools; the second with them.
        monkeypatch.setattr(bulletin, "audio_tools", tools)
        with TestCase.captureOnCommitCallbacks(execute=True):
            transmission = relay.create_transmission(
                kind=Transmission.Kind.BULLETIN, day=date.fromisoformat(day), moderator=moderator
            )
        transmission.refresh_from_db()
        assert transmission.status == Transmission.Status.BUILT
        relay.approve_transmission(transmission=transmission, moderator=moderator)
        made.append(transmission)

    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    watch(page, problems)
    sign_in(page, live_url, "moderator2", PASSWORD)
    missing, complete = made
    page.goto(f"{live_url}/en/staff/relay/transmissions/{missing.pk}/")
    body = page.inner_text("body")
    assert "No audio bulletin in English" in body
    assert all(text in body for text in texts)
    screenshot(page, "founding-charter-release-missing-audio-en")
    if real_tools() is not None:
        page.goto(f"{live_url}/en/staff/relay/transmissions/{complete.pk}/")
        assert page.locator("audio[controls]").count() == 1
        assert "No audio bulletin" not in page.inner_text("body")
        audio = page.request.get(live_url + (page.get_attribute("audio", "src") or ""))
        assert audio.ok and audio.body().startswith(b"OggS")
        pdf = page.request.get(live_url + (page.get_attribute("a[href$='bulletin-en.pdf']", "href") or ""))
        assert pdf.ok and pdf.body().startswith(b"%PDF")
        screenshot(page, "founding-charter-release-preview-en")
    page.goto(f"{live_url}/fa/staff/relay/transmissions/{complete.pk}/")
    assert "آنچه این انتشار در بر دارد" in page.inner_text("body")
    screenshot(page, "founding-charter-release-preview-fa")
    with page.expect_navigation():
        page.click("form[action$='/approve/'] button")
    complete.refresh_from_db()
    assert complete.status == Transmission.Status.APPROVED
    context.close()
    assert not problems, problems
