"""SR-11: password, then a second factor; sessions expire when idle."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django_otp.oath import totp

from solidarity.core.models import EncryptedTOTPDevice
from solidarity.core.roles import Role
from tests.conftest import PASSWORD, make_user


def current_code(device: EncryptedTOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.mark.django_db
def test_staff_sign_in_needs_password_and_code(organizer):
    client = Client()
    response = client.post("/en/staff/sign-in/", {"username": "organizer", "password": PASSWORD})
    assert response.status_code == 302 and "second-factor" in response["Location"]
    assert client.get("/en/staff/").status_code == 302  # not yet verified
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    response = client.post("/en/staff/second-factor/", {"code": current_code(device)})
    assert response.status_code == 302
    assert client.get("/en/staff/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_and_slows_the_next_try(organizer):
    client = Client()
    client.post("/en/staff/sign-in/", {"username": "organizer", "password": PASSWORD})
    bad = client.post("/en/staff/second-factor/", {"code": "000000"})
    assert "wrong" in bad.content.decode()
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    # django-otp throttles a device after a failure: even the right code waits a moment.
    client.post("/en/staff/second-factor/", {"code": current_code(device)})
    assert client.get("/en/staff/").status_code == 302


@pytest.mark.django_db
def test_persian_digits_are_accepted_for_the_code(organizer):
    from solidarity.core.text import to_persian_digits

    client = Client()
    client.post("/fa/staff/sign-in/", {"username": "organizer", "password": PASSWORD})
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    client.post("/fa/staff/second-factor/", {"code": to_persian_digits(current_code(device))})
    assert client.get("/fa/staff/").status_code == 200


@pytest.mark.django_db
def test_a_password_alone_never_enrols_an_authenticator():
    """Enrolment takes the one-time link and code an organizer gave out (tests/core/test_accounts.py)."""
    user = make_user("newcomer", Role.MODERATOR, with_device=False)
    client = Client()
    client.post("/en/staff/sign-in/", {"username": "newcomer", "password": PASSWORD})
    page = client.get("/en/staff/second-factor/")
    assert page.status_code == 403
    assert b"<svg" not in page.content
    assert not EncryptedTOTPDevice.objects.filter(user=user).exists()
    assert client.get("/en/staff/").status_code == 302


@pytest.mark.django_db
def test_idle_sessions_expire(organizer, staff_client, settings):
    with time_machine.travel("2026-11-23 10:00", tick=False) as traveller:
        client = staff_client(organizer)
        assert client.get("/en/staff/").status_code == 200
        traveller.shift(timedelta(seconds=settings.SESSION_COOKIE_AGE - 60))
        assert client.get("/en/staff/").status_code == 200  # activity renews the session
        traveller.shift(timedelta(seconds=settings.SESSION_COOKIE_AGE + 60))
        assert client.get("/en/staff/").status_code == 302


@pytest.mark.django_db
def test_sign_out_needs_a_post(organizer, staff_client):
    client = staff_client(organizer)
    assert client.get("/en/staff/sign-out/").status_code == 405
    client.post("/en/staff/sign-out/")
    assert client.get("/en/staff/").status_code == 302
