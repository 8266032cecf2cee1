"""Issue 12, findings 1, 2 and 6 replayed through Debian's nginx running the shipped templates.

nginx runs deploy/nginx.conf and deploy/nginx-proxy.conf as shipped (ports, paths, onion names and
a throwaway certificate aside: bench/nginx.py) in front of the application on 127.0.0.1, with the
production transport settings. Skipped, with the reason, where nginx or openssl is not installed.
"""

from __future__ import annotations

import http.client
import re
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from bench import nginx
from solidarity.assemblies import services
from solidarity.assemblies.models import Venue
from solidarity.core.models import EncryptedTOTPDevice, User
from tests.assemblies.conftest import assembly, venues  # noqa: F401  (fixtures shared with the assemblies tests)
from tests.conftest import PASSWORD
from tests.core.test_sign_in import current_code

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not nginx.available(),
        reason="Debian's nginx (/usr/sbin/nginx) and openssl are needed to run deploy/ end to end",
    ),
]

CLEARNET, PUBLIC_ONION, STAFF_ONION = nginx.CLEARNET_HOST, nginx.PUBLIC_ONION, nginx.STAFF_ONION


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: str

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    def cookies(self) -> list[str]:
        return self.headers.get_all("Set-Cookie") or []


@dataclass
class Site:
    listeners: nginx.Listeners

    def request(
        self,
        port: int,
        path: str,
        *,
        method: str = "GET",
        host: str = "",
        form: dict[str, str] | None = None,
        jar: dict[str, str] | None = None,
        tls: bool = False,
    ) -> Answer:
        """One request to a listener; cookies it sets go into `jar` (a browser's cookie store)."""
        connection: http.client.HTTPConnection
        if tls:
            context = ssl.create_default_context(cafile=str(self.listeners.directory / "ssl" / "fullchain.pem"))
            context.check_hostname = False  # the certificate names the clearnet host, we dial 127.0.0.1
            connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Host": host or "127.0.0.1"}
        if jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"{'https' if tls else 'http'}://{host}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        answer = Answer(response.status, response.headers, response.read().decode(errors="replace"))
        connection.close()
        if jar is not None:
            for line in answer.cookies():
                jar.update({name: morsel.value for name, morsel in SimpleCookie(line).items()})
        return answer


@pytest.fixture
def site(live_server: Any, tmp_path: Path, settings: Any) -> Iterator[Site]:
    """nginx with the shipped templates, in front of the application with production transport settings."""
    settings.ALLOWED_HOSTS = [CLEARNET, PUBLIC_ONION, STAFF_ONION]
    settings.STAFF_HOSTS = [STAFF_ONION]
    settings.ONION_HOST = PUBLIC_ONION
    settings.CSRF_TRUSTED_ORIGINS = [f"http://{PUBLIC_ONION}", f"http://{STAFF_ONION}"]
    settings.BEHIND_PROXY = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 63_072_000
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.LANGUAGE_COOKIE_SECURE = True
    port = urlsplit(live_server.url).port
    assert port is not None
    with nginx.running(port, tmp_path) as listeners:
        yield Site(listeners)


def csrf_token(page: Answer) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    assert found, page.body[:500]
    return found.group(1)


def sign_in(site: Site, port: int, host: str, user: User) -> tuple[Answer, dict[str, str]]:
    """Sign in with password and authenticator code through a listener; return the last answer and cookies."""
    jar: dict[str, str] = {}
    page = site.request(port, "/en/staff/sign-in/", host=host, jar=jar)
    if page.status != 200:
        return page, jar
    form = {"csrfmiddlewaretoken": csrf_token(page), "username": user.username, "password": PASSWORD}
    answer = site.request(port, "/en/staff/sign-in/", method="POST", host=host, form=form, jar=jar)
    assert answer.status == 302, answer.body[:500]
    page = site.request(port, "/en/staff/second-factor/", host=host, jar=jar)
    device = EncryptedTOTPDevice.objects.get(user=user, confirmed=True)
    form = {"csrfmiddlewaretoken": csrf_token(page), "code": current_code(device)}
    answer = site.request(port, "/en/staff/second-factor/", method="POST", host=host, form=form, jar=jar)
    assert answer.status == 302, answer.body[:500]
    return site.request(port, "/en/staff/", host=host, jar=jar), jar


def test_finding_1_the_staff_site_is_reachable_only_through_the_staff_listener(site: Site, moderator: User) -> None:
    listeners = site.listeners
    public_ways = [(listeners.public_onion, False), (listeners.https, True)]
    for port, tls in public_ways:
        for claimed in (STAFF_ONION, PUBLIC_ONION, CLEARNET, "evil.example"):
            for path in ("/en/staff/sign-in/", "/fa/staff/", "/admin/login/", "/admin/", "/en/staff/relay/queue/"):
                answer = site.request(port, path, host=claimed, tls=tls)
                assert answer.status == 404, (port, claimed, path, answer.status)
    # The staff listener serves the staff site whatever Host the client sends, and a full sign-in
    # with password and code reaches the staff home there.
    assert site.request(listeners.staff_onion, "/en/staff/sign-in/", host="anything.example").status == 200
    home, jar = sign_in(site, listeners.staff_onion, STAFF_ONION, moderator)
    assert home.status == 200
    assert site.request(listeners.staff_onion, "/en/staff/relay/queue/", host=STAFF_ONION, jar=jar).status == 200
    # The same signed-in session, sent to the public onion with the staff onion's name: nothing.
    for path in ("/en/staff/", "/en/staff/relay/queue/", "/admin/"):
        assert site.request(listeners.public_onion, path, host=STAFF_ONION, jar=jar).status == 404


def test_finding_2_the_onion_is_served_over_http_and_the_clearnet_keeps_https(site: Site) -> None:
    listeners = site.listeners
    # Clearnet: plain http goes to https; https answers with HSTS, Secure cookies and Onion-Location.
    plain = site.request(listeners.http, "/en/relay/send/", host=CLEARNET)
    assert plain.status == 301 and plain.header("Location").startswith(f"https://{CLEARNET}")
    clear = site.request(listeners.https, "/en/relay/send/", host=CLEARNET, tls=True)
    assert clear.status == 200
    assert clear.header("Strict-Transport-Security").startswith("max-age=63072000")
    assert clear.cookies() and all("Secure" in cookie for cookie in clear.cookies())
    onion_location = clear.header("Onion-Location")
    assert onion_location == f"http://{PUBLIC_ONION}/en/relay/send/"
    # The onion: what Onion-Location names answers itself, without a redirect to https or HSTS, and
    # its cookies are not Secure (a browser would drop a Secure cookie set over http).
    path = urlsplit(onion_location).path
    for host in (PUBLIC_ONION, "anything.example"):
        onion = site.request(listeners.public_onion, path, host=host)
        assert onion.status == 200, onion.header("Location")
        assert not onion.header("Strict-Transport-Security")
        assert not onion.header("Onion-Location")
        assert onion.cookies() and not any("Secure" in cookie for cookie in onion.cookies())
        assert "default-src 'none'" in onion.header("Content-Security-Policy")
    assert site.request(listeners.public_onion, "/healthz").status == 200


def test_a_form_posts_over_the_http_onion(site: Site, organizer: User) -> None:
    """CSRF checks pass over http on the staff onion (the sign-in above is a POST with a token)."""
    home, jar = sign_in(site, site.listeners.staff_onion, STAFF_ONION, organizer)
    assert home.status == 200
    assert "sessionid" in jar


def test_finding_6_no_token_in_the_log_no_cache_and_a_translated_csrf_page(
    site: Site, request: pytest.FixtureRequest, credentials_officer: User
) -> None:
    hall: dict[str, Venue] = request.getfixturevalue("venues")  # the assemblies tests' fixture
    _invitation, token = services.issue_invitation(officer=credentials_officer, venue=hall["hub"], guest_name="G")
    page = site.request(site.listeners.public_onion, f"/en/assemblies/invitation/{token}/", host=PUBLIC_ONION)
    assert page.status == 200
    assert "no-store" in page.header("Cache-Control")
    # The same page twice: never served from nginx's cache either (the second is rendered again).
    again = site.request(site.listeners.public_onion, f"/fa/assemblies/invitation/{token}/", host=PUBLIC_ONION)
    assert again.status == 200 and "no-store" in again.header("Cache-Control")
    site.request(site.listeners.https, f"/en/assemblies/invitation/{token}/", host=CLEARNET, tls=True)
    time.sleep(0.3)  # nginx writes its access log line after the response
    logs = "".join(site.listeners.log(name) for name in ("solidarity.log", "solidarity-onion.log"))
    assert "/assemblies/invitation/-" in logs
    assert token not in logs and token[:16] not in logs
    for log_path in (site.listeners.directory / "log").iterdir():
        assert token[:16] not in log_path.read_text(), log_path
    # A form posted without its security token: a translated page under the CSP, no Django default.
    for language, words in (("en", "This form has expired"), ("fa", "این فرم منقضی شده است")):
        refused = site.request(
            site.listeners.public_onion, f"/{language}/relay/send/", method="POST", host=PUBLIC_ONION, form={}
        )
        assert refused.status == 403
        assert words in refused.body
        assert "DEBUG" not in refused.body and "<style" not in refused.body and "style=" not in refused.body
        assert "default-src 'none'" in refused.header("Content-Security-Policy")
