"""Read operations of coordination: public campaigns, releases, staff queues, follow-through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from solidarity.coalition.models import Organization
from solidarity.coordination import conversion
from solidarity.coordination.conversion import Conversion
from solidarity.coordination.models import Bulletin, Campaign, Cell, IssuerTally, Release
from solidarity.monitor.models import Claim, Event, ReviewStatus
from solidarity.monitor.pipeline.places import default_gazetteer, geocode
from solidarity.monitor.pipeline.sectors import SECTOR_NAMES

PUBLIC_STATUSES = (Campaign.Status.OPEN, Campaign.Status.CLOSED)


def public_campaigns() -> QuerySet[Campaign]:
    return Campaign.objects.filter(status__in=PUBLIC_STATUSES).select_related("organization").order_by("action_date")


def public_campaign(slug: str) -> Campaign | None:
    return public_campaigns().filter(slug=slug).first()


def staff_campaigns() -> QuerySet[Campaign]:
    return (
        Campaign.objects.select_related("organization", "proposed_by")
        .prefetch_related("approvals")
        .order_by("-created_at")
    )


def latest_release(campaign: Campaign) -> Release | None:
    return Release.objects.filter(campaign=campaign).order_by("-day").first()


def published_bulletin(campaign: Campaign) -> Bulletin | None:
    return Bulletin.objects.filter(campaign=campaign, is_published=True).first()


def province_choices() -> list[tuple[str, str, str]]:
    """(ISO code, English name, Persian name) of every province, by English name."""
    provinces = default_gazetteer().provinces.values()
    return sorted(((p.iso, p.name_en, p.name_fa) for p in provinces), key=lambda row: row[1])


def sector_choices() -> list[tuple[str, str, str]]:
    return [(slug, names[0], names[1]) for slug, names in SECTOR_NAMES.items()]


def area_label(area: str, language: str) -> str:
    """Name a cell's area ("IR-03:Tabriz") in `language`: its town by the gazetteer's Persian name
    where it knows the town, and its province."""
    province_iso, _sep, city = area.partition(":")
    gazetteer = default_gazetteer()
    province = gazetteer.provinces.get(province_iso)
    name = (province.name_fa if language == "fa" else province.name_en) if province else province_iso
    if city and language == "fa":
        place = geocode(city, province_iso or None, gazetteer)
        city = place.name_fa if place is not None and place.name_fa else city
    return f"{city} ({name})" if city else name


def sector_label(sector: str, language: str) -> str:
    names = SECTOR_NAMES.get(sector)
    if names is None:
        return sector
    return names[1] if language == "fa" else names[0]


def issuer_names(language: str) -> dict[str, str]:
    """Map the releases' issuer ids ("org<pk>") to organization names in the page's language."""
    return {
        f"org{pk}": (fa if language == "fa" and fa else en)
        for pk, en, fa in Organization.objects.values_list("pk", "name_en", "name_fa")
    }


def issuer_tallies(campaign: Campaign) -> QuerySet[IssuerTally]:
    return (
        IssuerTally.objects.filter(cell__campaign=campaign)
        .select_related("cell", "issuer")
        .order_by("cell__province_iso", "cell__city", "cell__sector", "issuer__name_en")
    )


@dataclass(frozen=True)
class ObservedEvent:
    event_id: int
    date: str
    city: str
    sector: str
    sources: int
    evidence: str


@dataclass(frozen=True)
class FollowThrough:
    cell: Cell
    pledged_band: str
    reached: bool
    events: tuple[ObservedEvent, ...]
    conversion: Conversion


def follow_through(campaign: Campaign) -> tuple[list[FollowThrough], list[Claim]]:
    """After the date: the monitor's events for each cell's area, sector and day, with evidence.

    Events from the day of the action and the day after (reports often date the next morning),
    in the cell's province (and city, when the cell names one) and sector; rejected events are
    left out. Aggregate claims whose period covers the day are listed beside them, never added.
    """
    release = latest_release(campaign)
    released = {cell["key"]: cell for cell in (release.body["cells"] if release else [])}
    day = campaign.action_date
    events = (
        Event.objects.filter(event_date__gte=day, event_date__lte=day + timedelta(days=1))
        .exclude(status=ReviewStatus.REJECTED)
        .prefetch_related("reports")
        .order_by("event_date", "pk")
    )
    rows = []
    cells = list(campaign.cells.all())
    for cell in cells:
        matching = [
            event
            for event in events
            if event.province_iso == cell.province_iso
            and event.sector == cell.sector
            and (not cell.city or event.city.casefold() == cell.city.casefold() or event.city_fa == cell.city)
        ]
        observed = tuple(
            ObservedEvent(
                event_id=event.pk,
                date=event.event_date.isoformat() if event.event_date else "",
                city=event.city,
                sector=event.sector,
                sources=event.independent_sources,
                evidence=next((report.evidence for report in event.reports.all()), ""),
            )
            for event in matching
        )
        found = released.get(cell.key, {})
        rows.append(
            FollowThrough(
                cell=cell,
                pledged_band=found.get("band", ""),
                reached=bool(found.get("reached")),
                events=observed,
                conversion=conversion.measure(
                    target=cell.target,
                    band=found.get("band", ""),
                    crowds=[(event.crowd_low, event.crowd_high) for event in matching],
                ),
            )
        )
    provinces = {cell.province_iso for cell in cells}
    claims = list(
        Claim.objects.filter(Q(area_iso="IR") | Q(area_iso__in=provinces))
        .filter(period_start__lte=day, period_end__gte=day)
        .exclude(status=ReviewStatus.REJECTED)
        .select_related("document")[:20]
    )
    return rows, claims


def finished_campaigns() -> QuerySet[Campaign]:
    """Closed campaigns whose date has passed: the rungs a next campaign can follow."""
    return Campaign.objects.filter(status=Campaign.Status.CLOSED, action_date__lt=timezone.localdate()).order_by(
        "-action_date"
    )
