"""Issue 12, finding 5: nobody can lock a staff member out, and the admin signs in the same way.

Sign-in is slowed per (account, hashed client) with growing delays, never locked for everyone;
the second factor has its own scope; the session id changes once the second factor is verified;
`/admin/login/` is the staff sign-in with its one generic error; every slowdown is audited.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client, override_settings
from django.utils import timezone

from solidarity.core.models import AuditEntry, EncryptedTOTPDevice, User
from tests.conftest import PASSWORD, make_user
from tests.core.test_sign_in import current_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_proxy")]
ATTACKER, ORGANIZER_DEVICE = "198.51.100.66", "203.0.113.5"


@pytest.fixture
def _proxy(settings: object) -> None:
    settings.BEHIND_PROXY = True  # type: ignore[attr-defined]  # the X-Real-IP nginx sets tells clients apart


def visitor(address: str) -> Client:
    return Client(HTTP_X_REAL_IP=address)


def wrong(client: Client, username: str = "organizer") -> int:
    return client.post("/en/staff/sign-in/", {"username": username, "password": "not the password"}).status_code


def test_a_stranger_failing_on_an_account_does_not_lock_its_owner_out(organizer: User) -> None:
    attacker = visitor(ATTACKER)
    statuses = [wrong(attacker) for _ in range(12)]
    assert statuses[:5] == [200] * 5  # the free tries
    assert 429 in statuses[5:]  # then the attacker waits
    owner = visitor(ORGANIZER_DEVICE)
    response = owner.post("/en/staff/sign-in/", {"username": "organizer", "password": PASSWORD})
    assert response.status_code == 302 and "second-factor" in response["Location"]


@override_settings(LOGIN_FAILURES_ALLOWED=2, LOGIN_DELAY_SECONDS=10, LOGIN_DELAY_MAX_SECONDS=60)
def test_delays_grow_then_cap_and_waiting_is_enough(organizer: User) -> None:
    attacker = visitor(ATTACKER)
    with time_machine.travel("2026-12-06 10:00:00Z", tick=False) as clock:
        assert [wrong(attacker), wrong(attacker)] == [200, 200]  # the second failure starts a 10 s wait
        waits = []
        for _ in range(4):
            refused = attacker.post("/en/staff/sign-in/", {"username": "organizer", "password": PASSWORD})
            assert refused.status_code == 429  # even the right password waits: the throttle answers first
            waits.append(int("".join(ch for ch in refused.content.decode().split("Wait ")[1][:4] if ch.isdigit())))
            clock.shift(waits[-1])
            assert wrong(attacker) == 200
        assert waits == [10, 20, 40, 60]  # doubling, capped
        clock.shift(60)
        response = attacker.post("/en/staff/sign-in/", {"username": "organizer", "password": PASSWORD})
        assert response.status_code == 302  # waiting is all it takes: no lock
    slowed = AuditEntry.objects.filter(action="core.sign_in.slowed")
    assert slowed.count() == 5 and {entry.target_id for entry in slowed} == {str(organizer.pk)}
    assert all(set(entry.data) == {"scope", "delay"} for entry in slowed)  # counts, never an address


def test_a_username_shaped_like_a_second_factor_key_changes_nothing(organizer: User) -> None:
    """`otp:<id>` as a username once shared the throttle key of that user's second factor."""
    attacker = visitor(ORGANIZER_DEVICE)  # even from the organizer's own address
    for _ in range(12):
        wrong(attacker, username=f"otp:{organizer.pk}")
        wrong(attacker, username=str(organizer.pk))
    client = visitor(ORGANIZER_DEVICE)
    assert client.post("/en/staff/sign-in/", {"username": "organizer", "password": PASSWORD}).status_code == 302
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    assert client.post("/en/staff/second-factor/", {"code": current_code(device)}).status_code == 302
    assert client.get("/en/staff/").status_code == 200


def test_second_factor_failures_slow_that_session_only(organizer: User) -> None:
    client = visitor(ATTACKER)
    client.post("/en/staff/sign-in/", {"username": "organizer", "password": PASSWORD})
    statuses = [client.post("/en/staff/second-factor/", {"code": "000000"}).status_code for _ in range(7)]
    assert statuses[:5] == [200] * 5 and statuses[-1] == 429
    assert AuditEntry.objects.filter(action="core.sign_in.slowed", data__scope="second-factor").exists()
    # The organizer on their own device is not slowed by it.
    own = visitor(ORGANIZER_DEVICE)
    own.post("/en/staff/sign-in/", {"username": "organizer", "password": PASSWORD})
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    # Later: django-otp's own per-device pause after wrong codes (2**n s) has passed by then.
    with time_machine.travel(timezone.now() + timedelta(seconds=200), tick=True):
        assert own.post("/en/staff/second-factor/", {"code": current_code(device)}).status_code == 302


def test_the_session_id_changes_when_the_second_factor_is_verified(organizer: User) -> None:
    client = visitor(ORGANIZER_DEVICE)
    client.post("/en/staff/sign-in/", {"username": "organizer", "password": PASSWORD})
    before = client.cookies["sessionid"].value
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    assert client.post("/en/staff/second-factor/", {"code": current_code(device)}).status_code == 302
    after = client.cookies["sessionid"].value
    assert after != before
    # The id seen before the second factor opens nothing any more.
    stale = Client()
    stale.cookies["sessionid"] = before
    assert stale.get("/en/staff/").status_code == 302
    assert client.get("/en/staff/").status_code == 200
    assert AuditEntry.objects.filter(action="core.sign_in.verified", target_id=str(organizer.pk)).exists()


def test_admin_sign_in_is_the_staff_sign_in() -> None:
    admin = make_user("chief")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = visitor(ORGANIZER_DEVICE)
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/en/staff/sign-in/?next=%2Fadmin%2F")
    # A right password on the admin's form no longer says "Please enter your OTP token": it goes
    # to the second factor, like every staff sign-in, and only then to the admin.
    posted = client.post("/admin/login/?next=/admin/", {"username": "chief", "password": PASSWORD})
    assert posted.status_code == 302 and "/staff/sign-in/" in posted["Location"]
    assert b"OTP" not in posted.content
    signed = client.post("/en/staff/sign-in/", {"username": "chief", "password": PASSWORD, "next": "/admin/"})
    assert signed.status_code == 302 and "second-factor" in signed["Location"]
    assert client.get("/admin/").status_code == 302  # not verified yet
    device = EncryptedTOTPDevice.objects.get(user=admin)
    verified = client.post(signed["Location"], {"code": current_code(device)})
    assert verified.status_code == 302 and verified["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    # A wrong password on either form: the same generic sentence, whether the account exists or not.
    for username in ("chief", "nobody-at-all"):
        wrong_answer = visitor(ATTACKER).post("/en/staff/sign-in/", {"username": username, "password": "x"})
        assert "The username or the password is wrong." in wrong_answer.content.decode()
