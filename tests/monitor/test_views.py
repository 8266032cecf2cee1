"""The dashboard, event pages, exports and the analyst's review pages."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from solidarity.core.models import AuditEntry, User
from solidarity.monitor import selectors, services
from solidarity.monitor.models import Claim, Event, ReviewStatus, Source
from tests.monitor.conftest import AHVAZ_EN, AHVAZ_FA, CLAIM_EN, raw


def _seed(sources: dict[str, Source]) -> Event:
    services.ingest_document(raw=raw(AHVAZ_EN, title="Oil workers rally in Ahvaz"), source=sources["a"])
    services.ingest_document(raw=raw(CLAIM_EN, origin="c.txt"), source=sources["b"])
    return Event.objects.get()


def test_dashboard_map_counts_link_to_events(client: Client, sources: dict[str, Source]) -> None:
    _seed(sources)
    response = client.get("/en/monitor/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<path class="province') == 31
    assert "shade-5" in html
    assert '?province=IR-06"' in html
    assert "The Free Workers Union" in html
    assert "unverified" in html
    assert "http://" not in html
    assert "https://" not in html
    assert "<script" not in html
    assert "style=" not in html


def test_every_dashboard_count_keeps_the_active_filters(client: Client, sources: dict[str, Source]) -> None:
    workers = _seed(sources)
    teachers = "Teachers gathered in Ahvaz on Monday over unpaid wages."
    services.ingest_document(raw=raw(teachers, origin="t.txt", day=datetime.date(2024, 11, 20)), source=sources["b"])
    assert Event.objects.count() == 2
    html = client.get("/en/monitor/?sector=workers").content.decode()
    links = re.findall(r'href="/en/monitor/events/\?([^"]*)"', html)
    counts = [link for link in links if "start=" not in link]  # the claims panel's links carry the claim's period
    assert len(counts) >= 7  # total, corroboration, province, month, sector, type
    assert all("sector=workers" in link.replace("&amp;", "&") for link in counts)
    province = next(link for link in counts if "province=IR-06" in link).replace("&amp;", "&")
    listing = client.get(f"/en/monitor/events/?{province}").content.decode()
    assert f"/en/monitor/events/{workers.pk}/" in listing
    teacher_event = Event.objects.exclude(pk=workers.pk).get()
    assert f"/en/monitor/events/{teacher_event.pk}/" not in listing  # the map counted one event, the link shows one
    city = next(link for link in counts if "city=Ahvaz" in link).replace("&amp;", "&")  # a city dot on the map
    listing = client.get(f"/en/monitor/events/?{city}").content.decode()
    assert f"/en/monitor/events/{workers.pk}/" in listing
    assert f"/en/monitor/events/{teacher_event.pk}/" not in listing
    assert f"/en/monitor/events/{workers.pk}/" not in client.get("/en/monitor/events/?city=Tabriz").content.decode()
    assert "<title>اهواز: ۲</title>" in client.get("/fa/monitor/").content.decode()  # Persian names on the map


def test_dashboard_in_persian_uses_solar_hijri_months(client: Client, sources: dict[str, Source]) -> None:
    _seed(sources)
    html = client.get("/fa/monitor/").content.decode()
    assert "?month=J1403-08" in html  # 3 November 2024 is in Aban 1403
    gregorian = client.get("/fa/monitor/?calendar=gregorian").content.decode()
    assert "?month=2024-11" in gregorian


def test_events_list_filters_and_detail_shows_evidence(client: Client, sources: dict[str, Source]) -> None:
    event = _seed(sources)
    listing = client.get("/en/monitor/events/?province=IR-06&month=2024-11").content.decode()
    assert f"/en/monitor/events/{event.pk}/" in listing
    assert f"/en/monitor/events/{event.pk}/" not in client.get("/en/monitor/events/?province=IR-23").content.decode()
    detail = client.get(f"/en/monitor/events/{event.pk}/").content.decode()
    assert "Security forces dispersed the crowd" in detail
    assert "Kargar Monitor" in detail
    assert "Unverified" in detail


def test_exports_have_acled_columns_and_ours(client: Client, sources: dict[str, Source]) -> None:
    event = _seed(sources)
    response = client.get("/monitor/events.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))  # type: ignore[attr-defined]  # streaming response
    assert len(rows) == 1
    row = rows[0]
    assert row["event_type"] == "Protests"
    assert row["sub_event_type"] == "Protest with intervention"
    assert row["iso_3166_2"] == "IR-06"
    assert row["location"] == "Ahvaz"
    assert row["event_date_jalali"] == "1403-08-13"
    assert row["tags"] == "crowd size=hundreds"
    assert row["size_low"] == "100"
    assert row["independent_sources"] == "1"
    assert row["claim_ids"] == ""  # the October claim does not cover a November event
    services.ingest_document(raw=raw("The union said 30 protests were held in 12 cities in November.", origin="n.txt"))
    response = client.get("/monitor/events.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))  # type: ignore[attr-defined]  # streaming response
    assert rows[0]["claim_ids"] != ""
    data = json.loads(client.get("/monitor/events.json").content)
    assert data[0]["event_id_cnty"] == f"IRN-SOL-{event.pk}"


def test_review_needs_an_analyst(
    client: Client, staff_client: Callable[[User], Client], outsider: User, moderator: User
) -> None:
    assert client.get("/en/staff/monitor/review/").status_code == 302
    assert staff_client(moderator).get("/en/staff/monitor/review/").status_code == 403


def test_analyst_corrects_an_event(
    staff_client: Callable[[User], Client], analyst: User, sources: dict[str, Source]
) -> None:
    event = _seed(sources)
    browser = staff_client(analyst)
    assert str(event.pk) in browser.get("/en/staff/monitor/review/").content.decode()
    persian = browser.get("/fa/staff/monitor/review/").content.decode()
    assert "<td>اهواز</td>" in persian
    assert "<td>کارگران</td>" in persian  # the sector's name, not its slug
    response = browser.post(
        f"/en/staff/monitor/review/{event.pk}/",
        {
            "action": "correct",
            "sub_event_type": "Peaceful protest",
            "city": "Ahvaz",
            "crowd_low": "150",
            "note": "video",
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == ReviewStatus.CORRECTED
    assert event.sub_event_type == "Peaceful protest"
    assert event.crowd_low == 150
    services.ingest_document(raw=raw(AHVAZ_FA, origin="b.txt"), source=sources["b"])
    event.refresh_from_db()
    assert event.sub_event_type == "Peaceful protest"
    assert event.crowd_low == 150


def test_review_form_moves_the_event_to_a_known_town_only(
    staff_client: Callable[[User], Client], analyst: User, sources: dict[str, Source]
) -> None:
    event = _seed(sources)
    browser = staff_client(analyst)
    url = f"/en/staff/monitor/review/{event.pk}/"
    unknown = browser.post(url, {"action": "correct", "city": "Atlantis", "province_iso": "IR-06"})
    assert unknown.status_code == 200
    assert "No town of that name" in unknown.content.decode()
    event.refresh_from_db()
    assert event.status == ReviewStatus.AUTOMATIC
    moved = browser.post(url, {"action": "correct", "city": "Shiraz", "province_iso": "IR-07", "sector": "teachers"})
    assert moved.status_code == 302
    event.refresh_from_db()
    assert (event.city, event.province_iso, event.sector, event.is_locked) == ("Shiraz", "IR-07", "teachers", True)
    assert event.latitude is not None
    assert abs(event.latitude - 29.6) < 0.1  # Shiraz's coordinates, not Ahvaz's
    persian = browser.get(f"/fa/staff/monitor/review/{event.pk}/").content.decode()
    assert "معلمان" in persian  # sectors named in the page's language


def test_compare_with_an_acled_csv(
    staff_client: Callable[[User], Client], analyst: User, sources: dict[str, Source]
) -> None:
    _seed(sources)
    upload = SimpleUploadedFile(
        "acled.csv",
        b"event_date,country,admin1,event_type\n2024-11-03,Iran,Khuzestan,Protests\n2024-11-04,Iran,Tehran,Riots\n",
        content_type="text/csv",
    )
    html = staff_client(analyst).post("/en/staff/monitor/compare/", {"file": upload}).content.decode()
    assert "Khuzestan" in html
    assert "Tehran" in html
    assert "dated 3 Nov 2024 to 4 Nov 2024" in html
    assert "<td>Nov 2024</td>" in html  # the month table
    again = SimpleUploadedFile(
        "acled.csv",
        b"event_date,country,admin1,event_type\n2024-11-03,Iran,Khuzestan,Protests\n",
        content_type="text/csv",
    )
    persian = staff_client(analyst).post("/fa/staff/monitor/compare/", {"file": again}).content.decode()
    assert "خوزستان" in persian  # provinces named in both scripts
    assert "۱۳ آبان ۱۴۰۳" in persian  # the file's dates in the Solar Hijri calendar
    assert "<td>۲۰۲۴/۱۱</td>" in persian  # ACLED's Gregorian months, in Persian digits


def test_analyst_confirms_and_rejects_claims(
    staff_client: Callable[[User], Client], analyst: User, sources: dict[str, Source]
) -> None:
    _seed(sources)
    claim = Claim.objects.get()
    browser = staff_client(analyst)
    assert claim.evidence in browser.get("/en/staff/monitor/review/").content.decode()
    assert browser.post(f"/en/staff/monitor/claims/{claim.pk}/", {"action": "reject"}).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ReviewStatus.REJECTED
    assert "The Free Workers Union" not in Client().get("/en/monitor/").content.decode()
    assert AuditEntry.objects.filter(action="monitor.claim.rejected").exists()


def test_analyst_corrects_a_misread_claim(
    staff_client: Callable[[User], Client], analyst: User, sources: dict[str, Source]
) -> None:
    _seed(sources)
    claim = Claim.objects.get()
    browser = staff_client(analyst)
    url = f"/en/staff/monitor/claims/{claim.pk}/correct/"
    assert url in browser.get("/en/staff/monitor/review/").content.decode()
    page = browser.get(url).content.decode()
    assert claim.evidence in page
    backwards = {"period_start": "2024-10-31", "period_end": "2024-10-01", "area_iso": "IR"}
    assert "The period ends before it starts." in browser.post(url, backwards).content.decode()
    response = browser.post(
        url,
        {"count": "125", "places": "45", "period_start": "2024-11-01", "period_end": "2024-11-30", "area_iso": "IR-06"},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.count, claim.area_iso, claim.status, claim.is_locked) == (125, "IR-06", ReviewStatus.CORRECTED, True)
    entry = AuditEntry.objects.get(action="monitor.claim.corrected")
    assert entry.data["fields"] == ["area_iso", "count", "period_end", "period_start"]
    beside = selectors.claims_beside_counts()[0]
    assert beside.filters.province == "IR-06"
    assert beside.counted == 1  # the claim sits beside our count for its corrected area, never added to it
    assert Event.objects.count() == 1
    assert "اصلاح" in browser.get(f"/fa/staff/monitor/claims/{claim.pk}/correct/").content.decode()


def test_analyst_grades_a_source(
    staff_client: Callable[[User], Client], analyst: User, sources: dict[str, Source]
) -> None:
    browser = staff_client(analyst)
    assert "South Wire" in browser.get("/en/staff/monitor/sources/").content.decode()
    response = browser.post(
        "/en/staff/monitor/sources/", {"source": sources["b"].pk, "grade": "A", "reason": "Own stringers, corrections"}
    )
    assert response.status_code == 302
    sources["b"].refresh_from_db()
    assert (sources["b"].grade, sources["b"].grade_reason) == ("A", "Own stringers, corrections")
    assert AuditEntry.objects.filter(action="monitor.source.graded", actor=analyst).exists()


def test_dashboard_cache_follows_every_change(client: Client, sources: dict[str, Source], analyst: User) -> None:
    event = _seed(sources)
    assert "1 event" in client.get("/en/monitor/").content.decode()
    services.review_event(event=event, analyst=analyst, action="reject")
    assert "0 events" in client.get("/en/monitor/").content.decode()


def test_review_page_lists_unplaced_reports(
    staff_client: Callable[[User], Client], analyst: User, sources: dict[str, Source]
) -> None:
    services.ingest_document(raw=raw("Nurses rallied on Sunday over unpaid overtime."), source=sources["a"])
    html = staff_client(analyst).get("/en/staff/monitor/review/").content.decode()
    assert html.count("Nurses rallied on Sunday") == 1  # in the page's body only
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title is not None
    assert "<" not in title.group(1)
    head = html.split("</head>", 1)[0]
    assert "Nurses rallied" not in head


def test_corroboration_levels_link_to_their_events(client: Client, sources: dict[str, Source]) -> None:
    event = _seed(sources)
    services.ingest_document(raw=raw(AHVAZ_FA, origin="b.txt"), source=sources["b"])
    html = client.get("/en/monitor/").content.decode()
    assert "?corroborated=yes" in html and "?min_sources=3" in html
    assert f"/en/monitor/events/{event.pk}/" in client.get("/en/monitor/events/?corroborated=yes").content.decode()
    assert f"/en/monitor/events/{event.pk}/" not in client.get("/en/monitor/events/?min_sources=3").content.decode()


def test_pages_use_a_bounded_number_of_queries(
    client: Client, sources: dict[str, Source], django_assert_max_num_queries: Any
) -> None:
    _seed(sources)
    for month in ("September", "October", "November"):
        services.ingest_document(
            raw=raw(f"The union said 30 protests were held in 12 cities in {month}.", origin=month)
        )
    with django_assert_max_num_queries(9):  # data version, grouped counts, claims and their counts
        assert client.get("/en/monitor/").status_code == 200
    with django_assert_max_num_queries(2):  # count and page, however many events
        assert client.get("/en/monitor/events/").status_code == 200
    event = Event.objects.get()
    with django_assert_max_num_queries(4):  # the event, its reports, documents and sources
        assert client.get(f"/en/monitor/events/{event.pk}/").status_code == 200


def test_claims_sit_beside_the_count_for_their_period_and_area(sources: dict[str, Source]) -> None:
    _seed(sources)  # one event on 3 November in Khuzestan, one claim about October
    services.ingest_document(raw=raw("The union said 30 protests were held in 12 cities in November.", origin="n.txt"))
    rows = {item.claim.count: item.counted for item in selectors.claims_beside_counts()}
    assert rows == {120: 0, 30: 1}
