"""CSV import: every bad row is reported with its line and reason, and nothing is half-imported."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from solidarity.coalition import services
from solidarity.coalition.importing import Vocabulary, parse_organizations
from solidarity.coalition.models import Organization

VOCABULARY = Vocabulary(
    kinds=frozenset({"party", "civil"}),
    bases=frozenset({"inside", "diaspora", "both"}),
    statuses=frozenset({"member", "applied"}),
    families=frozenset({"socialist"}),
    ties=frozenset({"kurdish"}),
    sectors=frozenset({"teachers", "women"}),
)
HEADER = "name_en,name_fa,kind,base,families,ties,sectors,countries\n"


def test_a_clean_file_parses_every_row():
    result = parse_organizations(
        HEADER + "A,الف,party,inside,socialist,kurdish,teachers;women,IR\nB,,civil,both,,,,\n", VOCABULARY
    )
    assert result.is_valid
    assert result.rows[0].sectors == ("teachers", "women")
    assert result.rows[1].status == "member"


def test_each_bad_row_is_reported_with_its_line():
    text = HEADER + (
        "Good,,party,inside,,,,\n"
        "Bad kind,,club,inside,,,,\n"
        ",,party,inside,,,,\n"
        "Good,,party,inside,,,,\n"
        "Unknown term,,civil,inside,anarchist,,,\n"
        "Country,,civil,inside,,,,Iran\n"
    )
    result = parse_organizations(text, VOCABULARY)
    assert not result.is_valid
    lines = {error.line: error.reason for error in result.errors}
    assert set(lines) == {3, 4, 5, 6, 7}
    assert "kind 'club'" in lines[3]
    assert "name_en is empty" in lines[4]
    assert "repeats line 2" in lines[5]
    assert "unknown families: anarchist" in lines[6]
    assert "two-letter" in lines[7]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "missing column"),
        ("name,kind\nA,party\n", "missing column(s): name_en"),
        ("name_en,kind,base,colour\nA,party,inside,red\n", "unknown column(s): colour"),
        (HEADER, "no rows"),
        (HEADER + "A,,party,inside,,,,,extra\n", "more cells than columns"),
    ],
)
def test_malformed_files_get_a_clear_reason(text, reason):
    result = parse_organizations(text, VOCABULARY)
    assert not result.is_valid
    assert reason in result.errors[0].reason


@pytest.mark.django_db
def test_import_is_all_or_nothing(organizer, terms):
    bad = HEADER + "First,,civil,inside,socialist,,teachers,IR\nSecond,,club,inside,,,,\n"
    result = services.import_organizations(text=bad, actor=organizer)
    assert not result.is_valid
    assert not Organization.objects.exists()
    good = HEADER + "First,,civil,inside,socialist,,teachers,IR\nSecond,,civil,diaspora,,kurdish,,DE\n"
    result = services.import_organizations(text=good, actor=organizer)
    assert result.is_valid
    first = Organization.objects.get(name_en="First")
    assert first.status == "member" and [t.slug for t in first.families.all()] == ["socialist"]
    # The same names again are refused: already registered.
    again = services.import_organizations(text=good, actor=organizer)
    assert not again.is_valid and "already registered" in again.errors[0].reason


@pytest.mark.django_db
def test_the_import_page_lists_bad_rows(organizer, terms, staff_client):
    client = staff_client(organizer)
    upload = SimpleUploadedFile("orgs.csv", (HEADER + "X,,club,inside,,,,\n").encode(), content_type="text/csv")
    response = client.post("/en/staff/coalition/organizations/import/", {"file": upload})
    assert response.status_code == 400
    assert "club" in response.content.decode()
    assert not Organization.objects.exists()
    not_utf8 = SimpleUploadedFile("orgs.csv", b"\xff\xfe\x00bad", content_type="text/csv")
    response = client.post("/en/staff/coalition/organizations/import/", {"file": not_utf8})
    assert "not UTF-8" in response.content.decode()
    # On the Persian page the reasons are Persian, with the typed value marked as Latin text.
    upload = SimpleUploadedFile("orgs.csv", (HEADER + "X,,club,inside,,,,\n").encode(), content_type="text/csv")
    persian = client.post("/fa/staff/coalition/organizations/import/", {"file": upload}).content.decode()
    assert "هیچ‌یک از این‌ها نیست" in persian and "is not one of" not in persian
    assert '<bdi lang="und-Latn"' in persian
