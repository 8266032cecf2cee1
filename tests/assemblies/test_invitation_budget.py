"""Issue 12, finding 4 on invitations: a per-invitation budget, not a per-address one.

On the onion every visitor is one address: junk tokens cost a signature check and count against
nobody, so a real invitee's page keeps working under attack; each invitation has its own budget.
"""

from __future__ import annotations

import pytest
from django.test import Client

from solidarity.assemblies import services, views
from solidarity.assemblies.models import Venue
from solidarity.core.models import User

ONION = "publicpublicpublicpublicpublicpublicpublicpublicpublic2.onion"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _onion(settings: object) -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ONION]  # type: ignore[attr-defined]


def test_junk_tokens_never_block_a_real_invitee_on_the_onion(
    venues: dict[str, Venue], credentials_officer: User
) -> None:
    _invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="G")
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_HOST=ONION)
    junk = "A" * 170
    forged = token[:-8] + ("B" * 8 if not token.endswith("B" * 8) else "C" * 8)
    for candidate in [junk, forged] * 40:
        assert attacker.get(f"/en/assemblies/invitation/{candidate}/").status_code == 404
    invitee = Client(REMOTE_ADDR="127.0.0.1", HTTP_HOST=ONION)
    page = invitee.get(f"/en/assemblies/invitation/{token}/")
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]


def test_each_invitation_has_its_own_budget(
    venues: dict[str, Venue], credentials_officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "INVITATION_VIEWS", 3)
    _one, first = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="One")
    _two, second = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="Two")
    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_HOST=ONION)
    statuses = [client.get(f"/en/assemblies/invitation/{first}/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert client.get(f"/en/assemblies/invitation/{second}/").status_code == 200


def test_the_clearnet_keeps_its_address_limit(venues: dict[str, Venue], credentials_officer: User) -> None:
    _invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="G")
    prober = Client(REMOTE_ADDR="198.51.100.8")
    for _ in range(60):
        prober.get(f"/en/assemblies/invitation/{'A' * 170}/")
    assert prober.get(f"/en/assemblies/invitation/{token}/").status_code == 429  # that address only
    assert Client(REMOTE_ADDR="198.51.100.9").get(f"/en/assemblies/invitation/{token}/").status_code == 200
