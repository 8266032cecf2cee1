"""Campaigns, their cells, approvals, issuance, spent pledge tokens, releases and bulletins.

What is deliberately absent: no pledge row has a timestamp, an autoincrement id, an address or
an agent; an issuance code never records which blinded message it paid for; spent tokens are keyed
by the hash of the token, so rows do not reveal the order of pledges.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from solidarity.core.fields import EncryptedTextField

MINIMUM_CLOSE_BEFORE = timedelta(hours=48)


class Campaign(models.Model):
    """A dispersed action that starts only if enough people pledge in enough cells."""

    class Action(models.TextChoices):
        STRIKE = "strike", _("Strike (stay away from work)")
        SHOP_CLOSURE = "shop-closure", _("Shop closure")
        BOYCOTT = "boycott", _("Boycott")
        LIGHTS_OFF = "lights-off", _("Lights off at an hour")
        STAY_HOME = "stay-home", _("Stay at home")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, awaiting two approvals")
        OPEN = "open", _("Open for pledges")
        CLOSED = "closed", pgettext_lazy("pledges", "Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Rung(models.IntegerChoices):
        TEST = 1, _("1 · low-risk test action")
        SMALL = 2, _("2 · short or local action")
        SECTOR = 3, _("3 · sector-wide action")
        GENERAL = 4, _("4 · general action")

    slug = models.SlugField(unique=True, max_length=80)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fa = models.CharField(_("title (Persian)"), max_length=200)
    description_en = models.TextField(_("what people do (English)"), blank=True)
    description_fa = models.TextField(_("what people do (Persian)"), blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices, default=Action.STRIKE)
    # Dispersed actions only: the model refuses anything that names a place to gather.
    is_gathering = models.BooleanField(default=False, editable=False)
    action_date = models.DateField(_("date of the action"))
    action_hour = models.PositiveSmallIntegerField(_("hour (lights off only)"), null=True, blank=True)
    closes_at = models.DateTimeField(_("pledges close"))
    rung = models.PositiveSmallIntegerField(_("escalation rung"), choices=Rung.choices, default=Rung.TEST)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_rungs",
        verbose_name=_("previous rung"),
    )
    organization = models.ForeignKey(
        "coalition.Organization", on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("proposed by")
    )
    conversation = models.ForeignKey(
        "deliberation.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("deliberation that justifies it"),
    )
    charter_reference = models.CharField(_("charter article"), max_length=200, blank=True)
    go_commitment = models.CharField(max_length=64)
    abort_commitment = models.CharField(max_length=64)
    max_issuer_share = models.PositiveSmallIntegerField(_("largest share of one issuer (%)"), default=20)
    min_issuers = models.PositiveSmallIntegerField(_("distinct issuers a cell needs"), default=3)
    minimum_published = models.PositiveSmallIntegerField(_("smallest count published"), default=10)
    signers_needed = models.PositiveSmallIntegerField(_("coordinators who must sign the signal"), default=2)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    signing_key = EncryptedTextField(blank=True)  # the partially blind RSA master key (p:q:e hex)
    public_n = models.TextField(blank=True)  # hex modulus, published
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("action_date", "slug")
        constraints = (
            models.CheckConstraint(condition=models.Q(is_gathering=False), name="coordination_no_gatherings"),
        )

    def __str__(self) -> str:
        return self.slug

    def clean(self) -> None:
        if self.is_gathering:
            raise ValidationError(_("A campaign is never a gathering at a place and time."))
        if self.closes_at and self.action_date:
            start = timezone.make_aware(datetime.combine(self.action_date, datetime.min.time()))
            if start - self.closes_at < MINIMUM_CLOSE_BEFORE:
                raise ValidationError(_("Pledges must close at least 48 hours before the action."))

    def title(self, language: str) -> str:
        return self.title_fa if language == "fa" and self.title_fa else self.title_en

    def description(self, language: str) -> str:
        return self.description_fa if language == "fa" and self.description_fa else self.description_en

    def is_open(self, now: datetime | None = None) -> bool:
        moment = now if now is not None else timezone.now()
        return self.status == self.Status.OPEN and moment < self.closes_at


class Cell(models.Model):
    """An area (a province, or a city within it) crossed with a sector, with its own target."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="cells")
    key = models.CharField(max_length=16)  # public id, random
    province_iso = models.CharField(_("province"), max_length=6)
    city = models.CharField(_("city (empty: the whole province)"), max_length=120, blank=True)
    sector = models.CharField(_("sector"), max_length=40)
    target = models.PositiveIntegerField(_("target"))

    class Meta:
        ordering = ("province_iso", "city", "sector")
        constraints = (
            models.UniqueConstraint(
                fields=["campaign", "province_iso", "city", "sector"], name="one_cell_per_area_sector"
            ),
            models.UniqueConstraint(fields=["campaign", "key"], name="unique_cell_key"),
        )

    def __str__(self) -> str:
        return f"{self.area} / {self.sector}"

    @property
    def area(self) -> str:
        return f"{self.province_iso}:{self.city}" if self.city else self.province_iso


class Approval(models.Model):
    """One coordinator's approval; a campaign opens on the second approval by another person."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="approvals")
    coordinator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["campaign", "coordinator"], name="one_approval_per_coordinator"),
        )

    def __str__(self) -> str:
        return f"approval of {self.campaign_id}"


class IssuerTally(models.Model):
    """How many issuance codes an organization handed out for a cell (a count, never a list)."""

    cell = models.ForeignKey(Cell, on_delete=models.CASCADE, related_name="issuer_tallies")
    issuer = models.ForeignKey("coalition.Organization", on_delete=models.PROTECT, related_name="+")
    issued = models.PositiveIntegerField(default=0)
    signed = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["cell", "issuer"], name="one_tally_per_issuer_cell"),)

    def __str__(self) -> str:
        return f"{self.issuer_id} in {self.cell_id}"


class IssuanceCode(models.Model):
    """A one-time code on a printed card: it pays for one blind signature in its cell, by its issuer.

    Stored as a hash; which blinded message it paid for is not kept.
    """

    code_hash = models.CharField(max_length=64, primary_key=True)
    cell = models.ForeignKey(Cell, on_delete=models.CASCADE, related_name="+")
    issuer = models.ForeignKey("coalition.Organization", on_delete=models.PROTECT, related_name="+")
    is_used = models.BooleanField(default=False)

    def __str__(self) -> str:
        return "issuance code"


class SpentToken(models.Model):
    """A pledge: the hash of a spent token, its cell and issuer (from the signed metadata). No time."""

    nullifier = models.CharField(max_length=64, primary_key=True)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    cell = models.ForeignKey(Cell, on_delete=models.CASCADE, related_name="+")
    issuer = models.ForeignKey("coalition.Organization", on_delete=models.PROTECT, related_name="+")
    is_withdrawn = models.BooleanField(default=False)

    def __str__(self) -> str:
        return "pledge"


class Release(models.Model):
    """The published bands of one day: the only counts anyone outside the database sees."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="releases")
    day = models.DateField()
    body = models.JSONField()

    class Meta:
        ordering = ("-day",)
        constraints = (models.UniqueConstraint(fields=["campaign", "day"], name="one_release_per_day"),)

    def __str__(self) -> str:
        return f"{self.campaign_id} {self.day}"


class CoordinatorKey(models.Model):
    """A coordinator's Ed25519 key for signing GO / ABORT bulletins.

    Either held by the server (seed encrypted at rest: one click signs) or made and kept offline by
    the coordinator (no seed here: they paste signatures made on their own device), which a
    compromised server or operator cannot use to forge their signature.
    """

    coordinator = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    public_key = models.CharField(max_length=64)
    seed = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.public_key[:16]

    @property
    def is_offline(self) -> bool:
        return not self.seed


class Bulletin(models.Model):
    """A GO or ABORT bulletin and the coordinators' signatures over its canonical body."""

    class Kind(models.TextChoices):
        GO = "go", _("GO")
        ABORT = "abort", _("ABORT")

    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, related_name="bulletin")
    kind = models.CharField(max_length=5, choices=Kind.choices)
    body = models.JSONField()
    signatures = models.JSONField(default=dict)  # key id -> signature hex
    keys = models.JSONField(default=list)  # public keys (hex) of the coordinators at drafting time
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.campaign_id}"
