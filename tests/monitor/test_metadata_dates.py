"""Dates from a document's metadata come before anything its body says; a page's own clock dates nothing (issue 16)."""

from __future__ import annotations

import datetime
import io

from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.records import DocumentInput
from solidarity.monitor.sources.readers import RawDocument, read_feed, read_html, read_warc

CLOCK_PAGE = """<html><head><title>Workers gather in Ahvaz</title>{meta}</head><body>
<div class="clock">Thursday 18 April 2024 09:12</div>
<article><h1>Workers gather in Ahvaz</h1>
<p>Hundreds of steel workers gathered outside the governor's office in Ahvaz yesterday, demanding
wages that have gone unpaid for four months, and the crowd grew through the morning.</p>
<p>Police stood by and the workers dispersed at noon after officials promised to pay.</p></article>
</body></html>"""
META = '<meta property="article:published_time" content="2024-04-02T10:00:00+03:30">'


def _html(meta: str = "") -> str:
    return CLOCK_PAGE.format(meta=meta)


def test_html_meta_published_time_comes_before_a_clock_line_in_the_body() -> None:
    document = read_html(_html(META), "page.html")
    assert isinstance(document, RawDocument)
    assert document.published == datetime.date(2024, 4, 2)


def test_a_clock_line_in_the_body_is_no_publication_date() -> None:
    document = read_html(_html(), "page.html")
    assert isinstance(document, RawDocument)
    assert document.published is None
    # the archive's header is the fallback, still before the body
    dated = read_html(_html(), "page.html", fallback_date=datetime.date(2024, 4, 3))
    assert isinstance(dated, RawDocument) and dated.published == datetime.date(2024, 4, 3)


def _warc(html: str, extra_http: str = "") -> bytes:
    body = html.encode("utf-8")
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{extra_http}\r\n".encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        "WARC-Target-URI: https://news.example/ahvaz\r\nWARC-Date: 2024-04-05T08:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_warc_headers_date_a_page_without_metadata() -> None:
    (document,) = read_warc(io.BytesIO(_warc(_html())), "crawl.warc")
    assert isinstance(document, RawDocument) and document.published == datetime.date(2024, 4, 5)
    (modified,) = read_warc(
        io.BytesIO(_warc(_html(), "Last-Modified: Tue, 02 Apr 2024 07:00:00 GMT\r\n")), "crawl.warc"
    )
    assert isinstance(modified, RawDocument) and modified.published == datetime.date(2024, 4, 2)
    (meta,) = read_warc(io.BytesIO(_warc(_html(META))), "crawl.warc")
    assert isinstance(meta, RawDocument) and meta.published == datetime.date(2024, 4, 2)


def test_a_feed_entry_date_comes_before_a_clock_line_in_its_text() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>
<title>Workers gather in Ahvaz</title><pubDate>Tue, 02 Apr 2024 07:00:00 GMT</pubDate>
<description>&lt;p&gt;Thursday 18 April 2024 09:12&lt;/p&gt;&lt;p&gt;Steel workers gathered outside the \
governor's office in Ahvaz yesterday over unpaid wages.&lt;/p&gt;&lt;p&gt;Police stood by.&lt;/p&gt;</description>
</item></channel></rss>"""
    (document,) = read_feed(feed, "feed.rss")
    assert isinstance(document, RawDocument) and document.published == datetime.date(2024, 4, 2)
    (event,) = extract(DocumentInput(text=document.text, title=document.title, published=document.published)).events
    assert event.date is not None and event.date.date == datetime.date(2024, 4, 1)


def test_a_page_clock_line_dates_no_event() -> None:
    """With no day in the report, the event takes the publication date, not the page's clock."""
    text = (
        "پنجشنبه ۳۰ فروردین ۱۴۰۳ ایران ۰۹:۱۲\n"
        "کارگران فولاد مقابل استانداری خوزستان در اهواز تجمع کردند و خواستار پرداخت حقوق معوق شدند.\n"
        "ماموران در محل حاضر بودند."
    )
    published = datetime.date(2024, 4, 2)
    (event,) = extract(DocumentInput(text=text, published=published)).events
    assert event.date is not None and event.date.date == published
    # with no publication date either, the clock still dates nothing
    (undated,) = extract(DocumentInput(text=text)).events
    assert undated.date is None
