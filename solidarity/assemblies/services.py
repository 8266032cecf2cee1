"""Write operations on assemblies: venues, programme, partners, invitations, scans and updates."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from solidarity.assemblies import checkin, invitations
from solidarity.assemblies.keys import current_signer, published_keyring, signer_for
from solidarity.assemblies.models import Assembly, BroadcastPartner, Invitation, Scan, Session, Update, Venue
from solidarity.core import audit

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from solidarity.coalition.models import Delegate
    from solidarity.core.models import User

    Actor = User | AnonymousUser | None


class InvitationStateError(Exception):
    """The invitation is not in a state that allows this step."""


class SigningKeyRetiredError(Exception):
    """The key that signed this invitation is no longer held here: issue a new invitation."""


# --- assemblies, venues, programme, partners -----------------------------------------------


@transaction.atomic
def create_assembly(
    *, actor: Actor, slug: str, name_en: str, name_fa: str, starts_on: dt.date, ends_on: dt.date, **fields: str
) -> Assembly:
    """Create an assembly in draft."""
    assembly = Assembly(slug=slug, name_en=name_en, name_fa=name_fa, starts_on=starts_on, ends_on=ends_on, **fields)
    assembly.full_clean()
    assembly.save()
    audit.record("assemblies.assembly.created", actor=actor, target=assembly)
    return assembly


@transaction.atomic
def set_assembly_status(*, actor: Actor, assembly: Assembly, status: str) -> Assembly:
    """Move an assembly to draft, published, live or closed."""
    if status not in Assembly.Status.values:
        raise ValueError(f"unknown status {status!r}")
    previous = assembly.status
    assembly.status = status
    assembly.save(update_fields=["status"])
    audit.record("assemblies.assembly.status", actor=actor, target=assembly, data={"from": previous, "to": status})
    return assembly


@transaction.atomic
def add_venue(*, actor: Actor, assembly: Assembly, **fields: object) -> Venue:
    """Add a hub or satellite venue to an assembly."""
    venue = Venue(assembly=assembly, **fields)
    venue.full_clean()
    venue.save()
    audit.record("assemblies.venue.added", actor=actor, target=venue, data={"kind": venue.kind})
    return venue


@transaction.atomic
def add_session(
    *,
    actor: Actor,
    assembly: Assembly,
    venues: Iterable[Venue],
    held_at: Venue | None = None,
    speakers: Iterable[Delegate] = (),
    **fields: object,
) -> Session:
    """Add a session to the programme, held at one venue (if given) and screened at the others.

    Its times must be aware (they are stored in UTC).
    """
    session = Session(assembly=assembly, held_at=held_at, **fields)
    session.full_clean()
    session.save()
    places = list(venues)
    if held_at is not None and all(place.pk != held_at.pk for place in places):
        places.append(held_at)
    session.venues.set(places)
    session.speakers.set(list(speakers))
    audit.record("assemblies.session.added", actor=actor, target=session)
    return session


@transaction.atomic
def add_partner(*, actor: Actor, assembly: Assembly, **fields: object) -> BroadcastPartner:
    """Register a broadcast partner (not yet accredited)."""
    partner = BroadcastPartner(assembly=assembly, **fields)
    partner.full_clean()
    partner.save()
    audit.record("assemblies.partner.added", actor=actor, target=partner)
    return partner


@transaction.atomic
def accredit_partner(*, actor: Actor, partner: BroadcastPartner, accredited: bool = True) -> BroadcastPartner:
    """Accredit a broadcast partner, or withdraw its accreditation."""
    partner.is_accredited = accredited
    partner.accredited_at = timezone.now() if accredited else None
    partner.save(update_fields=["is_accredited", "accredited_at"])
    action = "assemblies.partner.accredited" if accredited else "assemblies.partner.withdrawn"
    audit.record(action, actor=actor, target=partner)
    return partner


# --- invitations ---------------------------------------------------------------------------


def default_window(assembly: Assembly) -> tuple[dt.datetime, dt.datetime]:
    """Return the validity window of an assembly's invitations: a day before to a day after."""
    start = dt.datetime.combine(assembly.starts_on, dt.time.min, tzinfo=dt.UTC) - dt.timedelta(days=1)
    end = dt.datetime.combine(assembly.ends_on, dt.time.max, tzinfo=dt.UTC) + dt.timedelta(days=1)
    return start, end.replace(microsecond=0)


@transaction.atomic
def issue_invitation(
    *,
    officer: Actor,
    venue: Venue,
    role: int = Invitation.Role.DELEGATE,
    delegate: Delegate | None = None,
    guest_name: str = "",
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
) -> tuple[Invitation, str]:
    """Sign a new invitation to a venue for a delegate or a named guest; return it and its token."""
    if delegate is None and not guest_name.strip():
        raise ValueError("an invitation names a delegate or a guest")
    assembly = venue.assembly
    start, end = default_window(assembly)
    start, end = not_before or start, not_after or end
    signer = current_signer()
    nonce = secrets.token_bytes(invitations.NONCE_SIZE)
    token = invitations.issue(
        signer,
        assembly_id=assembly.pk,
        venue_id=venue.pk,
        role=invitations.InviteRole(role),
        not_before=start,
        not_after=end,
        nonce=nonce,
    )
    invitation = Invitation.objects.create(
        assembly=assembly,
        venue=venue,
        role=role,
        delegate=delegate,
        guest_name=guest_name.strip() if delegate is None else "",
        nonce=nonce.hex(),
        code_digest=invitations.code_digest(invitations.short_code(token)),
        key_id=signer.key_id,
        not_before=invitations.timestamp_to_datetime(int(start.timestamp())),
        not_after=invitations.timestamp_to_datetime(int(end.timestamp())),
        issued_by=officer if officer is not None and officer.is_authenticated else None,
    )
    audit.record(
        "assemblies.invitation.issued", actor=officer, target=invitation, data={"venue": venue.pk, "role": role}
    )
    return invitation, invitations.to_text(token)


def _binary_token_for(invitation: Invitation) -> bytes:
    signer = signer_for(invitation.key_id)
    if signer is None:
        raise SigningKeyRetiredError(invitation.key_id)
    return invitations.issue(
        signer,
        assembly_id=invitation.assembly_id,
        venue_id=invitation.venue_id,
        role=invitations.InviteRole(invitation.role),
        not_before=invitation.not_before,
        not_after=invitation.not_after,
        nonce=bytes.fromhex(invitation.nonce),
    )


def token_for(invitation: Invitation) -> str:
    """Re-derive an invitation's token from its claims (Ed25519 signing is deterministic)."""
    return invitations.to_text(_binary_token_for(invitation))


def code_for(invitation: Invitation) -> str:
    """Return an invitation's short code, from its re-derived token (raise SigningKeyRetiredError)."""
    return invitations.short_code(_binary_token_for(invitation))


def invitation_for_token(token: str, *, now: dt.datetime | None = None) -> Invitation:
    """Return the invitation a token stands for, after verifying it; raise InvalidInvite otherwise.

    Refused alike: a forged token, one for an unknown record, and a revoked one.
    """
    moment = now or timezone.now()
    binary = invitations.from_text(token)
    claimed = invitations.parse(binary)[0]
    try:
        invitations.verify(
            binary, published_keyring(), now=moment, expected_assembly=claimed.assembly_id, expected_venue=None
        )
    except invitations.InvalidInvite as refusal:
        # The invitee may open the page before or after the window; only the door checks time.
        if refusal.reason not in {invitations.Reason.NOT_YET_VALID, invitations.Reason.EXPIRED}:
            raise
    claims = claimed
    invitation = (
        Invitation.objects.select_related("assembly", "venue", "delegate").filter(nonce=claims.nonce_hex).first()
    )
    if invitation is None or invitation.assembly_id != claims.assembly_id or invitation.venue_id != claims.venue_id:
        raise invitations.InvalidInvite(invitations.Reason.FORGED)
    return invitation


@transaction.atomic
def respond_to_invitation(*, invitation: Invitation, accept: bool) -> Invitation:
    """Record the invitee's answer; they may change their mind until the invitation is revoked."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.state == Invitation.State.REVOKED:
        raise InvitationStateError(locked.state)
    locked.state = Invitation.State.ACCEPTED if accept else Invitation.State.DECLINED
    locked.responded_at = timezone.now()
    locked.save(update_fields=["state", "responded_at"])
    audit.record(f"assemblies.invitation.{locked.state}", actor=None, target=locked)
    return locked


@transaction.atomic
def revoke_invitation(*, officer: Actor, invitation: Invitation, reason: str = "") -> Invitation:
    """Revoke an invitation: its nonce joins the revocation list verifiers download."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.state == Invitation.State.REVOKED:
        return locked
    locked.state = Invitation.State.REVOKED
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["state", "revoked_at"])
    audit.record("assemblies.invitation.revoked", actor=officer, target=locked, data={"reason": reason[:40]})
    return locked


# --- check-in ------------------------------------------------------------------------------


def build_manifest(*, venue: Venue, now: dt.datetime | None = None) -> checkin.Manifest:
    """Return what a door device at this venue downloads: keys, revocations and code digests."""
    moment = now or timezone.now()
    assembly = venue.assembly
    rows = list(
        Invitation.objects.filter(assembly=assembly).only(
            "assembly_id", "venue_id", "role", "nonce", "code_digest", "key_id", "not_before", "not_after", "state"
        )
    )
    revoked = frozenset(row.nonce for row in rows if row.state == Invitation.State.REVOKED)
    codes: dict[str, checkin.CodeEntry] = {}
    for row in rows:
        if row.state == Invitation.State.REVOKED:
            continue
        digest = row.code_digest
        if not digest:
            # Issued before digests were kept: re-sign the token (about 50 µs). An invitation
            # signed by a key this server no longer holds works by its token, not by its code.
            try:
                digest = invitations.code_digest(code_for(row))
            except SigningKeyRetiredError:
                continue
        entry = checkin.CodeEntry(
            row.nonce, row.venue_id, int(row.not_before.timestamp()), int(row.not_after.timestamp())
        )
        codes[digest] = entry
    admitted = frozenset(
        Scan.objects.filter(assembly=assembly, outcome=checkin.ADMITTED).values_list("token_nonce", flat=True)
    )
    return checkin.Manifest(
        assembly.pk, venue.pk, published_keyring(), revoked, codes, int(moment.timestamp()), admitted
    )


@dataclass(frozen=True)
class SyncResult:
    received: int
    stored: int
    already_known: int
    reconciliation: checkin.Reconciliation


@transaction.atomic
def sync_scans(*, officer: Actor, venue: Venue, scans: Iterable[checkin.Scan]) -> SyncResult:
    """Store a device's scans once each (by scan id), then reconcile the whole assembly.

    Repeating a sync changes nothing: scans already stored are recognised by their id.
    """
    batch = list(checkin.unique_scans(scans).values())
    for scan in batch:
        if scan.venue_id != venue.pk:
            raise ValueError("a scan names another venue than the one synced")
    known = set(Scan.objects.filter(scan_id__in=[scan.scan_id for scan in batch]).values_list("scan_id", flat=True))
    fresh = [scan for scan in batch if scan.scan_id not in known]
    by_nonce = dict(
        Invitation.objects.filter(
            assembly=venue.assembly, nonce__in={scan.token_nonce for scan in fresh if scan.token_nonce}
        ).values_list("nonce", "pk")
    )
    Scan.objects.bulk_create(
        [
            Scan(
                assembly_id=venue.assembly_id,
                venue=venue,
                scan_id=scan.scan_id,
                device_id=scan.device_id[:64],
                token_nonce=scan.token_nonce or "",
                invitation_id=by_nonce.get(scan.token_nonce or ""),
                scanned_at=invitations.timestamp_to_datetime(scan.scanned_at),
                outcome=scan.outcome[:20],
            )
            for scan in fresh
        ],
        ignore_conflicts=True,  # a concurrent sync of the same scan stores it once
    )
    result = reconcile_assembly(assembly=venue.assembly)
    audit.record(
        "assemblies.scans.synced",
        actor=officer,
        target=venue,
        data={"received": len(batch), "stored": len(fresh), "duplicates": len(result.duplicates)},
    )
    return SyncResult(len(batch), len(fresh), len(batch) - len(fresh), result)


def stored_scans(assembly: Assembly) -> list[checkin.Scan]:
    rows = Scan.objects.filter(assembly=assembly).values_list(
        "scan_id", "device_id", "venue_id", "token_nonce", "scanned_at", "outcome"
    )
    return [
        checkin.Scan(scan_id, device, venue, nonce or None, int(scanned_at.timestamp()), outcome)
        for scan_id, device, venue, nonce, scanned_at, outcome in rows
    ]


@transaction.atomic
def reconcile_assembly(*, assembly: Assembly) -> checkin.Reconciliation:
    """Reconcile all stored scans of an assembly and mark every duplicate admission."""
    result = checkin.reconcile(stored_scans(assembly))
    ids = dict(Scan.objects.filter(assembly=assembly).values_list("scan_id", "pk"))
    flagged = {duplicate.again.scan_id: duplicate for duplicate in result.duplicates}
    current = {
        scan_id: (first_id, kind)
        for scan_id, first_id, kind in Scan.objects.filter(assembly=assembly)
        .exclude(duplicate_kind="")
        .values_list("scan_id", "duplicate_of_id", "duplicate_kind")
    }
    for scan_id in set(current) - set(flagged):
        Scan.objects.filter(scan_id=scan_id).update(duplicate_of=None, duplicate_kind="")
    for scan_id, duplicate in flagged.items():
        wanted = (ids[duplicate.first.scan_id], duplicate.kind.value)
        if current.get(scan_id) != wanted:
            Scan.objects.filter(scan_id=scan_id).update(duplicate_of_id=wanted[0], duplicate_kind=wanted[1])
    return result


@transaction.atomic
def check_in_online(
    *, officer: Actor, venue: Venue, text: str, device_id: str
) -> tuple[checkin.Scan, invitations.InvalidInvite | None]:
    """Verify a token or code at the door while online and store the scan at once."""
    manifest = build_manifest(venue=venue)
    scanner = checkin.Scanner(manifest, device_id)
    cleaned = text.strip()
    if len(cleaned) == invitations.TEXT_LENGTH:
        scan, refusal = scanner.scan_token(cleaned, now=int(timezone.now().timestamp()))
    else:
        scan, refusal = scanner.scan_code(cleaned, now=int(timezone.now().timestamp()))
    sync_scans(officer=officer, venue=venue, scans=[scan])
    return scan, refusal


# --- live updates --------------------------------------------------------------------------


@transaction.atomic
def post_update(
    *, author: Actor, assembly: Assembly, kind: str, text_en: str, text_fa: str, venue: Venue | None = None
) -> Update:
    """Post a live update in both languages."""
    update = Update(assembly=assembly, kind=kind, text_en=text_en.strip(), text_fa=text_fa.strip(), venue=venue)
    if author is not None and author.is_authenticated:
        update.posted_by = author
    update.full_clean()
    update.save()
    audit.record("assemblies.update.posted", actor=author, target=update, data={"kind": kind})
    return update
