"""Taxonomy terms, member organizations and their delegates."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from solidarity.core.fields import EncryptedTextField


class Term(models.Model):
    """One entry of a taxonomy (a political family, an ethnic or regional tie, a social sector)."""

    class Kind(models.TextChoices):
        FAMILY = "family", _("Political family")
        TIE = "tie", _("Ethnic or regional tie")
        SECTOR = "sector", _("Social sector")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    slug = models.SlugField(max_length=60)
    name_en = models.CharField(_("name in English"), max_length=120)
    name_fa = models.CharField(_("name in Persian"), max_length=120)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["kind", "position", "name_en"]
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="term_unique_slug_per_kind")]

    def __str__(self) -> str:
        return self.name_en


class Organization(models.Model):
    """A member organization of the coalition, or one that applied to be."""

    class Kind(models.TextChoices):
        PARTY = "party", _("Party")
        ETHNIC = "ethnic", _("Ethnic or regional organization")
        CIVIL = "civil", _("Civil-society or sector group")
        UNION = "union", _("Union")
        MEDIA = "media", _("Media")
        OTHER = "other", _("Other")

    class Base(models.TextChoices):
        INSIDE = "inside", _("Inside the country")
        DIASPORA = "diaspora", _("Diaspora")
        BOTH = "both", _("Both")

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        MEMBER = "member", _("Member")
        SUSPENDED = "suspended", _("Suspended")
        LEFT = "left", _("Left")
        REJECTED = "rejected", _("Not admitted")

    name_en = models.CharField(_("name in English"), max_length=200)
    name_fa = models.CharField(_("name in Persian"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    base = models.CharField(_("base"), max_length=10, choices=Base.choices)
    families = models.ManyToManyField(Term, related_name="family_organizations", blank=True)
    ties = models.ManyToManyField(Term, related_name="tie_organizations", blank=True)
    sectors = models.ManyToManyField(Term, related_name="sector_organizations", blank=True)
    countries = models.CharField(_("countries"), max_length=200, blank=True, help_text=_("ISO codes, comma-separated"))
    cities = models.CharField(_("cities"), max_length=300, blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    description_fa = models.TextField(_("description in Persian"), blank=True)
    contact = models.CharField(_("public contact"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.APPLIED)
    status_reason = models.TextField(_("reason for the status"), blank=True)
    applied_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    member_since = models.DateTimeField(null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["name_en"]
        indexes = [models.Index(fields=["status", "name_en"])]

    def __str__(self) -> str:
        return self.name_en

    @property
    def country_codes(self) -> list[str]:
        return [code.strip().upper() for code in self.countries.split(",") if code.strip()]


class Delegate(models.Model):
    """A person who represents one or more organizations, known publicly by a display name.

    The legal name and contact are encrypted at rest and readable only by credentials officers,
    each read recorded in the audit log.
    """

    class Role(models.TextChoices):
        DELEGATE = "delegate", _("Delegate")
        ALTERNATE = "alternate", _("Alternate")
        SPEAKER = "speaker", _("Speaker")
        OBSERVER = "observer", _("Observer")

    display_name = models.CharField(_("public display name"), max_length=120)
    organizations = models.ManyToManyField(Organization, related_name="delegates")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.DELEGATE)
    lives_inside = models.BooleanField(_("lives inside the country"), default=False)
    legal_name = EncryptedTextField(_("legal name"), blank=True)
    contact = EncryptedTextField(_("private contact"), blank=True)
    user = models.OneToOneField("core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="delegate")
    is_accredited = models.BooleanField(_("accredited"), default=False)
    accredited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name
