"""Forms of the assemblies pages: issuing invitations, checking in, syncing and live updates."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.assemblies.models import Assembly, BroadcastPartner, Invitation, Session, Update, Venue
from solidarity.assemblies.selectors import delegate_label
from solidarity.coalition.models import Delegate, Organization, Term
from solidarity.core import calendars
from solidarity.core.forms import (
    CalendarDateField,
    CalendarDateInput,
    CalendarDateTimeField,
    ScriptTaggedSelect,
    ScriptTaggedSelectMultiple,
    ScriptTaggedTextarea,
    with_codes,
)
from solidarity.core.names import zone_label


class IssueInvitationForm(forms.Form):
    venue = forms.ModelChoiceField(queryset=Venue.objects.none(), label=_("Venue"))
    role = forms.TypedChoiceField(choices=Invitation.Role.choices, coerce=int, label=_("Role"))
    delegate = forms.ModelChoiceField(
        queryset=Delegate.objects.filter(is_accredited=True), required=False, label=_("Delegate")
    )
    guest_name = forms.CharField(max_length=120, required=False, label=_("or a guest's display name"))

    def __init__(self, *args: object, venues: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.fields["venue"].queryset = venues  # type: ignore[attr-defined]  # a ModelChoiceField
        # Two delegates of the same name are told apart by organization and short id.
        self.fields["delegate"].queryset = Delegate.objects.filter(is_accredited=True).prefetch_related("organizations")  # type: ignore[attr-defined]  # same
        self.fields["delegate"].label_from_instance = delegate_label  # type: ignore[attr-defined]  # same

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("delegate") and not str(data.get("guest_name") or "").strip():
            raise forms.ValidationError(_("Choose a delegate or give a guest's display name."))
        return data


class RevokeForm(forms.Form):
    reason = forms.CharField(max_length=40, required=False, label=_("Reason (a short code, no names)"))


class CheckInForm(forms.Form):
    token = forms.CharField(max_length=400, label=_("Invitation token or short code"), strip=True)


class SyncForm(forms.Form):
    queue = forms.FileField(label=_("Queue file from the door device"))


class UpdateForm(forms.ModelForm[Update]):
    class Meta:
        model = Update
        fields = ("kind", "text_en", "text_fa", "venue")
        # The model's venue field has no verbose name of its own; the form names it for readers.
        labels: ClassVar[dict[str, Any]] = {"venue": _("Venue")}
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "text_en": forms.Textarea(attrs={"rows": 3, "dir": "ltr", "lang": "en"}),
            "text_fa": forms.Textarea(attrs={"rows": 3, "dir": "rtl"}),
        }

    def __init__(self, *args: object, venues: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.fields["venue"].queryset = venues  # type: ignore[attr-defined]  # a ModelChoiceField
        self.fields["venue"].required = False


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=[], label=_("Status"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        from solidarity.assemblies.models import Assembly

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.fields["status"].choices = Assembly.Status.choices  # type: ignore[attr-defined]  # a ChoiceField


# --- organizer pages: assemblies, venues, sessions, partners ------------------------------

RESERVED_SLUGS = frozenset({"new", "invitations", "delegate", "staff"})


def time_zone_choices() -> list[tuple[str, str]]:
    """Every IANA time zone, by name (a choice list, so a typo cannot reach the programme)."""
    from solidarity.assemblies.models import known_time_zones

    return [(zone, zone_label(zone)) for zone in sorted(known_time_zones()) if "/" in zone or zone == "UTC"]


def venue_label(venue: Venue) -> str:
    """A venue by its name and city in the reader's language."""
    persian = calendars.is_persian()
    name = (venue.name_fa if persian else venue.name_en) or venue.name_en or venue.name_fa
    city = (venue.city_fa if persian else venue.city_en) or venue.city_en or venue.city_fa
    return f"{name} ({city})"


class AssemblyForm(forms.ModelForm[Assembly]):
    class Meta:
        model = Assembly
        fields = (
            "slug",
            "name_en",
            "name_fa",
            "description_en",
            "description_fa",
            "starts_on",
            "ends_on",
            "visibility",
        )
        field_classes: ClassVar[dict[str, type[forms.Field]]] = {
            "starts_on": CalendarDateField,
            "ends_on": CalendarDateField,
        }
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "starts_on": CalendarDateInput(),
            "ends_on": CalendarDateInput(),
            "name_fa": forms.TextInput(attrs={"dir": "rtl"}),
            "description_en": forms.Textarea(attrs={"rows": 3, "lang": "en", "dir": "ltr"}),
            "description_fa": forms.Textarea(attrs={"rows": 3, "dir": "rtl"}),
            "slug": forms.TextInput(attrs={"dir": "ltr"}),
        }
        help_texts: ClassVar[dict[str, Any]] = {
            "slug": with_codes(
                _("The assembly's address: lower-case letters, digits and hyphens, e.g. %(example)s."),
                {"example": "paris-2027"},
            ),
        }
        labels: ClassVar[dict[str, Any]] = {"slug": _("Short name in addresses")}

    def clean_slug(self) -> str:
        slug = str(self.cleaned_data["slug"])
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This short name is reserved; choose another."))
        return slug

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if isinstance(starts, dt.date) and isinstance(ends, dt.date) and ends < starts:
            self.add_error("ends_on", _("The last day comes before the first day."))
        return data


class VenueForm(forms.ModelForm[Venue]):
    time_zone = forms.ChoiceField(choices=time_zone_choices, label=_("Time zone"), widget=ScriptTaggedSelect)
    stream_url = forms.URLField(required=False, assume_scheme="https", label=_("Stream link"))

    class Meta:
        model = Venue
        fields = (
            "kind",
            "name_en",
            "name_fa",
            "city_en",
            "city_fa",
            "country",
            "time_zone",
            "capacity",
            "street_address",
            "stream_url",
            "position",
        )
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "street_address": ScriptTaggedTextarea(attrs={"rows": 2, "dir": "auto"}),
            "name_fa": forms.TextInput(attrs={"dir": "rtl"}),
            "city_fa": forms.TextInput(attrs={"dir": "rtl"}),
            "country": forms.TextInput(attrs={"dir": "ltr", "size": 3, "autocapitalize": "characters"}),
        }
        help_texts: ClassVar[dict[str, Any]] = {
            "street_address": _(
                "Encrypted at rest; shown only to this venue's invitees and to staff, never on public pages."
            ),
            "position": _("Order among the satellites (smaller first)."),
        }
        labels: ClassVar[dict[str, Any]] = {"position": _("Position")}

    def __init__(self, *args: object, assembly: Assembly, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.assembly = assembly
        # Set before validation, so that the model's own checks see the assembly.
        self.instance.assembly = assembly
        if self.instance.pk is None:
            # A new venue starts in the hub's time zone, not in the first zone of the alphabet.
            hub = assembly.venues.filter(kind=Venue.Kind.HUB).first()
            if not self.initial.get("time_zone"):
                self.initial["time_zone"] = hub.time_zone if hub else "UTC"

    def clean_country(self) -> str:
        country = str(self.cleaned_data["country"]).strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise forms.ValidationError(
                with_codes(_("Give the two-letter ISO code of the country, e.g. %(example)s."), {"example": "FR"})
            )
        return country

    def clean_kind(self) -> str:
        kind = str(self.cleaned_data["kind"])
        others = self.assembly.venues.filter(kind=Venue.Kind.HUB)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if kind == Venue.Kind.HUB and others.exists():
            raise forms.ValidationError(_("This assembly already has a hub; make this venue a satellite."))
        return kind


class SessionForm(forms.Form):
    title_en = forms.CharField(max_length=200, label=_("Title in English"))
    title_fa = forms.CharField(
        max_length=200, label=_("Title in Persian"), widget=forms.TextInput(attrs={"dir": "rtl"})
    )
    description_en = forms.CharField(
        required=False,
        label=_("Description in English"),
        widget=forms.Textarea(attrs={"rows": 3, "lang": "en", "dir": "ltr"}),
    )
    description_fa = forms.CharField(
        required=False, label=_("Description in Persian"), widget=forms.Textarea(attrs={"rows": 3, "dir": "rtl"})
    )
    time_zone = forms.ChoiceField(
        choices=[],
        label=_("Times are in"),
        help_text=_("The times below are local times of this zone."),
        widget=ScriptTaggedSelect,
    )
    starts_at = CalendarDateTimeField(label=_("Starts"))
    ends_at = CalendarDateTimeField(label=_("Ends"))
    held_at = forms.ModelChoiceField(queryset=Venue.objects.none(), required=False, label=_("Held at"))
    venues = forms.ModelMultipleChoiceField(
        queryset=Venue.objects.none(),
        required=False,
        label=_("Screened at"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The venues that show the session by stream."),
    )
    speakers = forms.ModelMultipleChoiceField(
        queryset=Delegate.objects.none(),
        required=False,
        label=_("Speakers (accredited delegates)"),
        widget=ScriptTaggedSelectMultiple(attrs={"size": 6}),
    )
    guest_speakers = forms.CharField(max_length=300, required=False, label=_("Guest speakers"))
    language = forms.ChoiceField(choices=Session.Language.choices, label=_("Language"))
    interpretation = forms.MultipleChoiceField(
        choices=Session.Language.choices,
        required=False,
        label=_("Interpretation into"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: object, assembly: Assembly, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        from solidarity.assemblies.selectors import venues_of

        venues = venues_of(assembly)
        self.fields["held_at"].queryset = venues  # type: ignore[attr-defined]  # a ModelChoiceField
        self.fields["held_at"].label_from_instance = venue_label  # type: ignore[attr-defined]  # same
        self.fields["venues"].label_from_instance = venue_label  # type: ignore[attr-defined]  # same
        self.fields["venues"].queryset = venues  # type: ignore[attr-defined]  # a ModelMultipleChoiceField
        self.fields["speakers"].queryset = Delegate.objects.filter(  # type: ignore[attr-defined]  # same
            is_accredited=True
        ).prefetch_related("organizations")
        self.fields["speakers"].label_from_instance = delegate_label  # type: ignore[attr-defined]  # same
        zones = sorted({"UTC", *(venue.time_zone for venue in venues)})
        self.fields["time_zone"].choices = [(zone, zone_label(zone)) for zone in zones]  # type: ignore[attr-defined]  # a ChoiceField
        hub = next((venue for venue in venues if venue.kind == Venue.Kind.HUB), None)
        self.fields["time_zone"].initial = hub.time_zone if hub else "UTC"

    @classmethod
    def initial_for(cls, session: Session, zone_name: str) -> dict[str, object]:
        """Return the form's initial values for an existing session, its times shown in `zone_name`."""
        zone = zoneinfo.ZoneInfo(zone_name)
        return {
            "title_en": session.title_en,
            "title_fa": session.title_fa,
            "description_en": session.description_en,
            "description_fa": session.description_fa,
            "time_zone": zone_name,
            "starts_at": session.starts_at.astimezone(zone).replace(tzinfo=None),
            "ends_at": session.ends_at.astimezone(zone).replace(tzinfo=None),
            "held_at": session.held_at_id,
            "venues": [venue.pk for venue in session.venues.all()],
            "speakers": [speaker.pk for speaker in session.speakers.all()],
            "guest_speakers": session.guest_speakers,
            "language": session.language,
            "interpretation": session.interpretation_codes,
        }

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        zone_name = str(data.get("time_zone") or "UTC")
        zone = zoneinfo.ZoneInfo(zone_name)
        for name in ("starts_at", "ends_at"):
            value = data.get(name)
            if isinstance(value, dt.datetime):
                # The browser sends a wall-clock time: read it in the chosen zone, store it in UTC.
                data[name] = value.replace(tzinfo=zone).astimezone(dt.UTC)
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if isinstance(starts, dt.datetime) and isinstance(ends, dt.datetime) and ends <= starts:
            self.add_error("ends_at", _("The session ends before it starts."))
        return data

    def service_fields(self) -> dict[str, object]:
        """Return the cleaned data as the session services take it."""
        data = dict(self.cleaned_data)
        data.pop("time_zone")
        data["interpretation"] = ",".join(data["interpretation"])
        return data


class PartnerForm(forms.ModelForm[BroadcastPartner]):
    stream_url = forms.URLField(required=False, assume_scheme="https", label=_("Stream link"))

    class Meta:
        model = BroadcastPartner
        fields = (
            "name_en",
            "name_fa",
            "kind",
            "languages",
            "channel",
            "frequency",
            "stream_url",
            "how_to_follow_en",
            "how_to_follow_fa",
        )
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "name_fa": forms.TextInput(attrs={"dir": "rtl"}),
            "how_to_follow_en": forms.Textarea(attrs={"rows": 2, "lang": "en", "dir": "ltr"}),
            "how_to_follow_fa": forms.Textarea(attrs={"rows": 2, "dir": "rtl"}),
            "languages": forms.TextInput(attrs={"dir": "ltr"}),
        }

    def __init__(self, *args: object, assembly: Assembly, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.instance.assembly = assembly


class ConfirmForm(forms.Form):
    """An explicit confirmation for removals (a checkbox, so a stray click removes nothing)."""

    confirm = forms.BooleanField(label=_("Yes, remove it"))


class BulkChoiceForm(forms.Form):
    """Which delegates to invite: by organization and by the coalition's taxonomies (GET, no JavaScript)."""

    venue = forms.ModelChoiceField(queryset=Venue.objects.none(), label=_("Venue"))
    role = forms.TypedChoiceField(
        choices=Invitation.Role.choices, coerce=int, initial=Invitation.Role.DELEGATE, label=_("Role")
    )
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), required=False, label=_("Organization"))
    family = forms.ModelChoiceField(queryset=Term.objects.none(), required=False, label=_("Political family"))
    tie = forms.ModelChoiceField(queryset=Term.objects.none(), required=False, label=_("Ethnic or regional tie"))
    sector = forms.ModelChoiceField(queryset=Term.objects.none(), required=False, label=_("Social sector"))

    def __init__(self, *args: object, assembly: Assembly, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        from solidarity.assemblies.selectors import venues_of

        fields: dict[str, Any] = self.fields
        fields["venue"].queryset = venues_of(assembly)
        fields["organization"].queryset = Organization.objects.filter(delegates__is_accredited=True).distinct()
        fields["family"].queryset = Term.objects.filter(kind=Term.Kind.FAMILY)
        fields["tie"].queryset = Term.objects.filter(kind=Term.Kind.TIE)
        fields["sector"].queryset = Term.objects.filter(kind=Term.Kind.SECTOR)

    def term_ids(self) -> list[int]:
        return [term.pk for name in ("family", "tie", "sector") if (term := self.cleaned_data.get(name)) is not None]


class BulkIssueForm(forms.Form):
    """The delegates ticked on the bulk page, to be invited at once."""

    venue = forms.ModelChoiceField(queryset=Venue.objects.none(), label=_("Venue"))
    role = forms.TypedChoiceField(choices=Invitation.Role.choices, coerce=int)
    delegates = forms.ModelMultipleChoiceField(
        queryset=Delegate.objects.filter(is_accredited=True),
        error_messages={"required": _("Tick at least one delegate.")},
    )

    def __init__(self, *args: object, assembly: Assembly, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        from solidarity.assemblies.selectors import venues_of

        self.fields["venue"].queryset = venues_of(assembly)  # type: ignore[attr-defined]  # a ModelChoiceField


class DelegateSignInForm(forms.Form):
    credential = forms.CharField(
        max_length=400,
        label=_("The short code of your invitation (or the whole token of its link)"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "ltr", "autocapitalize": "characters"}),
    )


class PassphraseSignInForm(forms.Form):
    sign_in_name = forms.CharField(
        max_length=20,
        label=with_codes(_("Your sign-in name (for example %(example)s)"), {"example": "ABCD-EFGH"}),
        widget=forms.TextInput(attrs={"autocomplete": "username", "dir": "ltr", "autocapitalize": "characters"}),
    )
    passphrase = forms.CharField(
        max_length=400,
        strip=False,
        label=_("Your passphrase"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class SetPassphraseForm(forms.Form):
    passphrase = forms.CharField(
        max_length=400,
        strip=False,
        label=_("New passphrase: at least four words, or at least 16 characters"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    repeated = forms.CharField(
        max_length=400,
        strip=False,
        label=_("The same passphrase again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
