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

# Pages with leaks still open (shape of the address → most leaks allowed), and why. Each is data
# typed in Latin letters or a code a reader must type; see the closing note of issue 14.
OPEN: dict[str, int] = {
    # The demo's own text: organization descriptions naming cities in Latin letters, status
    # reasons ("Demo: dues unpaid"), English charter statements and addresses in edit fields.
    "/fa/coalition/organizations/*/": 3,
    "/fa/staff/coalition/applications/": 4,
    "/fa/staff/coalition/organizations/": 2,
    "/fa/staff/coalition/organizations/*/edit/": 6,
    "/fa/staff/assemblies/paris-assembly/organize/venues/*/": 3,
    "/fa/staff/assemblies/paris-assembly/organize/edit/": 1,
    # Help texts that cite what a person types: country codes (IR, DE), CSV column values, an
    # address slug (paris-2027), keyboard keys (j / k) and the hashing steps of a bundle.
    "/fa/coalition/apply/": 1,
    "/fa/staff/coalition/organizations/import/": 1,
    "/fa/staff/assemblies/new/": 1,
    "/fa/staff/relay/queue/": 4,
    "/fa/relay/verify/": 1,
    "/fa/deliberation/*/report/": 1,
    "/fa/staff/deliberation/*/report/": 1,
    # Places the gazetteer names in Latin letters only (coordination cells, provinces in a select).
    "/fa/coordination/bazaar-closure/": 2,
    "/fa/coordination/lights-off/": 1,
    "/fa/staff/coordination/bazaar-closure/": 3,
    "/fa/staff/coordination/lights-off/": 1,
    "/fa/staff/monitor/review/*/": 3,
    # The door's offline counter (its script writes Latin digits), the first of every time zone
    # pre-selected, the speakers list (options tagged und-Latn, but the check reads the select), a
    # channel's code ("public-download") and the live page's "Venue" label.
    "/fa/staff/assemblies/paris-assembly/checkin/*/": 3,
    "/fa/staff/assemblies/paris-assembly/organize/venues/new/": 1,
    "/fa/staff/assemblies/paris-assembly/organize/sessions/*/": 3,
    "/fa/staff/relay/transmissions/": 1,
    "/fa/staff/relay/transmissions/*/": 1,
    "/fa/staff/assemblies/paris-assembly/live/": 1,
    # Found once the charter, booth, passphrase and web-report branches were merged (stop 11):
    # the demo's English charter statements and motion slug, the groups' Latin letters (A, B…),
    # the demo candidates' Latin names, an example sign-in name (ABCD-EFGH) and a quorum hint
    # typed as "1/2", and the report form's example URL and file types.
    "/fa/deliberation/charters/*/": 5,
    "/fa/staff/deliberation/charters/*/": 6,
    "/fa/staff/elections/executive-committee/": 28,
    "/fa/staff/elections/new/": 1,
    "/fa/assemblies/delegate/": 2,
    "/fa/assemblies/delegate/sign-in/": 2,
    "/fa/staff/monitor/reports/add/": 3,
}


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
        "door": ("officer", f"/fa/staff/assemblies/paris-assembly/checkin/{hub.pk}/"),
        "queue": ("moderator", "/fa/staff/relay/queue/"),
    }


def test_no_leak_on_any_persian_page(chromium, live_url: str, settings) -> None:
    from solidarity.demo import build_all

    settings.JOBS_BACKEND = "immediate"
    build_all(progress=lambda _text: None)
    named = _named_pages()
    problems: list[str] = []
    seen: set[str] = set()
    pages: list[str] = []
    leaks: list[Leak] = []
    shots: list[str] = []
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
    assert not too_many, "\n".join(str(leak) for found in too_many.values() for leak in found[:20])
