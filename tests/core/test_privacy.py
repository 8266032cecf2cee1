"""SR-05, SR-07, SR-20: no address or agent kept anywhere; identities encrypted at rest, with rotation."""

from __future__ import annotations

import io
import logging
import re

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django_otp.oath import totp

from solidarity.coalition.models import Delegate, Organization
from solidarity.core import fields, logs, otp
from solidarity.core.models import EncryptedTOTPDevice
from tests.conftest import cache_keys

ADDRESS = "203.0.113.77"
AGENT = "UniqueAgent/7.3 (solidarity-test-fingerprint-Zq9)"


@pytest.mark.django_db
def test_no_address_or_agent_is_stored_in_database_logs_or_cache(terms, caplog):
    caplog.set_level(logging.DEBUG)
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    response = client.post(
        "/en/coalition/apply/",
        {"name_en": "Privacy Test Circle", "kind": "civil", "base": "inside", "sectors": [terms["teachers"].pk]},
    )
    assert response.status_code == 302
    client.post("/en/staff/sign-in/", {"username": "nobody", "password": "wrong password"})
    assert Organization.objects.filter(name_en="Privacy Test Circle").exists()

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    stored = dump.getvalue() + caplog.text + " ".join(cache_keys())
    assert ADDRESS not in stored
    assert AGENT not in stored and "solidarity-test-fingerprint" not in stored
    assert cache_keys(), "the rate limit should have left a hashed key"


@pytest.mark.django_db
def test_identity_is_not_stored_in_plain_text(delegates):
    with connection.cursor() as cursor:
        cursor.execute("SELECT legal_name, contact FROM coalition_delegate")
        rows = cursor.fetchall()
    assert rows
    raw = repr(rows)
    assert "Legal Name" not in raw and "example.org" not in raw
    assert Delegate.objects.get(pk=delegates[0].pk).legal_name == "Legal Name 0"


def raw_dump() -> str:
    """Return every row of every table as the database holds it (what a stolen dump shows)."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608  (names from introspection)
            parts.append(f"{table}: {cursor.fetchall()!r}")
    return "\n".join(parts)


@pytest.mark.django_db
def test_a_raw_database_dump_has_no_plaintext_identity(delegates, credentials_officer, staff_client):
    # dumpdata reads through the ORM, which decrypts: the raw tables are what a thief gets. An
    # officer's read (audited) must not copy the identity anywhere either.
    officer = staff_client(credentials_officer)
    response = officer.post(f"/en/staff/coalition/delegates/{delegates[0].pk}/identity/")
    assert "Legal Name 0" in response.content.decode()
    dump = raw_dump()
    assert "coalition_delegate" in dump and "core_auditentry" in dump
    assert "Legal Name" not in dump and "@example.org" not in dump
    # SR-11: nor can the thief compute a staff member's codes from the authenticator secrets.
    devices = list(EncryptedTOTPDevice.objects.all())
    assert devices and "core_encryptedtotpdevice" in dump
    for device in devices:
        assert device.key.lower() not in dump.lower() and otp.secret_base32(device) not in dump.upper()


@pytest.mark.django_db
def test_key_rotation_re_encrypts_with_the_new_key(delegates, organizer, settings):
    secret = EncryptedTOTPDevice.objects.get(user=organizer).key  # written with the old key
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    assert Delegate.objects.get(pk=delegates[0].pk).legal_name == "Legal Name 0"
    out = io.StringIO()
    call_command("rotate_keys", stdout=out)
    assert "re-encrypted" in out.getvalue()
    with connection.cursor() as cursor:
        cursor.execute("SELECT legal_name FROM coalition_delegate WHERE id = %s", [delegates[0].pk])
        (token,) = cursor.fetchone()
    assert Fernet(new_key.encode()).decrypt(token.encode()) == b"Legal Name 0"
    with pytest.raises(Exception):  # noqa: B017  (any InvalidToken flavour)
        Fernet(old_key.encode()).decrypt(token.encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM core_encryptedtotpdevice WHERE user_id = %s", [organizer.pk])
        (token,) = cursor.fetchone()
    assert Fernet(new_key.encode()).decrypt(token.encode()) == secret.encode()
    with pytest.raises(Exception):  # noqa: B017  (any InvalidToken flavour)
        Fernet(old_key.encode()).decrypt(token.encode())
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert Delegate.objects.get(pk=delegates[0].pk).legal_name == "Legal Name 0"
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    assert device.key == secret
    assert device.verify_token(f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}")


@pytest.mark.django_db
def test_a_wrong_key_fails_loudly(delegates, settings):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(fields.DecryptionError):
        _ = Delegate.objects.get(pk=delegates[0].pk).legal_name


@pytest.mark.django_db
@override_settings(LOGIN_FAILURES_ALLOWED=3)
def test_sign_in_is_throttled_without_keeping_addresses(organizer):
    client = Client(REMOTE_ADDR=ADDRESS)
    for _ in range(3):
        assert client.post("/en/staff/sign-in/", {"username": "organizer", "password": "wrong"}).status_code == 200
    response = client.post("/en/staff/sign-in/", {"username": "organizer", "password": "a long test password 42"})
    assert response.status_code == 429
    assert all(ADDRESS not in key for key in cache_keys())


@pytest.mark.django_db
def test_logs_hold_no_submitted_text_search_words_or_contacts(terms, organizer, staff_client, caplog):
    """SR-20: after a search, an application, a failed sign-in and a decision, the logs hold none of their words."""
    caplog.set_level(logging.DEBUG)
    visitor = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    visitor.get("/fa/coalition/", {"q": "Zanjir-search-word"})
    visitor.post(
        "/en/coalition/apply/",
        {
            "name_en": "Nightingale Circle",
            "kind": "civil",
            "base": "inside",
            "sectors": [terms["teachers"].pk],
            "description_en": "Secret-description-text",
            "contact": "circle-contact@example.net",
        },
    )
    visitor.post("/en/staff/sign-in/", {"username": "typed-username-x", "password": "typed-password-y"})
    organization = Organization.objects.get(name_en="Nightingale Circle")
    staff_client(organizer).post(
        f"/en/staff/coalition/organizations/{organization.pk}/status/",
        {"status": "member", "reason": "Reason-text-for-the-decision"},
    )
    assert "coalition/apply/" in caplog.text  # the request log did run
    for secret in (
        "Zanjir",
        "Nightingale",
        "Secret-description",
        "circle-contact",
        "typed-username",
        "typed-password",
        "Reason-text",
        ADDRESS,
        "UniqueAgent",
    ):
        assert secret not in caplog.text, secret
    assert not re.search(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", caplog.text)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", caplog.text)


@pytest.mark.django_db
def test_djangos_own_request_log_names_routes_not_paths(caplog):
    """SR-20: Django logs every 4xx/5xx with the request path; a path can carry a token or a slug."""
    caplog.set_level(logging.DEBUG)
    forged = "Q" * 170  # an invitation token's shape: it resolves, and the page refuses it
    client = Client()
    assert client.get(f"/en/assemblies/invitation/{forged}/").status_code in (400, 403, 404)
    assert client.get("/en/no-such-page-Unlisted-slug-77/").status_code == 404
    strict = Client(enforce_csrf_checks=True)  # "Forbidden (CSRF cookie not set.): <path>"
    assert strict.post(f"/en/assemblies/invitation/{forged}/", {}).status_code == 403
    warnings = [r for r in caplog.records if r.name in ("django.request", "django.security.csrf")]
    assert {r.name for r in warnings} == {"django.request", "django.security.csrf"}
    assert warnings, "Django's request logger did not run"
    assert forged not in caplog.text
    assert "Unlisted-slug" not in caplog.text
    assert any("invitation/" in r.getMessage() for r in warnings)  # the route pattern is kept
    assert any(logs.WITHHELD in r.getMessage() for r in warnings)  # nothing resolved: withheld


def test_development_server_request_line_keeps_method_and_status_only():
    record = logging.LogRecord(
        "django.server",
        logging.WARNING,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /en/search/?q=secret HTTP/1.1", "404", "12"),
        None,
    )
    assert logs.WithholdRequestLine().filter(record)
    assert record.getMessage() == f'"GET {logs.WITHHELD} HTTP/1.1" 404 12'
    odd = logging.LogRecord(
        "django.server", logging.WARNING, __file__, 1, '"%s" %s %s', ("\x16\x03garbage", "400", "0"), None
    )
    logs.WithholdRequestLine().filter(odd)
    assert "garbage" not in odd.getMessage()
