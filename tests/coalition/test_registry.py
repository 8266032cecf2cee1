"""Applications, decisions, the directory, the matrix page and delegates' identities."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from solidarity.coalition import services
from solidarity.coalition.models import Organization
from solidarity.core.models import AuditEntry
from tests.conftest import make_member


@pytest.mark.django_db
def test_an_organization_applies_and_an_organizer_admits_it(client, organizer, staff_client, terms):
    response = client.post(
        "/fa/coalition/apply/",
        {
            "name_en": "Baluch Teachers",
            "name_fa": "معلمان بلوچ",
            "kind": "civil",
            "base": "inside",
            "ties": [terms["baluch"].pk],
            "sectors": [terms["teachers"].pk],
            "countries": "ir",
        },
    )
    assert response.status_code == 302
    organization = Organization.objects.get(name_en="Baluch Teachers")
    assert organization.status == "applied" and organization.countries == "IR"
    assert client.get("/en/coalition/").content.decode().count("Baluch Teachers") == 0

    staff = staff_client(organizer)
    assert "Baluch Teachers" in staff.get("/en/staff/coalition/applications/").content.decode()
    staff.post(
        f"/en/staff/coalition/organizations/{organization.pk}/status/",
        {"status": "member", "reason": "Meets the charter."},
    )
    organization.refresh_from_db()
    assert organization.status == "member" and organization.member_since is not None
    assert "Baluch Teachers" in client.get("/en/coalition/").content.decode()
    entry = AuditEntry.objects.filter(action="coalition.organization.status_changed").get()
    assert entry.actor_name == "organizer" and entry.data == {"from": "applied", "to": "member"}


@pytest.mark.django_db
def test_an_application_without_any_group_is_refused_with_a_clear_error(client, terms):
    response = client.post("/en/coalition/apply/", {"name_en": "Nobody", "kind": "civil", "base": "inside"})
    assert response.status_code == 200
    assert "at least one political family" in response.content.decode()
    assert not Organization.objects.exists()


@pytest.mark.django_db
def test_before_the_coalition_names_any_group_an_application_needs_none(client):
    """A new server has no families, ties or sectors yet: the first organizations can still apply."""
    response = client.post("/en/coalition/apply/", {"name_en": "First", "kind": "civil", "base": "inside"})
    assert response.status_code == 302
    assert Organization.objects.get().name_en == "First"


@pytest.mark.django_db
def test_status_changes_follow_the_rules_and_need_a_reason(organizer, terms):
    organization = make_member("X", families=[terms["socialist"]], ties=[], sectors=[], actor=organizer)
    with pytest.raises(services.OrganizationStateError):
        services.change_status(organization=organization, status="rejected", reason="no", actor=organizer)
    with pytest.raises(services.OrganizationStateError):
        services.change_status(organization=organization, status="suspended", reason="  ", actor=organizer)
    services.change_status(organization=organization, status="left", reason="Dissolved.", actor=organizer)
    organization.refresh_from_db()
    assert organization.left_at is not None


@pytest.mark.django_db
def test_only_organizers_decide(moderator, staff_client, organizer, terms):
    organization = services.apply_for_membership(
        data=services.OrganizationData(
            name_en="Y", name_fa="", kind="civil", base="inside", families=[terms["socialist"]], ties=[], sectors=[]
        )
    )
    response = staff_client(moderator).post(
        f"/en/staff/coalition/organizations/{organization.pk}/status/", {"status": "member", "reason": "x"}
    )
    assert response.status_code == 403
    organization.refresh_from_db()
    assert organization.status == "applied"


@pytest.mark.django_db
def test_search_folds_persian_and_arabic_variants(client, organizer, terms):
    organization = make_member(
        "Kermanshah Retirees", families=[terms["socialist"]], ties=[], sectors=[], actor=organizer
    )
    organization.name_fa = "بازنشستگان کرمانشاه"
    organization.search_text = services.organization_search_text(organization)
    organization.save()
    for query in ("كرمانشاه", "کرمانشاه", "kermanshah", "KERMANSHAH"):  # Arabic kaf, Persian keheh, Latin
        assert "Kermanshah Retirees" in client.get("/en/coalition/", {"q": query}).content.decode(), query


@pytest.mark.django_db
def test_directory_filters_and_csv_export(client, delegates, terms):
    page = client.get("/en/coalition/", {"sector": "teachers"}).content.decode()
    assert "Teachers Circle" in page and "Women Forum" not in page
    response = client.get("/en/coalition/members.csv", {"base": "diaspora"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["name_en"] for row in rows] == ["Women Forum"]
    assert rows[0]["families"] == "monarchist" and rows[0]["delegates"] == "3"


@pytest.mark.django_db
def test_directory_query_count_does_not_grow_with_rows(client, organizer, terms):
    for index in range(3):
        make_member(
            f"Org {index}",
            families=[terms["socialist"]],
            ties=[terms["kurdish"]],
            sectors=[terms["women"]],
            actor=organizer,
        )
    with CaptureQueriesContext(connection) as few:
        client.get("/en/coalition/")
    for index in range(3, 30):
        make_member(
            f"Org {index}",
            families=[terms["socialist"]],
            ties=[terms["kurdish"]],
            sectors=[terms["women"]],
            actor=organizer,
        )
    with CaptureQueriesContext(connection) as many:
        client.get("/en/coalition/")
    assert len(many) == len(few)


@pytest.mark.django_db
def test_matrix_page_shows_cells_gaps_and_the_formula(client, delegates):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/coalition/representation/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "√(coverage × evenness)" in body
    assert 'class="gap"' in body and 'class="filled"' in body
    assert len(queries) < 20
    persian = client.get("/fa/coalition/representation/").content.decode()
    assert "۳" in persian  # Persian digits


@pytest.mark.django_db
def test_the_matrix_changes_when_an_organization_joins(organizer, delegates, terms):
    from solidarity.coalition.selectors import representation_overview

    before = representation_overview()
    assert before.families_by_sectors.cell("socialist", "women").is_gap
    make_member("Socialist Women", families=[terms["socialist"]], ties=[], sectors=[terms["women"]], actor=organizer)
    after = representation_overview()
    assert after.families_by_sectors.cell("socialist", "women").organizations == 1


@pytest.mark.django_db
def test_only_credentials_officers_read_identities_and_each_read_is_audited(
    delegates, staff_client, credentials_officer, organizer
):
    delegate = delegates[0]
    url = f"/en/staff/coalition/delegates/{delegate.pk}/identity/"
    assert staff_client(organizer).post(url).status_code == 403
    response = staff_client(credentials_officer).post(url)
    assert response.status_code == 200 and "Legal Name 0" in response.content.decode()
    assert AuditEntry.objects.filter(action="coalition.delegate.identity_read", target_id=str(delegate.pk)).count() == 1
    assert staff_client(credentials_officer).get(url).status_code == 405  # a read is a deliberate act
    assert "Legal Name" not in staff_client(organizer).get("/en/staff/coalition/delegates/").content.decode()


@pytest.mark.django_db
def test_organizers_edit_taxonomies(organizer, staff_client):
    client = staff_client(organizer)
    client.post(
        "/en/staff/coalition/taxonomies/",
        {
            "kind": "sector",
            "slug": "seafarers",
            "name_en": "Seafarers",
            "name_fa": "دریانوردان",
            "position": 5,
            "is_active": "on",
        },
    )
    assert "Seafarers" in client.get("/en/coalition/apply/").content.decode()


@pytest.mark.django_db
def test_organizers_edit_an_organization(organizer, staff_client, delegates, terms):
    organization = Organization.objects.get(name_en="Teachers Circle")
    client = staff_client(organizer)
    page = client.get(f"/en/staff/coalition/organizations/{organization.pk}/edit/")
    assert "Teachers Circle" in page.content.decode()
    response = client.post(
        f"/en/staff/coalition/organizations/{organization.pk}/edit/",
        {
            "name_en": "Teachers' Circle of Kurdistan",
            "name_fa": "حلقه معلمان",
            "kind": "civil",
            "base": "both",
            "families": [terms["socialist"].pk],
            "sectors": [terms["teachers"].pk, terms["women"].pk],
        },
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name_en == "Teachers' Circle of Kurdistan" and organization.base == "both"
    assert {t.slug for t in organization.sectors.all()} == {"teachers", "women"}
    assert list(organization.ties.all()) == []
    assert AuditEntry.objects.filter(action="coalition.organization.updated").exists()


@pytest.mark.django_db
def test_a_decision_returns_to_its_page_but_never_to_another_host(organizer, staff_client, terms):
    client = staff_client(organizer)
    url = "/fa/staff/coalition/organizations/{}/status/"
    first = services.apply_for_membership(
        data=services.OrganizationData(
            name_en="First", name_fa="", kind="civil", base="inside", families=[terms["socialist"]], ties=[], sectors=[]
        )
    )
    back = "/fa/staff/coalition/organizations/?status=applied"
    response = client.post(url.format(first.pk), {"status": "member", "reason": "ok", "back": back})
    assert response["Location"] == back
    # The message names the status in the reader's language, not by its code.
    assert "«عضو»" in client.get(back).content.decode()
    second = services.apply_for_membership(
        data=services.OrganizationData(
            name_en="Second",
            name_fa="",
            kind="civil",
            base="inside",
            families=[terms["socialist"]],
            ties=[],
            sectors=[],
        )
    )
    for elsewhere in ("https://phish.example/", "//phish.example/", "https:/phish.example"):
        response = client.post(url.format(second.pk), {"status": "rejected", "reason": "no", "back": elsewhere})
        assert response["Location"] == "/fa/staff/coalition/applications/", elsewhere


@pytest.mark.django_db
def test_the_csv_export_never_hands_a_spreadsheet_a_formula(client, organizer, terms):
    """Names and contacts come from the public form: none may run as a formula where the export is opened."""
    organization = make_member(
        '=HYPERLINK("http://phish.example/","Open")',
        families=[terms["socialist"]],
        ties=[],
        sectors=[],
        actor=organizer,
    )
    organization.contact = "+98 21 5555 0000"
    organization.cities = "@Tabriz"
    organization.save()
    response = client.get("/en/coalition/members.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["name_en"] == '\'=HYPERLINK("http://phish.example/","Open")'
    assert rows[0]["contact"] == "'+98 21 5555 0000" and rows[0]["cities"] == "'@Tabriz"
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())
