"""Move django-otp's plain-text TOTP devices into the encrypted model, then empty the old table.

Each authenticator keeps its secret, confirmed state, drift, last verified time step (so a code
used before the upgrade cannot be replayed after it), throttling state and timestamps: staff keep
signing in with the authenticators they have. Sessions verified against an old device are asked
for a code again, because their device id named the old table.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

COPIED = [
    "user_id",
    "name",
    "confirmed",
    "key",
    "step",
    "t0",
    "digits",
    "tolerance",
    "drift",
    "last_t",
    "throttling_failure_timestamp",
    "throttling_failure_count",
    "last_used_at",
]


def _move(apps: StateApps, source: tuple[str, str], target: tuple[str, str]) -> None:
    old_model = apps.get_model(*source)
    new_model = apps.get_model(*target)
    for old in old_model.objects.order_by("pk"):
        new = new_model.objects.create(**{name: getattr(old, name) for name in COPIED})
        # created_at is auto_now_add: set it after the insert so the original date survives.
        new_model.objects.filter(pk=new.pk).update(created_at=old.created_at)
    old_model.objects.all().delete()


def encrypt_devices(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _move(apps, ("otp_totp", "TOTPDevice"), ("core", "EncryptedTOTPDevice"))


def decrypt_devices(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _move(apps, ("core", "EncryptedTOTPDevice"), ("otp_totp", "TOTPDevice"))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_encrypted_totp_device"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(encrypt_devices, decrypt_devices)]
