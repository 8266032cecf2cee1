"""SR-03 and SR-20: production settings pass Django's deploy check; errors and headers leak nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.test import Client, override_settings
from django.urls import path

from solidarity.assemblies.invitations import Signer

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra: str) -> dict[str, str]:
    dropped = ("SOLIDARITY_", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")  # the last: browser tests only
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    env |= {
        "SOLIDARITY_ENV": "production",
        "SECRET_KEY": "x" * 20 + Fernet.generate_key().decode(),
        "SOLIDARITY_FIELD_KEYS": Fernet.generate_key().decode(),
        "ALLOWED_HOSTS": "solidarity.example.org,staff.example.onion",
        "SOLIDARITY_STAFF_HOSTS": "staff.example.onion",
        "SOLIDARITY_DATA_DIR": "/tmp/solidarity-deploy-check",
        "SOLIDARITY_JOBS": "celery",
        "SOLIDARITY_INVITE_SIGNING_KEY": Signer.generate().seed_base64(),
    }
    return env | extra


def test_deploy_check_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_its_secrets():
    env = production_env()
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_hold_no_private_key_material():
    """SR-06/SR-17: no private signing or sealing key is configured on the web server by default."""
    settings_source = (ROOT / "solidarity" / "settings" / "__init__.py").read_text()
    assert "PRIVATE_KEY" not in settings_source


@pytest.mark.django_db
def test_headers_carry_no_version_strings(client: Client):
    response = client.get("/en/")
    for name, value in response.headers.items():
        lowered = f"{name}: {value}".lower()
        assert "django" not in lowered and "python" not in lowered and "uvicorn" not in lowered
    assert "Server" not in response.headers
    assert response["Referrer-Policy"] == "same-origin"  # never a Referer to another host
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_staff_pages_are_not_cached(organizer, staff_client):
    response = staff_client(organizer).get("/en/staff/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def boom(request):
    raise RuntimeError("secret detail SECRET_KEY=hunter2")


urlpatterns = [path("boom/", boom)]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_errors_show_a_generic_page():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    for leak in ("Traceback", "hunter2", "SECRET_KEY", "RuntimeError", "settings"):
        assert leak not in body


PRODUCTION_PROBE = """
import json
import django
from django.conf import settings
from django.test import Client

django.setup()
response = Client().get("/healthz", secure=True, HTTP_HOST="solidarity.example.org")
print(json.dumps({
    "debug": settings.DEBUG,
    "hasher": settings.PASSWORD_HASHERS[0],
    "hsts": settings.SECURE_HSTS_SECONDS,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "cookies": [
        [settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE],
        [settings.CSRF_COOKIE_SECURE, settings.CSRF_COOKIE_HTTPONLY, settings.CSRF_COOKIE_SAMESITE],
        [settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_HTTPONLY, settings.LANGUAGE_COOKIE_SAMESITE],
    ],
    "status": response.status_code,
    "headers": dict(response.headers),
}))
"""


def test_production_cookies_transport_and_hashing():
    """SR-03 and section 3: what production actually turns on, read back from its own settings."""
    env = production_env(DJANGO_SETTINGS_MODULE="solidarity.settings")
    result = subprocess.run(  # noqa: S603  (a fixed argument list: this interpreter and a constant script)
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["debug"] is False
    assert probe["hasher"] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert probe["hsts"] >= 365 * 24 * 60 * 60 and probe["ssl_redirect"] is True
    assert probe["cookies"] == [[True, True, "Strict"]] * 3
    assert probe["status"] == 200
    headers = probe["headers"]
    assert headers["Strict-Transport-Security"].startswith("max-age=63072000")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff"
    assert "Server" not in headers and not any("django" in value.lower() for value in headers.values())
