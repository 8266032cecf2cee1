"""Pages of the protest monitor: thin wrappers around selectors and services."""

from __future__ import annotations

import csv
import datetime
import io
import json
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.core import calendars
from solidarity.core.access import staff_required
from solidarity.core.models import User
from solidarity.core.months import solar_hijri_month
from solidarity.core.pagecache import public_page
from solidarity.core.roles import Role
from solidarity.core.text import to_persian_digits
from solidarity.monitor import mapping, selectors, services, timeline
from solidarity.monitor.forms import AddReportForm, ClaimReviewForm, CompareForm, FilterForm, GradeForm, ReviewForm
from solidarity.monitor.models import Claim, Event, Source, SubEventType
from solidarity.monitor.pipeline.places import default_gazetteer
from solidarity.monitor.pipeline.sectors import SECTOR_NAMES

PAGE_SIZE = 50


def _jalali(request: HttpRequest) -> bool:
    choice = request.GET.get("calendar", "")
    return choice == "jalali" or (choice == "" and calendars.is_persian())


def _month_label(key: str, persian: bool) -> str:
    """Name a month filter key ("J1403-08" or "2024-11") for the reader's language."""
    if key.startswith("J"):
        year, month = (int(part) for part in key[1:].split("-"))
        if persian:
            return to_persian_digits(f"{solar_hijri_month(month)} {year}")
        return f"{solar_hijri_month(month, latin=True)} {year}"
    return to_persian_digits(key) if persian else key


@public_page("monitor")
def dashboard(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters = form.filters()
    data = selectors.cached_dashboard(filters, jalali=_jalali(request))
    maximum = max(data.by_province.values(), default=0)
    # Each count links to the events behind it: the dashboard's filters plus the count's own.
    provinces = [
        (
            shape,
            data.by_province.get(shape.iso, 0),
            mapping.shade(data.by_province.get(shape.iso, 0), maximum),
            filters.narrowed(province=shape.iso),
        )
        for shape in mapping.province_shapes()
    ]
    persian = calendars.is_persian()
    cities = [
        (
            (name_fa or name) if persian else name,
            *mapping.project(lat, lon),
            mapping.city_radius(n),
            n,
            filters.narrowed(city=name),
        )
        for name, name_fa, lat, lon, n in data.cities
    ]
    context = {
        "form": form,
        "filters": filters,
        "query": filters.query(),
        "data": data,
        "provinces": provinces,
        "cities": cities,
        "width": mapping.WIDTH,
        "height": mapping.HEIGHT,
        "sector_names": SECTOR_NAMES,
        "claims": selectors.claims_beside_counts(),
        "jalali": _jalali(request),
        "months": [
            (key, _month_label(key, calendars.is_persian()), n, filters.narrowed(month=key))
            for key, _label, n in data.by_month
        ],
        "sectors": [(sector, n, filters.narrowed(sector=sector)) for sector, n in data.by_sector],
        "types": [(kind, n, filters.narrowed(sub_event_type=kind)) for kind, n in data.by_type],
        "corroboration_links": {
            "no": filters.narrowed(corroborated="no"),
            "yes": filters.narrowed(corroborated="yes"),
            "three": filters.narrowed(min_sources=3),
        },
    }
    return render(request, "monitor/dashboard.html", context)


TYPES = tuple(SubEventType.values)  # ACLED's order; the chart's stacks and the map's symbols follow it


def _period_label(start: datetime.date, interval: str, *, jalali: bool, short: bool) -> str:
    """Name a chart period by its first day, in the reader's calendar and digits."""
    persian = calendars.is_persian()
    if jalali:
        j = calendars.to_jalali(start)
        month = solar_hijri_month(j.month, latin=not persian)
        text = f"{month} {j.year}" if interval == "month" else f"{j.day} {month}" + ("" if short else f" {j.year}")
    elif interval == "month":
        text = start.strftime("%b %Y") if not persian else f"{start.year}/{start.month:02d}"
    elif persian:
        text = f"{start.month:02d}/{start.day:02d}" if short else start.isoformat().replace("-", "/")
    else:
        text = start.strftime("%-d %b") if short else start.strftime("%-d %b %Y")
    return to_persian_digits(text) if persian else text


@public_page("monitor")
def chart(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters = form.filters()
    interval = request.GET.get("interval", "")
    interval = interval if interval in timeline.INTERVALS else "month"
    jalali = _jalali(request)
    calendar = request.GET.get("calendar", "") if request.GET.get("calendar") in {"gregorian", "jalali"} else ""
    data = timeline.series(selectors.daily_counts(filters), TYPES, interval, jalali=jalali)
    # Claims stay apart from the counts: drawn as spans over their own periods, listed in their own table.
    claims, periods = [], []
    for item in selectors.claims_beside_counts():
        if item.claim.period_start and item.claim.period_end:
            claims.append(item)
            periods.append((item.claim.period_start, item.claim.period_end))
    drawing = timeline.layout(data, periods)
    labels = {
        index: _period_label(data.periods[index].start, interval, jalali=jalali, short=True)
        for _x, index in drawing.labels
    }
    rows = [
        (
            period,
            _period_label(period.start, interval, jalali=jalali, short=False),
            filters.narrowed(start=period.start, end=period.end),
            [
                (n, filters.narrowed(start=period.start, end=period.end, sub_event_type=kind))
                for kind, n in zip(TYPES, period.counts, strict=True)
            ],
        )
        for period in data.periods
    ]
    context = {
        "form": form,
        "filters": filters,
        "interval": interval,
        "intervals": [
            (
                key,
                label,
                urlencode({**filters.query(), "interval": key, **({"calendar": calendar} if calendar else {})}),
            )
            for key, label in (("day", _("Days")), ("week", _("Weeks")), ("month", _("Months")))
        ],
        "jalali": jalali,
        "series": data,
        "drawing": drawing,
        "axis_labels": [(x, labels[index]) for x, index in drawing.labels],
        "rows": rows,
        "types": [
            (index, SubEventType(kind).label, total)
            for index, (kind, total) in enumerate(zip(TYPES, data.totals, strict=True))
        ],
        "claims": [(span, claims[span.claim]) for span in drawing.spans],
        "claims_outside": len(claims) - len(drawing.spans),
        "width": timeline.WIDTH,
        "chart_height": timeline.CHART_HEIGHT,
        "plot_bottom": timeline.PLOT_TOP + timeline.PLOT_HEIGHT,
        "axis_start": timeline.AXIS_START,
        "axis_end": timeline.AXIS_END,
    }
    return render(request, "monitor/chart.html", context)


@public_page("monitor")
def point_map(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters = form.filters()
    persian = calendars.is_persian()
    provinces = default_gazetteer().provinces
    points = selectors.points_by_type(filters)
    symbols = []
    places: dict[tuple[str, str], list[int]] = {}
    names: dict[tuple[str, str], str] = {}
    for point in points:
        index = TYPES.index(point.sub_event_type) if point.sub_event_type in TYPES else 0
        x, y = mapping.project(point.latitude, point.longitude)
        province = provinces.get(point.province_iso)
        province_name = (province.name_fa if persian else province.name_en) if province else point.province_iso
        name = ((point.city_fa or point.city) if persian else point.city) or province_name
        link = (
            filters.narrowed(city=point.city, sub_event_type=point.sub_event_type)
            if point.city
            else filters.narrowed(province=point.province_iso, sub_event_type=point.sub_event_type)
        )
        symbols.append(
            (
                mapping.symbol(index, x, y, mapping.point_radius(point.count)),
                index,
                name,
                SubEventType(point.sub_event_type).label if point.sub_event_type in TYPES else point.sub_event_type,
                point.count,
                link,
            )
        )
        key = (point.city, point.province_iso)
        names[key] = name if point.city else f"{province_name} ({_('province')})"
        places.setdefault(key, [0] * len(TYPES))[index] += point.count
    # Small symbols drawn last stay visible on top of large ones.
    symbols.sort(key=lambda item: -item[4])
    table = sorted(
        (
            (
                names[key],
                counts,
                sum(counts),
                filters.narrowed(city=key[0]) if key[0] else filters.narrowed(province=key[1]),
            )
            for key, counts in places.items()
        ),
        key=lambda row: (-row[2], row[0]),
    )
    context = {
        "form": form,
        "filters": filters,
        "outlines": mapping.province_shapes(),
        "symbols": symbols,
        "table": table[:100],
        "places": len(table),
        "types": [(index, SubEventType(kind).label, mapping.SYMBOLS[index]) for index, kind in enumerate(TYPES)],
        "width": mapping.WIDTH,
        "height": mapping.HEIGHT,
    }
    return render(request, "monitor/map.html", context)


@public_page("monitor")
def event_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters = form.filters()
    queryset = selectors.events(filters).order_by("-event_date", "-pk")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "filters": filters, "query": filters.query(), "sector_names": SECTOR_NAMES}
    return render(request, "monitor/events.html", context)


@public_page("monitor")
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_detail(pk)
    if event is None or event.status == "rejected":
        raise Http404
    provinces = default_gazetteer().provinces
    context = {"event": event, "province": provinces.get(event.province_iso), "sector_names": SECTOR_NAMES}
    return render(request, "monitor/event.html", context)


def export(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    filters = FilterForm(request.GET or None).filters()
    if fmt == "json":
        response = HttpResponse(
            json.dumps(list(selectors.export_rows(filters)), ensure_ascii=False, default=str),
            content_type="application/json",
        )
        response["Content-Disposition"] = 'attachment; filename="solidarity-monitor-events.json"'
        return response

    response_stream = StreamingHttpResponse(selectors.export_csv_lines(filters), content_type="text/csv; charset=utf-8")
    response_stream["Content-Disposition"] = 'attachment; filename="solidarity-monitor-events.csv"'
    return response_stream


@staff_required(Role.ANALYST)
def review_queue(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.review_queue(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "sector_names": SECTOR_NAMES,
        "claims": selectors.claims_to_review(),
        "unplaced": selectors.unplaced_reports(),
    }
    return render(request, "monitor/staff/queue.html", context)


@staff_required(Role.ANALYST)
@require_POST
def review_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    analyst = request.user
    assert isinstance(analyst, User)  # noqa: S101 - staff_required lets only signed-in users through
    try:
        services.review_claim(claim=claim, analyst=analyst, action=request.POST.get("action", ""))
    except services.ReviewError:
        messages.error(request, _("Unknown decision."))
    else:
        messages.success(request, _("Review saved."))
    return HttpResponseRedirect(reverse("monitor:review"))


@staff_required(Role.ANALYST)
@require_http_methods(["GET", "POST"])
def correct_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("document__source"), pk=pk)
    initial = {name: getattr(claim, name) for name in ClaimReviewForm.NAMES}
    form = ClaimReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        analyst = request.user
        assert isinstance(analyst, User)  # noqa: S101 - staff_required lets only signed-in users through
        try:
            services.review_claim(claim=claim, analyst=analyst, action="correct", changes=form.changes(initial))
        except services.ReviewError:
            messages.error(request, _("Nothing to correct: change a field or choose another decision."))
        else:
            messages.success(request, _("Review saved."))
            return HttpResponseRedirect(reverse("monitor:review"))
    return render(request, "monitor/staff/claim.html", {"claim": claim, "form": form})


@staff_required(Role.ANALYST)
@require_http_methods(["GET", "POST"])
def review_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.prefetch_related("reports__document__source"), pk=pk)
    initial = {
        "sub_event_type": event.sub_event_type,
        "event_date": event.event_date,
        "city": event.city,
        "province_iso": event.province_iso,
        "sector": event.sector,
        "crowd_low": event.crowd_low,
        "crowd_high": event.crowd_high,
    }
    form = ReviewForm(request.POST or None, initial={"action": "confirm", **initial})
    if request.method == "POST" and form.is_valid():
        analyst = request.user
        assert isinstance(analyst, User)  # noqa: S101 - staff_required lets only signed-in users through
        action = form.cleaned_data["action"]
        changes = form.changes(initial) if action == "correct" else None
        try:
            services.review_event(
                event=event, analyst=analyst, action=action, changes=changes, note=form.cleaned_data["note"]
            )
        except services.ReviewError:
            messages.error(request, _("Nothing to correct: change a field or choose another decision."))
        else:
            messages.success(request, _("Review saved."))
            return HttpResponseRedirect(reverse("monitor:review"))
    return render(request, "monitor/staff/review.html", {"event": event, "form": form, "sector_names": SECTOR_NAMES})


@staff_required(Role.ANALYST)
@require_http_methods(["GET", "POST"])
def compare(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.POST or None, request.FILES or None)
    comparison = table = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = upload.read(20 * 1024 * 1024).decode("utf-8-sig")
            rows = list(csv.DictReader(io.StringIO(text)))
        except (UnicodeDecodeError, csv.Error):
            messages.error(request, _("The file is not a readable CSV."))
        else:
            provinces = default_gazetteer().provinces
            comparison = selectors.compare_acled(rows, selectors.EventFilters())
            table = {
                "provinces": [(provinces.get(iso), iso, ours, theirs) for iso, ours, theirs in comparison.by_province],
                "months": [(_gregorian_month(key), ours, theirs) for key, ours, theirs in comparison.by_month],
                "types": [(_sub_type_label(key), ours, theirs) for key, ours, theirs in comparison.by_type],
            }
    return render(request, "monitor/staff/compare.html", {"form": form, "table": table, "comparison": comparison})


def _gregorian_month(key: str) -> str:
    """Name a "YYYY-MM" month as ACLED counts it (Gregorian), in the reader's digits."""
    year, month = key.split("-")
    return (
        to_persian_digits(f"{year}/{month}") if calendars.is_persian() else calendars.month_label(int(year), int(month))
    )


def _sub_type_label(value: str) -> str:
    """ACLED's sub-event type in the reader's language; a type we do not extract is shown as written."""
    return str(SubEventType(value).label) if value in SubEventType.values else value


@staff_required(Role.ANALYST)
@require_http_methods(["GET", "POST"])
def sources(request: HttpRequest) -> HttpResponse:
    form = GradeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source = get_object_or_404(Source, pk=form.cleaned_data["source"])
        analyst = request.user
        assert isinstance(analyst, User)  # noqa: S101 - staff_required lets only signed-in users through
        services.grade_source(
            source=source, grade=form.cleaned_data["grade"], reason=form.cleaned_data["reason"], analyst=analyst
        )
        messages.success(request, _("Grade saved."))
        return HttpResponseRedirect(reverse("monitor:sources"))
    context = {
        "sources": selectors.source_registry(),
        "grades": Source.Grade.choices,
        "kinds": dict(Source.Kind.choices),
    }
    return render(request, "monitor/staff/sources.html", context)


@staff_required(Role.ANALYST)
@require_http_methods(["GET", "POST"])
def add_report(request: HttpRequest) -> HttpResponse:
    form = AddReportForm(request.POST or None, request.FILES or None)
    added = None
    if request.method == "POST" and form.is_valid():
        analyst = request.user
        assert isinstance(analyst, User)  # noqa: S101 - staff_required lets only signed-in users through
        data = form.cleaned_data
        upload = data.get("file")
        added = services.add_report(
            analyst=analyst,
            text=data.get("text") or "",
            upload=services.Upload(upload, upload.name or "upload", upload.size or 0) if upload else None,
            url=data.get("url") or "",
            title=data.get("title") or "",
            published=data.get("published"),
            source_name=data.get("source") or "",
        )
        if len(added.results) == 1 and not added.refused:
            result = added.results[0]
            if result.created:
                messages.success(request, _("Report added and extracted."))
            else:
                messages.info(request, _("This text was already known: here is what was extracted from it."))
            return HttpResponseRedirect(reverse("monitor:document", args=[result.document.pk]))
    return render(request, "monitor/staff/add_report.html", {"form": form, "added": added})


EVIDENCE_FIELDS = (
    ("sub_event_type", _lazy("Type")),
    ("date", _lazy("Date")),
    ("place", _lazy("Place")),
    ("sector", _lazy("Sector")),
    ("crowd", _lazy("Crowd")),
    ("arrests", _lazy("Arrests")),
    ("injuries", _lazy("Injuries")),
    ("deaths", _lazy("Deaths")),
)


def _evidence_spans(evidence: dict[str, object]) -> list[tuple[str, str, str, str]]:
    """Return (field, text before, the words read, text after) for each field's evidence sentence."""
    spans: list[tuple[str, str, str, str]] = []
    for key, lazy_label in EVIDENCE_FIELDS:
        label = str(lazy_label)
        value = evidence.get(key)
        if isinstance(value, dict):
            sentence, words = str(value.get("sentence") or ""), str(value.get("text") or "")
        else:
            sentence, words = str(value or ""), ""
        if not sentence:
            continue
        at = sentence.find(words) if words else -1
        if at < 0:
            spans.append((label, sentence, "", ""))
        else:
            spans.append((label, sentence[:at], words, sentence[at + len(words) :]))
    return spans


@staff_required(Role.ANALYST)
def document(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.document_extraction(pk)
    if found is None:
        raise Http404
    reports = [(report, _evidence_spans(report.evidence_json or {})) for report in found.reports.all()]
    context = {"document": found, "reports": reports, "claims": found.claims.all(), "sector_names": SECTOR_NAMES}
    return render(request, "monitor/staff/document.html", context)
