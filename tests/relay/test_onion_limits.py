"""Issue 12, finding 4 on the relay: on the onion every visitor is one address, so no address limit.

Limits count a submission only after its proof is checked; the no-JS lane has a global budget a
minute past which it degrades to queue-only (stored, screened later in a batch), refusing nobody.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client, TestCase
from pytest_django.fixtures import Settings as SettingsWrapper

from solidarity.relay import tasks
from solidarity.relay.models import Message

ONION = "publicpublicpublicpublicpublicpublicpublicpublicpublic2.onion"
TOR = "127.0.0.1"  # every onion visitor arrives from the Tor daemon
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _onion(settings: SettingsWrapper) -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ONION]


def visitor() -> Client:
    return Client(REMOTE_ADDR=TOR, HTTP_HOST=ONION)


def wait_token(client: Client) -> str:
    page = client.get("/en/relay/send/")
    found = re.search(r'name="wait_token" value="([^"]+)"', page.content.decode())
    assert found is not None
    return found.group(1)


def send(client: Client, token: str, text: str) -> int:
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/en/relay/send/", {"wait_token": token, "consent": "on", "text": text}).status_code


def test_empty_and_forged_posts_silence_nobody(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_PER_HOUR", "5")
    attacker = visitor()
    for i in range(30):
        assert attacker.post("/en/relay/send/", {}).status_code == 400
        assert send(attacker, f"forged-{i}", "junk words here") == 400
    # A real no-JS sender, through the same onion (the same address), still gets through.
    sender = visitor()
    assert send(sender, wait_token(sender), "We stand with you, people of Iran") == 302
    assert Message.objects.count() == 1


def test_the_onion_has_no_address_limit_but_the_clearnet_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_PER_HOUR", "2")
    onion = visitor()
    assert [send(onion, wait_token(onion), f"Solidarity message {i}") for i in range(4)] == [302] * 4
    clearnet = Client(REMOTE_ADDR="198.51.100.7")
    assert [send(clearnet, wait_token(clearnet), f"Clearnet message {i}") for i in range(3)] == [302, 302, 429]


def test_a_token_is_spent_once() -> None:
    client = visitor()
    token = wait_token(client)
    assert send(client, token, "First message with this token") == 302
    assert send(client, token, "Second message with the same token") == 400


def test_bulk_collected_tokens_buy_only_queue_only_storage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_PER_MINUTE", "5")
    attacker = visitor()
    tokens = [wait_token(attacker) for _ in range(12)]
    assert [send(attacker, token, f"Bulk message number {i}") for i, token in enumerate(tokens)] == [302] * 12
    # The lane's budget screened five at once; the rest wait, stored, for the periodic batch.
    assert Message.objects.exclude(status=Message.Status.RECEIVED).count() == 5
    assert Message.objects.filter(status=Message.Status.RECEIVED).count() == 7
    # A real sender past the budget is accepted too (queue-only), never refused.
    sender = visitor()
    assert send(sender, wait_token(sender), "A genuine message of support") == 302
    tasks.screen_pending_every_minute()
    assert not Message.objects.filter(status=Message.Status.RECEIVED).exists()


def test_the_periodic_screening_takes_batches_until_the_queue_is_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_PER_MINUTE", "1")
    monkeypatch.setattr(tasks, "SCREEN_BATCH", 3)
    attacker = visitor()
    tokens = [wait_token(attacker) for _ in range(8)]
    assert [send(attacker, token, f"Queued message number {i}") for i, token in enumerate(tokens)] == [302] * 8
    assert Message.objects.filter(status=Message.Status.RECEIVED).count() == 7
    tasks.screen_pending_every_minute()  # three batches of three, the last one short
    assert not Message.objects.filter(status=Message.Status.RECEIVED).exists()


def test_the_periodic_screening_stops_when_its_time_is_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_PER_MINUTE", "1")
    monkeypatch.setattr(tasks, "SCREEN_BATCH", 3)
    monkeypatch.setattr(tasks, "SCREEN_BUDGET_SECONDS", 0.0)
    attacker = visitor()
    for i, token in enumerate([wait_token(attacker) for _ in range(8)]):
        send(attacker, token, f"Queued message number {i}")
    tasks.screen_pending_every_minute()  # one batch, then the time is up; the next run goes on
    assert Message.objects.filter(status=Message.Status.RECEIVED).count() == 4
