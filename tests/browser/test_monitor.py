"""Headless Chromium: ingest a folder, follow a dashboard number to its sources, switch to Persian
and Solar Hijri months, export, and review an event as an analyst."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command

from solidarity.monitor.models import Event, ReviewStatus
from tests.browser.conftest import screenshot, watch
from tests.conftest import verified_client

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]
INPUTS = Path(__file__).resolve().parents[1] / "monitor" / "data" / "inputs"


def _context(chromium, live_url: str, problems: list[str], *, user=None):
    # Chromium sends "Origin: null" under no-referrer; the context sends its real Origin for CSRF.
    context = chromium.new_context(
        viewport={"width": 1200, "height": 900}, extra_http_headers={"Origin": live_url}, accept_downloads=True
    )
    if user is not None:
        session = verified_client(user).cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_url}])
    page = context.new_page()

    watch(page, problems)
    return context, page


def test_ingest_follow_numbers_switch_language_export_and_review(chromium, live_url, analyst) -> None:
    out = io.StringIO()
    call_command("monitor", "ingest", str(INPUTS), stdout=out, stderr=io.StringIO())
    assert "5 documents stored" in out.getvalue()
    problems: list[str] = []
    context, page = _context(chromium, live_url, problems)

    page.goto(f"{live_url}/en/monitor/")
    assert page.locator("svg.choropleth path.province").count() == 31
    screenshot(page, "monitor-dashboard-en")
    page.locator("section table.data a").first.click()  # a month's count
    page.wait_for_url("**/monitor/events/?month=*")
    screenshot(page, "monitor-events-month")
    page.locator("table.data tbody a").first.click()
    page.wait_for_url("**/monitor/events/*/")
    assert page.locator("article.report blockquote").count() >= 1
    assert page.locator(".tag.unverified").count() == 1
    screenshot(page, "monitor-event-sources")

    page.goto(f"{live_url}/en/monitor/")
    page.click("text=فارسی")
    page.wait_for_url("**/fa/monitor/**")
    assert page.locator("html[dir=rtl]").count() == 1
    assert page.locator("a[href*='month=J140']").count() >= 1  # Solar Hijri months in Persian
    screenshot(page, "monitor-dashboard-fa")

    with page.expect_download() as download:
        page.click("text=CSV")
    assert download.value.suggested_filename == "solidarity-monitor-events.csv"
    assert "event_id_cnty" in Path(download.value.path()).read_text(encoding="utf-8")
    context.close()

    context, page = _context(chromium, live_url, problems, user=analyst)
    page.goto(f"{live_url}/en/staff/monitor/review/")
    event = Event.objects.get(city="Shiraz")
    page.click(f"a[href$='/review/{event.pk}/']")
    page.select_option("select[name=action]", "correct")
    page.fill("input[name=crowd_low]", "140")
    screenshot(page, "monitor-review")
    page.click("form.stack button")
    page.wait_for_url("**/staff/monitor/review/")
    event.refresh_from_db()
    assert event.status == ReviewStatus.CORRECTED
    assert event.crowd_low == 140

    acled = Path(tempfile.mkdtemp()) / "acled.csv"
    acled.write_text(
        "event_date,country,admin1,event_type,sub_event_type\n"
        "2020-01-01,Iran,Fars,Protests,Peaceful protest\n2030-12-31,Iran,Khuzestan,Riots,Violent demonstration\n",
        encoding="utf-8",
    )
    for language in ("en", "fa"):
        page.goto(f"{live_url}/{language}/staff/monitor/compare/")
        page.set_input_files("input[type=file]", str(acled))
        page.click("form.stack button")
        page.wait_for_selector("table.data")
        assert page.locator("table.data").count() == 3  # province, month, sub-event type
        screenshot(page, f"monitor-compare-{language}")
    assert page.locator("html[dir=rtl]").count() == 1
    context.close()
    assert problems == []
