"""Walk every page: same-origin assets only (SR-01), strict CSP (SR-02), staff pages guarded (SR-11, SR-13)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from solidarity.core.middleware import is_staff_path

FOREIGN_CSS_URL = re.compile(r"url\(\s*['\"]?(?:https?:)?//", re.IGNORECASE)


def walk(patterns, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def concrete_paths(urlconf: str | None = None) -> list[str]:
    """Every route with its converters filled with a plausible value, in both languages."""
    paths = []
    with translation.override("en"):  # the language prefix prints as the active language's
        routes = [route for route, _pattern in walk(get_resolver(urlconf).url_patterns)]
    for route in routes:
        if route.startswith("admin/") and route != "admin/":
            continue  # the admin's own pages are Django's; its entry point is checked
        path = re.sub(r"<int:\w+>", "1", route)
        path = re.sub(r"<(?:slug|str|uuid|path):\w+>", "x", path)
        path = re.sub(r"<\w+>", "x", path)
        if "^" in path or "(?P" in path:
            continue
        if path.startswith("en/") or path == "en/":
            paths += ["/" + path, "/fa/" + path.removeprefix("en/")]
        else:
            paths.append("/" + path)
    return sorted(set(paths))


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0
        self.style_attributes = 0
        self.style_blocks = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href", "action", "poster", "data"):
            if values.get(name):
                self.urls.append(str(values[name]))
        if tag == "script" and not values.get("src"):
            self._in_script = True
        if tag == "style":
            self.style_blocks += 1
        if "style" in values:
            self.style_attributes += 1
        if any(name.startswith("on") for name in values):
            self.inline_scripts += 1

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


def is_foreign(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in {"", "data", "mailto"} and not url.startswith("//"):
        return False
    return parsed.hostname not in {"testserver", None}


@pytest.fixture
def signed_in_organizer(organizer, staff_client, delegates):
    return staff_client(organizer)


def test_the_walk_covers_every_app():
    paths = concrete_paths()
    assert "/en/" in paths and "/fa/coalition/" in paths and "/en/staff/audit/" in paths


@pytest.mark.django_db
def test_no_page_references_another_host_and_csp_is_strict(signed_in_organizer: Client):
    checked = 0
    for path in concrete_paths():
        response = signed_in_organizer.get(path)
        assert response.status_code < 500, path
        csp = response.headers.get("Content-Security-Policy", "")
        for directive in (
            "default-src 'none'",
            "script-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ):
            assert directive in csp, (path, directive)
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
        content_type = response.headers.get("Content-Type", "")
        if response.status_code == 200 and "html" in content_type and not getattr(response, "streaming", False):
            html = response.content.decode()
            collector = LinkCollector()
            collector.feed(html)
            foreign = [url for url in collector.urls if is_foreign(url)]
            assert not foreign, (path, foreign)
            assert not FOREIGN_CSS_URL.search(html), path
            assert collector.inline_scripts == 0, (path, "inline script or event handler")
            assert collector.style_attributes == 0 and collector.style_blocks == 0, (path, "inline style")
            checked += 1
    assert checked >= 10


def test_stylesheets_load_nothing_from_elsewhere():
    from django.contrib.staticfiles import finders

    for path in ("solidarity/site.css",):
        css = Path(str(finders.find(path))).read_text(encoding="utf-8")
        assert not FOREIGN_CSS_URL.search(css)
        assert "@import" not in css


@pytest.mark.django_db
def test_every_staff_page_needs_a_verified_second_factor(organizer):
    """SR-11: anonymous and password-only sessions are refused on every staff route."""
    anonymous = Client()
    password_only = Client()
    password_only.force_login(organizer)
    staff_paths = [p for p in concrete_paths() if is_staff_path(p)]
    assert len(staff_paths) >= 8
    open_anyway = {"/en/staff/sign-in/", "/fa/staff/sign-in/", "/en/staff/second-factor/", "/fa/staff/second-factor/"}
    for path in staff_paths:
        if path in open_anyway:
            continue
        for client in (anonymous, password_only):
            response = client.get(path)
            assert response.status_code in {302, 403, 404, 405}, (path, response.status_code)
            if response.status_code == 302:
                assert (
                    "/sign-in/" in response["Location"]
                    or "second-factor" in response["Location"]
                    or "login" in response["Location"]
                ), path


@pytest.mark.django_db
@override_settings(STAFF_HOSTS=["staff.example.onion"], ALLOWED_HOSTS=["public.example.org", "staff.example.onion"])
def test_staff_pages_do_not_exist_on_the_public_host(organizer, staff_client):
    """SR-13: the public host answers 404 on every staff and admin path; the staff host serves them."""
    client = staff_client(organizer)
    staff_paths = [p for p in concrete_paths() if is_staff_path(p)]
    for path in staff_paths:
        assert client.get(path, HTTP_HOST="public.example.org").status_code == 404, path
    assert client.get("/en/staff/", HTTP_HOST="staff.example.onion").status_code == 200
    assert client.get("/en/coalition/", HTTP_HOST="public.example.org").status_code == 200
    # The public pages offer no way into the staff side.
    assert b"/staff/" not in client.get("/en/", HTTP_HOST="public.example.org").content


@pytest.mark.django_db
@override_settings(ONION_HOST="abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz234567.onion")
def test_onion_location_on_clearnet_and_relative_links(client):
    """SR-19: clearnet responses advertise the onion; pages carry no absolute clearnet links."""
    response = client.get("/en/coalition/")
    assert response["Onion-Location"].startswith("http://abcdefghijklmnopqrstuvwxyz")
    collector = LinkCollector()
    collector.feed(response.content.decode())
    assert all(not url.startswith(("http://", "https://")) for url in collector.urls)
