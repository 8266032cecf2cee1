"""The count chain's head travels in every relay feed and signed bundle, and the record extends it."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from solidarity.elections import publishing, record, selectors
from solidarity.elections.models import Election
from solidarity.relay import services as relay
from solidarity.relay.conf import relay_dir
from solidarity.relay.models import Transmission
from tests.elections import helpers
from tests.elections.test_services import _publish, _vote

pytestmark = pytest.mark.django_db


def _feed_item(client: Client, language: str, election: Election) -> dict[str, str]:
    feed = json.loads(client.get(f"/relay/feeds/{language}.json").content)
    found = [item for item in feed["items"] if item["id"].endswith(publishing.chain_id(election))]
    assert len(found) == 1, [item["id"] for item in feed["items"]]
    item: dict[str, str] = found[0]
    return item


def test_the_feed_and_the_bundle_carry_the_head_the_record_then_extends(
    open_election: tuple[Election, helpers.Trustees],
    voting_delegates: list[tuple[Delegate, User]],
    trustee: User,
) -> None:
    election, trustees = open_election
    ids = [c.public_id for c in election.candidates.order_by("pk")]  # c<delegate id>: not fixed numbers
    _vote(election, voting_delegates[0][1], {"ranking": [ids[0]]})
    _vote(election, voting_delegates[1][1], {"ranking": [ids[1]]})
    state = selectors.chain_state(election)
    client = Client()
    persian = _feed_item(client, "fa", election)
    english = _feed_item(client, "en", election)
    assert state["head"] in persian["content_text"] and state["head"] in english["content_text"]
    assert "۲ رأی در صندوق" in persian["content_text"]
    assert "2 ballots in the box; voting is open" in english["content_text"]

    transmission = Transmission.objects.create(kind="bundle", day=timezone.localdate(), created_by=trustee)
    built = relay.build_transmission(transmission_id=transmission.pk)
    assert built is not None
    archive = zipfile.ZipFile(io.BytesIO((relay_dir() / "unsigned" / built.file_name).read_bytes()))
    carried = json.loads(archive.read(f"elections/{election.slug}-chain.json"))
    assert carried["head"] == state["head"] and carried["cast"] == 2
    assert carried["definition_hash"] == election.definition_hash

    # A third ballot moves the head in the feed; the published record extends both copied heads.
    _vote(election, voting_delegates[2][1], {"ranking": [ids[2]]})
    later = _feed_item(client, "en", election)["content_text"]
    assert state["head"] not in later and selectors.chain_state(election)["head"] in later
    election = _publish(election, trustees)
    heads = [state["head"], carried["head"]]
    assert record.verify(election.record, expected_chain_heads=heads) == []
    assert {f.code for f in record.verify(election.record, expected_chain_heads=["cd" * 32])} == {"chain"}


def test_drafts_and_long_closed_elections_are_not_carried(open_election, settings) -> None:
    election, _trustees = open_election
    assert publishing.carried_elections() == [election]
    Election.objects.filter(pk=election.pk).update(status=Election.Status.DRAFT)
    assert publishing.carried_elections() == []
    Election.objects.filter(pk=election.pk).update(
        status=Election.Status.PUBLISHED, closes_at=timezone.now() - timedelta(days=31)
    )
    assert publishing.carried_elections() == []
