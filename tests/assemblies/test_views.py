"""Pages, exports and feeds of assemblies, as a visitor, an invitee and staff would use them."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict

import feedparser
import icalendar
import pytest
import time_machine
from django.test import AsyncClient, Client
from django.urls import reverse

from solidarity.assemblies import checkin, invitations, services, views
from solidarity.assemblies.keys import current_signer
from solidarity.assemblies.models import Assembly, BroadcastPartner, Invitation, Scan, Venue
from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from tests.assemblies.conftest import HIDDEN_ADDRESS

pytestmark = pytest.mark.django_db
DURING = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)


def public_urls(assembly: Assembly, venues: dict[str, Venue]) -> list[str]:
    slug = assembly.slug
    urls = [f"/{language}/assemblies/" for language in ("en", "fa")]
    for language in ("en", "fa"):
        urls += [
            f"/{language}/assemblies/{slug}/",
            f"/{language}/assemblies/{slug}/?group=venue",
            f"/{language}/assemblies/{slug}/?tz=Asia/Tehran",
            f"/{language}/assemblies/{slug}/follow/",
            f"/{language}/assemblies/{slug}/live/",
        ]
        urls += [f"/{language}/assemblies/{slug}/venues/{venue.pk}/" for venue in venues.values()]
        urls += [f"/assemblies/{slug}.ics?lang={language}", f"/assemblies/{slug}/live.atom?lang={language}"]
        urls += [f"/assemblies/{slug}/venues/{venue.pk}.ics?lang={language}" for venue in venues.values()]
    return [*urls, "/assemblies/keys.json", f"/assemblies/{slug}/revoked.json"]


def test_hidden_addresses_never_appear_on_public_pages_feeds_or_exports(
    client: Client,
    assembly: Assembly,
    venues: dict[str, Venue],
    programme: None,
    partner: BroadcastPartner,
    organizer: User,
) -> None:
    services.post_update(
        author=organizer,
        assembly=assembly,
        kind="venue_joined",
        text_en="Toronto joins",
        text_fa="تورنتو",
        venue=venues["toronto"],
    )
    for url in public_urls(assembly, venues):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Rue Cachée" not in body, url
        assert "Hidden Lane" not in body, url
        assert HIDDEN_ADDRESS not in body, url
        if "html" in response["Content-Type"]:
            # Stream links are shown as text to copy, never as links to another host (SR-01).
            assert not re.search(r'(?:href|src)="(?:https?:)?//', body), url


def test_programme_in_the_viewers_time_zone(client: Client, assembly: Assembly, programme: None) -> None:
    utc = client.get(f"/en/assemblies/{assembly.slug}/?tz=UTC").content.decode()
    tehran = client.get(f"/en/assemblies/{assembly.slug}/?tz=Asia/Tehran").content.decode()
    assert "08:00" in utc
    assert "22:30" in utc
    # Tehran is UTC+03:30: the late debate moves to the next local day, 02:00.
    assert "11:30" in tehran
    assert "02:00" in tehran
    assert "6 Dec 2026" in tehran
    persian = client.get(f"/fa/assemblies/{assembly.slug}/?tz=Asia/Tehran").content.decode()
    assert "۱۱:۳۰" in persian
    assert 'dir="rtl"' in persian
    # An unknown zone falls back to UTC instead of failing.
    assert client.get(f"/en/assemblies/{assembly.slug}/?tz=Nowhere/Else").status_code == 200


def test_group_by_venue_uses_each_venues_zone(
    client: Client, assembly: Assembly, venues: dict[str, Venue], programme: None
) -> None:
    body = client.get(f"/en/assemblies/{assembly.slug}/?group=venue").content.decode()
    # Opening at 08:00 UTC: 09:00 in Paris, 03:00 in Toronto, 19:00 in Sydney.
    assert "09:00" in body
    assert "03:00" in body
    assert "19:00" in body
    sydney = client.get(f"/en/assemblies/{assembly.slug}/venues/{venues['sydney'].pk}/").content.decode()
    assert "Opening" in sydney
    assert "Late debate" not in sydney


def test_icalendar_exports_parse(client: Client, assembly: Assembly, venues: dict[str, Venue], programme: None) -> None:
    response = client.get(f"/assemblies/{assembly.slug}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Opening", "Late debate"]
    assert events[0].decoded("DTSTART") == dt.datetime(2026, 12, 5, 8, 0, tzinfo=dt.UTC)
    assert "Toronto" in str(events[0]["LOCATION"])
    persian = icalendar.Calendar.from_ical(client.get(f"/assemblies/{assembly.slug}.ics?lang=fa").content)
    assert str(persian.walk("VEVENT")[0]["SUMMARY"]) == "گشایش"
    venue = icalendar.Calendar.from_ical(
        client.get(f"/assemblies/{assembly.slug}/venues/{venues['sydney'].pk}.ics").content
    )
    assert [str(event["SUMMARY"]) for event in venue.walk("VEVENT")] == ["Opening"]
    assert str(venue["X-WR-TIMEZONE"]) == "Australia/Sydney"
    description = str(venue.walk("VEVENT")[0]["DESCRIPTION"])
    assert "Held in: Paris" in description
    assert "Screened at this venue" in description


def test_programme_tells_where_a_session_is_held_and_where_it_is_screened(
    client: Client, assembly: Assembly, venues: dict[str, Venue], programme: None
) -> None:
    body = client.get(f"/en/assemblies/{assembly.slug}/").content.decode()
    held = body.index("Held in")
    screened = body.index("Screened in")
    assert held < body.index("Paris", held) < screened < body.index("Sydney", screened)
    sydney = client.get(f"/en/assemblies/{assembly.slug}/venues/{venues['sydney'].pk}/").content.decode()
    assert "Screened here; held in Paris" in sydney
    hub = client.get(f"/en/assemblies/{assembly.slug}/venues/{venues['hub'].pk}/").content.decode()
    assert "Held here" in hub
    persian = client.get(f"/fa/assemblies/{assembly.slug}/venues/{venues['sydney'].pk}/").content.decode()
    assert "Screened here" not in persian
    assert "پاریس" in persian
    # The late debate names no venue where it is held: its venues are listed as before.
    grouped = client.get(f"/en/assemblies/{assembly.slug}/?group=venue").content.decode()
    assert grouped.count("Held here") == 1


def test_drafts_and_invitation_only_programmes_are_not_public(
    client: Client, assembly: Assembly, programme: None, organizer: User
) -> None:
    assembly.visibility = Assembly.Visibility.INVITATION_ONLY
    assembly.save()
    page = client.get(f"/en/assemblies/{assembly.slug}/").content.decode()
    assert "Opening" not in page
    assert client.get(f"/assemblies/{assembly.slug}.ics").status_code == 404
    services.set_assembly_status(actor=organizer, assembly=assembly, status=Assembly.Status.DRAFT)
    assert client.get(f"/en/assemblies/{assembly.slug}/").status_code == 404
    assert client.get(f"/assemblies/{assembly.slug}/live.atom").status_code == 404


def test_follow_page_lists_accredited_partners_only(
    client: Client, assembly: Assembly, partner: BroadcastPartner, organizer: User
) -> None:
    services.add_partner(
        actor=organizer, assembly=assembly, name_en="Pending TV", name_fa="تلویزیون", kind="tv", languages="fa"
    )
    english = client.get(f"/en/assemblies/{assembly.slug}/follow/").content.decode()
    assert "Radio Free Example" in english
    assert "1575 kHz" in english
    assert "Pending TV" not in english
    assert "رادیو نمونه" in client.get(f"/fa/assemblies/{assembly.slug}/follow/").content.decode()


def test_invitee_page_shows_qr_code_fingerprint_and_address_and_takes_an_answer_without_javascript(
    client: Client, venues: dict[str, Venue], credentials_officer: User, delegates: list[Delegate]
) -> None:
    invitation, token = services.issue_invitation(
        officer=credentials_officer, venue=venues["hub"], delegate=delegates[0]
    )
    url = f"/en/assemblies/invitation/{token}/"
    body = client.get(url).content.decode()
    assert "<svg" in body
    assert invitations.short_code(invitations.from_text(token)) in body
    assert current_signer().fingerprint in body
    assert HIDDEN_ADDRESS in body  # the invitee sees the address of their own venue
    assert "<script" not in body.split("</main>")[0]
    client.get(url)  # sets the CSRF cookie
    response = client.post(url, {"answer": "accept"})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED
    assert "دعوت‌نامهٔ شما" in client.get(f"/fa/assemblies/invitation/{token}/").content.decode()


def test_a_revoked_invitation_no_longer_shows_the_hidden_address(
    client: Client, venues: dict[str, Venue], credentials_officer: User
) -> None:
    invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="G")
    assert HIDDEN_ADDRESS in client.get(f"/en/assemblies/invitation/{token}/").content.decode()
    services.revoke_invitation(officer=credentials_officer, invitation=invitation)
    for language in ("en", "fa"):
        body = client.get(f"/{language}/assemblies/invitation/{token}/").content.decode()
        assert "state-revoked" in body
        assert HIDDEN_ADDRESS not in body
        assert "Secret Hall" not in body
        assert invitations.short_code(invitations.from_text(token)) not in body


def test_a_tampered_or_forged_invitation_link_shows_nothing(
    client: Client, venues: dict[str, Venue], credentials_officer: User
) -> None:
    _invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="G")
    position = 40
    tampered = token[:position] + ("A" if token[position] != "A" else "B") + token[position + 1 :]
    response = client.get(f"/en/assemblies/invitation/{tampered}/")
    assert response.status_code == 404
    assert HIDDEN_ADDRESS not in response.content.decode()


def test_published_keys_match_the_fingerprint(client: Client, db: None) -> None:
    data = json.loads(client.get("/assemblies/keys.json").content)
    assert data["keys"][0]["fingerprint"] == current_signer().fingerprint
    assert data["keys"][0]["key_id"] == current_signer().key_id


def test_atom_feed_parses_and_lists_updates(client: Client, assembly: Assembly, organizer: User) -> None:
    services.post_update(
        author=organizer, assembly=assembly, kind="speaking", text_en="Now: Delegate 1", text_fa="اکنون"
    )
    services.post_update(
        author=organizer, assembly=assembly, kind="resolution", text_en="Resolution adopted", text_fa="قطعنامه"
    )
    feed = feedparser.parse(client.get(f"/assemblies/{assembly.slug}/live.atom").content)
    assert not feed.bozo
    assert [entry.summary for entry in feed.entries] == ["Resolution adopted", "Now: Delegate 1"]
    persian = feedparser.parse(client.get(f"/assemblies/{assembly.slug}/live.atom?lang=fa").content)
    assert persian.entries[0].summary == "قطعنامه"


def test_live_page_works_without_javascript(client: Client, assembly: Assembly, organizer: User) -> None:
    services.post_update(
        author=organizer, assembly=assembly, kind="notice", text_en="Break until 14:00", text_fa="استراحت"
    )
    body = client.get(f"/en/assemblies/{assembly.slug}/live/").content.decode()
    assert "Break until 14:00" in body
    assert 'http-equiv="refresh"' in body


@pytest.mark.django_db(transaction=True)
def test_server_sent_events_deliver_backlog_and_new_updates(assembly: Assembly, organizer: User, monkeypatch) -> None:
    from asgiref.sync import async_to_sync

    monkeypatch.setattr(views, "LIVE_STREAM_SECONDS", 1.0)
    monkeypatch.setattr("solidarity.assemblies.live.POLL_SECONDS", 0.05)
    async_to_sync(follow_live_stream)(assembly, organizer)


async def follow_live_stream(assembly: Assembly, organizer: User) -> None:
    from asgiref.sync import sync_to_async

    await sync_to_async(services.post_update)(
        author=organizer, assembly=assembly, kind="notice", text_en="first", text_fa="یک"
    )
    client = AsyncClient()
    response = await client.get(f"/assemblies/{assembly.slug}/live/events")
    assert response["Content-Type"] == "text/event-stream"
    chunks = []
    posted = False
    async for chunk in response.streaming_content:  # type: ignore[attr-defined]  # a streaming response at run time
        chunks.append(chunk.decode() if isinstance(chunk, bytes) else chunk)
        if not posted and "first" in "".join(chunks):
            await sync_to_async(services.post_update)(
                author=organizer, assembly=assembly, kind="speaking", text_en="second", text_fa="دو"
            )
            posted = True
    text = "".join(chunks)
    events = [json.loads(line[len("data: ") :]) for line in text.splitlines() if line.startswith("data: ")]
    assert [event["text_en"] for event in events] == ["first", "second"]
    # One event serves followers in every language: it carries the kind in both.
    assert [(event["kind_label_en"], event["kind_label_fa"]) for event in events] == [
        ("Notice", "اطلاعیه"),
        ("Now speaking", "اکنون سخن می‌گوید"),
    ]
    ids = re.findall(r"^id: (\d+)$", text, flags=re.MULTILINE)
    # Reconnecting with Last-Event-ID resumes after the last update seen.
    resumed = await client.get(f"/assemblies/{assembly.slug}/live/events", headers={"Last-Event-ID": ids[0]})
    rest = "".join([chunk.decode() if isinstance(chunk, bytes) else chunk async for chunk in resumed.streaming_content])  # type: ignore[attr-defined]  # streaming at run time
    assert '"second"' in rest
    assert '"first"' not in rest


# --- staff ---------------------------------------------------------------------------------


def staff_urls(assembly: Assembly, venue: Venue, invitation: Invitation) -> list[str]:
    slug = assembly.slug
    return [
        "/en/staff/assemblies/",
        f"/en/staff/assemblies/{slug}/invitations/",
        f"/en/staff/assemblies/invitations/{invitation.pk}/",
        f"/en/staff/assemblies/{slug}/checkin/{venue.pk}/",
        f"/en/staff/assemblies/{slug}/checkin/{venue.pk}/queue.json",
        f"/en/staff/assemblies/{slug}/attendance/",
        f"/en/staff/assemblies/{slug}/live/",
        f"/en/staff/assemblies/{slug}/partners/",
    ]


def test_staff_pages_need_a_role_and_a_second_factor(
    client: Client, staff_client, outsider: User, organizer: User, venues: dict[str, Venue], credentials_officer: User
) -> None:
    invitation, _token = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="G")
    urls = staff_urls(venues["hub"].assembly, venues["hub"], invitation)
    for url in urls:
        assert client.get(url).status_code == 302, url
        assert staff_client(outsider).get(url).status_code in {302, 403}, url
        response = staff_client(organizer).get(url)
        assert response.status_code == 200, url
        assert "fa" not in url or "rtl" in response.content.decode()
    for url in urls:
        assert staff_client(organizer).get(url.replace("/en/", "/fa/", 1)).status_code == 200, url


def test_officer_issues_and_revokes_through_the_pages(
    staff_client, credentials_officer: User, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    client = staff_client(credentials_officer)
    slug = venues["hub"].assembly.slug
    response = client.post(
        f"/en/staff/assemblies/{slug}/invitations/",
        {"venue": venues["toronto"].pk, "role": 1, "delegate": delegates[2].pk, "guest_name": ""},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.delegate == delegates[2]
    page = client.get(response["Location"]).content.decode()
    link = re.search(r'href="(/en/assemblies/invitation/[A-Z2-7]{170}/)"', page)
    assert link is not None
    assert (
        client.post(f"/en/staff/assemblies/invitations/{invitation.pk}/revoke/", {"reason": "dup"}).status_code == 302
    )
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.REVOKED
    missing = client.post(f"/en/staff/assemblies/{slug}/invitations/", {"venue": venues["hub"].pk, "role": 1})
    assert missing.status_code == 200
    assert Invitation.objects.count() == 1


def test_door_page_admits_then_refuses_with_reasons_in_the_officers_language(
    staff_client, checkin_officer: User, credentials_officer: User, venues: dict[str, Venue]
) -> None:
    _invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="G")
    url = f"/en/staff/assemblies/{venues['hub'].assembly.slug}/checkin/{venues['hub'].pk}/"
    with time_machine.travel(DURING, tick=False):
        client = staff_client(checkin_officer)  # signed in at the door, on the day
        first = client.post(url, {"token": token}).content.decode()
        assert 'data-reason="admitted"' in first
        again = client.post(url, {"token": token}).content.decode()
        assert 'data-reason="already_scanned"' in again
        assert "already used" in again
        persian = client.post(url.replace("/en/", "/fa/"), {"token": token}).content.decode()
        assert "already used" not in persian
        assert 'data-reason="already_scanned"' in persian
        forged = client.post(url, {"token": "A" * 170}).content.decode()
        assert 'data-reason="tampered"' in forged


def test_queue_file_download_then_upload_syncs_idempotently(
    staff_client, checkin_officer: User, credentials_officer: User, venues: dict[str, Venue]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from solidarity.assemblies.checkin import Scanner

    _invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="G")
    client = staff_client(checkin_officer)
    base = f"/en/staff/assemblies/{venues['hub'].assembly.slug}/checkin/{venues['hub'].pk}/"
    scanner = Scanner.from_json(json.loads(client.get(base + "queue.json").content))
    scanner.scan_token(token, now=int(DURING.timestamp()))
    for _ in range(2):
        upload = SimpleUploadedFile("queue.json", scanner.dumps().encode(), content_type="application/json")
        assert client.post(base + "sync/", {"queue": upload}).status_code == 302
    assert Scan.objects.count() == 1
    bad = SimpleUploadedFile("queue.json", b"{}", content_type="application/json")
    assert client.post(base + "sync/", {"queue": bad}).status_code == 302
    nested = SimpleUploadedFile("queue.json", b"[" * 100_000, content_type="application/json")
    assert client.post(base + "sync/", {"queue": nested}).status_code == 302  # refused with a message, not a 500
    assert Scan.objects.count() == 1


def test_organizer_posts_updates_and_accredits_partners(
    staff_client, organizer: User, assembly: Assembly, partner: BroadcastPartner
) -> None:
    client = staff_client(organizer)
    response = client.post(
        f"/en/staff/assemblies/{assembly.slug}/live/",
        {"kind": "statement", "text_en": "Hello", "text_fa": "سلام", "venue": ""},
    )
    assert response.status_code == 302
    assert assembly.updates.get().text_fa == "سلام"
    client.post(f"/en/staff/assemblies/{assembly.slug}/partners/", {"partner": partner.pk, "accredit": "0"})
    partner.refresh_from_db()
    assert not partner.is_accredited


def test_attendance_page_shows_flagged_duplicates(
    staff_client,
    organizer: User,
    credentials_officer: User,
    checkin_officer: User,
    venues: dict[str, Venue],
    delegates: list[Delegate],
) -> None:
    from solidarity.assemblies.checkin import Scanner

    _invitation, token = services.issue_invitation(
        officer=credentials_officer, venue=venues["hub"], delegate=delegates[0]
    )
    hub_manifest = services.build_manifest(venue=venues["hub"])
    first, second = Scanner(hub_manifest, "hub-door-1"), Scanner(hub_manifest, "hub-door-2")
    first.scan_token(token, now=int(DURING.timestamp()))
    second.scan_token(token, now=int(DURING.timestamp()) + 5)
    services.sync_scans(officer=checkin_officer, venue=venues["hub"], scans=first.queue + second.queue)
    body = (
        staff_client(organizer)
        .get(reverse("assemblies:staff-attendance", kwargs={"slug": "paris-2026"}))
        .content.decode()
    )
    assert "hub-door-1" in body
    assert "hub-door-2" in body
    assert "twice at one venue" in body


def test_attendance_page_warns_of_admissions_no_door_could_have_made(
    staff_client, organizer: User, checkin_officer: User, venues: dict[str, Venue]
) -> None:
    hub = venues["hub"]
    doctored = checkin.Scan(checkin.new_scan_id(), "d", hub.pk, "cd" * 16, int(DURING.timestamp()), checkin.ADMITTED)
    services.sync_scans(officer=checkin_officer, venue=hub, scans=[doctored])
    client = staff_client(organizer)
    english = client.get(f"/en/staff/assemblies/{hub.assembly.slug}/attendance/").content.decode()
    assert "Admissions not matched to an invitation of their venue: 1." in english
    persian = client.get(f"/fa/staff/assemblies/{hub.assembly.slug}/attendance/").content.decode()
    assert "ورودهایی که با دعوت‌نامه‌ای از همان محل جور درنمی‌آیند" in persian


def test_offline_page_syncs_its_json_queue_once(
    staff_client, checkin_officer: User, credentials_officer: User, venues: dict[str, Venue]
) -> None:
    from solidarity.assemblies.checkin import Scanner

    _invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="G")
    client = staff_client(checkin_officer)
    base = f"/en/staff/assemblies/{venues['hub'].assembly.slug}/checkin/{venues['hub'].pk}/"
    page = client.get(base).content.decode()
    assert 'id="offline-checkin"' in page
    assert 'data-reason="already_scanned"' in page
    scanner = Scanner(services.build_manifest(venue=venues["hub"]), "browser-1")
    scanner.scan_token(token, now=int(DURING.timestamp()))
    body = json.dumps({"scans": [asdict(scan) for scan in scanner.queue]})
    for expected in (1, 0):
        response = client.post(base + "scans.json", body, content_type="application/json")
        assert response.status_code == 200
        assert response.json()["stored"] == expected
    assert client.post(base + "scans.json", "{}", content_type="application/json").status_code == 400
    # JSON nested past the recursion limit once answered 500 (found writing the API contract, SR-22).
    nested = client.post(base + "scans.json", "[" * 100_000, content_type="application/json")
    assert nested.status_code == 400 and nested.json() == {"error": "not a list of scans of this venue"}
    assert Scan.objects.count() == 1


def test_offline_page_messages_are_translated(staff_client, checkin_officer: User, venues: dict[str, Venue]) -> None:
    client = staff_client(checkin_officer)
    base = f"/fa/staff/assemblies/{venues['hub'].assembly.slug}/checkin/{venues['hub'].pk}/"
    page = client.get(base).content.decode()
    assert "%(stored)s" in page
    assert "اسکن دم در" in page
    assert "راه ندهید" in page  # refusal reasons in the officer's language, for the offline script


def test_sse_under_wsgi_falls_back_to_a_polling_thread(
    client: Client, assembly: Assembly, organizer: User, monkeypatch
) -> None:
    services.post_update(author=organizer, assembly=assembly, kind="notice", text_en="wsgi", text_fa="و")
    monkeypatch.setattr(views, "LIVE_STREAM_SECONDS", 0.2)
    monkeypatch.setattr("solidarity.assemblies.live.POLL_SECONDS", 0.05)
    response = client.get(f"/assemblies/{assembly.slug}/live/events")
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]  # a streaming response
    assert '"wsgi"' in text


def test_a_quiet_wsgi_stream_writes_on_every_poll_so_a_gone_follower_ends_its_thread(
    assembly: Assembly, monkeypatch
) -> None:
    from solidarity.assemblies import live

    monkeypatch.setattr(live, "POLL_SECONDS", 0.02)
    stream = live.follow_blocking(assembly.pk, last_seen=0, seconds=5.0)
    chunks = [next(stream) for _ in range(4)]
    stream.close()  # what the server does when a write fails: the thread stops polling
    assert chunks == ["retry: 3000\n\n", ":\n\n", ":\n\n", ":\n\n"]


def test_invitation_page_snapshot(
    client: Client, venues: dict[str, Venue], programme: None, credentials_officer: User
) -> None:
    """The invite's structure, and its fingerprint line, as a person reads it (SR-10)."""
    _invitation, token = services.issue_invitation(
        officer=credentials_officer, venue=venues["toronto"], guest_name="Guest"
    )
    body = client.get(f"/en/assemblies/invitation/{token}/").content.decode()
    main = body.split('<main id="main" class="page">')[1].split("</main>")[0]
    headings = re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", main)
    labels = re.findall(r"<dt>(.*?)</dt>", main)
    assert headings == [
        "Your invitation",
        "Paris Assembly",
        "Show this at the door",
        "Check that this invitation is genuine",
        "Programme at your venue (Toronto)",
        "5 Dec 2026",
    ]
    assert labels == ["Invited", "Venue", "Address (keep it private)", "Valid", "State"]
    fingerprint = re.search(r'<code class="fingerprint" dir="ltr">([0-9A-F ]+)</code>', main)
    assert fingerprint is not None
    assert fingerprint.group(1) == current_signer().fingerprint
    assert "99 Hidden Lane" in main  # the Toronto invitee's own venue
    assert HIDDEN_ADDRESS not in main  # never another venue's


def test_a_venue_that_names_its_officers_opens_to_them_only(
    staff_client, checkin_officer: User, organizer: User, venues: dict[str, Venue]
) -> None:
    from solidarity.core.roles import Role
    from tests.conftest import make_user

    other = make_user("other-door", Role.CHECKIN_OFFICER)
    venues["toronto"].checkin_officers.add(checkin_officer)
    slug = venues["hub"].assembly.slug
    toronto = f"/en/staff/assemblies/{slug}/checkin/{venues['toronto'].pk}/"
    assert staff_client(checkin_officer).get(toronto).status_code == 200
    assert staff_client(organizer).get(toronto).status_code == 200
    assert staff_client(other).get(toronto).status_code == 404
    assert staff_client(other).get(toronto + "queue.json").status_code == 404
    # A venue that names nobody opens to every check-in officer.
    assert staff_client(other).get(f"/en/staff/assemblies/{slug}/checkin/{venues['hub'].pk}/").status_code == 200


def test_every_assemblies_page_with_real_data_keeps_the_baseline(
    client: Client,
    staff_client,
    organizer: User,
    credentials_officer: User,
    venues: dict[str, Venue],
    programme: None,
    partner: BroadcastPartner,
) -> None:
    """SR-01/02/03 on populated pages: the site-wide walk fills slugs with placeholders, so it
    sees assemblies' pages only as 404s. Here every public, invitee and staff page has data."""
    from tests.core.test_urls_security import FOREIGN_CSS_URL, LinkCollector, is_foreign

    assembly = venues["hub"].assembly
    invitation, token = services.issue_invitation(officer=credentials_officer, venue=venues["hub"], guest_name="G")
    services.post_update(author=organizer, assembly=assembly, kind="speaking", text_en="Chair", text_fa="رئیس")
    staff = staff_client(organizer)
    pages: list[tuple[Client, str]] = [(client, url) for url in public_urls(assembly, venues)]
    pages += [(client, f"/{language}/assemblies/invitation/{token}/") for language in ("en", "fa")]
    for url in staff_urls(assembly, venues["hub"], invitation):
        pages += [(staff, url), (staff, url.replace("/en/", "/fa/", 1))]
    html_pages = 0
    for browser, url in pages:
        response = browser.get(url)
        assert response.status_code == 200, url
        csp = response.headers.get("Content-Security-Policy", "")
        for directive in ("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"):
            assert directive in csp, (url, directive)
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, url
        if "/staff/" in url:
            assert "no-store" in response.headers.get("Cache-Control", ""), url
        if "html" in response["Content-Type"]:
            html = response.content.decode()
            collector = LinkCollector()
            collector.feed(html)
            assert not [found for found in collector.urls if is_foreign(found)], url
            assert not FOREIGN_CSS_URL.search(html), url
            assert collector.inline_scripts == 0, (url, "inline script or event handler")
            assert collector.style_attributes == 0 and collector.style_blocks == 0, (url, "inline style")
            html_pages += 1
    assert html_pages >= 30
