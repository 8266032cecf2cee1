"""Moderators see what they release: the messages, the PDF and the audio, before the second approval."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from django.test import Client, TestCase

from solidarity.core.models import User
from solidarity.relay import selectors, services
from solidarity.relay.channels import OutgoingMessage, bulletin
from solidarity.relay.models import Message, Transmission
from tests.relay.conftest import submit

pytestmark = pytest.mark.django_db


def _built(moderator: User, client: Client, kind: str = "bulletin") -> Transmission:
    for text in ("We stand with you, people of Iran", "Solidarity from the teachers of Lyon"):
        message = submit(text)
        services.decide_messages(message_ids=[message.pk], decision="approve", reason="fine", moderator=moderator)
    assert Message.objects.filter(status=Message.Status.APPROVED).count() == 2
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/en/staff/relay/transmissions/", {"kind": kind, "day": "2026-03-02"})
    transmission = Transmission.objects.get()
    assert transmission.status == Transmission.Status.BUILT
    return transmission


def test_a_missing_audio_bulletin_is_reported_plainly(
    moderator: User, staff_client: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulletin, "audio_tools", lambda: None)  # a server without espeak-ng
    client = staff_client(moderator)
    transmission = _built(moderator, client)
    page = client.get(f"/en/staff/relay/transmissions/{transmission.pk}/").content.decode()
    assert "What this release holds" in page
    assert "We stand with you, people of Iran" in page and "Solidarity from the teachers of Lyon" in page
    assert "No audio bulletin in English: the speech tools (espeak-ng and an Ogg encoder) are missing" in page
    assert "<audio" not in page
    pdf = client.get(f"/en/staff/relay/transmissions/{transmission.pk}/bulletin-en.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(f"/en/staff/relay/transmissions/{transmission.pk}/bulletin-en.ogg").status_code == 404
    persian = client.get(f"/fa/staff/relay/transmissions/{transmission.pk}/").content.decode()
    assert "بولتن صوتی" in persian and "English" in persian
    preview = selectors.release_preview(transmission)
    assert preview is not None
    assert [(m.language, m.reason) for m in preview.missing_audio] == [("en", "tools")]


def test_the_audio_bulletin_plays_on_the_approval_page(
    moderator: User, moderator2: User, staff_client: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_audio(messages: Sequence[OutgoingMessage], language: str) -> bytes:
        return b"OggS" + language.encode() + b"-fake-audio"

    monkeypatch.setattr(services, "render_bulletin_audio", fake_audio)
    first = staff_client(moderator)
    transmission = _built(moderator, first)
    first.post(f"/en/staff/relay/transmissions/{transmission.pk}/approve/")
    second = staff_client(moderator2)
    page = second.get(f"/en/staff/relay/transmissions/{transmission.pk}/").content.decode()
    assert "Read it before you approve" in page
    assert (
        f'<audio controls preload="none" src="/en/staff/relay/transmissions/{transmission.pk}/bulletin-en.ogg">' in page
    )
    assert "No audio bulletin" not in page
    assert "Approve for transmission" in page
    audio = second.get(f"/en/staff/relay/transmissions/{transmission.pk}/bulletin-en.ogg")
    assert audio["Content-Type"] == "audio/ogg" and audio.content == b"OggSen-fake-audio"


def test_a_release_whose_file_is_gone_cannot_be_approved_from_the_page(
    moderator: User, staff_client: Callable[[User], Client]
) -> None:
    client = staff_client(moderator)
    transmission = _built(moderator, client)
    services.unsigned_path(transmission).unlink()
    page = client.get(f"/en/staff/relay/transmissions/{transmission.pk}/").content.decode()
    assert "The built file is missing on the server" in page
    assert "Approve for transmission" not in page


def test_only_moderators_fetch_a_release_bulletin(
    moderator: User, translator: User, staff_client: Callable[[User], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulletin, "audio_tools", lambda: None)
    transmission = _built(moderator, staff_client(moderator))
    address = f"/en/staff/relay/transmissions/{transmission.pk}/bulletin-en.pdf"
    assert staff_client(translator).get(address).status_code == 403
    assert Client().get(address).status_code in (302, 403)
    assert (
        staff_client(moderator).get(f"/en/staff/relay/transmissions/{transmission.pk}/bulletin-xx.pdf").status_code
        == 404
    )
