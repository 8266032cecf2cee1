"""Writes of the monitor: register sources, ingest documents, merge reports into events, review."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction

from solidarity.core import audit
from solidarity.monitor.models import Claim, Document, Event, EventFields, Report, ReviewStatus, Source
from solidarity.monitor.pipeline import budget, dedup, places
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.records import DocumentInput, EventRecord, Extraction
from solidarity.monitor.sources.readers import Limits, RawDocument, ReadError, Seekable, read_file, read_text

if TYPE_CHECKING:
    from solidarity.core.models import User


class ReviewError(Exception):
    """A review action that does not apply to the record."""


class DocumentRefused(Exception):
    """A document not ingested because it passes a cap (its length, its extraction time); nothing stored."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin, self.reason = origin, reason


def reading_limits() -> Limits:
    """Return the caps on decompressed bytes per file and per record, from the settings."""
    return Limits(file_bytes=settings.MONITOR_MAX_FILE_BYTES, record_bytes=settings.MONITOR_MAX_RECORD_BYTES)


@dataclass(frozen=True)
class IngestResult:
    """What happened to one raw document."""

    document: Document
    created: bool
    events: int
    claims: int


def register_source(
    *, name: str, kind: str = Source.Kind.INDEPENDENT, language: str = "", country: str = "", affiliation: str = ""
) -> Source:
    """Return the source called `name`, creating it when new."""
    source, _created = Source.objects.get_or_create(
        name=name[:200], defaults={"kind": kind, "language": language, "country": country, "affiliation": affiliation}
    )
    return source


@transaction.atomic
def describe_source(
    *,
    source: Source,
    kind: str | None = None,
    language: str | None = None,
    country: str | None = None,
    affiliation: str | None = None,
) -> Source:
    """Set what the registry says of a source; a new affiliation recounts the voices behind its events."""
    if kind is not None and kind not in Source.Kind.values:
        raise ValueError(f"unknown kind {kind}")
    old_affiliation = source.affiliation
    for name, value in (("kind", kind), ("language", language), ("country", country), ("affiliation", affiliation)):
        if value is not None:
            setattr(source, name, value)
    source.full_clean(exclude=["name"])
    source.save()
    if source.affiliation != old_affiliation:
        recount_voices(source=source)
    return source


def recount_voices(*, source: Source) -> None:
    """Recount the independent voices of every event the source reports (after its affiliation changed)."""
    for event in Event.objects.filter(reports__document__source=source).distinct():
        refresh_event(event=event)


@transaction.atomic
def grade_source(*, source: Source, grade: str, reason: str, analyst: User) -> Source:
    """Set a source's reliability grade with the analyst's reason."""
    source.grade, source.grade_reason = grade, reason
    source.save(update_fields=["grade", "grade_reason"])
    audit.record("monitor.source.graded", actor=analyst, target=source, data={"grade": grade})
    return source


def _report_fields(record: EventRecord) -> dict[str, Any]:
    place, date, crowd = record.place, record.date, record.crowd
    return {
        "sub_event_type": record.sub_event_type.value,
        "event_date": date.date if date else None,
        "time_precision": date.precision if date else 3,
        "city": (place.city or "") if place else "",
        "city_fa": (place.city_fa or "") if place else "",
        "geonameid": place.geonameid if place else None,
        "province_iso": place.province_iso if place else "",
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.precision if place else 3,
        "sector": record.sector.slug if record.sector else "",
        "crowd_low": crowd.low if crowd else None,
        "crowd_high": crowd.high if crowd else None,
        "crowd_text": crowd.text[:120] if crowd else "",
        "arrests": record.arrests.value if record.arrests else None,
        "injuries": record.injuries.value if record.injuries else None,
        "deaths": record.deaths.value if record.deaths else None,
    }


def _evidence_json(record: EventRecord) -> dict[str, Any]:
    def sentence(value: Any) -> str:
        evidence = getattr(value, "evidence", None)
        return str(evidence.sentence) if evidence is not None else ""

    return {
        "sub_event_type": record.sub_event_evidence.sentence,
        "date": {"text": record.date.text, "calendar": record.date.calendar, "sentence": sentence(record.date)}
        if record.date
        else None,
        "place": {"text": record.place.text, "sentence": sentence(record.place)} if record.place else None,
        "sector": {"text": record.sector.text, "sentence": sentence(record.sector)} if record.sector else None,
        "crowd": {"text": record.crowd.text, "sentence": sentence(record.crowd)} if record.crowd else None,
        "arrests": sentence(record.arrests) or None,
        "injuries": sentence(record.injuries) or None,
        "deaths": sentence(record.deaths) or None,
    }


def _extract_within_budget(raw: RawDocument) -> Extraction:
    """Extract a document whose length and extraction time fit the settings' caps, else refuse it."""
    cap = settings.MONITOR_MAX_TEXT_CHARS
    if len(raw.text) > cap:
        raise DocumentRefused(
            raw.origin, f"refused: main text of {len(raw.text):,} characters is over the cap of {cap:,} "
            "characters (SOLIDARITY_MONITOR_MAX_TEXT_CHARS)"
        )  # fmt: skip
    seconds = settings.MONITOR_EXTRACT_SECONDS
    try:
        with budget.limit(seconds):
            return extract(DocumentInput(text=raw.text, title=raw.title, published=raw.published))
    except budget.OverBudget as error:
        raise DocumentRefused(
            raw.origin, f"refused: extraction took over its budget of {seconds} s (SOLIDARITY_MONITOR_EXTRACT_SECONDS)"
        ) from error


@transaction.atomic
def ingest_document(*, raw: RawDocument, source: Source | None = None) -> IngestResult:
    """Store a document once (by content hash), extract its events and claims, merge into events.

    A document over the caps on text length or extraction time raises DocumentRefused before
    anything of it is stored; the caller goes on with the next document.
    """
    existing = Document.objects.filter(content_hash=raw.content_hash).first()
    if existing is not None:
        return IngestResult(existing, False, 0, 0)
    extraction = _extract_within_budget(raw)
    if source is None and raw.site:
        source = register_source(name=raw.site)
    document = Document.objects.create(
        source=source,
        content_hash=raw.content_hash,
        fingerprint=dedup.text_fingerprint(raw.text),
        title=raw.title[:500],
        text=raw.text,
        url=raw.url[:2000],
        origin=raw.origin[:300],
        published=raw.published,
        language=extraction.language,
    )
    for record in extraction.events:
        report = Report.objects.create(
            document=document,
            evidence="\n".join(e.sentence for e in record.evidence),
            evidence_json=_evidence_json(record),
            language=record.language,
            **_report_fields(record),
        )
        if record.place is not None:
            attach_report(report=report)
        # A report that names no place is kept with its evidence but counted nowhere: an event
        # row needs a location (as in ACLED). Analysts see these on the review page.
    for claim in extraction.claims:
        Claim.objects.create(
            document=document,
            claimant=(claim.claimant or (source.name if source else ""))[:300],
            count=claim.count,
            unit=claim.unit[:60],
            places=claim.places,
            period_start=claim.period_start,
            period_end=claim.period_end,
            calendar=claim.calendar,
            period_text=claim.period_text[:120],
            area_iso=claim.area_iso,
            evidence=claim.evidence.sentence,
        )
    return IngestResult(document, True, len(extraction.events), len(extraction.claims))


WEB_DOCUMENTS = 25  # documents one upload may add from the web page; a larger archive goes through the command


@dataclass(frozen=True)
class Upload:
    """A file an analyst sent from the web page: its stream, its name (which gives its type) and its size."""

    stream: Seekable
    name: str
    size: int


@dataclass(frozen=True)
class AddedReport:
    """What adding a report from the web did: the documents read, those refused, those left unread."""

    results: list[IngestResult]
    refused: list[ReadError]
    stopped: bool  # the file held more than WEB_DOCUMENTS documents: the rest were not read


def add_report(
    *,
    analyst: User,
    text: str = "",
    upload: Upload | None = None,
    url: str = "",
    title: str = "",
    published: datetime.date | None = None,
    source_name: str = "",
) -> AddedReport:
    """Add a report from the web: pasted text or a file, through the same readers and pipeline as the command.

    A URL is stored as text and never fetched. Pasted text reads like a text file (an optional
    `Title:`/`Date:`/`Source:` header), and the form's title, date and URL fill in what it lacks.
    A file is read under the same caps as on the command line; every stored document is audited.
    """
    source = register_source(name=source_name) if source_name else None
    if upload is not None:
        items = read_file(upload.stream, upload.name, upload.size, reading_limits())
    else:
        items = iter([read_text(text, "pasted text")])
    results: list[IngestResult] = []
    refused: list[ReadError] = []
    stopped = False
    for item in items:
        if len(results) + len(refused) >= WEB_DOCUMENTS:
            stopped = True
            break
        if isinstance(item, ReadError):
            refused.append(item)
            continue
        raw = dataclasses.replace(
            item,
            url=item.url or url[:2000],
            title=item.title or title,
            published=item.published or published,
        )
        try:
            result = ingest_document(raw=raw, source=source)
        except DocumentRefused as error:
            refused.append(ReadError(error.origin, error.reason))
            continue
        results.append(result)
        audit.record(
            "monitor.report.added",
            actor=analyst,
            target=result.document,
            data={
                "via": "file" if upload is not None else "text",
                "new": result.created,
                "events": result.events,
                "claims": result.claims,
            },
        )
    return AddedReport(results, refused, stopped)


def _key(report: Report, *, with_text: bool = False) -> dedup.ReportKey:
    source = report.document.source
    return dedup.ReportKey(
        report_id=report.pk,
        date=report.event_date,
        date_precision=report.time_precision,
        geonameid=report.geonameid,
        province_iso=report.province_iso or None,
        sector=report.sector or None,
        source_voice=source.voice if source else f"document:{report.document_id}",
        text_fingerprint=report.document.fingerprint,
        shingles=dedup.shingles(report.document.text) if with_text else frozenset(),
    )


# The fields a report and an event share (those of EventFields), copied from reports to events.
EVENT_FIELD_NAMES = [field.name for field in EventFields._meta.get_fields() if field.concrete]


def attach_report(*, report: Report) -> Event:
    """Merge a report into the event it describes (or a new one) and refresh that event."""
    key = _key(report)
    candidates = Event.objects.exclude(status=ReviewStatus.REJECTED).filter(province_iso=report.province_iso)
    if report.event_date is not None:
        window = datetime.timedelta(days=dedup.DATE_WINDOW_DAYS + 3)
        candidates = candidates.filter(event_date__range=(report.event_date - window, report.event_date + window))
    for event in candidates.prefetch_related("reports__document__source"):
        if any(dedup.same_event(key, _key(other)) for other in event.reports.all()):
            report.event = event
            report.save(update_fields=["event"])
            refresh_event(event=event)
            return event
    event = Event.objects.create(**{name: getattr(report, name) for name in EVENT_FIELD_NAMES})
    report.event = event
    report.save(update_fields=["event"])
    refresh_event(event=event)
    return event


def refresh_event(*, event: Event) -> Event:
    """Recount independent voices; unless a person locked it, fill fields from the reports.

    Crowd size follows ACLED's conservative rule: the lowest reported low end.
    """
    reports = list(event.reports.select_related("document__source"))
    event.independent_sources = max(1, dedup.independent_voices([_key(r, with_text=True) for r in reports]))
    update = ["independent_sources", "updated_at"]
    if not event.is_locked and reports:
        first = min(reports, key=lambda r: r.pk)
        for name in EVENT_FIELD_NAMES:
            setattr(event, name, getattr(first, name))
        lows = [r.crowd_low for r in reports if r.crowd_low is not None]
        if lows:
            lowest = min((r for r in reports if r.crowd_low is not None), key=lambda r: r.crowd_low or 0)
            event.crowd_low, event.crowd_high, event.crowd_text = lowest.crowd_low, lowest.crowd_high, lowest.crowd_text
        for name in ("arrests", "injuries", "deaths"):
            values = [getattr(r, name) for r in reports if getattr(r, name) is not None]
            setattr(event, name, max(values) if values else None)
        update += EVENT_FIELD_NAMES
    event.save(update_fields=update)
    return event


CORRECTABLE = {
    "sub_event_type", "event_date", "city", "province_iso", "sector", "crowd_low", "crowd_high", "crowd_text",
    "arrests", "injuries", "deaths",
}  # fmt: skip


def _relocate(event: Event, *, city: str | None, province_iso: str | None) -> None:
    """Move an event to the town or province an analyst names, with the gazetteer's coordinates.

    A town moves the map dot, the province and the export's coordinates with it; a new province
    alone keeps a town of the same name in that province, else places the event at province level.
    """
    gazetteer = places.default_gazetteer()
    if province_iso is not None and province_iso not in gazetteer.provinces:
        raise ReviewError(f"unknown province {province_iso}")
    town_name = city or (event.city if province_iso else None)
    town = places.geocode(town_name, province_iso) if town_name else None
    if city and town is None:
        raise ReviewError(f"no town called {city} in the gazetteer")
    if town is not None:
        event.city, event.city_fa, event.geonameid = town.name, town.name_fa or "", town.geonameid
        event.province_iso, event.latitude, event.longitude = town.province_iso, town.latitude, town.longitude
        event.geo_precision = 1
        return
    province = gazetteer.provinces[str(province_iso)]
    event.city, event.city_fa, event.geonameid = "", "", None
    event.province_iso, event.latitude, event.longitude = province.iso, province.latitude, province.longitude
    event.geo_precision = 3


@transaction.atomic
def review_event(
    *, event: Event, analyst: User, action: str, changes: dict[str, Any] | None = None, note: str = ""
) -> Event:
    """Confirm, correct or reject an event; a correction locks it against later automatic runs."""
    if action == "confirm":
        event.status = ReviewStatus.CONFIRMED
    elif action == "reject":
        event.status = ReviewStatus.REJECTED
    elif action == "correct":
        unknown = set(changes or {}) - CORRECTABLE
        if unknown or not changes:
            raise ReviewError(f"cannot correct {sorted(unknown) or 'nothing'}")
        fields = dict(changes)
        if "city" in fields or "province_iso" in fields:
            _relocate(event, city=fields.pop("city", None), province_iso=fields.pop("province_iso", None))
        for name, value in fields.items():
            setattr(event, name, value)
        event.status = ReviewStatus.CORRECTED
        event.is_locked = True
    else:
        raise ReviewError(action)
    event.review_note = note[:2000]
    event.save()
    audit.record(
        f"monitor.event.{action}ed" if action != "confirm" else "monitor.event.confirmed",
        actor=analyst,
        target=event,
        data={"fields": sorted(changes or {})},
    )
    return event


CLAIM_CORRECTABLE = {"claimant", "count", "unit", "places", "period_start", "period_end", "area_iso"}


@transaction.atomic
def review_claim(*, claim: Claim, analyst: User, action: str, changes: dict[str, Any] | None = None) -> Claim:
    """Confirm, correct or reject a claim.

    A correction fixes a misreading of what the claimant said (count, unit, places, period, area);
    the claim stays the claimant's figure and is never added to the monitor's counts.
    """
    if action == "correct":
        unknown = set(changes or {}) - CLAIM_CORRECTABLE
        if unknown or not changes:
            raise ReviewError(f"cannot correct {sorted(unknown) or 'nothing'}")
        area = changes.get("area_iso", claim.area_iso)
        if area != "IR" and area not in places.default_gazetteer().provinces:
            raise ReviewError(f"unknown area {area}")
        start, end = changes.get("period_start", claim.period_start), changes.get("period_end", claim.period_end)
        if start and end and start > end:
            raise ReviewError("the period ends before it starts")
        for name, value in changes.items():
            setattr(claim, name, value)
        claim.status = ReviewStatus.CORRECTED
    elif action in {"confirm", "reject"}:
        claim.status = ReviewStatus.CONFIRMED if action == "confirm" else ReviewStatus.REJECTED
    else:
        raise ReviewError(action)
    claim.is_locked = True
    claim.save()
    audit.record(
        {
            "confirm": "monitor.claim.confirmed",
            "correct": "monitor.claim.corrected",
            "reject": "monitor.claim.rejected",
        }[action],
        actor=analyst,
        target=claim,
        data={"fields": sorted(changes or {})} if action == "correct" else None,
    )
    return claim
