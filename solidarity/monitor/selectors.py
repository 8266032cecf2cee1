"""Reads of the monitor: filtered events, dashboard counts, claims beside counts, export rows."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

import jdatetime
from django.core.cache import cache
from django.db.models import CharField, Count, Max, Prefetch, Q, QuerySet
from django.db.models.functions import Cast, Substr

from solidarity.core.spreadsheet import safe_dict
from solidarity.monitor.models import Claim, Document, Event, Report, ReviewStatus, Source


@dataclass(frozen=True)
class EventFilters:
    """Dashboard filters (all optional)."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    sector: str = ""
    province: str = ""
    city: str = ""  # the gazetteer's English name, as stored on events
    sub_event_type: str = ""
    grade: str = ""
    corroborated: str = ""  # "yes", "no" or ""
    min_sources: int = 0
    month: str = ""  # "YYYY-MM" (Gregorian) or "J1403-08" (Solar Hijri)

    def query(self) -> dict[str, str]:
        """Return the filters as URL query parameters."""
        values = {
            "start": self.start.isoformat() if self.start else "",
            "end": self.end.isoformat() if self.end else "",
            "sector": self.sector,
            "province": self.province,
            "city": self.city,
            "type": self.sub_event_type,
            "grade": self.grade,
            "corroborated": self.corroborated,
            "month": self.month,
            "min_sources": str(self.min_sources) if self.min_sources else "",
        }
        return {k: v for k, v in values.items() if v}

    def query_string(self) -> str:
        """Return the filters as an encoded query string."""
        return urlencode(self.query())

    def narrowed(self, **changes: Any) -> str:
        """Return the query string of these filters with some set: the link behind one dashboard count."""
        return replace(self, **changes).query_string()


def _month_range(month: str) -> tuple[datetime.date, datetime.date] | None:
    try:
        if month.startswith("J"):
            year, number = (int(part) for part in month[1:].split("-"))
            start = jdatetime.date(year, number, 1).togregorian()
            following = jdatetime.date(year + (number == 12), number % 12 + 1, 1).togregorian()
        else:
            year, number = (int(part) for part in month.split("-"))
            start = datetime.date(year, number, 1)
            following = datetime.date(year + (number == 12), number % 12 + 1, 1)
    except ValueError:
        return None
    return start, following - datetime.timedelta(days=1)


def events(filters: EventFilters) -> QuerySet[Event]:
    """Return the events the filters select (rejected events never count)."""
    queryset = Event.objects.exclude(status=ReviewStatus.REJECTED)
    if filters.start:
        queryset = queryset.filter(event_date__gte=filters.start)
    if filters.end:
        queryset = queryset.filter(event_date__lte=filters.end)
    if filters.month and (span := _month_range(filters.month)):
        queryset = queryset.filter(event_date__range=span)
    if filters.sector:
        queryset = queryset.filter(sector=filters.sector)
    if filters.province:
        queryset = queryset.filter(province_iso=filters.province)
    if filters.city:
        queryset = queryset.filter(city=filters.city)
    if filters.sub_event_type:
        queryset = queryset.filter(sub_event_type=filters.sub_event_type)
    if filters.grade:
        queryset = queryset.filter(reports__document__source__grade=filters.grade).distinct()
    if filters.corroborated == "yes":
        queryset = queryset.filter(independent_sources__gte=2)
    elif filters.corroborated == "no":
        queryset = queryset.filter(independent_sources__lt=2)
    if filters.min_sources:
        queryset = queryset.filter(independent_sources__gte=filters.min_sources)
    return queryset


@dataclass(frozen=True)
class Dashboard:
    """Counts for the dashboard, each keyed so that a link can select its events."""

    total: int
    corroborated: int
    by_province: dict[str, int]
    by_month: list[tuple[str, str, int]]  # (filter key, label, count)
    by_sector: list[tuple[str, int]]
    by_type: list[tuple[str, int]]
    by_sources: dict[int, int]  # independent voices (3 stands for three or more) → events
    cities: list[tuple[str, str, float, float, int]]  # (name, Persian name, latitude, longitude, events)


CACHE_SECONDS = 300


def data_version() -> str:
    """Return a key that changes whenever an event is added, merged, reviewed or removed."""
    summary = Event.objects.aggregate(latest=Max("updated_at"), n=Count("id"))
    latest = summary["latest"].isoformat() if summary["latest"] else "-"
    return f"{latest}:{summary['n']}"


def cached_dashboard(filters: EventFilters, *, jalali: bool) -> Dashboard:
    """Return the dashboard counts, computed once per data version and filter set.

    The grouped queries take seconds at a million events on SQLite; a public page must not
    repeat them for every visitor. Any change to the events changes the version, so a cached
    figure is never stale.
    """
    digest = hashlib.sha256(f"{filters.query_string()}|{jalali}|{data_version()}".encode()).hexdigest()[:32]
    key = f"monitor:dashboard:{digest}"
    found = cache.get(key)
    if isinstance(found, Dashboard):
        return found
    result = dashboard(filters, jalali=jalali)
    cache.set(key, result, CACHE_SECONDS)
    return result


def dashboard(filters: EventFilters, *, jalali: bool) -> Dashboard:
    """Return the dashboard counts for the filtered events (a handful of grouped queries)."""
    queryset = events(filters)
    by_province = dict(queryset.values_list("province_iso").annotate(n=Count("id")).values_list("province_iso", "n"))
    if jalali:
        months: Counter[tuple[int, int]] = Counter()
        for day, n in queryset.exclude(event_date=None).values_list("event_date").annotate(n=Count("id")):
            j = jdatetime.date.fromgregorian(date=day)
            months[(int(j.year), int(j.month))] += n
        by_month = [(f"J{y}-{m:02d}", f"{y}-{m:02d}", n) for (y, m), n in sorted(months.items())]
    else:
        # The first seven characters of the ISO date are its month; cheaper than TruncMonth on SQLite,
        # where date functions run in Python for every row.
        month = Substr(Cast("event_date", output_field=CharField()), 1, 7)
        rows = queryset.exclude(event_date=None).annotate(m=month).values("m").annotate(n=Count("id")).order_by("m")
        by_month = [(row["m"], row["m"], row["n"]) for row in rows]
    by_sector = list(queryset.values_list("sector").annotate(n=Count("id")).order_by("-n").values_list("sector", "n"))
    by_type = list(
        queryset.values_list("sub_event_type").annotate(n=Count("id")).order_by("-n").values_list("sub_event_type", "n")
    )
    cities = list(
        queryset.exclude(city="")
        .values_list("city", "city_fa", "latitude", "longitude")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("city", "city_fa", "latitude", "longitude", "n")[:200]
    )
    by_sources: Counter[int] = Counter()
    for voices, n in (
        queryset.values_list("independent_sources").annotate(n=Count("id")).values_list("independent_sources", "n")
    ):
        by_sources[min(voices, 3)] += n
    return Dashboard(
        total=sum(by_province.values()),
        by_sources=dict(by_sources),
        corroborated=by_sources[2] + by_sources[3],
        by_province={k: v for k, v in by_province.items() if k},
        by_month=by_month,
        by_sector=[(s, n) for s, n in by_sector],
        by_type=[(t, n) for t, n in by_type],
        cities=[(c, fa, float(lat or 0), float(lon or 0), n) for c, fa, lat, lon, n in cities],
    )


@dataclass(frozen=True)
class ClaimBeside:
    """A claim with the monitor's own count for the same period and area."""

    claim: Claim
    counted: int
    filters: EventFilters


def claims_beside_counts(limit: int = 50) -> list[ClaimBeside]:
    """Return claims, each beside the number of events counted for its period and area.

    Two queries in all: the claims, then event counts per day and province over the span of
    their periods, summed here for each claim.
    """
    claims = list(Claim.objects.exclude(status=ReviewStatus.REJECTED).select_related("document")[:limit])
    periods = [c for c in claims if c.period_start and c.period_end]
    per_day: dict[tuple[datetime.date, str], int] = {}
    if periods:
        span = (
            min(c.period_start for c in periods if c.period_start),
            max(c.period_end for c in periods if c.period_end),
        )
        rows = events(EventFilters()).filter(event_date__range=span).values_list("event_date", "province_iso")
        grouped = rows.annotate(n=Count("id")).values_list("event_date", "province_iso", "n")
        per_day = {(day, iso): n for day, iso, n in grouped if day is not None}
    result = []
    for claim in claims:
        area = "" if claim.area_iso == "IR" else claim.area_iso
        filters = EventFilters(start=claim.period_start, end=claim.period_end, province=area)
        counted = 0
        if claim.period_start and claim.period_end:
            start, end = claim.period_start, claim.period_end
            counted = sum(n for (day, iso), n in per_day.items() if start <= day <= end and (not area or iso == area))
        result.append(ClaimBeside(claim, counted, filters))
    return result


def event_detail(pk: int) -> Event | None:
    """Return an event with its reports, documents and sources (or None)."""
    return Event.objects.filter(pk=pk).prefetch_related("reports__document__source").first()


EXPORT_COLUMNS = [
    # ACLED-compatible columns
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "inter1", "country", "iso", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags",
    # ours
    "sector", "size_low", "size_high", "size_text", "iso_3166_2", "event_date_jalali", "independent_sources",
    "arrests", "injuries", "status", "claim_ids",
]  # fmt: skip


def export_rows(filters: EventFilters) -> Iterator[dict[str, Any]]:
    """Yield one ACLED-compatible row (plus the monitor's columns) per event."""
    from solidarity.monitor.pipeline.places import default_gazetteer
    from solidarity.monitor.pipeline.sectors import SECTOR_NAMES

    provinces = default_gazetteer().provinces
    claims = list(
        Claim.objects.exclude(status=ReviewStatus.REJECTED).values_list("pk", "period_start", "period_end", "area_iso")
    )
    for event in events(filters).prefetch_related("reports__document__source").order_by("event_date", "pk"):
        reports = list(event.reports.all())
        sources = sorted({r.document.source.name for r in reports if r.document.source})
        sector_name = SECTOR_NAMES.get(event.sector, ("", ""))[0]
        day = event.event_date
        related = [
            str(pk) for pk, start, end, area in claims
            if start and end and day and start <= day <= end and area in {"IR", event.province_iso}
        ]  # fmt: skip
        crowd = f"crowd size={event.crowd_text}" if event.crowd_text else "crowd size=no report"
        yield {
            "event_id_cnty": f"IRN-SOL-{event.pk}",
            "event_date": event.event_date.isoformat() if event.event_date else "",
            "year": event.event_date.year if event.event_date else "",
            "time_precision": event.time_precision,
            "disorder_type": "Demonstrations",
            "event_type": "Riots" if event.sub_event_type == "Violent demonstration" else "Protests",
            "sub_event_type": event.sub_event_type,
            "actor1": "Protesters (Iran)",
            "inter1": 6 if event.sub_event_type != "Violent demonstration" else 5,
            "country": "Iran",
            "iso": 364,
            "admin1": provinces[event.province_iso].name_en if event.province_iso in provinces else "",
            "location": event.city
            or (provinces[event.province_iso].name_en if event.province_iso in provinces else ""),
            "latitude": event.latitude,
            "longitude": event.longitude,
            "geo_precision": event.geo_precision,
            "source": "; ".join(sources),
            "source_scale": "National",
            "notes": " ".join(reports[0].evidence.split("\n"))[:1000] if reports else "",
            "fatalities": event.deaths or 0,
            "tags": crowd,
            "sector": sector_name,
            "size_low": event.crowd_low if event.crowd_low is not None else "",
            "size_high": event.crowd_high if event.crowd_high is not None else "",
            "size_text": event.crowd_text,
            "iso_3166_2": event.province_iso,
            "event_date_jalali": jdatetime.date.fromgregorian(date=event.event_date).isoformat()
            if event.event_date
            else "",
            "independent_sources": event.independent_sources,
            "arrests": event.arrests if event.arrests is not None else "",
            "injuries": event.injuries if event.injuries is not None else "",
            "status": event.status,
            "claim_ids": " ".join(related),
        }


def export_csv_lines(filters: EventFilters) -> Iterator[str]:
    """Yield the export as CSV text, header first, one line per event (streamed, never all in memory).

    Titles, sources and evidence come from ingested news, so no text cell may start a formula in
    the spreadsheet it is opened in (the kernel's `spreadsheet` helper, shared with the coalition).
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS)

    def flush() -> str:
        line = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return line

    writer.writeheader()
    yield flush()
    for row in export_rows(filters):
        writer.writerow(safe_dict(row))
        yield flush()


ACLED_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")  # ISO; older exports spell the month out


def _acled_date(text: str) -> datetime.date | None:
    for layout in ACLED_DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), layout).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class AcledComparison:
    """A user's ACLED rows beside the monitor's events over the same period, three ways."""

    start: datetime.date | None  # the period the ACLED file's dated protest rows span
    end: datetime.date | None
    acled_rows: int  # their protest and riot rows in Iran
    undated: int  # of those, rows whose date could not be read (counted per province and type only)
    by_province: list[tuple[str, int, int]]  # (ISO 3166-2 code or their spelling, ours, theirs)
    by_month: list[tuple[str, int, int]]  # ("YYYY-MM", ours, theirs)
    by_type: list[tuple[str, int, int]]  # (ACLED sub-event type, ours, theirs)


def compare_acled(rows: list[dict[str, str]], filters: EventFilters) -> AcledComparison:
    """Compare a user's ACLED CSV rows with the monitor's events, per province, month and sub-type.

    Our side counts only events within the dates the ACLED file covers (and the filters), so two
    files of different periods are never set side by side as if they were one.
    """
    from solidarity.monitor.pipeline.places import province_by_name

    provinces: Counter[str] = Counter()
    months: Counter[str] = Counter()
    types: Counter[str] = Counter()
    dates: list[datetime.date] = []
    kept = 0
    for row in rows:
        if (row.get("country") or "Iran") != "Iran" or row.get("event_type") not in {"Protests", "Riots"}:
            continue
        kept += 1
        admin1 = (row.get("admin1") or "").strip()
        # ACLED spells provinces its own way ("Kohgiluyeh and Boyer-Ahmad", "Esfahan"); a name that
        # matches no province is shown as written rather than dropped.
        provinces[province_by_name(admin1) or admin1] += 1
        if sub_type := (row.get("sub_event_type") or "").strip():
            types[sub_type] += 1
        if (day := _acled_date(row.get("event_date") or "")) is not None:
            dates.append(day)
            months[day.strftime("%Y-%m")] += 1
    start, end = (min(dates), max(dates)) if dates else (None, None)
    if start is not None and end is not None:
        filters = replace(
            filters,
            start=max(start, filters.start) if filters.start else start,
            end=min(end, filters.end) if filters.end else end,
        )
    ours = events(filters)
    our_provinces = dict(ours.values_list("province_iso").annotate(n=Count("id")).values_list("province_iso", "n"))
    our_types = dict(ours.values_list("sub_event_type").annotate(n=Count("id")).values_list("sub_event_type", "n"))
    month = Substr(Cast("event_date", output_field=CharField()), 1, 7)  # as the dashboard counts months
    our_months = {
        row["m"]: row["n"]
        for row in ours.exclude(event_date=None).annotate(m=month).values("m").annotate(n=Count("id"))
    }

    def side_by_side(theirs: Counter[str], mine: dict[str, int] | Counter[str]) -> list[tuple[str, int, int]]:
        keys = sorted(set(theirs) | {key for key, n in mine.items() if key and n})
        return [(key, mine.get(key, 0), theirs.get(key, 0)) for key in keys]

    return AcledComparison(
        start=start,
        end=end,
        acled_rows=kept,
        undated=kept - len(dates),
        by_province=side_by_side(provinces, our_provinces),
        by_month=side_by_side(months, our_months),
        by_type=side_by_side(types, our_types),
    )


def source_registry() -> QuerySet[Source]:
    """Return every source with its number of documents."""
    return Source.objects.annotate(documents_count=Count("documents")).order_by("name")


def unplaced_reports() -> QuerySet[Report]:
    """Return the latest reports of protests that name no place (kept, but not counted)."""
    return Report.objects.filter(event=None).select_related("document__source").order_by("-pk")[:50]


def claims_to_review() -> QuerySet[Claim]:
    """Return claims no analyst has looked at yet."""
    return Claim.objects.filter(status=ReviewStatus.AUTOMATIC).select_related("document__source").order_by("-pk")[:50]


def review_queue() -> QuerySet[Event]:
    """Return events waiting for an analyst, newest first."""
    return Event.objects.filter(Q(status=ReviewStatus.AUTOMATIC)).order_by("-event_date", "-pk")


def daily_counts(filters: EventFilters) -> list[tuple[datetime.date, str, int]]:
    """Return (day, sub-event type, events) for the filtered events that have a date: one grouped query."""
    rows = (
        events(filters)
        .exclude(event_date=None)
        .order_by()
        .values_list("event_date", "sub_event_type")
        .annotate(n=Count("id"))
        .values_list("event_date", "sub_event_type", "n")
    )
    return [(day, kind, n) for day, kind, n in rows if day is not None]


@dataclass(frozen=True)
class PlacePoint:
    """Events of one sub-type at one place (a town, or a province's centre for events placed only there)."""

    city: str
    city_fa: str
    province_iso: str
    latitude: float
    longitude: float
    sub_event_type: str
    count: int


def points_by_type(filters: EventFilters, limit: int = 2000) -> list[PlacePoint]:
    """Return the filtered events grouped by place and sub-type, the largest groups first (one query)."""
    rows = (
        events(filters)
        .exclude(latitude=None)
        .exclude(longitude=None)
        .order_by()
        .values_list("city", "city_fa", "province_iso", "latitude", "longitude", "sub_event_type")
        .annotate(n=Count("id"))
        .order_by("-n", "city")
        .values_list("city", "city_fa", "province_iso", "latitude", "longitude", "sub_event_type", "n")[:limit]
    )
    return [
        PlacePoint(city, city_fa, iso, float(lat or 0), float(lon or 0), kind, n)
        for city, city_fa, iso, lat, lon, kind, n in rows
    ]


def document_extraction(pk: int) -> Document | None:
    """Return a document with its source, its reports (and their events) and its claims, or None."""
    return (
        Document.objects.filter(pk=pk)
        .select_related("source")
        .prefetch_related(
            Prefetch("reports", queryset=Report.objects.select_related("event").order_by("pk")),
            Prefetch("claims", queryset=Claim.objects.order_by("pk")),
        )
        .first()
    )
