"""Coordinators' keys made offline: registered with a proof, signatures made on their own device."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from solidarity.coordination import services, signal
from solidarity.coordination.models import Campaign, CoordinatorKey
from solidarity.core.models import AuditEntry
from tests.conftest import verified_client
from tests.coordination.test_services import pledge_many

pytestmark = pytest.mark.django_db


def _keygen(tmp_path, capsys, user: str, name: str = "coordinator.key") -> tuple[str, str, str]:
    path = tmp_path / name
    call_command("coordination", "keygen", "--out", str(path), "--user", user)
    printed = capsys.readouterr().out
    public = re.search(r"public key: ([0-9a-f]{64})", printed)
    proof = re.search(r"proof: +([0-9a-f]{128})", printed)
    assert public and proof, printed
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    return str(path), public.group(1), proof.group(1)


def _closed_with_a_reached_cell(campaign, coordinators, issuers) -> Campaign:
    for issuer in issuers:
        pledge_many(campaign, coordinators[0], {"city": "Sanandaj", "sector": "teachers"}, issuer, 5)
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    services.release_due()
    campaign.refresh_from_db()
    return campaign


def test_registration_needs_a_proof_and_erases_the_server_held_seed(coordinators, tmp_path, capsys):
    coordinator = coordinators[0]
    held = services.coordinator_key(coordinator=coordinator)
    assert not held.is_offline
    _path, public, proof = _keygen(tmp_path, capsys, coordinator.username)
    _other_path, _other_public, other_proof = _keygen(tmp_path, capsys, coordinator.username, "other.key")
    for bad_key, bad_proof in ((public[:-2], proof), (public, other_proof), ("zz" * 32, proof)):
        with pytest.raises(services.CampaignError):
            services.register_offline_key(coordinator=coordinator, public_key_hex=bad_key, proof_hex=bad_proof)
    # Someone else's proof (made for another user name) does not register either.
    _p, public_b, proof_b = _keygen(tmp_path, capsys, coordinators[1].username, "b.key")
    with pytest.raises(services.CampaignError):
        services.register_offline_key(coordinator=coordinator, public_key_hex=public_b, proof_hex=proof_b)

    key = services.register_offline_key(coordinator=coordinator, public_key_hex=public, proof_hex=proof)
    assert key.is_offline and key.public_key == public
    with connection.cursor() as cursor:
        cursor.execute("SELECT seed FROM coordination_coordinatorkey WHERE coordinator_id = %s", [coordinator.pk])
        assert cursor.fetchone() == ("",)
    assert CoordinatorKey.objects.filter(coordinator=coordinator).count() == 1
    assert AuditEntry.objects.filter(action="coordination.key.registered_offline").count() == 1


def test_a_go_signed_offline_verifies_and_a_forged_one_is_refused(campaign, coordinators, issuers, tmp_path, capsys):
    first, second, _third = coordinators
    path, public, proof = _keygen(tmp_path, capsys, first.username)
    services.register_offline_key(coordinator=first, public_key_hex=public, proof_hex=proof)
    campaign = _closed_with_a_reached_cell(campaign, coordinators, issuers)
    bulletin = services.draft_bulletin(actor=second, campaign=campaign, kind="go")
    assert public in bulletin.keys

    # Without the device's signature, or with a signature over something else, nothing is added.
    for forged in ("", signal.sign_message(b"another message", bytes.fromhex(Path(path).read_text().strip()))):
        with pytest.raises(services.CampaignError):
            services.cosign_bulletin(actor=first, bulletin=bulletin, signature_hex=forged)

    client = verified_client(first)
    downloaded = client.get(reverse("coordination:staff-bulletin", args=[campaign.slug]))
    assert downloaded.status_code == 200 and downloaded.content == signal.canonical(bulletin.body)
    bulletin_file = tmp_path / "bulletin.json"
    bulletin_file.write_bytes(downloaded.content)
    call_command("coordination", "sign", "--key", path, str(bulletin_file))
    signature = re.search(r"signature: ([0-9a-f]{128})", capsys.readouterr().out)
    assert signature
    page = client.get(reverse("coordination:staff-detail", args=[campaign.slug])).text
    assert 'name="signature"' in page
    response = client.post(reverse("coordination:staff-cosign", args=[campaign.slug]), {"signature": signature[1]})
    assert response.status_code == 302
    bulletin.refresh_from_db()
    assert signal.key_id(bytes.fromhex(public)) in bulletin.signatures and not bulletin.is_published
    bulletin = services.cosign_bulletin(actor=second, bulletin=bulletin)
    assert bulletin.is_published
    verdict = signal.verify(
        bulletin.body, bulletin.signatures, keys=[bytes.fromhex(k) for k in bulletin.keys], threshold=2
    )
    assert verdict.valid and len(verdict.signers) == 2


def test_a_key_is_not_replaced_while_a_bulletin_waits_for_it(campaign, coordinators, issuers, tmp_path, capsys):
    campaign = _closed_with_a_reached_cell(campaign, coordinators, issuers)
    services.draft_bulletin(actor=coordinators[0], campaign=campaign, kind="go")
    _path, public, proof = _keygen(tmp_path, capsys, coordinators[2].username)
    with pytest.raises(services.CampaignError, match="waits for your signature"):
        services.register_offline_key(coordinator=coordinators[2], public_key_hex=public, proof_hex=proof)


def test_the_key_page_registers_and_the_commands_refuse_bad_files(coordinators, tmp_path, capsys):
    client = verified_client(coordinators[0])
    assert client.get(reverse("coordination:staff-key")).status_code == 200
    path, public, proof = _keygen(tmp_path, capsys, coordinators[0].username)
    response = client.post(reverse("coordination:staff-key"), {"public_key": public, "proof": "00" * 64})
    assert response.status_code == 200 and "does not verify" in response.text
    response = client.post(reverse("coordination:staff-key"), {"public_key": public, "proof": proof})
    assert response.status_code == 302
    assert "made offline" in client.get(reverse("coordination:staff-key")).text
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="must not exist"):
        call_command("coordination", "keygen", "--out", path, "--user", "x")
    not_a_bulletin = tmp_path / "x.json"
    not_a_bulletin.write_text(json.dumps({"format": "other"}))
    with pytest.raises(CommandError, match="not a bulletin"):
        call_command("coordination", "sign", "--key", path, str(not_a_bulletin))
