"""Services and selectors: invitations, revocation, manifests, sync and reconciliation."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from solidarity.assemblies import checkin, invitations, selectors, services
from solidarity.assemblies.keys import current_signer, published_keyring
from solidarity.assemblies.models import Assembly, Invitation, Scan, Venue
from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, User

DURING = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)
pytestmark = pytest.mark.django_db


def test_issued_token_verifies_with_the_published_keys_and_names_nobody(
    venues: dict[str, Venue], credentials_officer: User, delegates: list[Delegate]
) -> None:
    invitation, token = services.issue_invitation(
        officer=credentials_officer, venue=venues["hub"], delegate=delegates[0]
    )
    claims = invitations.verify(
        token,
        published_keyring(),
        now=DURING,
        expected_assembly=venues["hub"].assembly_id,
        expected_venue=venues["hub"].pk,
    )
    assert claims.nonce_hex == invitation.nonce
    assert claims.key_id == current_signer().key_id == invitation.key_id
    assert delegates[0].display_name.encode() not in invitations.from_text(token)
    assert services.token_for(invitation) == token  # deterministic re-derivation
    assert AuditEntry.objects.filter(action="assemblies.invitation.issued").count() == 1


def test_an_invitation_names_a_delegate_or_a_guest(venues: dict[str, Venue], credentials_officer: User) -> None:
    with pytest.raises(ValueError):
        services.issue_invitation(officer=credentials_officer, venue=venues["hub"])
    invitation, _token = services.issue_invitation(
        officer=credentials_officer, venue=venues["hub"], guest_name=" Guest "
    )
    assert invitation.holder_name == "Guest"


def test_accept_decline_and_revoke(venues: dict[str, Venue], credentials_officer: User) -> None:
    invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["toronto"], guest_name="G")
    assert services.invitation_for_token(token).pk == invitation.pk
    assert services.respond_to_invitation(invitation=invitation, accept=True).state == Invitation.State.ACCEPTED
    assert services.respond_to_invitation(invitation=invitation, accept=False).state == Invitation.State.DECLINED
    services.revoke_invitation(officer=credentials_officer, invitation=invitation, reason="lost")
    with pytest.raises(services.InvitationStateError):
        services.respond_to_invitation(invitation=invitation, accept=True)
    assert invitation.nonce in selectors.revoked_nonces(venues["toronto"].assembly)
    manifest = services.build_manifest(venue=venues["toronto"])
    assert invitation.nonce in manifest.revoked
    scanner = checkin.Scanner(manifest, "door")
    _scan, refusal = scanner.scan_token(token, now=int(DURING.timestamp()))
    assert refusal is not None
    assert refusal.reason is invitations.Reason.REVOKED


def test_a_token_for_an_unknown_record_is_refused(venues: dict[str, Venue]) -> None:
    token = invitations.to_text(
        invitations.issue(
            current_signer(),
            assembly_id=venues["hub"].assembly_id,
            venue_id=venues["hub"].pk,
            role=invitations.InviteRole.GUEST,
            not_before=DURING,
            not_after=DURING + dt.timedelta(days=1),
        )
    )
    with pytest.raises(invitations.InvalidInvite):
        services.invitation_for_token(token)


def test_manifest_lists_code_digests_not_codes_and_no_names(
    venues: dict[str, Venue], credentials_officer: User, delegates: list[Delegate]
) -> None:
    invitation, token = services.issue_invitation(
        officer=credentials_officer, venue=venues["hub"], delegate=delegates[1]
    )
    manifest = services.build_manifest(venue=venues["hub"])
    text = checkin.Scanner(manifest, "door").dumps()
    code = invitations.short_code(invitations.from_text(token))
    assert services.code_for(invitation) == code
    assert invitations.code_digest(code) in manifest.codes
    # An invitation issued before digests were kept gets the same entry, from its re-signed token.
    Invitation.objects.filter(pk=invitation.pk).update(code_digest="")
    assert services.build_manifest(venue=venues["hub"]).codes == manifest.codes
    # One signed by a key this server no longer holds is left out: it still works by its token.
    Invitation.objects.filter(pk=invitation.pk).update(key_id=invitation.key_id + 1)
    assert invitations.code_digest(code) not in services.build_manifest(venue=venues["hub"]).codes
    assert code not in text
    assert delegates[1].display_name not in text
    assert "Rue" not in text


def test_two_devices_offline_then_sync_give_one_admission_and_one_flagged_duplicate(
    venues: dict[str, Venue], credentials_officer: User, checkin_officer: User, delegates: list[Delegate]
) -> None:
    _invitation, token = services.issue_invitation(
        officer=credentials_officer, venue=venues["hub"], delegate=delegates[0]
    )
    manifest = services.build_manifest(venue=venues["hub"])
    first, second = checkin.Scanner(manifest, "hub-1"), checkin.Scanner(manifest, "hub-2")
    assert first.scan_token(token, now=int(DURING.timestamp()))[1] is None
    assert second.scan_token(token, now=int(DURING.timestamp()) + 30)[1] is None  # offline: neither knows
    services.sync_scans(officer=checkin_officer, venue=venues["hub"], scans=first.pending())
    result = services.sync_scans(officer=checkin_officer, venue=venues["hub"], scans=second.pending())
    assert len(result.reconciliation.admissions) == 1
    assert len(result.reconciliation.duplicates) == 1
    assert Scan.objects.count() == 2  # no scan lost
    flagged = Scan.objects.get(device_id="hub-2")
    assert flagged.duplicate_kind == "twice"
    assert flagged.duplicate_of == Scan.objects.get(device_id="hub-1")
    # Syncing again stores nothing new and changes nothing.
    again = services.sync_scans(officer=checkin_officer, venue=venues["hub"], scans=first.pending() + second.pending())
    assert (again.stored, again.already_known) == (0, 2)
    assert Scan.objects.count() == 2
    rows = selectors.duplicate_scans(venues["hub"].assembly)
    assert [(row.first.device_id, row.scan.device_id) for row in rows] == [("hub-1", "hub-2")]


def test_checked_in_delegate_ids_for_elections(
    venues: dict[str, Venue], credentials_officer: User, checkin_officer: User, delegates: list[Delegate]
) -> None:
    assembly = venues["hub"].assembly
    tokens = [
        services.issue_invitation(officer=credentials_officer, venue=venues["hub"], delegate=delegate)[1]
        for delegate in delegates[:3]
    ]
    guest = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="Guest")[1]
    with time_machine.travel(DURING, tick=False):
        for token in [tokens[0], tokens[2], guest]:
            _scan, refusal = services.check_in_online(
                officer=checkin_officer, venue=venues["hub"], text=token, device_id="w"
            )
            assert refusal is None
        _scan, refusal = services.check_in_online(
            officer=checkin_officer, venue=venues["hub"], text=tokens[0], device_id="w"
        )
        assert refusal is not None
        assert refusal.reason is invitations.Reason.ALREADY_SCANNED
    assert selectors.checked_in_delegate_ids(assembly_id=assembly.pk) == {delegates[0].pk, delegates[2].pk}


def test_admissions_a_door_could_not_have_made_are_synced_but_not_counted_in_the_room(
    venues: dict[str, Venue], credentials_officer: User, checkin_officer: User, delegates: list[Delegate]
) -> None:
    """A doctored queue file claims admissions for a Toronto delegate and an unknown token at the
    hub: both are kept (no scan is lost) but count neither as present nor for the elections."""
    assembly = venues["hub"].assembly
    toronto = services.issue_invitation(officer=credentials_officer, venue=venues["toronto"], delegate=delegates[4])[0]
    hub = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], delegate=delegates[5])[0]
    moment = int(DURING.timestamp())
    hub_id = venues["hub"].pk
    scans = [
        checkin.Scan(checkin.new_scan_id(), "doctored", hub_id, toronto.nonce, moment, checkin.ADMITTED),
        checkin.Scan(checkin.new_scan_id(), "doctored", hub_id, "ab" * 16, moment, checkin.ADMITTED),
        checkin.Scan(checkin.new_scan_id(), "honest", hub_id, hub.nonce, moment, checkin.ADMITTED),
    ]
    result = services.sync_scans(officer=checkin_officer, venue=venues["hub"], scans=scans)
    assert result.stored == 3
    assert selectors.checked_in_delegate_ids(assembly_id=assembly.pk) == {delegates[5].pk}
    view = selectors.attendance(assembly)
    row = next(item for item in view.venues if item.venue.pk == hub_id)
    assert (row.admitted, row.unmatched) == (1, 2)
    assert view.totals is not None
    assert (view.totals.admitted, view.totals.unmatched) == (1, 2)


def test_online_check_in_by_short_code_and_wrong_venue(
    venues: dict[str, Venue], credentials_officer: User, checkin_officer: User
) -> None:
    _invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["toronto"], guest_name="G")
    code = invitations.short_code(invitations.from_text(token))
    with time_machine.travel(DURING, tick=False):
        _scan, refusal = services.check_in_online(
            officer=checkin_officer, venue=venues["hub"], text=token, device_id="w"
        )
        assert refusal is not None
        assert refusal.reason is invitations.Reason.WRONG_VENUE
        _scan, refusal = services.check_in_online(
            officer=checkin_officer, venue=venues["toronto"], text=code, device_id="w"
        )
        assert refusal is None


def test_attendance_by_venue_and_group(
    venues: dict[str, Venue], credentials_officer: User, checkin_officer: User, delegates: list[Delegate]
) -> None:
    assembly = venues["hub"].assembly
    tokens = [
        services.issue_invitation(officer=credentials_officer, venue=venues["hub"], delegate=delegate)[1]
        for delegate in delegates
    ]
    with time_machine.travel(DURING, tick=False):
        for token in tokens[:2]:
            services.check_in_online(officer=checkin_officer, venue=venues["hub"], text=token, device_id="w")
    view = selectors.attendance(assembly)
    hub = next(row for row in view.venues if row.venue.pk == venues["hub"].pk)
    assert (hub.invited, hub.admitted) == (6, 2)
    assert view.totals is not None
    assert view.totals.admitted == 2
    families = {row.term.slug: row for row in view.by_kind["family"]}
    # Delegates alternate between two organizations: 0, 2, 4 in one, 1, 3, 5 in the other.
    assert sum(row.present for row in families.values()) == 2
    assert sum(len(row.missing) for row in families.values()) == 4


def test_status_change_and_partner_accreditation_are_audited(assembly: Assembly, organizer: User) -> None:
    services.set_assembly_status(actor=organizer, assembly=assembly, status=Assembly.Status.LIVE)
    assert AuditEntry.objects.filter(action="assemblies.assembly.status").count() == 2
    with pytest.raises(ValueError):
        services.set_assembly_status(actor=organizer, assembly=assembly, status="nonsense")


def test_one_hub_per_assembly(venues: dict[str, Venue], organizer: User) -> None:
    with pytest.raises(ValidationError):
        services.add_venue(
            actor=organizer,
            assembly=venues["hub"].assembly,
            kind=Venue.Kind.HUB,
            name_en="Second hub",
            name_fa="دوم",
            city_en="Lyon",
            city_fa="لیون",
            country="FR",
            time_zone="Europe/Paris",
            capacity=10,
        )


def test_a_session_is_held_at_one_venue_of_its_own_assembly_and_screened_at_the_others(
    assembly: Assembly, venues: dict[str, Venue], organizer: User
) -> None:
    start = dt.datetime(2026, 12, 5, 8, tzinfo=dt.UTC)
    session = services.add_session(
        actor=organizer,
        assembly=assembly,
        venues=[venues["sydney"]],
        held_at=venues["hub"],
        title_en="T",
        title_fa="ت",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
    )
    assert set(session.venues.all()) == {venues["hub"], venues["sydney"]}  # the hub is added
    assert session.screening_venues == [venues["sydney"]]
    other = services.create_assembly(
        actor=organizer, slug="other", name_en="O", name_fa="ا", starts_on=start.date(), ends_on=start.date()
    )
    with pytest.raises(ValidationError):
        services.add_session(
            actor=organizer,
            assembly=other,
            venues=[],
            held_at=venues["hub"],
            title_en="T",
            title_fa="ت",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
        )


def test_unknown_time_zone_is_refused(assembly: Assembly, organizer: User) -> None:
    with pytest.raises(ValidationError):
        services.add_venue(
            actor=organizer,
            assembly=assembly,
            name_en="X",
            name_fa="X",
            city_en="X",
            city_fa="X",
            country="XX",
            time_zone="Mars/Olympus",
            capacity=1,
        )


def test_street_address_is_encrypted_at_rest(venues: dict[str, Venue]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT street_address FROM assemblies_venue WHERE id = %s", [venues["hub"].pk])
        (stored,) = cursor.fetchone()
    assert "Rue" not in stored
    assert Venue.objects.get(pk=venues["hub"].pk).street_address.startswith("17 Rue")


def test_interpretation_languages_are_named_in_the_readers_language() -> None:
    from django.utils import translation

    from solidarity.assemblies.models import Session

    session = Session(interpretation="en, fa,xx")
    with translation.override("fa"):
        assert session.interpretation_names == "انگلیسی، فارسی، xx"
    with translation.override("en"):
        assert session.interpretation_names == "English, Persian, xx"
