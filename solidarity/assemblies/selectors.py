"""Read queries for assemblies: programme, partners, invitations, attendance and live updates."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q, QuerySet

from solidarity.assemblies.checkin import ADMITTED
from solidarity.assemblies.models import Assembly, BroadcastPartner, Invitation, Scan, Session, Update, Venue
from solidarity.coalition.models import Delegate, Term


def public_assemblies() -> QuerySet[Assembly]:
    return Assembly.objects.exclude(status=Assembly.Status.DRAFT)


def public_assembly(slug: str) -> Assembly | None:
    """Return a published, live or closed assembly, or None (drafts are not found)."""
    return public_assemblies().filter(slug=slug).first()


def staff_assembly(slug: str) -> Assembly | None:
    return Assembly.objects.filter(slug=slug).first()


def venues_of(assembly: Assembly) -> QuerySet[Venue]:
    return assembly.venues.order_by("kind", "position", "id").defer("street_address")


def venue_of(assembly: Assembly, venue_id: int) -> Venue | None:
    return assembly.venues.filter(pk=venue_id).first()


def programme(assembly: Assembly, *, venue: Venue | None = None) -> QuerySet[Session]:
    """Return the sessions with their venues and speakers, optionally those of one venue."""
    sessions = assembly.sessions.select_related("held_at").defer("held_at__street_address")
    sessions = sessions.prefetch_related(
        Prefetch("venues", queryset=Venue.objects.defer("street_address").order_by("kind", "position", "id")),
        Prefetch("speakers", queryset=Delegate.objects.only("id", "display_name")),
    )
    if venue is not None:
        sessions = sessions.filter(venues=venue)
    return sessions.order_by("starts_at", "id")


@dataclass(frozen=True)
class Day:
    """Sessions that start on one local calendar day of the viewer's time zone."""

    date: dt.date
    sessions: list[tuple[Session, dt.datetime, dt.datetime]]


def programme_days(sessions: QuerySet[Session], zone: zoneinfo.ZoneInfo) -> list[Day]:
    """Group sessions by local day in `zone`, with their local start and end."""
    days: dict[dt.date, list[tuple[Session, dt.datetime, dt.datetime]]] = defaultdict(list)
    for session in sessions:
        start, end = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
        days[start.date()].append((session, start, end))
    return [Day(date, items) for date, items in sorted(days.items())]


@dataclass(frozen=True)
class VenueProgramme:
    venue: Venue
    days: list[Day]


def programme_by_venue(assembly: Assembly) -> list[VenueProgramme]:
    """Return each venue's sessions in the venue's own time zone."""
    sessions = list(programme(assembly))
    grouped: list[VenueProgramme] = []
    for venue in venues_of(assembly):
        own = [session for session in sessions if any(item.pk == venue.pk for item in session.venues.all())]
        days: dict[dt.date, list[tuple[Session, dt.datetime, dt.datetime]]] = defaultdict(list)
        for session in own:
            start, end = session.starts_at.astimezone(venue.zone), session.ends_at.astimezone(venue.zone)
            days[start.date()].append((session, start, end))
        grouped.append(VenueProgramme(venue, [Day(date, items) for date, items in sorted(days.items())]))
    return grouped


def accredited_partners(assembly: Assembly) -> QuerySet[BroadcastPartner]:
    return assembly.partners.filter(is_accredited=True)


def all_partners(assembly: Assembly) -> QuerySet[BroadcastPartner]:
    return assembly.partners.all()


def invitations_of(assembly: Assembly, *, state: str = "", venue_id: int | None = None) -> QuerySet[Invitation]:
    invitations = assembly.invitations.select_related("venue", "delegate").defer("venue__street_address")
    if state:
        invitations = invitations.filter(state=state)
    if venue_id is not None:
        invitations = invitations.filter(venue_id=venue_id)
    return invitations


def invitation_counts(assembly: Assembly) -> dict[str, int]:
    rows = assembly.invitations.values("state").annotate(count=Count("id"))
    return {row["state"]: row["count"] for row in rows}


def revoked_nonces(assembly: Assembly) -> list[str]:
    return list(assembly.invitations.filter(state=Invitation.State.REVOKED).values_list("nonce", flat=True))


# An admission counts only at the venue its invitation names: honest door devices refuse other
# venues' tokens, so anything else came from a misconfigured or doctored queue file.
MATCHED = Q(invitation__venue_id=F("venue_id"))


def checked_in_delegate_ids(*, assembly_id: int) -> set[int]:
    """Return the ids of delegates admitted at their venue of the assembly (for the elections app)."""
    return set(
        Scan.objects.filter(
            MATCHED,
            assembly_id=assembly_id,
            outcome=ADMITTED,
            invitation__delegate__isnull=False,
            invitation__isnull=False,
        )
        .exclude(invitation__state=Invitation.State.REVOKED)
        .values_list("invitation__delegate_id", flat=True)
    )


@dataclass
class VenueAttendance:
    venue: Venue
    invited: int = 0
    accepted: int = 0
    admitted: int = 0
    duplicates: int = 0
    unmatched: int = 0  # admissions not matched to an invitation of this venue: not in the room

    @property
    def fill(self) -> float:
        return self.admitted / self.venue.capacity if self.venue.capacity else 0.0


@dataclass
class TermAttendance:
    term: Term
    invited: int = 0
    present: int = 0
    missing: list[str] = field(default_factory=list)


@dataclass
class Attendance:
    venues: list[VenueAttendance]
    totals: VenueAttendance | None
    by_kind: dict[str, list[TermAttendance]]
    unrepresented: list[Term]


def attendance(assembly: Assembly) -> Attendance:
    """Return who is in the room per venue and in total, and by family, tie and sector."""
    venues = list(venues_of(assembly))
    stats = {venue.pk: VenueAttendance(venue) for venue in venues}
    for venue_id, invited, accepted in (
        assembly.invitations.values("venue_id")
        .annotate(
            invited=Count("id", filter=~Q(state=Invitation.State.REVOKED)),
            accepted=Count("id", filter=Q(state=Invitation.State.ACCEPTED)),
        )
        .values_list("venue_id", "invited", "accepted")
    ):
        stats[venue_id].invited = invited
        stats[venue_id].accepted = accepted
    for venue_id, first, admitted, duplicates in (
        Scan.objects.filter(assembly=assembly, outcome=ADMITTED)
        .values("venue_id")
        .annotate(
            first=Count("id", filter=Q(duplicate_kind="")),
            admitted=Count("id", filter=Q(duplicate_kind="") & MATCHED),
            duplicates=Count("id", filter=~Q(duplicate_kind="")),
        )
        .values_list("venue_id", "first", "admitted", "duplicates")
    ):
        stats[venue_id].admitted = admitted
        stats[venue_id].unmatched = first - admitted
        stats[venue_id].duplicates = duplicates
    total = VenueAttendance(venues[0]) if venues else None
    if total is not None:
        for item in stats.values():
            total.invited += item.invited
            total.accepted += item.accepted
            total.admitted += item.admitted
            total.duplicates += item.duplicates
            total.unmatched += item.unmatched

    present = checked_in_delegate_ids(assembly_id=assembly.pk)
    invited_delegates = (
        Delegate.objects.filter(invitations__assembly=assembly)
        .exclude(invitations__state=Invitation.State.REVOKED)
        .distinct()
        .prefetch_related("organizations__families", "organizations__ties", "organizations__sectors")
    )
    terms = list(Term.objects.filter(is_active=True))
    rows = {term.pk: TermAttendance(term) for term in terms}
    for delegate in invited_delegates:
        seen: set[int] = set()
        for organization in delegate.organizations.all():
            for term in [*organization.families.all(), *organization.ties.all(), *organization.sectors.all()]:
                if term.pk in seen or term.pk not in rows:
                    continue
                seen.add(term.pk)
                term_row = rows[term.pk]
                term_row.invited += 1
                if delegate.pk in present:
                    term_row.present += 1
                else:
                    term_row.missing.append(delegate.display_name)
    by_kind: dict[str, list[TermAttendance]] = {kind: [] for kind in Term.Kind.values}
    for term in terms:
        by_kind[term.kind].append(rows[term.pk])
    unrepresented = [term for term in terms if rows[term.pk].present == 0]
    return Attendance(list(stats.values()), total, by_kind, unrepresented)


@dataclass(frozen=True)
class DuplicateRow:
    scan: Scan
    first: Scan


def duplicate_scans(assembly: Assembly) -> list[DuplicateRow]:
    """Return each flagged admission beside the admission it repeats."""
    scans = (
        Scan.objects.filter(assembly=assembly)
        .exclude(duplicate_kind="")
        .select_related("venue", "duplicate_of__venue", "invitation")
        .defer("venue__street_address", "duplicate_of__venue__street_address")
    )
    return [DuplicateRow(scan, scan.duplicate_of) for scan in scans if scan.duplicate_of is not None]


def updates_of(assembly: Assembly, *, after_id: int = 0, limit: int = 50) -> list[Update]:
    updates = assembly.updates.select_related("venue").defer("venue__street_address")
    if after_id:
        return list(updates.filter(pk__gt=after_id).order_by("id")[:limit])
    return list(updates.order_by("-posted_at", "-id")[:limit])
