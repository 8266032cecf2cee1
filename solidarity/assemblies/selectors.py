"""Read queries for assemblies: programme, partners, invitations, attendance and live updates."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Iterable
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

    @property
    def count(self) -> int:
        """Return the number of sessions held or screened at the venue."""
        return sum(len(day.sessions) for day in self.days)


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
# Admissions set aside at sync (revoked, unknown, outside the window) do not count either.
MATCHED = Q(invitation__venue_id=F("venue_id"), set_aside="")


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


def delegate_short_id(delegate: Delegate) -> str:
    """A short id that tells apart delegates with the same display name (shown, and printed on sheets)."""
    return f"D-{delegate.pk:04d}"


def delegate_label(delegate: Delegate) -> str:
    """Return "Name (Organization, D-0042)": enough to tell two people of the same name apart.

    Uses the prefetched organizations when there are any (no query per delegate then).
    """
    organizations = ", ".join(organization.name_en for organization in delegate.organizations.all()[:2])
    details = ", ".join(part for part in (organizations, delegate_short_id(delegate)) if part)
    return f"{delegate.display_name} ({details})"


def organizer_overview(assembly: Assembly) -> dict[str, object]:
    """Return what the organizer's page of an assembly lists: venues, sessions, partners and counts."""
    venues = list(
        assembly.venues.order_by("kind", "position", "id")
        .defer("street_address")
        .annotate(
            invited=Count("invitations", filter=~Q(invitations__state=Invitation.State.REVOKED), distinct=True),
        )
    )
    return {
        "venues": venues,
        "sessions": list(programme(assembly)),
        "partners": list(all_partners(assembly)),
        "invitations": assembly.invitations.count(),
    }


def active_invitation_count(venue: Venue) -> int:
    """Return how many people hold a live (issued or accepted) invitation to a venue."""
    return venue.invitations.filter(state__in=[Invitation.State.ISSUED, Invitation.State.ACCEPTED]).count()


def bulk_candidates(
    assembly: Assembly,
    *,
    organization_id: int | None = None,
    term_ids: Iterable[int] = (),
    without_invitation: bool = True,
) -> QuerySet[Delegate]:
    """Return the accredited delegates matching an organizer's choice (organization, family, tie, sector).

    Each term narrows the choice (a delegate of an organization tagged with every chosen term).
    """
    delegates = Delegate.objects.filter(is_accredited=True)
    if organization_id is not None:
        delegates = delegates.filter(organizations=organization_id)
    for term_id in term_ids:
        delegates = delegates.filter(
            Q(organizations__families=term_id) | Q(organizations__ties=term_id) | Q(organizations__sectors=term_id)
        )
    if without_invitation:
        delegates = delegates.exclude(
            invitations__assembly=assembly,
            invitations__state__in=[Invitation.State.ISSUED, Invitation.State.ACCEPTED],
        )
    return delegates.distinct().prefetch_related("organizations").order_by("display_name", "id")


@dataclass(frozen=True)
class SheetRow:
    """One invitee on a venue's printed sheet or in the export of links."""

    invitation: Invitation
    name: str
    organization: str
    short_id: str
    token: str
    code: str


def sheet_rows(venue: Venue, *, token_for: Callable[[Invitation], str | None]) -> list[SheetRow]:
    """Return the live invitations of a venue with their tokens, for printing or export.

    `token_for` re-signs each token (about 50 µs each) and answers None for an invitation whose
    signing key is retired: that one is left out (the officer issues it again).
    """
    from solidarity.assemblies import invitations as tokens

    rows = []
    queryset = (
        venue.invitations.filter(state__in=[Invitation.State.ISSUED, Invitation.State.ACCEPTED])
        .select_related("delegate")
        .prefetch_related("delegate__organizations")
        .order_by("delegate__display_name", "guest_name", "id")
    )
    for invitation in queryset:
        token = token_for(invitation)
        if token is None:
            continue
        delegate = invitation.delegate
        rows.append(
            SheetRow(
                invitation=invitation,
                name=invitation.holder_name,
                organization=", ".join(org.name_en for org in delegate.organizations.all()) if delegate else "",
                short_id=delegate_short_id(delegate) if delegate else f"G-{invitation.pk:04d}",
                token=token,
                code=tokens.short_code(tokens.from_text(token)),
            )
        )
    return rows


def door_holders(venue: Venue) -> dict[str, dict[str, str]]:
    """Map each live invitation of a venue (by nonce) to who holds it: name, organization, role.

    In both languages, so the door page shows them in the officer's language offline.
    """
    holders = {}
    for invitation in (
        venue.invitations.exclude(state=Invitation.State.REVOKED)
        .select_related("delegate")
        .prefetch_related("delegate__organizations")
    ):
        delegate = invitation.delegate
        organizations = list(delegate.organizations.all()) if delegate else []
        holders[invitation.nonce] = {
            "name": invitation.holder_name,
            "short_id": delegate_short_id(delegate) if delegate else f"G-{invitation.pk:04d}",
            "organization_en": ", ".join(item.name_en for item in organizations),
            "organization_fa": ", ".join(item.name_fa or item.name_en for item in organizations),
            "role": str(invitation.role),
        }
    return holders
