"""Issue 12: public pages served from the cache until their data changes, with validators for 304s."""

from __future__ import annotations

import pytest
from django.test import Client

from solidarity.coalition import selectors
from solidarity.coalition.models import Organization
from solidarity.core.models import User

pytestmark = pytest.mark.django_db


def test_a_public_page_is_reused_until_its_data_changes(
    monkeypatch: pytest.MonkeyPatch, terms: dict[str, object], organizer: User
) -> None:
    calls: list[int] = []
    original = selectors.directory_page

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]  # passed through unchanged

    monkeypatch.setattr(selectors, "directory_page", counted)
    client = Client()
    first = client.get("/en/coalition/")
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=10" in first["Cache-Control"]
    assert first["ETag"] and first["Last-Modified"]
    second = client.get("/en/coalition/")
    assert second.content == first.content and len(calls) == 1  # from the cache, not rendered again
    # A validator the page still matches: 304 and no body.
    assert client.get("/en/coalition/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # A change to the coalition's data: the next request renders afresh.
    Organization.objects.create(name_en="New Circle", kind="civil", base="inside")
    client.get("/en/coalition/")
    assert len(calls) == 2
    # Persian is its own page, and so is htmx's fragment of the same address.
    client.get("/fa/coalition/")
    assert len(calls) == 3
    fragment = client.get("/en/coalition/", HTTP_HX_REQUEST="true")
    assert len(calls) == 4 and fragment.content != first.content and "HX-Request" in fragment["Vary"]


def test_signed_in_people_and_sessions_are_never_served_from_or_into_the_cache(
    staff_client: object, organizer: User
) -> None:
    signed_in = staff_client(organizer)  # type: ignore[operator]
    page = signed_in.get("/en/coalition/")
    assert page["Cache-Control"] == "no-store"
    assert "public" not in Client().get("/en/relay/send/").get("Cache-Control", "")  # a form with a CSRF token
