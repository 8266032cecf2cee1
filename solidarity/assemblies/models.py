"""Assemblies, their venues and programme, broadcast partners, invitations, scans and live updates."""

from __future__ import annotations

import zoneinfo
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from solidarity.assemblies.invitations import InviteRole
from solidarity.core.fields import EncryptedTextField
from solidarity.core.names import language_names


@cache
def known_time_zones() -> frozenset[str]:
    """Return the IANA zone names (read from disk once: the scan costs tens of milliseconds)."""
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in known_time_zones():
        raise ValidationError(_("Unknown time zone: %(zone)s"), params={"zone": value})


class Assembly(models.Model):
    """An invitation-only gathering held at a hub venue and joined by satellite venues."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        LIVE = "live", _("Live")
        CLOSED = "closed", _("Closed")

    class Visibility(models.TextChoices):
        INVITATION_ONLY = "invitation_only", _("Invitation only")
        PUBLIC_PROGRAMME = "public_programme", _("Public programme")

    slug = models.SlugField(max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_fa = models.CharField(_("name in Persian"), max_length=200)
    description_en = models.TextField(_("description in English"), blank=True)
    description_fa = models.TextField(_("description in Persian"), blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC_PROGRAMME
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-starts_on", "slug")
        verbose_name_plural = _("assemblies")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="assembly_dates_in_order"
            ),
        )

    def __str__(self) -> str:
        return self.name_en

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def has_public_programme(self) -> bool:
        return self.is_public and self.visibility == self.Visibility.PUBLIC_PROGRAMME


class Venue(models.Model):
    """A place where an assembly meets (the hub) or that joins it by stream (a satellite)."""

    class Kind(models.TextChoices):
        HUB = "hub", _("Hub")
        SATELLITE = "satellite", _("Satellite")

    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="venues")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SATELLITE)
    name_en = models.CharField(_("name in English"), max_length=160)
    name_fa = models.CharField(_("name in Persian"), max_length=160)
    city_en = models.CharField(_("city in English"), max_length=120)
    city_fa = models.CharField(_("city in Persian"), max_length=120)
    country = models.CharField(_("country (ISO code)"), max_length=2)
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    capacity = models.PositiveIntegerField(_("capacity"))
    # Shown only to the venue's invitees and to staff; never on public pages, feeds or exports.
    street_address = EncryptedTextField(_("street address"), blank=True)
    stream_url = models.URLField(_("stream link"), blank=True)
    coordinators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="coordinated_venues")
    checkin_officers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="checkin_venues")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("assembly", "position", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["assembly"], condition=models.Q(kind="hub"), name="venue_one_hub_per_assembly"
            ),
        )

    def __str__(self) -> str:
        return f"{self.name_en} ({self.city_en})"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class Session(models.Model):
    """One item of the programme, held at or screened in one or more venues."""

    class Language(models.TextChoices):
        FA = "fa", _("Persian")
        EN = "en", _("English")
        KU = "ku", _("Kurdish")
        AZ = "az", _("Azerbaijani")
        AR = "ar", _("Arabic")
        BAL = "bal", _("Baluchi")
        FR = "fr", _("French")

    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="sessions")
    title_en = models.CharField(_("title in English"), max_length=200)
    title_fa = models.CharField(_("title in Persian"), max_length=200)
    description_en = models.TextField(_("description in English"), blank=True)
    description_fa = models.TextField(_("description in Persian"), blank=True)
    starts_at = models.DateTimeField(_("starts (UTC)"))
    ends_at = models.DateTimeField(_("ends (UTC)"))
    venues = models.ManyToManyField(Venue, related_name="sessions")
    # Where the session takes place; every other venue in `venues` screens it by stream.
    held_at = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="held_sessions", verbose_name=_("held at")
    )
    speakers = models.ManyToManyField("coalition.Delegate", blank=True, related_name="assembly_sessions")
    guest_speakers = models.CharField(_("guest speakers"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=3, choices=Language.choices, default=Language.FA)
    interpretation = models.CharField(
        _("interpretation into"), max_length=60, blank=True, help_text=_("Language codes, comma-separated")
    )

    class Meta:
        ordering = ("starts_at", "id")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
        )

    def __str__(self) -> str:
        return self.title_en

    def clean(self) -> None:
        if self.held_at_id is not None and self.held_at is not None and self.held_at.assembly_id != self.assembly_id:
            raise ValidationError({"held_at": _("The venue belongs to another assembly.")})

    @property
    def screening_venues(self) -> list[Venue]:
        """Return the venues that screen the session by stream (uses the prefetched venues)."""
        return [venue for venue in self.venues.all() if venue.pk != self.held_at_id]

    @property
    def interpretation_codes(self) -> list[str]:
        return [code.strip() for code in self.interpretation.split(",") if code.strip()]

    @property
    def interpretation_names(self) -> str:
        """The interpretation languages by name, in the active language (a code Django does not know stays a code)."""
        return language_names(self.interpretation_codes)


class BroadcastPartner(models.Model):
    """A TV channel, radio station or web outlet that relays the proceedings."""

    class Kind(models.TextChoices):
        TV = "tv", _("Television")
        RADIO = "radio", _("Radio")
        WEB = "web", _("Web")

    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="partners")
    name_en = models.CharField(_("name in English"), max_length=160)
    name_fa = models.CharField(_("name in Persian"), max_length=160)
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    languages = models.CharField(_("languages"), max_length=60, help_text=_("Language codes, comma-separated"))
    stream_url = models.URLField(_("stream link"), blank=True)
    frequency = models.CharField(_("frequency"), max_length=60, blank=True)
    channel = models.CharField(_("channel"), max_length=120, blank=True)
    how_to_follow_en = models.TextField(_("how to follow, in English"), blank=True)
    how_to_follow_fa = models.TextField(_("how to follow, in Persian"), blank=True)
    is_accredited = models.BooleanField(_("accredited"), default=False)
    accredited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("kind", "name_en")

    def __str__(self) -> str:
        return self.name_en

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class Invitation(models.Model):
    """The server's record of a signed token: its claims and state, never the token itself.

    Ed25519 signatures are deterministic, so the token is re-derived from these claims with the
    signing key when an officer needs to show it again.
    """

    class State(models.TextChoices):
        ISSUED = "issued", _("Issued")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        REVOKED = "revoked", _("Revoked")

    class Role(models.IntegerChoices):
        DELEGATE = InviteRole.DELEGATE, _("Delegate")
        GUEST = InviteRole.GUEST, _("Guest")
        SPEAKER = InviteRole.SPEAKER, _("Speaker")
        PRESS = InviteRole.PRESS, _("Press")
        OBSERVER = InviteRole.OBSERVER, _("Observer")
        STAFF = InviteRole.STAFF, _("Staff")

    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="invitations")
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="invitations")
    role = models.PositiveSmallIntegerField(_("role"), choices=Role.choices, default=Role.DELEGATE)
    delegate = models.ForeignKey(
        "coalition.Delegate", null=True, blank=True, on_delete=models.PROTECT, related_name="invitations"
    )
    guest_name = models.CharField(_("guest display name"), max_length=120, blank=True)
    nonce = models.CharField(max_length=32, unique=True)
    # `invitations.code_digest` of the short code, kept at issue so door manifests need not
    # re-sign every token; blank for invitations issued before it was kept.
    code_digest = models.CharField(max_length=32, blank=True, default="")
    key_id = models.BigIntegerField()
    not_before = models.DateTimeField()
    not_after = models.DateTimeField()
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ISSUED)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-issued_at", "-id")
        indexes = (models.Index(fields=["assembly", "state"]),)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(delegate__isnull=False) | ~models.Q(guest_name=""),
                name="invitation_names_a_delegate_or_guest",
            ),
        )

    def __str__(self) -> str:
        return f"invitation {self.pk} ({self.state})"

    @property
    def holder_name(self) -> str:
        return self.delegate.display_name if self.delegate_id and self.delegate else self.guest_name


class Scan(models.Model):
    """One scan made at a door, synced from a device; stored once per scan id."""

    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="scans")
    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="scans")
    scan_id = models.CharField(max_length=32, unique=True)
    device_id = models.CharField(max_length=64)
    token_nonce = models.CharField(max_length=32, blank=True, db_index=True)
    invitation = models.ForeignKey(Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="scans")
    scanned_at = models.DateTimeField()
    outcome = models.CharField(max_length=20)
    # Set at sync when a device's admission cannot stand (another venue's invitation, an unknown or
    # revoked one, a scan outside the assembly's window): the scan is kept, with the reason, and
    # counts nowhere as an admission.
    set_aside = models.CharField(max_length=20, blank=True, default="")
    synced_at = models.DateTimeField(default=timezone.now)
    # Set by reconciliation: this admission repeats an earlier one (same venue or another).
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    duplicate_kind = models.CharField(max_length=12, blank=True)

    class Meta:
        ordering = ("scanned_at", "id")
        indexes = (models.Index(fields=["assembly", "outcome"]),)

    def __str__(self) -> str:
        return f"scan {self.scan_id[:8]} {self.outcome}"


class Update(models.Model):
    """A live post about the proceedings, in English and Persian."""

    class Kind(models.TextChoices):
        SPEAKING = "speaking", _("Now speaking")
        STATEMENT = "statement", pgettext_lazy("session kind", "Statement")
        RESOLUTION = "resolution", _("Resolution")
        VENUE_JOINED = "venue_joined", _("Venue joined")
        NOTICE = "notice", _("Notice")

    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text_en = models.TextField(_("text in English"))
    text_fa = models.TextField(_("text in Persian"))
    venue = models.ForeignKey(Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="updates")
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    posted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ("-posted_at", "-id")

    def __str__(self) -> str:
        return f"{self.kind}: {self.text_en[:40]}"


class DelegatePassphrase(models.Model):
    """A passphrase a delegate set from their invitation, to sign in without its short code.

    The delegate signs in with `sign_in_name` (random, shown to them when they set the passphrase;
    it names neither them nor their invitation) and the passphrase, stored only as Django's password
    hash. Revoking the invitation ends it too: the sign-in needs a live invitation.
    """

    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="passphrase")
    sign_in_name = models.CharField(max_length=16, unique=True)
    passphrase_hash = models.CharField(max_length=256)
    set_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"passphrase of invitation {self.invitation_id}"
