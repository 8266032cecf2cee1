"""The door: each venue's manifest holds its own codes and names; sync sets doctored admissions aside."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import asdict

import pytest
import time_machine
from django.test import Client

from solidarity.assemblies import checkin, invitations, selectors, services
from solidarity.assemblies.models import Assembly, Scan, Venue
from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from tests.conftest import verified_client

pytestmark = pytest.mark.django_db
DURING = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)


def admission(venue: Venue, nonce: str | None, at: dt.datetime = DURING) -> checkin.Scan:
    """An admission as a doctored (or misconfigured) device would queue it."""
    return checkin.Scan(secrets.token_hex(16), "doctored", venue.pk, nonce, int(at.timestamp()), checkin.ADMITTED)


def test_each_venue_manifest_holds_only_its_own_codes(
    organizer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    hub, _ = services.issue_invitation(officer=organizer, venue=venues["hub"], delegate=delegates[0])
    toronto, _ = services.issue_invitation(officer=organizer, venue=venues["toronto"], delegate=delegates[1])
    manifest = services.build_manifest(venue=venues["hub"], now=DURING)
    assert {entry.nonce for entry in manifest.codes.values()} == {hub.nonce}
    assert toronto.nonce not in json.dumps(manifest.to_json())
    assert set(selectors.door_holders(venues["hub"])) == {hub.nonce}


@time_machine.travel(DURING, tick=False)
def test_sync_sets_aside_admissions_of_other_venues_unknown_revoked_and_outside_the_window(
    organizer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    hub, _ = services.issue_invitation(officer=organizer, venue=venues["hub"], delegate=delegates[0])
    revoked, _ = services.issue_invitation(officer=organizer, venue=venues["toronto"], delegate=delegates[1])
    services.revoke_invitation(officer=organizer, invitation=revoked)
    honest, _ = services.issue_invitation(officer=organizer, venue=venues["toronto"], delegate=delegates[2])
    late, _ = services.issue_invitation(officer=organizer, venue=venues["toronto"], delegate=delegates[3])
    scans = [
        admission(venues["toronto"], hub.nonce),  # another venue's invitation
        admission(venues["toronto"], "ab" * 16),  # unknown
        admission(venues["toronto"], revoked.nonce, at=DURING + dt.timedelta(hours=1)),  # revoked before the scan
        admission(venues["toronto"], late.nonce, at=DURING + dt.timedelta(days=30)),  # after the assembly
        admission(venues["toronto"], honest.nonce),
    ]
    result = services.sync_scans(officer=organizer, venue=venues["toronto"], scans=scans)
    assert result.set_aside == {"wrong_venue": 1, "unknown": 1, "revoked": 1, "outside_window": 1}
    assert Scan.objects.count() == 5  # kept, with their reasons
    assert selectors.checked_in_delegate_ids(assembly_id=assembly.pk) == {delegates[2].pk}
    # The real holder of the hub's invitation is still admitted at the hub, not flagged as a repeat.
    real = checkin.Scan(
        secrets.token_hex(16), "hub-1", venues["hub"].pk, hub.nonce, int(DURING.timestamp()) + 60, "admitted"
    )
    services.sync_scans(officer=organizer, venue=venues["hub"], scans=[real])
    assert Scan.objects.get(scan_id=real.scan_id).duplicate_kind == ""
    assert selectors.checked_in_delegate_ids(assembly_id=assembly.pk) == {delegates[0].pk, delegates[2].pk}
    manifest = services.build_manifest(venue=venues["hub"], now=DURING)
    assert manifest.admitted == frozenset({hub.nonce})


def test_the_sync_endpoint_gives_the_reasons_in_words(
    organizer: User, checkin_officer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    hub, _ = services.issue_invitation(officer=organizer, venue=venues["hub"], delegate=delegates[0])
    doctored = admission(venues["toronto"], hub.nonce)
    client = verified_client(checkin_officer)
    response = client.post(
        f"/fa/staff/assemblies/{assembly.slug}/checkin/{venues['toronto'].pk}/scans.json",
        data=json.dumps({"scans": [asdict(doctored)]}),
        content_type="application/json",
    )
    body = response.json()
    assert body["set_aside"][0]["reason"] == "wrong_venue"
    assert body["set_aside"][0]["message"] == "این دعوت‌نامه برای محل دیگری است."


def test_the_browser_manifest_names_holders_and_the_file_does_not(
    organizer: User, checkin_officer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    services.issue_invitation(officer=organizer, venue=venues["hub"], delegate=delegates[0])
    client = verified_client(checkin_officer)
    url = f"/en/staff/assemblies/{assembly.slug}/checkin/{venues['hub'].pk}/queue.json"
    assert "Delegate 0" not in client.get(url).content.decode()
    named = client.get(url, {"names": "1"}).json()
    (holder,) = named["holders"].values()
    assert holder["name"] == "Delegate 0"
    assert holder["organization_en"] == "Women Forum"
    assert holder["short_id"] == f"D-{delegates[0].pk:04d}"


@time_machine.travel(DURING, tick=False)
def test_online_admit_shows_name_organization_and_role(
    organizer: User, checkin_officer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    _invitation, token = services.issue_invitation(officer=organizer, venue=venues["hub"], delegate=delegates[1])
    code = invitations.short_code(invitations.from_text(token))
    client = verified_client(checkin_officer)
    page = client.post(f"/en/staff/assemblies/{assembly.slug}/checkin/{venues['hub'].pk}/", {"token": code})
    text = page.content.decode()
    assert "ADMIT" in text
    assert "Delegate 1" in text and "Teachers Circle" in text and "Delegate</p>" in text


def test_the_door_worker_may_cover_the_staff_pages() -> None:
    response = Client().get("/assemblies/door-sw.js")
    assert response.status_code == 200
    assert response["Service-Worker-Allowed"] == "/"
    assert b"caches.open" in response.content
