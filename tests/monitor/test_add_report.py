"""An analyst adds a report from the web (pasted text or a file) and sees what was extracted."""

from __future__ import annotations

import gzip
import socket
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from solidarity.core.models import AuditEntry, User
from solidarity.monitor.models import Claim, Document, Report
from tests.monitor.conftest import AHVAZ_EN, AHVAZ_FA, CLAIM_EN

ADD = "/en/staff/monitor/reports/add/"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail on any socket connection: a report's address is stored as text, never opened."""

    def refuse(self: socket.socket, address: object) -> None:
        raise AssertionError(f"network connection attempted to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


def test_only_an_analyst_may_add_a_report(
    client: Client, staff_client: Callable[[User], Client], moderator: User, analyst: User
) -> None:
    assert client.get(ADD).status_code == 302
    assert staff_client(moderator).get(ADD).status_code == 403
    assert staff_client(moderator).post(ADD, {"text": AHVAZ_EN}).status_code == 403
    assert staff_client(analyst).get(ADD).status_code == 200
    assert not Document.objects.exists()


def test_a_post_without_its_csrf_token_is_refused(analyst: User) -> None:
    from tests.conftest import verified_client

    browser = verified_client(analyst)
    browser.handler.enforce_csrf_checks = True
    assert browser.post(ADD, {"text": AHVAZ_EN}).status_code == 403
    assert not Document.objects.exists()


def test_pasted_text_is_extracted_with_its_evidence_and_audited(
    staff_client: Callable[[User], Client], analyst: User
) -> None:
    browser = staff_client(analyst)
    address = "https://example.org/news/ahvaz-rally"
    response = browser.post(
        ADD,
        {"text": f"{AHVAZ_EN}\n{CLAIM_EN}", "url": address, "source": "South Wire", "published": "2024-11-05"},
    )
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/staff/monitor/documents/{document.pk}/"
    assert document.url == address and document.source is not None and document.source.name == "South Wire"
    assert (
        Report.objects.filter(document=document).count() == 1 and Claim.objects.filter(document=document).count() == 1
    )
    entry = AuditEntry.objects.get(action="monitor.report.added")
    assert (
        entry.actor == analyst
        and entry.data["events"] == 1
        and entry.data["claims"] == 1
        and entry.data["via"] == "text"
    )
    page = browser.get(response["Location"]).content.decode()
    assert "<mark>Ahvaz</mark>" in page  # the words the place was read from, inside their sentence
    assert "Protest with intervention" in page
    assert "The Free Workers Union" in page and "120" in page
    assert f'<code class="url" dir="ltr">{address}</code>' in page and f'href="{address}' not in page
    # The same text again is stored once; the page says so and shows the first extraction.
    again = browser.post(ADD, {"text": f"{AHVAZ_EN}\n{CLAIM_EN}"}, follow=True)
    assert Document.objects.count() == 1 and "already known" in again.content.decode()


def test_a_persian_report_reads_in_persian(staff_client: Callable[[User], Client], analyst: User) -> None:
    browser = staff_client(analyst)
    response = browser.post(
        "/fa/staff/monitor/reports/add/", {"text": AHVAZ_FA, "published": "2024-11-05"}, follow=True
    )
    html = response.content.decode()
    assert Report.objects.get().city_fa == "اهواز"
    assert "<mark>اهواز</mark>" in html
    assert 'lang="fa"' in html


def test_a_gzipped_html_file_goes_through_the_same_readers(
    staff_client: Callable[[User], Client], analyst: User
) -> None:
    html = f"<html><head><title>Rally in Ahvaz</title></head><body><article><p>{AHVAZ_EN}</p></article></body></html>"
    upload = SimpleUploadedFile("rally.html.gz", gzip.compress(html.encode()), content_type="application/gzip")
    response = staff_client(analyst).post(ADD, {"file": upload, "published": "2024-11-05"})
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.origin == "rally.html.gz" and Report.objects.filter(document=document).exists()
    assert AuditEntry.objects.get(action="monitor.report.added").data["via"] == "file"


def test_a_file_over_the_caps_is_refused_with_its_reason(
    staff_client: Callable[[User], Client], analyst: User, settings: object
) -> None:
    settings.MONITOR_MAX_RECORD_BYTES = 1024  # type: ignore[attr-defined]  # pytest-django's settings fixture
    bomb = gzip.compress(b"<html><body><p>" + b"a" * 50_000 + b"</p></body></html>")
    upload = SimpleUploadedFile("bomb.html.gz", bomb, content_type="application/gzip")
    html = staff_client(analyst).post(ADD, {"file": upload}).content.decode()
    assert "bomb.html" in html and "SOLIDARITY_MONITOR_MAX_RECORD_BYTES" in html
    assert not Document.objects.exists() and not AuditEntry.objects.filter(action="monitor.report.added").exists()


def test_text_and_file_together_or_neither_are_refused(staff_client: Callable[[User], Client], analyst: User) -> None:
    browser = staff_client(analyst)
    assert "one of the two" in browser.post(ADD, {"url": "https://example.org/x"}).content.decode()
    upload = SimpleUploadedFile("a.txt", AHVAZ_EN.encode())
    assert "one of the two" in browser.post(ADD, {"text": AHVAZ_EN, "file": upload}).content.decode()
    assert not Document.objects.exists()


def test_a_feed_adds_each_entry_up_to_the_page_limit(
    staff_client: Callable[[User], Client], analyst: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from solidarity.monitor import services

    monkeypatch.setattr(services, "WEB_DOCUMENTS", 2)
    towns = ("Ahvaz", "Tabriz", "Shiraz")
    items = "".join(
        f"<item><title>Rally in {town}</title><link>https://example.org/{town}</link>"
        f"<pubDate>Tue, 05 Nov 2024 10:00:00 GMT</pubDate>"
        f"<description>Teachers gathered in {town} on Monday over unpaid wages.</description></item>"
        for town in towns
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>South Wire</title>{items}</channel></rss>'
    upload = SimpleUploadedFile("wire.rss", feed.encode(), content_type="application/rss+xml")
    response = staff_client(analyst).post(ADD, {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200  # several documents: the page lists each, linking to what was extracted
    assert Document.objects.count() == 2 and AuditEntry.objects.filter(action="monitor.report.added").count() == 2
    for document in Document.objects.all():
        assert f"/en/staff/monitor/documents/{document.pk}/" in html
        assert document.url.startswith("https://example.org/")  # the feed's own links, kept as text
    assert "the rest were not read" in html
