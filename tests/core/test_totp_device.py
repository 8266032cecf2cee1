"""SR-07, SR-11: the TOTP secret is encrypted at rest; codes verify once; failures throttle; old devices migrate."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_otp.oath import totp

from solidarity.core.models import EncryptedTOTPDevice, User

BEFORE = [("core", "0003_encrypted_totp_device"), ("otp_totp", "0003_add_timestamps")]
AFTER = [("core", "0004_move_totp_devices")]
KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test secret, hex


def code_for(device: EncryptedTOTPDevice, *, drift: int | None = None) -> str:
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift if drift is None else drift)
    return f"{value:06d}"


@pytest.mark.django_db
def test_a_code_verifies_once_and_a_replay_is_refused(organizer):
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    with time_machine.travel("2026-11-23 10:00:05", tick=False):
        code = code_for(device)
        assert device.verify_token(code)
        assert not EncryptedTOTPDevice.objects.get(pk=device.pk).verify_token(code)
        device.refresh_from_db()
        assert device.last_t == int(time.time()) // 30


@pytest.mark.django_db
def test_failures_throttle_even_the_right_code(organizer):
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    with time_machine.travel("2026-11-23 10:00:05", tick=False) as traveller:
        assert not device.verify_token("000000" if code_for(device) != "000000" else "111111")
        assert not device.verify_token(code_for(device))  # throttled: refused although right
        device.refresh_from_db()
        assert device.throttling_failure_count == 1
        traveller.shift(timedelta(seconds=2))  # OTP_TOTP_THROTTLE_FACTOR (1 s) has passed
        assert device.verify_token(code_for(device))
        device.refresh_from_db()
        assert device.throttling_failure_count == 0


@pytest.mark.django_db
def test_the_secret_is_encrypted_in_the_table_and_opens_through_the_model(organizer):
    device = EncryptedTOTPDevice.objects.get(user=organizer)
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM core_encryptedtotpdevice WHERE id = %s", [device.pk])
        (stored,) = cursor.fetchone()
    assert stored.startswith("gAAAA")  # a Fernet token
    assert device.key not in stored and len(device.key) == 40
    assert device.config_url.startswith("otpauth://totp/Solidarity%3Aorganizer?secret=")
    assert device.persistent_id == f"core.encryptedtotpdevice/{device.pk}"


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_plain_devices_into_the_encrypted_table():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old_apps = executor.loader.project_state(BEFORE).apps
        user = old_apps.get_model("core", "User").objects.create(username="veteran", password="!")
        now_t = int(time.time()) // 30
        old_apps.get_model("otp_totp", "TOTPDevice").objects.create(
            user=user, name="phone", confirmed=True, key=KEY, drift=1, last_t=now_t - 5, throttling_failure_count=2
        )
        old_apps.get_model("otp_totp", "TOTPDevice").objects.create(
            user=user, name="spare", confirmed=False, key="00" * 20
        )
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)

        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM otp_totp_totpdevice")
            assert cursor.fetchone() == (0,)  # no plain-text secret is left behind
            cursor.execute("SELECT * FROM core_encryptedtotpdevice")
            raw = repr(cursor.fetchall())
        assert KEY not in raw and "GEZDGNBVGY3TQOJQ" not in raw  # neither hex nor base32
        moved = EncryptedTOTPDevice.objects.get(user_id=user.pk, name="phone")
        assert (moved.key, moved.confirmed, moved.drift, moved.last_t) == (KEY, True, 1, now_t - 5)
        assert moved.throttling_failure_count == 2
        assert not EncryptedTOTPDevice.objects.get(user_id=user.pk, name="spare").confirmed
        moved.throttling_failure_count = 0  # the migrated throttle would make this test wait
        moved.save()
        assert moved.verify_token(code_for(moved))  # the authenticator the person holds still works
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        User.objects.filter(username="veteran").delete()
