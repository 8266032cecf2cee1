"""A sender checks their message with the reference alone, by POST; nothing about them is kept."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from solidarity.core.models import User
from solidarity.relay import services
from tests.relay.conftest import submit

pytestmark = pytest.mark.django_db


def _check(client: Client, reference: str, language: str = "en") -> str:
    response = client.post(f"/{language}/relay/send/status/", {"reference": reference})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    return response.text


def test_waiting_declined_published_and_unknown(moderator: User, translator: User) -> None:
    client = Client()
    assert client.get(reverse("relay:status")).status_code == 200
    waiting = submit("We stand with the teachers of Iran, from Lyon")
    assert "waiting" in _check(client, waiting.public_id)
    declined = submit("Cheap VPN, best price, buy now")
    services.decide_messages(message_ids=[declined.pk], moderator=moderator, decision="reject", reason="commercial")
    assert "declined" in _check(client, f"  {declined.public_id.upper()} ")  # as typed: spaces, capitals
    services.decide_messages(message_ids=[waiting.pk], moderator=moderator, decision="approve", reason="fine")
    services.translate_message(
        message=waiting, language="fa", text="ما کنار معلمان ایران ایستاده‌ایم", translator=translator
    )
    page = _check(client, waiting.public_id, "fa")
    assert "ما کنار معلمان ایران ایستاده‌ایم" in page and "We stand with the teachers" in page
    assert "No message has this reference" in _check(client, "0" * 12)
    assert "No message has this reference" in _check(client, "<script>")


def test_a_near_copy_reads_the_text_its_group_went_out_with(moderator: User) -> None:
    first = submit("Solidarity with the people of Iran from the workers of Turin")
    second = submit("Solidarity with the people of Iran from the workers of Turin!")
    assert first.cluster_id == second.cluster_id
    services.decide_messages(message_ids=[first.pk, second.pk], moderator=moderator, decision="approve", reason="fine")
    page = _check(Client(), second.public_id)
    assert "is published" in page and "workers of Turin" in page


def test_a_get_with_the_reference_in_the_address_answers_nothing() -> None:
    message = submit("We stand with you")
    page = Client().get(reverse("relay:status") + f"?reference={message.public_id}").text
    assert "waiting" not in page
