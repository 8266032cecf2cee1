"""Conversations, statements, votes, result versions and charters of the common-ground app."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Conversation(models.Model):
    """A question put to participants, who write statements and vote on each other's."""

    class Participation(models.TextChoices):
        DELEGATES = "delegates", _("Delegates")
        ACCOUNTS = "accounts", _("Members' people with an account")
        PUBLIC = "public", _("The public, without an account")

    class Moderation(models.TextChoices):
        STRICT = "strict", _("Strict: new statements wait for approval")
        OPEN = "open", _("Open: new statements show until rejected")

    topic_en = models.CharField(_("topic in English"), max_length=200)
    topic_fa = models.CharField(_("topic in Persian"), max_length=200, blank=True)
    question_en = models.TextField(_("question in English"), max_length=2000)
    question_fa = models.TextField(_("question in Persian"), max_length=2000, blank=True)
    participation = models.CharField(
        _("who may take part"), max_length=10, choices=Participation.choices, default=Participation.DELEGATES
    )
    moderation = models.CharField(_("moderation"), max_length=10, choices=Moderation.choices, default=Moderation.STRICT)
    is_open = models.BooleanField(_("open for votes"), default=True)
    seed = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    recompute_pending = models.BooleanField(default=False)
    imported = models.BooleanField(default=False)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.topic_en


class Participant(models.Model):
    """Someone taking part in one conversation: an account, or an anonymous browser (no IP kept)."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    number = models.PositiveBigIntegerField()  # the Pol.is participant id within the conversation
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymous_key = models.CharField(max_length=64, blank=True)  # SHA-256 of the signed cookie's token
    delegate = models.ForeignKey(
        "coalition.Delegate", null=True, blank=True, on_delete=models.SET_NULL, related_name="deliberation_participants"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = (
            "conversation",
            "number",
        )
        constraints = (
            models.UniqueConstraint(fields=["conversation", "number"], name="deliberation_participant_number"),
            models.UniqueConstraint(
                fields=["conversation", "user"],
                condition=models.Q(user__isnull=False),
                name="deliberation_one_per_user",
            ),
            models.UniqueConstraint(
                fields=["conversation", "anonymous_key"],
                condition=~models.Q(anonymous_key=""),
                name="deliberation_one_per_browser",
            ),
        )

    def __str__(self) -> str:
        return f"participant {self.number}"


class Statement(models.Model):
    """A short statement participants vote on; moderated before or after it shows."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Language(models.TextChoices):
        EN = "en", "English"
        FA = "fa", "فارسی"
        OTHER = "other", _("Other")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="statements")
    number = models.PositiveBigIntegerField()  # the Pol.is comment id within the conversation
    text = models.TextField(_("statement"), max_length=400)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.EN)
    translation = models.TextField(_("translation"), max_length=400, blank=True)
    translation_language = models.CharField(max_length=5, choices=Language.choices, blank=True)
    translation_is_machine = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    is_meta = models.BooleanField(_("about the conversation itself (meta)"), default=False)
    is_seed = models.BooleanField(default=False)
    author = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements")
    created_at = models.DateTimeField(default=timezone.now)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = (
            "conversation",
            "number",
        )
        constraints = (
            models.UniqueConstraint(fields=["conversation", "number"], name="deliberation_statement_number"),
        )
        indexes = (models.Index(fields=["conversation", "status"]),)

    def __str__(self) -> str:
        return f"#{self.number}"

    @property
    def is_votable(self) -> bool:
        return self.status in (self.Status.ACCEPTED, self.Status.PENDING)

    @property
    def is_moderated_out(self) -> bool:
        return self.status in (self.Status.REJECTED, self.Status.WITHDRAWN) or self.is_meta

    def text_in(self, language: str) -> tuple[str, bool]:
        """Return the text to show in `language` and whether it is a translation."""
        if self.language != language and self.translation and self.translation_language == language:
            return self.translation, True
        return self.text, False


class Vote(models.Model):
    """One participant's current vote on one statement; a new vote replaces the old one."""

    class Value(models.IntegerChoices):
        AGREE = 1, _("Agree")
        DISAGREE = -1, _("Disagree")
        PASS = 0, _("Pass / unsure")

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(choices=Value.choices)
    cast_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["participant", "statement"], name="deliberation_one_vote"),
            models.CheckConstraint(condition=models.Q(value__in=[-1, 0, 1]), name="deliberation_vote_value"),
        )

    def __str__(self) -> str:
        return f"vote {self.value:+d}"


class ResultVersion(models.Model):
    """One computed result of a conversation, frozen: the report reads the latest."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="results")
    version = models.PositiveIntegerField()
    computed_at = models.DateTimeField(default=timezone.now)
    vote_count = models.PositiveIntegerField()
    participant_count = models.PositiveIntegerField()
    seconds = models.FloatField(default=0)
    report: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(default=dict)
    warm_start: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(default=dict)

    class Meta:
        ordering = (
            "conversation",
            "-version",
        )
        constraints = (models.UniqueConstraint(fields=["conversation", "version"], name="deliberation_result_version"),)

    def __str__(self) -> str:
        return f"{self.conversation_id} v{self.version}"


class Charter(models.Model):
    """A draft charter (English and Persian) gathering statements of common ground, with their support."""

    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="charters"
    )
    title_en = models.CharField(_("title in English"), max_length=200)
    title_fa = models.CharField(_("title in Persian"), max_length=200, blank=True)
    preamble_en = models.TextField(_("preamble in English"), blank=True)
    preamble_fa = models.TextField(_("preamble in Persian"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Set once, when a motion putting this charter to the vote is frozen: from then on its wording
    # never changes (the services refuse every edit), so the hash in the motion's definition holds.
    frozen_at = models.DateTimeField(null=True, blank=True)
    frozen_sha256 = models.CharField(max_length=64, blank=True)
    motion_slug = models.SlugField(max_length=80, blank=True)  # the election that froze it (the latest)

    class Meta:
        ordering = ("-updated_at",)

    def __str__(self) -> str:
        return self.title_en

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def statements(self) -> list[str]:
        """Return the charter's statements in English, in order (for other apps)."""
        return [item.text_en for item in self.items.all()]

    @property
    def statements_fa(self) -> list[str]:
        """Return the charter's statements in Persian (English where no Persian exists)."""
        return [item.text_fa or item.text_en for item in self.items.all()]


class CharterItem(models.Model):
    """One statement of a charter, with the support it had when it was added."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="items")
    statement = models.ForeignKey(Statement, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    position = models.PositiveIntegerField(default=0)
    text_en = models.TextField(max_length=400)
    text_fa = models.TextField(max_length=400, blank=True)
    support: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(default=dict)

    class Meta:
        ordering = ("charter", "position", "pk")

    def __str__(self) -> str:
        return f"{self.charter_id}:{self.position}"
