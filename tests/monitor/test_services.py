"""Ingestion, merging, corroboration and review through the services."""

from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory

from solidarity.core.admin import admin_site
from solidarity.core.models import AuditEntry, User
from solidarity.monitor import services
from solidarity.monitor.admin import SourceAdmin
from solidarity.monitor.models import Claim, Document, Event, Report, ReviewStatus, Source
from tests.monitor.conftest import AHVAZ_EN, AHVAZ_FA, CLAIM_EN, raw


def test_same_document_is_stored_once(sources: dict[str, Source]) -> None:
    first = services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    again = services.ingest_document(raw=raw("  " + AHVAZ_EN.replace(" ", "  ")), source=sources["b"])
    assert first.created
    assert not again.created
    assert Document.objects.count() == 1
    assert first.events == 1


def test_reports_merge_and_independent_sources_count(sources: dict[str, Source]) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    event = Event.objects.get()
    assert event.independent_sources == 1
    assert not event.is_corroborated
    services.ingest_document(raw=raw(AHVAZ_FA, origin="b.txt"), source=sources["b"])
    event.refresh_from_db()
    assert Event.objects.count() == 1
    assert event.reports.count() == 2
    assert event.independent_sources == 2
    assert event.is_corroborated
    assert event.crowd_low == 12  # the conservative (lowest) size of "hundreds" and "dozens"


def test_same_affiliation_is_one_voice(sources: dict[str, Source]) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a2"])
    services.ingest_document(raw=raw(AHVAZ_FA, origin="b.txt"), source=sources["a3"])
    assert Event.objects.get().independent_sources == 1


def test_syndicated_copy_counts_once(sources: dict[str, Source]) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    services.ingest_document(
        raw=raw("Republished from Kargar Monitor. " + AHVAZ_EN, origin="c.txt"), source=sources["b"]
    )
    event = Event.objects.get()
    assert event.reports.count() == 2
    assert event.independent_sources == 1  # a reprint with small edits adds no voice
    copy = raw(AHVAZ_EN.upper(), origin="d.txt")  # the same text, another outlet, other letters' case
    services.ingest_document(raw=copy, source=services.register_source(name="Copy Desk"))
    event.refresh_from_db()
    assert event.independent_sources == 1
    services.ingest_document(raw=raw(AHVAZ_FA, origin="e.txt"), source=services.register_source(name="Other Desk"))
    event.refresh_from_db()
    assert event.independent_sources == 2


def test_claims_are_kept_apart(sources: dict[str, Source]) -> None:
    result = services.ingest_document(raw=raw(CLAIM_EN), source=sources["a"])
    assert result.claims == 1
    assert result.events == 0
    claim = Claim.objects.get()
    assert claim.count == 120
    assert claim.places == 45
    assert claim.claimant == "The Free Workers Union"
    assert Event.objects.count() == 0


def test_correction_survives_later_automatic_runs(sources: dict[str, Source], analyst: User) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    event = Event.objects.get()
    services.review_event(event=event, analyst=analyst, action="correct", changes={"crowd_low": 400, "crowd_high": 500})
    services.ingest_document(raw=raw(AHVAZ_FA, origin="b.txt"), source=sources["b"])
    event.refresh_from_db()
    assert (event.crowd_low, event.crowd_high) == (400, 500)
    assert event.is_locked
    assert event.status == ReviewStatus.CORRECTED
    assert event.independent_sources == 2
    assert AuditEntry.objects.filter(action="monitor.event.corrected", target_id=str(event.pk)).exists()


def test_review_rejects_unknown_changes(sources: dict[str, Source], analyst: User) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    with pytest.raises(services.ReviewError):
        services.review_event(event=Event.objects.get(), analyst=analyst, action="correct", changes={"status": "x"})


def test_rejected_event_is_not_merged_into(sources: dict[str, Source], analyst: User) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    services.review_event(event=Event.objects.get(), analyst=analyst, action="reject")
    services.ingest_document(raw=raw(AHVAZ_FA, origin="b.txt"), source=sources["b"])
    assert Event.objects.exclude(status=ReviewStatus.REJECTED).count() == 1
    assert AuditEntry.objects.filter(action="monitor.event.rejected").exists()


def test_report_without_a_place_is_kept_but_not_counted(sources: dict[str, Source]) -> None:
    result = services.ingest_document(raw=raw("Teachers rallied on Sunday over unpaid wages."), source=sources["a"])
    assert result.events == 1
    assert Event.objects.count() == 0
    assert Report.objects.get().event is None


def test_corrected_town_moves_province_and_coordinates(sources: dict[str, Source], analyst: User) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    event = services.review_event(
        event=Event.objects.get(), analyst=analyst, action="correct", changes={"city": "آبادان", "sector": "farmers"}
    )
    event.refresh_from_db()
    assert (event.city, event.city_fa, event.province_iso, event.geo_precision) == ("Abadan", "آبادان", "IR-06", 1)
    assert event.sector == "farmers"
    assert (round(event.latitude or 0, 1), round(event.longitude or 0, 1)) == (30.3, 48.3)
    event = services.review_event(event=event, analyst=analyst, action="correct", changes={"city": "Tabriz"})
    assert (event.province_iso, event.geonameid is not None) == ("IR-03", True)
    entry = AuditEntry.objects.filter(action="monitor.event.corrected").order_by("pk").first()
    assert entry is not None
    assert entry.data["fields"] == ["city", "sector"]
    with pytest.raises(services.ReviewError):
        services.review_event(event=event, analyst=analyst, action="correct", changes={"city": "Atlantis"})


def test_corrected_province_alone_places_the_event_at_province_level(sources: dict[str, Source], analyst: User) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    event = services.review_event(
        event=Event.objects.get(), analyst=analyst, action="correct", changes={"province_iso": "IR-07"}
    )
    assert (event.city, event.geonameid, event.province_iso, event.geo_precision) == ("", None, "IR-07", 3)
    assert event.latitude is not None
    with pytest.raises(services.ReviewError):
        services.review_event(event=event, analyst=analyst, action="correct", changes={"province_iso": "IR-99"})


def test_affiliation_set_in_the_admin_recounts_voices(sources: dict[str, Source], rf: RequestFactory) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    services.ingest_document(raw=raw(AHVAZ_FA, origin="b.txt"), source=sources["b"])
    assert Event.objects.get().independent_sources == 2
    source_admin = SourceAdmin(Source, admin_site)
    request = rf.post("/")
    for source in (sources["a"], sources["b"]):
        form = source_admin.get_form(request, source, change=True)(
            {"name": source.name, "kind": source.kind, "affiliation": "One network", "grade": ""}, instance=source
        )
        assert form.is_valid(), form.errors
        source_admin.save_model(request, form.save(commit=False), form, True)
    assert Event.objects.get().independent_sources == 1


def test_claim_corrections_are_checked(sources: dict[str, Source], analyst: User) -> None:
    services.ingest_document(raw=raw(CLAIM_EN), source=sources["a"])
    claim = Claim.objects.get()
    backwards = {"period_start": datetime.date(2024, 10, 31), "period_end": datetime.date(2024, 10, 1)}
    for changes in ({"area_iso": "IR-99"}, {"status": "x"}, {}, backwards):
        with pytest.raises(services.ReviewError):
            services.review_claim(claim=claim, analyst=analyst, action="correct", changes=changes)
    services.review_claim(claim=claim, analyst=analyst, action="correct", changes={"claimant": "Free Workers Union"})
    claim.refresh_from_db()
    assert (claim.claimant, claim.count, claim.status) == ("Free Workers Union", 120, ReviewStatus.CORRECTED)
