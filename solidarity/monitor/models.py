"""Sources, ingested documents, extracted reports, merged events and aggregate claims."""

from __future__ import annotations

import jdatetime
from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """An outlet or group whose documents are ingested, with a reliability grade set by analysts."""

    class Kind(models.TextChoices):
        NEWS_AGENCY = "news_agency", _("News agency")
        INDEPENDENT = "independent", _("Independent outlet")
        RIGHTS_GROUP = "rights_group", _("Rights group")
        MOVEMENT = "movement", _("Party or movement")
        STATE_MEDIA = "state_media", _("State media")
        SOCIAL_MEDIA = "social_media", _("Social media")

    class Grade(models.TextChoices):
        A = "A", _("A: reliable")
        B = "B", _("B: usually reliable")
        C = "C", _("C: fairly reliable")
        D = "D", _("D: not usually reliable")
        F = "F", _("F: unreliable")
        UNGRADED = "", _("Not graded")

    name = models.CharField(max_length=200, unique=True)
    language = models.CharField(max_length=8, blank=True)
    country = models.CharField(max_length=2, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.INDEPENDENT)
    affiliation = models.CharField(
        max_length=200, blank=True, help_text=_("Sources with the same affiliation count as one voice.")
    )
    grade = models.CharField(max_length=1, choices=Grade.choices, blank=True, default="")
    grade_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    @property
    def voice(self) -> str:
        """Return the key under which this source's reports count as one voice."""
        return f"affiliation:{self.affiliation.casefold()}" if self.affiliation else f"source:{self.pk}"


class Document(models.Model):
    """One ingested text, stored once per content hash. Its URL is kept as text and never fetched."""

    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="documents")
    content_hash = models.CharField(max_length=64, unique=True)
    fingerprint = models.CharField(max_length=32, db_index=True)
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField()
    url = models.CharField(max_length=2000, blank=True)
    origin = models.CharField(max_length=300, blank=True, help_text=_("The file name it came from."))
    published = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=8, blank=True)
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = (
            "-published",
            "-pk",
        )

    def __str__(self) -> str:
        return self.title or f"document {self.pk}"


class SubEventType(models.TextChoices):
    PEACEFUL = "Peaceful protest", _("Peaceful protest")
    INTERVENTION = "Protest with intervention", _("Protest with intervention")
    EXCESSIVE_FORCE = "Excessive force against protesters", _("Excessive force against protesters")
    VIOLENT = "Violent demonstration", _("Violent demonstration")


class ReviewStatus(models.TextChoices):
    AUTOMATIC = "automatic", _("Automatic")
    CONFIRMED = "confirmed", _("Confirmed")
    CORRECTED = "corrected", _("Corrected")
    REJECTED = "rejected", _("Rejected")


class EventFields(models.Model):
    """Fields shared by a report (what one document says) and an event (what the reports agree on)."""

    sub_event_type = models.CharField(max_length=40, choices=SubEventType.choices)
    event_date = models.DateField(null=True, blank=True)
    time_precision = models.PositiveSmallIntegerField(default=1)
    city = models.CharField(max_length=120, blank=True)
    city_fa = models.CharField(max_length=120, blank=True)
    geonameid = models.IntegerField(null=True, blank=True)
    province_iso = models.CharField(max_length=6, blank=True, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geo_precision = models.PositiveSmallIntegerField(default=1)
    sector = models.CharField(max_length=40, blank=True, db_index=True)
    crowd_low = models.PositiveIntegerField(null=True, blank=True)
    crowd_high = models.PositiveIntegerField(null=True, blank=True)
    crowd_text = models.CharField(max_length=120, blank=True)
    arrests = models.PositiveIntegerField(null=True, blank=True)
    injuries = models.PositiveIntegerField(null=True, blank=True)
    deaths = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class Event(EventFields):
    """A protest event: one or more reports merged; unverified until two independent voices back it."""

    status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.AUTOMATIC, db_index=True
    )
    is_locked = models.BooleanField(default=False, help_text=_("A person corrected it: automatic runs leave it alone."))
    independent_sources = models.PositiveSmallIntegerField(default=1, db_index=True)
    review_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = (
            "-event_date",
            "-pk",
        )
        indexes = (models.Index(fields=["event_date", "province_iso"]),)

    def __str__(self) -> str:
        return f"{self.event_date} {self.city or self.province_iso} {self.sub_event_type}"

    @property
    def event_date_jalali(self) -> str:
        """Return the event date in the Solar Hijri calendar (YYYY-MM-DD)."""
        if self.event_date is None:
            return ""
        return str(jdatetime.date.fromgregorian(date=self.event_date).isoformat())

    @property
    def is_corroborated(self) -> bool:
        """Tell whether a second independent source backs the event (SR-15)."""
        return self.independent_sources >= 2


class Report(EventFields):
    """What one document says about one event, with the sentences it came from."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="reports")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports")
    evidence = models.TextField()
    evidence_json = models.JSONField(default=dict)
    language = models.CharField(max_length=8, blank=True)

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"report {self.pk} of document {self.document_id}"


class Claim(models.Model):
    """An aggregate claim ("N protests in M cities last month"), shown beside counts, never added."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="claims")
    claimant = models.CharField(max_length=300, blank=True)
    count = models.PositiveIntegerField()
    unit = models.CharField(max_length=60)
    places = models.PositiveIntegerField(null=True, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    calendar = models.CharField(max_length=12, blank=True)
    period_text = models.CharField(max_length=120, blank=True)
    area_iso = models.CharField(max_length=6, default="IR")
    evidence = models.TextField()
    status = models.CharField(max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.AUTOMATIC)
    is_locked = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = (
            "-period_start",
            "-pk",
        )

    def __str__(self) -> str:
        return f"{self.claimant or '?'}: {self.count} {self.unit}"
