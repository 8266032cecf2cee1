"""Issue 12: public pages served from the cache until their data changes, with validators for 304s."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_save
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from solidarity.coalition import selectors
from solidarity.coalition.models import Organization
from solidarity.core import pagecache
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


def test_each_app_registers_the_sections_its_data_makes_stale_and_the_kernel_names_none() -> None:
    # The registrations the apps make from their own ready(): a section watches its own app, and
    # an app whose data shows on another's pages says so (speakers on the programme, bulletins in
    # the relay's feeds). The kernel's own configuration names no app.
    assert pagecache.sections_changed_by("coalition") == {"coalition", "assemblies"}
    assert pagecache.sections_changed_by("coordination") == {"relay"}
    assert pagecache.sections_changed_by("relay") == {"relay"}
    assert pagecache.sections_changed_by("core") == frozenset()
    assert {"assemblies", "coalition", "relay", "monitor", "elections"} <= pagecache.sections()
    kernel = (Path(pagecache.__file__).parent / "apps.py").read_text(encoding="utf-8")
    for config in apps.get_app_configs():
        if config.name.startswith("solidarity.") and config.label != "core":
            assert f'"{config.label}"' not in kernel and f"'{config.label}'" not in kernel, config.label


def test_a_change_to_coordination_makes_the_relay_feeds_stale(client: Client) -> None:
    from solidarity.coordination.models import Campaign

    first = client.get("/relay/feeds/en.json")
    assert first.status_code == 200 and "public" in first["Cache-Control"]
    before = pagecache.generation("relay")
    post_save.send(sender=Campaign, instance=Campaign(), created=True, raw=False, using="default", update_fields=None)
    assert pagecache.generation("relay") == before + 1


def test_a_view_cached_under_a_section_nobody_registered_fails_loudly(rf: RequestFactory) -> None:
    @pagecache.public_page("nowhere")
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("stale for a minute after every change")

    request = rf.get("/")
    request.user = AnonymousUser()
    with pytest.raises(ImproperlyConfigured, match="nowhere"):
        view(request)
    pagecache.register("nowhere", data_of="coalition")
    try:
        assert view(request).status_code == 200
        before = pagecache.generation("nowhere")
        Organization.objects.create(name_en="Another Circle", kind="civil", base="inside")
        assert pagecache.generation("nowhere") == before + 1
    finally:
        pagecache.unregister("nowhere")
    assert "nowhere" not in pagecache.sections() and "nowhere" not in pagecache.sections_changed_by("coalition")
