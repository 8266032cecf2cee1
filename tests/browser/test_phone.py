"""Headless Chromium at a phone's size (390×844) and a desktop's, in English and Persian: the compact
header and its menu, the long pages (programme, directory, wall, moderation queue), the monitor's
chart and map, and a report added from the web; the phone without JavaScript.
Screenshots: artifacts/screenshots/phone-*.png."""

from __future__ import annotations

import random

import pytest

from solidarity.core.roles import Role
from solidarity.demo import DemoContext
from tests.browser.conftest import SCREENSHOTS, screenshot, watch
from tests.conftest import make_user, verified_client

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
REPORT = (
    "Hundreds of oil workers gathered outside the governor's office in Ahvaz on Sunday, demanding unpaid wages. "
    "Security forces dispersed the crowd and detained five people.\n"
    "The Free Workers Union said at least 120 protests were held in 45 cities in October."
)
REPORT_FA = "ده‌ها کارگر نفت روز یکشنبه مقابل استانداری در اهواز تجمع کردند و خواستار پرداخت حقوق معوقه شدند."


@pytest.fixture
def demo() -> None:
    from solidarity.assemblies import demo as assemblies
    from solidarity.coalition import demo as coalition
    from solidarity.core import demo as core
    from solidarity.monitor import demo as monitor
    from solidarity.relay import demo as relay

    context = DemoContext(rng=random.Random(2026), progress=lambda _text: None)
    for module in (core, coalition, relay, monitor, assemblies):
        module.build(context)


def _page(chromium, live_url: str, viewport: dict[str, int], problems: list[str], session: str, *, java_script: bool):
    # Chromium sends "Origin: null" under no-referrer; the context sends its real Origin for CSRF.
    context = chromium.new_context(
        viewport=viewport, java_script_enabled=java_script, extra_http_headers={"Origin": live_url}
    )
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_url}])
    page = context.new_page()

    watch(page, problems)
    return context, page


def _fits_the_width(page) -> None:
    """The page itself never scrolls sideways (wide tables and the chart scroll in their own box)."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{page.url} is {overflow}px wider than the screen"


def test_phone_and_desktop_pages_in_english_and_persian(chromium, live_url: str, demo: None) -> None:
    staff = make_user("deskanalyst", Role.ANALYST, Role.MODERATOR)
    session = verified_client(staff).cookies["sessionid"].value
    problems: list[str] = []
    pages = [
        ("programme", "/{lang}/assemblies/paris-assembly/?group=venue&tz=Asia/Tehran"),
        ("directory", "/{lang}/coalition/"),
        ("wall", "/{lang}/relay/"),
        ("queue", "/{lang}/staff/relay/queue/"),
        ("monitor-chart", "/{lang}/monitor/chart/"),
        ("monitor-map", "/{lang}/monitor/map/"),
    ]
    for size, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        for lang in ("en", "fa"):
            # The phone runs without JavaScript (Tor Browser's safest level): menu, folds and forms still work.
            context, page = _page(chromium, live_url, viewport, problems, session, java_script=size == "desktop")
            for name, path in pages:
                response = page.goto(live_url + path.format(lang=lang))
                assert response is not None and response.status == 200, path
                assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "fa" else "ltr")
                header = page.locator(".site-header").bounding_box()
                assert header is not None
                nav_link = page.locator(".main-nav a").first
                if size == "phone":
                    _fits_the_width(page)
                    assert header["height"] < 70, f"{path}: the header takes {header['height']}px"
                    assert not nav_link.is_visible()
                else:
                    assert nav_link.is_visible() and not page.locator(".menu-toggle").is_visible()
                if name == "programme":
                    assert len(response.body()) < 100_000
                    assert page.locator("details.venue-block").count() == 31
                    assert page.locator("details.venue-block[open]").count() == 1
                if name == "monitor-chart":
                    assert page.locator("svg.chart rect[class^=type-]").count() > 0
                    assert page.locator("svg.claims-chart .claim-span").count() > 0
                if name == "monitor-map":
                    assert page.locator("svg.point-map path.point").count() > 0
                screenshot(page, f"phone-{name}-{lang}-{size}")
            if size == "phone":
                # The menu opens without a script: its toggle shows the navigation under the header.
                page.locator(".menu-toggle summary").click()
                assert page.locator(".main-nav a").first.is_visible()
                page.screenshot(path=str(SCREENSHOTS / f"phone-menu-{lang}.png"))
                # The filters fold on a phone and open the same way.
                page.goto(f"{live_url}/{lang}/monitor/chart/")
                assert not page.locator("form.filters").is_visible()
                page.locator(".fold-toggle summary").click()
                assert page.locator("form.filters").is_visible()
            # An analyst adds a report from the web page and sees what was extracted.
            page.goto(f"{live_url}/{lang}/staff/monitor/reports/add/")
            page.fill("textarea[name=text]", REPORT if lang == "en" else REPORT_FA)
            page.fill("input[name=url]", f"https://example.org/{lang}/{size}")
            with page.expect_navigation():
                page.locator("form.stack button").click()
            assert "/staff/monitor/documents/" in page.url
            assert page.locator(".evidence mark").count() >= 1
            if size == "phone":
                _fits_the_width(page)
            screenshot(page, f"phone-report-added-{lang}-{size}")
            context.close()
    assert not problems, problems
