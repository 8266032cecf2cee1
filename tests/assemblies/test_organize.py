"""Organizer pages: assemblies, venues, sessions and partners made and changed from the web; bulk invitations."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.db import connection
from django.test import Client, override_settings

from solidarity.assemblies import services
from solidarity.assemblies.models import Assembly, BroadcastPartner, Invitation, Session, Venue
from solidarity.coalition.models import Delegate, Term
from solidarity.core.models import AuditEntry, User
from tests.assemblies.conftest import HIDDEN_ADDRESS
from tests.conftest import verified_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizer_client(organizer: User) -> Client:
    return verified_client(organizer)


def venue_post(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "satellite",
        "name_en": "Berlin Room",
        "name_fa": "سالن برلین",
        "city_en": "Berlin",
        "city_fa": "برلین",
        "country": "de",
        "time_zone": "Europe/Berlin",
        "capacity": "40",
        "street_address": "5 Hidden Street",
        "stream_url": "",
        "position": "3",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("language", ["en", "fa"])
def test_an_organizer_creates_an_assembly_with_venues_a_session_and_a_partner(
    organizer_client: Client, organizer: User, delegates: list[Delegate], language: str
) -> None:
    response = organizer_client.post(
        f"/{language}/staff/assemblies/new/",
        {
            "slug": "paris-2027",
            "name_en": "Paris Assembly",
            "name_fa": "مجمع پاریس",
            "description_en": "",
            "description_fa": "",
            "starts_on": "2027-03-01",
            "ends_on": "2027-03-02",
            "visibility": "public_programme",
        },
    )
    assembly = Assembly.objects.get(slug="paris-2027")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/staff/assemblies/paris-2027/organize/"
    assert assembly.status == Assembly.Status.DRAFT
    base = f"/{language}/staff/assemblies/paris-2027/organize"
    hub = organizer_client.post(
        f"{base}/venues/new/",
        venue_post(kind="hub", name_en="Hub", city_en="Paris", time_zone="Europe/Paris", street_address=HIDDEN_ADDRESS),
    )
    assert hub.status_code == 302
    organizer_client.post(f"{base}/venues/new/", venue_post())
    venues = {venue.city_en: venue for venue in assembly.venues.all()}
    assert set(venues) == {"Paris", "Berlin"}
    assert venues["Berlin"].country == "DE"
    # The address is encrypted at rest (SR-07): the raw column never holds it.
    with connection.cursor() as cursor:
        cursor.execute("SELECT street_address FROM assemblies_venue")
        raw = " ".join(str(row[0]) for row in cursor.fetchall())
    assert HIDDEN_ADDRESS not in raw
    assert "Hidden Street" not in raw

    # A second hub is refused with the reason.
    again = organizer_client.post(f"{base}/venues/new/", venue_post(kind="hub", city_en="Lyon"))
    assert again.status_code == 200
    assert assembly.venues.count() == 2

    session = organizer_client.post(
        f"{base}/sessions/new/",
        {
            "title_en": "Opening",
            "title_fa": "گشایش",
            "time_zone": "Europe/Paris",
            "starts_at": "2027-03-01T10:00",
            "ends_at": "2027-03-01T11:30",
            "held_at": venues["Paris"].pk,
            "venues": [venues["Berlin"].pk],
            "speakers": [delegates[0].pk],
            "guest_speakers": "A. Guest",
            "language": "fa",
            "interpretation": ["en", "ku"],
        },
    )
    assert session.status_code == 302
    made = Session.objects.get(assembly=assembly)
    # 10:00 in Paris in March is 09:00 UTC.
    assert made.starts_at == dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
    assert made.held_at == venues["Paris"]
    assert {venue.pk for venue in made.venues.all()} == {venues["Paris"].pk, venues["Berlin"].pk}
    assert made.interpretation == "en,ku"
    assert list(made.speakers.all()) == [delegates[0]]

    partner = organizer_client.post(
        f"{base}/partners/new/",
        {"name_en": "Radio Example", "name_fa": "رادیو نمونه", "kind": "radio", "languages": "fa,en"},
    )
    assert partner.status_code == 302
    assert BroadcastPartner.objects.filter(assembly=assembly, name_en="Radio Example").exists()

    published = organizer_client.post(f"{base}/publish/", {"publish": "1"})
    assert published.status_code == 302
    assembly.refresh_from_db()
    assert assembly.status == Assembly.Status.PUBLISHED
    page = organizer_client.get(f"{base}/")
    assert page.status_code == 200
    assert "Opening" in page.content.decode() or "گشایش" in page.content.decode()

    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "assemblies.assembly.created",
        "assemblies.venue.added",
        "assemblies.session.added",
        "assemblies.partner.added",
        "assemblies.assembly.status",
    } <= actions


def test_editing_a_session_reads_and_writes_local_times(
    organizer_client: Client, assembly: Assembly, venues: dict[str, Venue], programme: None
) -> None:
    session = Session.objects.get(title_en="Opening")
    base = f"/en/staff/assemblies/{assembly.slug}/organize"
    form = organizer_client.get(f"{base}/sessions/{session.pk}/")
    # 08:00 UTC on 5 December is 09:00 in Paris, where the session is held.
    assert 'value="2026-12-05T09:00"' in form.content.decode()
    response = organizer_client.post(
        f"{base}/sessions/{session.pk}/",
        {
            "title_en": "Opening, moved",
            "title_fa": "گشایش",
            "time_zone": "Australia/Sydney",
            "starts_at": "2026-12-05T20:00",
            "ends_at": "2026-12-05T21:00",
            "held_at": venues["sydney"].pk,
            "venues": [],
            "language": "en",
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title_en == "Opening, moved"
    assert session.starts_at == dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)
    assert [venue.pk for venue in session.venues.all()] == [venues["sydney"].pk]
    entry = AuditEntry.objects.filter(action="assemblies.session.changed").get()
    assert "title_en" in entry.data["fields"]


def test_editing_a_venue_keeps_the_address_out_of_the_audit_log(
    organizer_client: Client, assembly: Assembly, venues: dict[str, Venue]
) -> None:
    toronto = venues["toronto"]
    url = f"/en/staff/assemblies/{assembly.slug}/organize/venues/{toronto.pk}/"
    response = organizer_client.post(
        url,
        venue_post(
            kind="satellite",
            name_en="Toronto Room",
            city_en="Toronto",
            country="CA",
            time_zone="America/Toronto",
            street_address="1 New Secret Road",
            capacity="90",
        ),
    )
    assert response.status_code == 302
    toronto.refresh_from_db()
    assert toronto.capacity == 90
    assert toronto.street_address == "1 New Secret Road"
    entry = AuditEntry.objects.filter(action="assemblies.venue.changed").get()
    assert set(entry.data["fields"]) >= {"capacity", "street_address"}
    assert "Secret" not in str(entry.data) and "Secret" not in entry.target_label


def test_an_unknown_time_zone_is_not_a_choice(
    organizer_client: Client, assembly: Assembly, venues: dict[str, Venue]
) -> None:
    response = organizer_client.post(
        f"/en/staff/assemblies/{assembly.slug}/organize/venues/new/", venue_post(time_zone="Mars/Olympus")
    )
    assert response.status_code == 200
    assert not assembly.venues.filter(city_en="Berlin").exists()


def test_removal_is_refused_with_the_reason_while_invitations_depend_on_it(
    organizer_client: Client, organizer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    services.issue_invitation(officer=organizer, venue=venues["toronto"], delegate=delegates[0])
    base = f"/en/staff/assemblies/{assembly.slug}/organize"
    refused = organizer_client.post(f"{base}/venues/{venues['toronto'].pk}/delete/", {"confirm": "on"})
    assert refused.status_code == 409
    assert "1 invitation was issued for it" in refused.content.decode()
    assert Venue.objects.filter(pk=venues["toronto"].pk).exists()
    whole = organizer_client.post(f"{base}/delete/", {"confirm": "on"})
    assert whole.status_code == 409
    assert Assembly.objects.filter(pk=assembly.pk).exists()
    persian = organizer_client.post(
        f"/fa/staff/assemblies/{assembly.slug}/organize/delete/", {"confirm": "on"}
    ).content.decode()
    assert "دعوت‌نامه" in persian

    # A venue with no invitation goes, after confirmation; the audit log keeps a record.
    unconfirmed = organizer_client.post(f"{base}/venues/{venues['sydney'].pk}/delete/", {})
    assert unconfirmed.status_code == 200
    assert Venue.objects.filter(pk=venues["sydney"].pk).exists()
    removed = organizer_client.post(f"{base}/venues/{venues['sydney'].pk}/delete/", {"confirm": "on"})
    assert removed.status_code == 302
    assert not Venue.objects.filter(pk=venues["sydney"].pk).exists()
    assert AuditEntry.objects.filter(action="assemblies.venue.deleted").exists()


def test_a_venue_where_sessions_are_held_is_not_removed(
    organizer: User, assembly: Assembly, venues: dict[str, Venue], programme: None
) -> None:
    with pytest.raises(services.DependentRecordsError) as refusal:
        services.delete_venue(actor=organizer, venue=venues["hub"])
    assert "held there" in refusal.value.reasons[0]
    # A draft assembly with no invitation goes whole.
    services.delete_assembly(actor=organizer, assembly=assembly)
    assert not Assembly.objects.filter(pk=assembly.pk).exists()


def test_only_organizers_open_the_organizer_pages(
    credentials_officer: User, checkin_officer: User, assembly: Assembly
) -> None:
    for user in (credentials_officer, checkin_officer):
        client = verified_client(user)
        assert client.get("/en/staff/assemblies/new/").status_code == 403
        assert client.get(f"/en/staff/assemblies/{assembly.slug}/organize/").status_code == 403


@override_settings(STAFF_HOSTS=["staff.example.onion"], ALLOWED_HOSTS=["public.example.org", "staff.example.onion"])
def test_organizer_pages_exist_only_on_the_staff_host(assembly: Assembly) -> None:
    public = Client(HTTP_HOST="public.example.org")
    for path in ("/en/staff/assemblies/new/", f"/en/staff/assemblies/{assembly.slug}/organize/"):
        assert public.get(path).status_code == 404


# --- invitations in bulk --------------------------------------------------------------------


def test_bulk_invitations_by_family_with_capacity_checked(
    organizer_client: Client,
    organizer: User,
    assembly: Assembly,
    venues: dict[str, Venue],
    delegates: list[Delegate],
    terms: dict[str, Term],
) -> None:
    url = f"/en/staff/assemblies/{assembly.slug}/invitations/bulk/"
    listing = organizer_client.get(
        url, {"venue": str(venues["toronto"].pk), "role": "1", "family": str(terms["socialist"].pk)}
    )
    page = listing.content.decode()
    socialists = [delegate for delegate in delegates if delegate.organizations.filter(name_en="Teachers Circle")]
    assert len(socialists) == 3
    for delegate in delegates:
        assert (f'name="delegates" value="{delegate.pk}"' in page) == (delegate in socialists)
    # Same display names are told apart by organization and short id.
    assert f"D-{socialists[0].pk:04d}" in page
    assert "Teachers Circle" in page

    Venue.objects.filter(pk=venues["toronto"].pk).update(capacity=2)
    full = organizer_client.post(
        url,
        {"venue": venues["toronto"].pk, "role": "1", "delegates": [delegate.pk for delegate in socialists]},
        follow=True,
    )
    assert "2 seats are left for the 3 you chose" in full.content.decode()
    assert not Invitation.objects.exists()

    Venue.objects.filter(pk=venues["toronto"].pk).update(capacity=80)
    issued = organizer_client.post(
        url, {"venue": venues["toronto"].pk, "role": "1", "delegates": [delegate.pk for delegate in socialists]}
    )
    assert issued.status_code == 302
    assert Invitation.objects.filter(venue=venues["toronto"]).count() == 3
    # Issuing again skips those who already hold one.
    result = services.issue_invitations_in_bulk(officer=organizer, venue=venues["hub"], delegates=delegates)
    assert len(result.issued) == 3
    assert len(result.skipped) == 3
    assert AuditEntry.objects.filter(action="assemblies.invitation.bulk_issued").count() == 2


def test_the_sheet_is_a_pdf_and_the_export_has_full_links(
    organizer_client: Client, organizer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> None:
    services.issue_invitations_in_bulk(officer=organizer, venue=venues["hub"], delegates=delegates[:4])
    revoked, _token = services.issue_invitation(officer=organizer, venue=venues["hub"], guest_name="=HYPERLINK(1)")
    sheet = organizer_client.get(f"/fa/staff/assemblies/{assembly.slug}/venues/{venues['hub'].pk}/sheet.pdf")
    assert sheet.status_code == 200
    assert sheet["Content-Type"] == "application/pdf"
    assert sheet.content.startswith(b"%PDF")
    export = organizer_client.get(f"/en/staff/assemblies/{assembly.slug}/invitations.csv", HTTP_HOST="localhost")
    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert len(rows) == 5
    assert all(row["link"].startswith("http://localhost/en/assemblies/invitation/") for row in rows)
    assert all(row["onion_link"] == "" for row in rows)  # no public onion configured
    guest = next(row for row in rows if row["short_id"].startswith("G-"))
    assert guest["name"] == "'=HYPERLINK(1)"
    services.revoke_invitation(officer=organizer, invitation=revoked)
    again = organizer_client.get(f"/en/staff/assemblies/{assembly.slug}/invitations.csv", HTTP_HOST="localhost")
    assert len(list(csv.DictReader(io.StringIO(again.content.decode())))) == 4


def test_links_exported_on_the_staff_onion_lead_to_the_public_site(
    organizer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate], settings: Any
) -> None:
    """A delegate cannot open the staff onion (client authorization): its host is never in a link."""
    settings.STAFF_HOSTS = ["staffxyz.onion"]
    settings.ALLOWED_HOSTS = ["staffxyz.onion", "publicxyz.onion", "testserver"]
    settings.ONION_HOST = "publicxyz.onion"
    services.issue_invitations_in_bulk(officer=organizer, venue=venues["hub"], delegates=delegates[:2])
    staff = verified_client(organizer)

    def export() -> list[dict[str, str]]:
        answer = staff.get(f"/en/staff/assemblies/{assembly.slug}/invitations.csv", HTTP_HOST="staffxyz.onion")
        assert answer.status_code == 200
        return list(csv.DictReader(io.StringIO(answer.content.decode())))

    rows = export()
    assert all(row["link"].startswith("http://publicxyz.onion/en/assemblies/invitation/") for row in rows)
    assert all(row["onion_link"] == row["link"] for row in rows)
    settings.PUBLIC_URL = "https://solidarity.example.org"
    rows = export()
    assert all(row["link"].startswith("https://solidarity.example.org/en/assemblies/invitation/") for row in rows)
    assert all(row["onion_link"].startswith("http://publicxyz.onion/en/assemblies/invitation/") for row in rows)
    assert all("staffxyz" not in value for row in rows for value in row.values())


def test_the_sheet_fetches_nothing_but_the_packaged_font(
    organizer: User, assembly: Assembly, venues: dict[str, Venue]
) -> None:
    from solidarity.assemblies import selectors, sheets
    from solidarity.core import pdf

    services.issue_invitation(
        officer=organizer,
        venue=venues["hub"],
        guest_name='<img src="http://169.254.169.254/"><link href="file:///etc/passwd">',
    )
    rows = selectors.sheet_rows(venues["hub"], token_for=services.token_for)
    html = sheets.sheet_html(title="T", venue_name="V", capacity=1, rows=rows, language="en")
    requested: list[str] = []
    assert pdf.render_pdf(html, identifier=b"test", requested=requested).startswith(b"%PDF")
    assert requested == [f"{pdf.ASSET_SCHEME}:fonts/Vazirmatn-Regular.ttf"]
