"""The relay demo builds through the services: languages, spam, a flood, translations, transmissions."""

from __future__ import annotations

import random

import pytest
from django.db.models import Count
from django.test import Client

from solidarity.core import demo as core_demo
from solidarity.demo import DemoContext
from solidarity.relay import conf, demo, services
from solidarity.relay.channels import bundle
from solidarity.relay.models import Message, Translation, Transmission


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_builds_a_flood_translations_bulletins_and_a_signed_bundle() -> None:
    context = DemoContext(rng=random.Random(2026), progress=lambda _text: None)
    core_demo.build(context)
    demo.build(context, total=600)
    assert Message.objects.count() == 600
    assert not Message.objects.filter(status=Message.Status.RECEIVED).exists()
    languages = set(Message.objects.filter(is_published=True).values_list("language", flat=True))
    assert len(languages) >= 10, languages
    # The flood of copies is one cluster, rejected as a whole.
    flood = Message.objects.filter(text__icontains="hot girls")
    assert flood.count() == 100
    assert flood.values("cluster").distinct().count() == 1
    assert set(flood.values_list("status", flat=True)) == {Message.Status.REJECTED}
    assert Message.objects.filter(status=Message.Status.REJECTED, moderation_reason="commercial").exists()
    # Translations are people's (composed from the same meaning), never machine output.
    assert Translation.objects.filter(is_machine=False).count() > 10
    assert not Translation.objects.filter(is_machine=True).exists()
    # Two bulletins and one bundle, each approved by two different moderators; the bundle signed.
    transmissions = Transmission.objects.annotate(approvers=Count("approvals__moderator", distinct=True))
    bulletins = transmissions.filter(kind=Transmission.Kind.BULLETIN)
    assert bulletins.count() == 2
    assert all(t.approvers == 2 and t.status == Transmission.Status.APPROVED for t in bulletins)
    daily = transmissions.get(kind=Transmission.Kind.BUNDLE)
    assert daily.approvers == 2
    assert daily.status == Transmission.Status.RELEASED
    checked = bundle.verify_bundle(
        services.signed_path(daily).read_bytes(), expected_fingerprint=conf.signing_fingerprint()
    )
    assert checked.messages == daily.messages.count() > 100
    wall = Client().get("/en/relay/").content.decode()
    assert "hot girls" not in wall.casefold()
