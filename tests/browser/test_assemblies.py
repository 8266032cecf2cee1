"""Headless Chromium: an officer issues an invitation, the invitee opens it and its QR code, a
check-in officer scans it (decoded with Debian's zbarimg) on a page whose network is cut, then
syncs; a follower watches the live page while an update is posted. English and Persian.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from solidarity.assemblies import invitations, services
from solidarity.assemblies.models import Assembly, Invitation, Scan, Venue
from tests.browser.conftest import screenshot, sign_in, watch
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _context(chromium, problems: list[str], live_url: str, *, forms: bool = False, offline_ok: bool = False):
    """A fresh context recording CSP violations and requests off loopback.

    `forms=True` sends the real Origin: under the site's no-referrer policy Chromium sends
    "Origin: null" on form POSTs, which Django's CSRF check refuses (as the elections test notes).
    """
    headers = {"Origin": live_url} if forms else {}
    context = chromium.new_context(viewport={"width": 1100, "height": 900}, extra_http_headers=headers)
    page = context.new_page()

    watch(page, problems)
    return context, page


def _assembly(organizer) -> tuple[Assembly, Venue, Venue]:
    today = timezone.now().date()
    assembly = services.create_assembly(
        actor=organizer, slug="paris", name_en="Paris Assembly", name_fa="مجمع پاریس", starts_on=today, ends_on=today
    )
    services.set_assembly_status(actor=organizer, assembly=assembly, status=Assembly.Status.LIVE)
    common = {"actor": organizer, "assembly": assembly, "capacity": 100}
    hub = services.add_venue(
        **common,
        kind=Venue.Kind.HUB,
        name_en="Hub Hall",
        name_fa="تالار",
        city_en="Paris",
        city_fa="پاریس",
        country="FR",
        time_zone="Europe/Paris",
        street_address="1 Rue Secrète",
    )
    satellite = services.add_venue(
        **common,
        name_en="Toronto Room",
        name_fa="سالن تورنتو",
        city_en="Toronto",
        city_fa="تورنتو",
        country="CA",
        time_zone="America/Toronto",
    )
    start = timezone.now().replace(minute=0, second=0, microsecond=0)
    services.add_session(
        actor=organizer,
        assembly=assembly,
        venues=[hub, satellite],
        title_en="Opening",
        title_fa="گشایش",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        language="fa",
        interpretation="en",
    )
    return assembly, hub, satellite


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="needs Debian's zbarimg (zbar-tools) to decode the QR code")
def test_invite_scan_offline_sync_and_follow_live(
    browser_page, chromium, live_url: str, organizer, credentials_officer, checkin_officer, tmp_path: Path
) -> None:
    problems: list[str] = []
    assembly, hub, satellite = _assembly(organizer)

    # 1. A credentials officer issues an invitation through the staff pages.
    officer_context, officer = _context(chromium, problems, live_url, forms=True)
    sign_in(officer, live_url, "officer", PASSWORD)
    officer.goto(f"{live_url}/en/staff/assemblies/{assembly.slug}/invitations/")
    officer.select_option("select[name=venue]", str(hub.pk))
    officer.fill("input[name=guest_name]", "Guest Speaker")
    officer.click("form.stacked button.primary")
    officer.wait_for_selector("a.invitation-link")
    screenshot(officer, "assemblies-officer-invitation-en")
    link = officer.get_attribute("a.invitation-link", "href")
    assert link is not None
    officer_context.close()

    # 2. The invitee opens it (no account), sees the QR code and accepts, in English then Persian.
    invitee_context, invitee = _context(chromium, problems, live_url, forms=True)
    invitee.goto(f"{live_url}{link}")
    assert "1 Rue Secrète" in invitee.content()
    qr = tmp_path / "invitation-qr.png"
    invitee.locator(".door-pass .qr").screenshot(path=str(qr))
    decoded = subprocess.run(  # noqa: S603  # a fixed argument list, no shell
        [str(shutil.which("zbarimg")), "--raw", "-q", str(qr)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout.strip()
    assert len(decoded) == invitations.TEXT_LENGTH
    assert decoded in link
    screenshot(invitee, "assemblies-invitation-en")
    invitee.click("button[value=accept]")
    invitee.wait_for_selector(".state-accepted")
    invitee.goto(f"{live_url}{link.replace('/en/', '/fa/', 1)}")
    assert "دعوت‌نامهٔ شما" in invitee.content()
    screenshot(invitee, "assemblies-invitation-fa")
    invitee_context.close()
    assert Invitation.objects.get().state == Invitation.State.ACCEPTED

    # 3. At the door: the page downloads keys and revocations, then the network is cut.
    _by_code, by_code_token = services.issue_invitation(officer=credentials_officer, venue=hub, guest_name="Typed")
    typed = invitations.short_code(invitations.from_text(by_code_token)).lower().replace("-", " ")
    door_context, door = _context(chromium, problems, live_url, forms=True)
    sign_in(door, live_url, "checkin", PASSWORD, language="fa")
    door.goto(f"{live_url}/fa/staff/assemblies/{assembly.slug}/checkin/{hub.pk}/")
    door.wait_for_selector("#offline-ready", state="visible")
    door_context.set_offline(True)
    forger = invitations.Signer.generate()
    forged = invitations.to_text(
        invitations.issue(
            forger,
            assembly_id=assembly.pk,
            venue_id=hub.pk,
            role=invitations.InviteRole.DELEGATE,
            not_before=timezone.now() - dt.timedelta(hours=1),
            not_after=timezone.now() + dt.timedelta(hours=1),
        )
    )
    tampered = decoded[:50] + ("A" if decoded[50] != "A" else "B") + decoded[51:]
    wrong_venue = services.issue_invitation(officer=credentials_officer, venue=satellite, guest_name="Elsewhere")[1]
    for text, reason in [
        (decoded, "admitted"),
        (decoded, "already_scanned"),
        (tampered, "tampered"),
        (forged, "unknown_key"),
    ]:
        door.fill("#offline-token", text)
        door.press("#offline-token", "Enter")
        door.wait_for_selector(f"#offline-verdict[data-reason={reason}]")
        if reason in {"admitted", "already_scanned"}:
            screenshot(door, f"assemblies-door-offline-{reason}-fa")
    # A short code typed by hand (lower case, spaces), checked against the manifest's digests.
    for text, reason in [(typed, "admitted"), (typed, "already_scanned")]:
        door.fill("#offline-token", text)
        door.press("#offline-token", "Enter")
        door.wait_for_selector(f"#offline-verdict[data-reason={reason}]")
    # A wrong-venue token was issued after the page downloaded: its signature still verifies.
    door.fill("#offline-token", wrong_venue)
    door.press("#offline-token", "Enter")
    door.wait_for_selector("#offline-verdict[data-reason=wrong_venue]")
    assert door.text_content("#offline-pending") == "۷"  # the Persian page's counter in Persian digits
    assert Scan.objects.count() == 0  # nothing left the device while offline

    # 4. The network returns: sync, and sync again (nothing new).
    door_context.set_offline(False)
    door.click("#offline-sync")
    expect(door.locator("#offline-pending")).to_have_text("۰")
    door.click("#offline-sync")
    assert Scan.objects.count() == 7
    assert Scan.objects.filter(outcome="admitted").count() == 2
    door.goto(f"{live_url}/en/staff/assemblies/{assembly.slug}/attendance/")
    screenshot(door, "assemblies-attendance-en")
    door_context.close()

    # 5. A follower watches the live page while an organizer posts an update.
    follower_context, follower = _context(chromium, problems, live_url)
    follower.goto(f"{live_url}/en/assemblies/{assembly.slug}/live/")
    follower.wait_for_timeout(800)
    services.post_update(
        author=organizer,
        assembly=assembly,
        kind="speaking",
        text_en="Now speaking: the chair",
        text_fa="اکنون: رئیس جلسه",
    )
    follower.wait_for_selector("#updates li.fresh", timeout=10_000)
    assert "Now speaking: the chair" in follower.text_content("#updates")
    screenshot(follower, "assemblies-live-en")
    follower.goto(f"{live_url}/fa/assemblies/{assembly.slug}/live/")
    assert "اکنون: رئیس جلسه" in follower.content()
    screenshot(follower, "assemblies-live-fa")
    follower.goto(f"{live_url}/fa/assemblies/{assembly.slug}/")
    screenshot(follower, "assemblies-programme-fa")
    # The test server's SSE threads learn that the live pages are gone on their next writes
    # (one per 0.5 s poll); let them end before the test database goes away.
    follower.wait_for_timeout(1500)
    follower_context.close()
    assert not problems, problems
