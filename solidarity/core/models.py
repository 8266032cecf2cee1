"""People, their second factor, the append-only audit log and the embedded job queue."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, DeviceManager, ThrottlingMixin, TimestampMixin
from django_otp.plugins.otp_totp import models as otp_totp

from solidarity.core.fields import EncryptedTextField


class User(AbstractUser):
    """A person who signs in: staff of every role, and delegates who have an account.

    Keeps only a username, an optional display name and the password hash: no e-mail is required.
    """

    display_name = models.CharField(_("display name"), max_length=120, blank=True)
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=[("en", "English"), ("fa", "فارسی")], default="en"
    )

    def __str__(self) -> str:
        return self.display_name or self.username


class EncryptedTOTPDevice(TimestampMixin, ThrottlingMixin, Device):  # type: ignore[misc]  # django-otp ships no type hints
    """A TOTP authenticator (RFC 6238) whose shared secret is Fernet-encrypted at rest (SR-07, SR-11).

    django-otp's own ``TOTPDevice`` keeps the secret as a plain hex column, so a database dump would
    let its holder compute every staff member's codes. This model has the same fields, with the key
    in an ``EncryptedTextField`` (rotated by ``rotate_keys`` like every other encrypted field), and
    borrows django-otp's own methods rather than copying them: checking a code (drift, tolerance,
    ``last_t`` replay refusal, throttling), the provisioning URI and the throttle factor are
    django-otp's code, running on the decrypted key.
    """

    user = models.ForeignKey(
        "core.User",
        on_delete=models.CASCADE,
        related_name="+",  # no reverse manager: django-otp filters devices by user, never the other way
        help_text="The user that this device belongs to.",
    )
    key = EncryptedTextField(
        validators=[otp_totp.key_validator],
        default=otp_totp.default_key,
        help_text="A hex-encoded secret key of up to 40 bytes, encrypted at rest.",
    )
    step = models.PositiveSmallIntegerField(default=30, help_text="The time step in seconds.")
    t0 = models.BigIntegerField(default=0, help_text="The Unix time at which to begin counting steps.")
    digits = models.PositiveSmallIntegerField(choices=[(6, 6), (8, 8)], default=6)
    tolerance = models.PositiveSmallIntegerField(default=1, help_text="Time steps in the past or future to allow.")
    drift = models.SmallIntegerField(default=0, help_text="Time steps the authenticator's clock is off by.")
    last_t = models.BigIntegerField(default=-1, help_text="The time step of the last verified code (no replays).")

    objects: ClassVar[models.Manager[EncryptedTOTPDevice]] = DeviceManager()

    # django-otp's methods, unchanged: they read only the fields above and the mixins' state.
    bin_key = otp_totp.TOTPDevice.bin_key
    verify_token = otp_totp.TOTPDevice.verify_token
    get_throttle_factor = otp_totp.TOTPDevice.get_throttle_factor
    config_url = otp_totp.TOTPDevice.config_url
    _read_str_from_settings = otp_totp.TOTPDevice._read_str_from_settings

    class Meta(Device.Meta):  # type: ignore[misc]  # Device is untyped
        verbose_name = "TOTP device"


class StaffEnrolment(models.Model):
    """A one-time invitation to a staff role: a link (its token) and a code given out of band.

    Only digests are kept: neither the link nor the code can be read back from the database. The
    person sets a password and enrols an authenticator with both; each is good once, until expiry.
    """

    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=40)
    token_digest = models.CharField(max_length=64, unique=True)
    code_digest = models.CharField(max_length=64)
    created_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"enrolment {self.pk} ({self.role})"


class AuditLogIsAppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise AuditLogIsAppendOnlyError("audit entries cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditLogIsAppendOnlyError("audit entries cannot be deleted")


class AuditEntry(models.Model):
    """One state change a person made: who, what, when, and on which record.

    Append-only: the model refuses updates and deletions, and database triggers refuse them too.
    """

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=80, db_index=True)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects: ClassVar[models.Manager[AuditEntry]] = models.Manager.from_queryset(AuditEntryQuerySet)()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.target_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AuditLogIsAppendOnlyError("audit entries cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditLogIsAppendOnlyError("audit entries cannot be deleted")


class Job(models.Model):
    """A background job waiting in, or done from, the embedded queue.

    Only the embedded backend uses this table; with Celery the broker holds the queue.
    """

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    task = models.CharField(max_length=200)
    kwargs = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=5)
    run_after = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["status", "run_after"])]

    def __str__(self) -> str:
        return f"{self.task} #{self.pk} ({self.status})"
