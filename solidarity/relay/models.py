"""Relay records: messages, their clusters and translations, moderation, transmissions, deliveries.

No IP address, user agent or other trace of the sender is ever stored: a message holds what the
sender chose to publish, and an optional contact sealed to an offline key.
"""

from __future__ import annotations

import secrets
from typing import ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_public_id() -> str:
    return secrets.token_hex(6)


class Cluster(models.Model):
    """Near-identical messages: the first stands for all, `size` counts the people who sent it."""

    created_at = models.DateTimeField(default=timezone.now)
    size = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"cluster {self.pk} ({self.size})"


class Message(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Received, not yet screened")
        SCREENED = "screened", _("Screened, waiting for a moderator")
        HELD = "held", _("Held by screening")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    public_id = models.CharField(max_length=12, unique=True, default=new_public_id)
    text = models.TextField(_("message"), max_length=1000)
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    consent = models.BooleanField(_("consent to publish"), default=False)
    sealed_contact = models.BinaryField(null=True, blank=True, editable=False)
    language = models.CharField(max_length=12, blank=True, db_index=True)
    language_confidence = models.FloatField(default=0.0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED, db_index=True)
    screening_reasons = models.JSONField(default=list, blank=True)
    # The advertising classifier's probability, kept so a moderator sees how sure screening was and
    # why an `advertising` hold happened; NULL before screening or where no model is shipped.
    advertising_score = models.FloatField(null=True, blank=True)
    screened_at = models.DateTimeField(null=True, blank=True)
    signature = models.BinaryField(null=True, blank=True, editable=False)  # MinHash, for clustering
    cluster = models.ForeignKey(Cluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    is_published = models.BooleanField(default=False, db_index=True)  # shown for its whole cluster
    moderation_reason = models.CharField(max_length=30, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # What leaves the server: `inert.make_inert` of the text, name and city, kept when the message
    # is published, so the wall, the feeds and the bundles never clean it again per request. NULL
    # until then ("" is a real inert form); a published row without them cannot be stored.
    inert_text = models.TextField(null=True, blank=True, editable=False)  # NULL: not cleaned yet, "" is a value
    inert_display_name = models.CharField(max_length=80, null=True, blank=True, editable=False)  # as inert_text
    inert_city = models.CharField(max_length=80, null=True, blank=True, editable=False)  # as inert_text
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["status", "created_at"])]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(is_published=False)
                | models.Q(inert_text__isnull=False, inert_display_name__isnull=False, inert_city__isnull=False),
                name="relay_published_message_is_kept_inert",
            )
        ]

    def __str__(self) -> str:
        return f"message {self.public_id}"


class MessageBand(models.Model):
    """One LSH band key of a message's MinHash: messages sharing a key are duplicate candidates."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"band {self.key}"


class Translation(models.Model):
    """A translation of a message: by a person, or by a machine backend and labelled as such."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=12)
    text = models.TextField(max_length=2000)
    # `inert.make_inert(text)`, kept when the translation is stored (see Message.inert_text).
    inert_text = models.TextField(null=True, editable=False)  # NULL is refused below, "" is a value
    is_machine = models.BooleanField(default=False)
    engine = models.CharField(max_length=60, blank=True)
    translator = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["message", "language"], name="relay_one_translation_per_language"),
            models.CheckConstraint(
                condition=models.Q(inert_text__isnull=False), name="relay_translation_is_kept_inert"
            ),
        ]

    def __str__(self) -> str:
        return f"translation of {self.message_id} to {self.language}"


class ModerationDecision(models.Model):
    """Moderation metadata: who decided what about a message and why (purged after retention)."""

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approve")
        REJECT = "reject", _("Reject")
        HOLD = "hold", _("Hold")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="decisions")
    moderator = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.CharField(max_length=30)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.decision} {self.message_id}"


class Transmission(models.Model):
    """A bulletin or a bundle: built on the server, approved by two moderators, signed offline."""

    class Kind(models.TextChoices):
        BUNDLE = "bundle", _("Daily bundle")
        BULLETIN = "bulletin", _("Radio bulletin")

    class Status(models.TextChoices):
        BUILDING = "building", _("Building")
        BUILT = "built", _("Built, waiting for two approvals")
        APPROVED = "approved", _("Approved, waiting for the offline signature")
        RELEASED = "released", _("Signed and released")
        FAILED = "failed", _("Build failed")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    day = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BUILDING)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    messages = models.ManyToManyField(Message, related_name="transmissions", blank=True)
    budget_bytes = models.PositiveIntegerField(default=5 * 1024 * 1024)
    file_name = models.CharField(max_length=120, blank=True)  # server-generated, under the data dir
    sha256 = models.CharField(max_length=64, blank=True)
    size_bytes = models.PositiveIntegerField(default=0)
    signed_file_name = models.CharField(max_length=120, blank=True)
    signed_sha256 = models.CharField(max_length=64, blank=True)
    signer_fingerprint = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    built_at = models.DateTimeField(null=True, blank=True)
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.day.isoformat()} #{self.pk}"


class TransmissionApproval(models.Model):
    transmission = models.ForeignKey(Transmission, on_delete=models.CASCADE, related_name="approvals")
    moderator = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["transmission", "moderator"], name="relay_one_approval_per_moderator")
        ]

    def __str__(self) -> str:
        return f"approval of {self.transmission_id}"


class Delivery(models.Model):
    """What went out on one channel, when, with which signature; retried until it is sent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed, will retry")

    transmission = models.ForeignKey(Transmission, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=40)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    signer_fingerprint = models.CharField(max_length=60, blank=True)
    signature = models.CharField(max_length=128, blank=True)  # Ed25519 signature of MANIFEST.json, hex
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["transmission", "channel"], name="relay_one_delivery_per_channel")
        ]

    def __str__(self) -> str:
        return f"{self.channel}: {self.status}"
