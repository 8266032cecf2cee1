"""SR-03, SR-19 (issue 12, finding 2): https on the clearnet host, plain http on the onions.

The same checks run through nginx in test_nginx_end_to_end.py; these need no nginx.
"""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from solidarity.core import checks

ONION = "publicpublicpublicpublicpublicpublicpublicpublicpublic2.onion"
PRODUCTION_TRANSPORT = {
    "ALLOWED_HOSTS": ["solidarity.example.org", ONION],
    "ONION_HOST": ONION,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 63_072_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "LANGUAGE_COOKIE_SECURE": True,
}
pytestmark = [pytest.mark.django_db]


@override_settings(**PRODUCTION_TRANSPORT)
def test_the_clearnet_host_keeps_https_hsts_and_secure_cookies() -> None:
    client = Client()
    plain = client.get("/en/relay/send/", HTTP_HOST="solidarity.example.org")
    assert plain.status_code == 301 and plain["Location"] == "https://solidarity.example.org/en/relay/send/"
    secure = client.get("/en/relay/send/", HTTP_HOST="solidarity.example.org", secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"].startswith("max-age=63072000")
    assert secure.cookies and all(morsel["secure"] for morsel in secure.cookies.values())
    assert secure["Onion-Location"] == f"http://{ONION}/en/relay/send/"
    # Only the health probe answers over plain http (a monitor on 127.0.0.1 asks the page workers).
    probe = client.get("/healthz", HTTP_HOST="solidarity.example.org")
    assert probe.status_code == 200 and probe.content == b"ok" and not probe.cookies
    assert client.get("/healthzz", HTTP_HOST="solidarity.example.org").status_code == 301


@override_settings(**PRODUCTION_TRANSPORT)
def test_the_onion_is_served_over_http_without_hsts_and_with_cookies_it_can_keep() -> None:
    client = Client()
    page = client.get("/en/relay/send/", HTTP_HOST=ONION)
    assert page.status_code == 200
    assert "Strict-Transport-Security" not in page and "Onion-Location" not in page
    assert page.cookies and not any(morsel["secure"] for morsel in page.cookies.values())
    # A host that is not allowed is refused, never taken for an onion.
    assert client.get("/en/", HTTP_HOST="other.onion").status_code == 400


def test_the_transport_check_speaks_for_the_subclass() -> None:
    with override_settings(**PRODUCTION_TRANSPORT):
        assert checks.check_transport(None) == []
    with override_settings(SECURE_HSTS_SECONDS=0, SECURE_SSL_REDIRECT=False):
        ids = {message.id for message in checks.check_transport(None)}
    assert ids == {"security.W004", "security.W008"}
    with override_settings(MIDDLEWARE=["django.contrib.sessions.middleware.SessionMiddleware"]):
        assert {message.id for message in checks.check_transport(None)} == {"security.W001"}
