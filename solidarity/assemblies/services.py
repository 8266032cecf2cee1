"""Write operations on assemblies: venues, programme, partners, invitations, scans and updates."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
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


class DependentRecordsError(Exception):
    """Removing this record would silently remove or orphan others: it is refused, with the reasons."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


class CapacityError(Exception):
    """Issuing these invitations would invite more people to a venue than it holds."""

    def __init__(self, *, capacity: int, invited: int, asked: int) -> None:
        super().__init__(f"capacity {capacity}, invited {invited}, asked {asked}")
        self.capacity, self.invited, self.asked = capacity, invited, asked

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.invited)


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


def _save_changes(record: Assembly | Venue | Session | BroadcastPartner, fields: dict[str, object]) -> list[str]:
    """Set the given fields, validate the record, save it; return the names of the fields that changed."""
    changed = [name for name, value in fields.items() if getattr(record, name) != value]
    for name, value in fields.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()
    return changed


@transaction.atomic
def update_assembly(*, actor: Actor, assembly: Assembly, **fields: object) -> Assembly:
    """Change an assembly's names, description, dates or visibility."""
    changed = _save_changes(assembly, fields)
    audit.record("assemblies.assembly.changed", actor=actor, target=assembly, data={"fields": changed})
    return assembly


def _dependents(*, invitations_count: int, scans_count: int, held_count: int = 0) -> list[str]:
    """Return, in words, what depends on a record (empty: it may be removed)."""
    from django.utils.translation import ngettext

    reasons = []
    if invitations_count:
        reasons.append(
            ngettext(
                "%(count)d invitation was issued for it (revoke is the way to withdraw an invitation).",
                "%(count)d invitations were issued for it (revoke is the way to withdraw an invitation).",
                invitations_count,
            )
            % {"count": invitations_count}
        )
    if scans_count:
        reasons.append(
            ngettext(
                "%(count)d check-in scan was recorded for it.",
                "%(count)d check-in scans were recorded for it.",
                scans_count,
            )
            % {"count": scans_count}
        )
    if held_count:
        reasons.append(
            ngettext(
                "%(count)d session is held there: move it to another venue first.",
                "%(count)d sessions are held there: move them to another venue first.",
                held_count,
            )
            % {"count": held_count}
        )
    return reasons


@transaction.atomic
def delete_assembly(*, actor: Actor, assembly: Assembly) -> None:
    """Remove a draft assembly and its programme; refused while invitations or check-ins depend on it."""
    reasons = _dependents(
        invitations_count=assembly.invitations.count(), scans_count=Scan.objects.filter(assembly=assembly).count()
    )
    if reasons:
        raise DependentRecordsError(reasons)
    audit.record(
        "assemblies.assembly.deleted",
        actor=actor,
        target=assembly,
        data={"venues": assembly.venues.count(), "sessions": assembly.sessions.count()},
    )
    assembly.delete()


@transaction.atomic
def update_venue(*, actor: Actor, venue: Venue, **fields: object) -> Venue:
    """Change a venue (the street address stays encrypted at rest)."""
    changed = _save_changes(venue, fields)
    # The address itself is never written to the audit log, only that it changed.
    audit.record("assemblies.venue.changed", actor=actor, target=venue, data={"fields": changed})
    return venue


@transaction.atomic
def delete_venue(*, actor: Actor, venue: Venue) -> None:
    """Remove a venue; refused while invitations, check-ins or sessions held there depend on it."""
    reasons = _dependents(
        invitations_count=venue.invitations.count(),
        scans_count=venue.scans.count(),
        held_count=venue.held_sessions.count(),
    )
    if reasons:
        raise DependentRecordsError(reasons)
    audit.record("assemblies.venue.deleted", actor=actor, target=venue, data={"kind": venue.kind})
    venue.delete()


@transaction.atomic
def update_session(
    *,
    actor: Actor,
    session: Session,
    venues: Iterable[Venue],
    held_at: Venue | None = None,
    speakers: Iterable[Delegate] = (),
    **fields: object,
) -> Session:
    """Change a session: its times, texts, where it is held and screened, speakers and languages."""
    changed = _save_changes(session, {"held_at": held_at, **fields})
    places = list(venues)
    if held_at is not None and all(place.pk != held_at.pk for place in places):
        places.append(held_at)
    session.venues.set(places)
    session.speakers.set(list(speakers))
    audit.record("assemblies.session.changed", actor=actor, target=session, data={"fields": changed})
    return session


@transaction.atomic
def delete_session(*, actor: Actor, session: Session) -> None:
    """Remove a session from the programme (nothing else depends on a session)."""
    audit.record("assemblies.session.deleted", actor=actor, target=session)
    session.delete()


@transaction.atomic
def update_partner(*, actor: Actor, partner: BroadcastPartner, **fields: object) -> BroadcastPartner:
    """Change a broadcast partner's names, channel, languages or stream."""
    changed = _save_changes(partner, fields)
    audit.record("assemblies.partner.changed", actor=actor, target=partner, data={"fields": changed})
    return partner


@transaction.atomic
def delete_partner(*, actor: Actor, partner: BroadcastPartner) -> None:
    """Remove a broadcast partner (nothing else depends on one; withdrawing accreditation keeps it listed)."""
    audit.record("assemblies.partner.deleted", actor=actor, target=partner)
    partner.delete()


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


@dataclass(frozen=True)
class BulkResult:
    issued: list[Invitation]
    skipped: list[Delegate]  # already held a live invitation to this assembly


@transaction.atomic
def issue_invitations_in_bulk(
    *, officer: Actor, venue: Venue, delegates: Iterable[Delegate], role: int = Invitation.Role.DELEGATE
) -> BulkResult:
    """Issue one invitation to a venue for each delegate who holds no live invitation to the assembly.

    All or nothing: refused with `CapacityError` when the venue would hold more invitees than seats.
    """
    # Lock the venue row so that two officers issuing at once cannot both fill the last seats.
    locked = Venue.objects.select_for_update().select_related("assembly").get(pk=venue.pk)
    live_states = [Invitation.State.ISSUED, Invitation.State.ACCEPTED]
    holders = set(
        Invitation.objects.filter(
            assembly_id=locked.assembly_id, state__in=live_states, delegate__isnull=False
        ).values_list("delegate_id", flat=True)
    )
    wanted: list[Delegate] = []
    skipped: list[Delegate] = []
    for delegate in delegates:
        if delegate.pk in holders or any(item.pk == delegate.pk for item in wanted):
            skipped.append(delegate)
        else:
            wanted.append(delegate)
    invited = locked.invitations.filter(state__in=live_states).count()
    if invited + len(wanted) > locked.capacity:
        raise CapacityError(capacity=locked.capacity, invited=invited, asked=len(wanted))
    issued = [issue_invitation(officer=officer, venue=locked, role=role, delegate=delegate)[0] for delegate in wanted]
    audit.record(
        "assemblies.invitation.bulk_issued",
        actor=officer,
        target=locked,
        data={"issued": len(issued), "skipped": len(skipped), "role": role},
    )
    return BulkResult(issued, skipped)


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


def invitation_for_credential(text: str, *, now: dt.datetime | None = None) -> Invitation:
    """Return the live invitation a token or a short code stands for; raise InvalidInvite otherwise.

    What a delegate types to sign in: the token of their link, or its short code (looked up by its
    digest, as door devices do). Forged, unknown and revoked credentials are refused alike.
    """
    cleaned = "".join(text.split())
    if len(cleaned) == invitations.TEXT_LENGTH:
        invitation = invitation_for_token(cleaned.upper(), now=now)
    else:
        code = invitations.normalize_code(cleaned)
        found = (
            Invitation.objects.select_related("assembly", "venue", "delegate")
            .filter(code_digest=invitations.code_digest(code))
            .first()
        )
        if found is None:
            raise invitations.InvalidInvite(invitations.Reason.FORGED)
        invitation = found
    if invitation.state == Invitation.State.REVOKED:
        raise invitations.InvalidInvite(invitations.Reason.REVOKED)
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
    # Only this venue's invitations: a stolen or doctored device learns nothing of other venues,
    # and another venue's token is refused by its signed venue claim anyway.
    rows = list(
        Invitation.objects.filter(assembly=assembly, venue=venue).only(
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
        Scan.objects.filter(
            assembly=assembly, outcome=checkin.ADMITTED, set_aside="", invitation__venue=venue
        ).values_list("token_nonce", flat=True)
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
    set_aside: dict[str, int] = field(default_factory=dict)  # reason -> admissions put aside


SET_ASIDE_UNKNOWN = "unknown"
SET_ASIDE_OUTSIDE_WINDOW = "outside_window"
SYNC_LEEWAY = dt.timedelta(minutes=10)  # door devices' clocks drift


def _set_aside_reason(
    scan: checkin.Scan, invitation: Invitation | None, *, venue: Venue, window: tuple[dt.datetime, dt.datetime]
) -> str:
    """Return why a device's admission cannot stand ("" when it can); refusals are kept as they are."""
    if scan.outcome != checkin.ADMITTED:
        return ""
    if invitation is None:
        return SET_ASIDE_UNKNOWN
    if invitation.venue_id != venue.pk:
        return invitations.Reason.WRONG_VENUE.value
    moment = invitations.timestamp_to_datetime(scan.scanned_at)
    if invitation.state == Invitation.State.REVOKED and (
        invitation.revoked_at is None or invitation.revoked_at <= moment + SYNC_LEEWAY
    ):
        return invitations.Reason.REVOKED.value
    starts = max(invitation.not_before, window[0]) - SYNC_LEEWAY
    ends = min(invitation.not_after, window[1]) + SYNC_LEEWAY
    if not starts <= moment <= ends:
        return SET_ASIDE_OUTSIDE_WINDOW
    return ""


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
    by_nonce = {
        invitation.nonce: invitation
        for invitation in Invitation.objects.filter(
            assembly=venue.assembly, nonce__in={scan.token_nonce for scan in fresh if scan.token_nonce}
        ).only("nonce", "venue_id", "state", "revoked_at", "not_before", "not_after")
    }
    window = default_window(venue.assembly)
    rows = []
    set_aside: dict[str, int] = {}
    for scan in fresh:
        invitation = by_nonce.get(scan.token_nonce or "")
        reason = _set_aside_reason(scan, invitation, venue=venue, window=window)
        if reason:
            set_aside[reason] = set_aside.get(reason, 0) + 1
        rows.append(
            Scan(
                assembly_id=venue.assembly_id,
                venue=venue,
                scan_id=scan.scan_id,
                device_id=scan.device_id[:64],
                token_nonce=scan.token_nonce or "",
                invitation_id=invitation.pk if invitation is not None else None,
                scanned_at=invitations.timestamp_to_datetime(scan.scanned_at),
                outcome=scan.outcome[:20],
                set_aside=reason,
            )
        )
    Scan.objects.bulk_create(rows, ignore_conflicts=True)  # a concurrent sync of the same scan stores it once
    result = reconcile_assembly(assembly=venue.assembly)
    audit.record(
        "assemblies.scans.synced",
        actor=officer,
        target=venue,
        data={
            "received": len(batch),
            "stored": len(fresh),
            "duplicates": len(result.duplicates),
            "set_aside": set_aside,
        },
    )
    return SyncResult(len(batch), len(fresh), len(batch) - len(fresh), result, set_aside)


def stored_scans(assembly: Assembly) -> list[checkin.Scan]:
    """Return the stored scans for reconciliation; an admission set aside at sync counts as its reason."""
    rows = Scan.objects.filter(assembly=assembly).values_list(
        "scan_id", "device_id", "venue_id", "token_nonce", "scanned_at", "outcome", "set_aside"
    )
    return [
        checkin.Scan(scan_id, device, venue, nonce or None, int(scanned_at.timestamp()), set_aside or outcome)
        for scan_id, device, venue, nonce, scanned_at, outcome, set_aside in rows
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
