"""Follow-through: pledged bands beside the monitor's events, conversion, and the next rung's targets."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from fractions import Fraction

import pytest
from django.urls import reverse
from django.utils import timezone

from solidarity.coordination import conversion, selectors, services
from solidarity.coordination.forms import CampaignForm
from solidarity.coordination.models import Campaign
from solidarity.monitor.models import Claim, Document, Event, Report, ReviewStatus, SubEventType
from tests.conftest import verified_client
from tests.coordination.test_services import pledge_many


def test_band_bounds_read_back_what_the_release_publishes():
    assert conversion.band_bounds("25-49") == (25, 49)
    assert conversion.band_bounds("1000+") == (1000, None)
    assert conversion.band_bounds("suppressed") is None
    assert conversion.band_bounds("") is None
    assert conversion.band_bounds("49-25") is None
    assert conversion.band_bounds("about 30") is None


def test_conversion_is_an_interval_from_the_band_and_the_crowd_figures():
    measured = conversion.measure(target=20, band="25-49", crowds=[(10, 20), (5, None), (None, None)])
    # Seen 15 to 25 people; pledged somewhere in 25..49.
    assert (measured.low, measured.high) == (Fraction(15, 49), Fraction(25, 25))
    assert measured.percent_range() == (30, 100)
    # The same turnout (20) at the cautious conversion 15/49 needs 66 pledges (20 × 49 / 15, rounded up).
    assert measured.suggested_target == 66


def test_no_measure_keeps_the_target_and_growth_is_capped():
    assert conversion.measure(target=20, band="suppressed", crowds=[(10, 20)]).suggested_target == 20
    unmeasured = conversion.measure(target=20, band="25-49", crowds=[(None, None)])
    assert not unmeasured.measured and unmeasured.suggested_target == 20
    assert conversion.measure(target=20, band="25-49", crowds=[(1, 1)]).suggested_target == 200  # 10 × cap
    assert conversion.measure(target=20, band="1000+", crowds=[(300, 400)]).suggested_target == 200
    # More people acted than pledged: fewer pledges stand for the same turnout.
    assert conversion.measure(target=20, band="10-24", crowds=[(60, 80)]).suggested_target == 8


def _event(day, *, city="Sanandaj", sector="teachers", crowd=(40, 60), status=ReviewStatus.CONFIRMED, text=""):
    event = Event.objects.create(
        sub_event_type=SubEventType.PEACEFUL,
        event_date=day,
        province_iso="IR-12" if city == "Sanandaj" else "IR-06",
        city=city,
        sector=sector,
        crowd_low=crowd[0],
        crowd_high=crowd[1],
        status=status,
        independent_sources=2,
    )
    text = text or f"Teachers in {city} stayed home on {day}."
    document = Document.objects.create(
        content_hash=hashlib.sha256(f"{text}{event.pk}".encode()).hexdigest(),
        fingerprint=f"f{event.pk}",
        title=text,
        text=text,
    )
    Report.objects.create(
        document=document, event=event, evidence=text, sub_event_type=SubEventType.PEACEFUL, event_date=day
    )
    return event


@pytest.mark.django_db
def test_follow_through_reads_the_monitor_and_sets_the_next_rung(campaign, coordinators, issuers):
    for city in ("Sanandaj", "Ahvaz"):
        for sector in ("teachers", "bazaar"):
            for issuer in issuers:
                pledge_many(campaign, coordinators[0], {"city": city, "sector": sector}, issuer, 3)
    release = services.release_campaign(campaign=campaign, day=timezone.localdate())
    band = {(c["area"], c["sector"]): c["band"] for c in release.body["cells"]}[("IR-12:Sanandaj", "teachers")]
    assert band == "10-24"
    day = timezone.localdate() - timedelta(days=2)
    Campaign.objects.filter(pk=campaign.pk).update(
        action_date=day, closes_at=timezone.now() - timedelta(days=4), status=Campaign.Status.CLOSED
    )
    campaign.refresh_from_db()
    seen = _event(day, crowd=(8, 12))
    _event(day + timedelta(days=1), crowd=(2, 4))  # reported the next morning: counted
    _event(day, sector="bazaar", crowd=(500, 900))  # another sector
    _event(day - timedelta(days=1), crowd=(500, 900))  # the day before
    _event(day, crowd=(500, 900), status=ReviewStatus.REJECTED)  # a reviewer rejected it
    claim_document = Document.objects.create(content_hash="c" * 64, fingerprint="claim", text="A union says 5,000.")
    Claim.objects.create(
        document=claim_document, claimant="A union", count=5000, unit="teachers", period_start=day, period_end=day
    )

    rows, claims = selectors.follow_through(campaign)
    row = next(r for r in rows if r.cell.city == "Sanandaj" and r.cell.sector == "teachers")
    assert row.events[0].event_id == seen.pk and len(row.events) == 2
    assert row.events[0].evidence.startswith("Teachers in Sanandaj")
    # Seen 10..16 of a band 10..24: conversion 10/24 .. 16/10; target 20 needs ceil(20 × 24 / 10) = 48.
    assert (row.conversion.low, row.conversion.high) == (Fraction(10, 24), Fraction(16, 10))
    assert row.conversion.suggested_target == 48
    assert [c.count for c in claims] == [5000]  # beside the counts, never added to them
    assert all(not r.conversion.measured for r in rows if r.cell.city == "Ahvaz")

    page = verified_client(coordinators[0]).get(reverse("coordination:detail", args=[campaign.slug])).text
    assert "Turnout per pledge" in page and "41–160 %" in page

    staff = verified_client(coordinators[0])
    detail = staff.get(reverse("coordination:staff-detail", args=[campaign.slug])).text
    assert f"?after={campaign.slug}" in detail
    form = staff.get(reverse("coordination:staff-propose") + f"?after={campaign.slug}").context["form"]
    assert isinstance(form, CampaignForm)
    prefilled = {
        (form.initial[f"cell{i}_city"], form.initial[f"cell{i}_sector"]): form.initial[f"cell{i}_target"]
        for i in range(4)
    }
    assert prefilled[("Sanandaj", "teachers")] == 48 and prefilled[("Ahvaz", "teachers")] == 20
    assert form.initial["previous"] == campaign.pk and form.initial["rung"] == campaign.rung + 1
