"""Every Persian page of the demo, public and staff, read in Chromium: no English, Latin digit,
Gregorian month or unexplained left-to-right element (issue 14).

The demo is built through its own builders, then the crawler (tests/browser/fa_crawl.py) follows
every same-origin /fa/ link from /fa/ and, signed in as each staff role, from /fa/staff/ (bounded
in pages and time; files, feeds and sign-out are not followed, forms are not sent). Pages whose
leaks are known and still open are listed in OPEN with their count: a page not listed must have
none, a listed one no more than its count, so the list can only shrink.
"""

from __future__ import annotations

import time
from urllib.parse import urlparse

import pytest

from solidarity.assemblies.models import Venue
from solidarity.core.demo import DEMO_PASSWORD_SUFFIX
from tests.browser.conftest import SCREENSHOTS
from tests.browser.fa_crawl import Leak, _shape, check_page, crawl, screenshot_both, sign_in_fa

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# One person per staff role of the demo (solidarity/core/demo.py). A delegate signs in with an
# invitation's code, not as staff; their page is reached through the invitation pages instead.
ROLES = ["organizer", "officer", "moderator", "translator", "analyst", "checkin", "trustee1", "coordinator1"]
MAX_PAGES_PER_ROLE = 250
CRAWL_SECONDS = 600
SHOTS = SCREENSHOTS / "fa-crawl"

# Pages with leaks still open (shape of the address → most leaks allowed), and why. None is open:
# text people type is marked with its script (`marked`, `isolate`), codes a person must type are
# shown as code (`with_codes`, `as_code`), and every other leak was fixed on its page. A page that
# leaks again must be fixed, or listed here with its count and its reason.
OPEN: dict[str, int] = {}


def _totp(username: str) -> str:
    from django_otp.oath import totp

    from solidarity.core.models import EncryptedTOTPDevice

    device = EncryptedTOTPDevice.objects.get(user__username=username, confirmed=True)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _named_pages() -> dict[str, tuple[str, str]]:
    """The pages whose screenshots the closing note shows: name → (who looks, address)."""
    hub = Venue.objects.get(assembly__slug="paris-assembly", kind="hub")
    return {
        "wall": ("", "/fa/relay/"),
        "programme": ("", "/fa/assemblies/paris-assembly/"),
        "election": ("", "/fa/elections/executive-committee/"),
        "dashboard": ("", "/fa/monitor/"),
        # The chart's time axis runs left to right on a right-to-left page: look at it.
        "chart": ("", "/fa/monitor/chart/"),
        "door": ("officer", f"/fa/staff/assemblies/paris-assembly/checkin/{hub.pk}/"),
        "queue": ("moderator", "/fa/staff/relay/queue/"),
    }


def test_no_leak_on_any_persian_page(chromium, live_url: str, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from solidarity.coordination import pbrsa
    from solidarity.demo import build_all
    from tests.coordination.conftest import VECTOR_KEY

    settings.JOBS_BACKEND = "immediate"
    # The demo campaign's key: safe primes take from seconds to a minute at random, and the key's
    # making is tested in tests/coordination; the pages are the same with the draft's key.
    monkeypatch.setattr(pbrsa, "generate_key", lambda bits=2048: VECTOR_KEY)
    build_all(progress=lambda _text: None)
    named = _named_pages()
    problems: list[str] = []
    seen: set[str] = set()
    pages: list[str] = []
    leaks: list[Leak] = []
    shots: list[str] = []
    sideways: list[str] = []
    deadline = time.monotonic() + CRAWL_SECONDS

    for role in ["", *ROLES]:
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, extra_http_headers={"Origin": live_url})
        page = context.new_page()
        page.on(
            "console",
            lambda message: problems.append(message.text) if "Content Security Policy" in message.text else None,
        )
        page.on(
            "request",
            lambda request: (
                problems.append(request.url)
                if urlparse(request.url).hostname not in {"127.0.0.1", "localhost", "::1", None}
                and request.url.startswith("http")
                else None
            ),
        )
        if role:
            sign_in_fa(page, live_url, role, role + DEMO_PASSWORD_SUFFIX, _totp(role))
            assert urlparse(page.url).path.startswith("/fa/staff/"), f"{role} could not sign in: {page.url}"
        result = crawl(
            page,
            live_url,
            ["/fa/staff/" if role else "/fa/"],
            seen=seen,
            max_pages=MAX_PAGES_PER_ROLE,
            deadline=deadline,
        )
        pages += result.pages
        leaks += result.leaks
        for name, (who, path) in named.items():
            if who == role:
                url = live_url + path
                page.goto(url)
                assert urlparse(page.url).path == path, f"{name}: {page.url}"
                if url not in seen:
                    seen.add(url)
                    pages.append(url)
                    leaks += check_page(page, url)
                shots += [str(shot.name) for shot in screenshot_both(page, SHOTS, f"{name}-fa")]
                # At a phone's width nothing may make the whole page scroll sideways (wide tables
                # and the chart scroll inside their own boxes).
                page.set_viewport_size({"width": 390, "height": 844})
                overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                page.set_viewport_size({"width": 1280, "height": 900})
                if overflow > 0:
                    sideways.append(f"{name}: {overflow}px wider than a 390px phone")
        print(
            f"{role or 'public'}: {len(result.pages)} pages, {len(result.leaks)} leaks, skipped {dict(result.skipped)}"
        )
        context.close()

    print(f"Persian crawl: {len(pages)} pages crawled, {len(leaks)} leaks, screenshots {sorted(shots)}")
    (SHOTS / "leaks.txt").write_text("".join(f"{leak}\n" for leak in leaks))
    by_shape: dict[str, list[Leak]] = {}
    for leak in leaks:
        by_shape.setdefault(_shape(urlparse(leak.url).path), []).append(leak)
    too_many = {shape: found for shape, found in by_shape.items() if len(found) > OPEN.get(shape, 0)}
    assert len(pages) >= 100, f"the crawl reached only {len(pages)} pages"
    assert len(shots) == 2 * len(named)
    assert not problems, problems
    assert not sideways, sideways
    assert not too_many, "\n".join(str(leak) for found in too_many.values() for leak in found[:20])
