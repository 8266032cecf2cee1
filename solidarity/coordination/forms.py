"""Forms of coordination: propose a campaign, issue cards, pledge and withdraw without JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.coalition.models import Organization
from solidarity.coordination.models import Campaign
from solidarity.coordination.selectors import FollowThrough, finished_campaigns, province_choices, sector_choices
from solidarity.coordination.services import CellSpec
from solidarity.core import calendars
from solidarity.core.forms import CalendarDateField, CalendarDateTimeField
from solidarity.core.text import persian_sort_key
from solidarity.deliberation.models import Conversation

CELL_ROWS = 6


class CampaignForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("proposed by"))
    slug = forms.SlugField(label=_("short name (letters, digits, hyphens)"), max_length=80)
    title_en = forms.CharField(label=_("title (English)"), max_length=200)
    title_fa = forms.CharField(label=_("title (Persian)"), max_length=200)
    description_en = forms.CharField(label=_("what people do (English)"), widget=forms.Textarea, required=False)
    description_fa = forms.CharField(label=_("what people do (Persian)"), widget=forms.Textarea, required=False)
    action = forms.ChoiceField(label=_("action"), choices=Campaign.Action.choices)
    action_date = CalendarDateField(label=_("date of the action"))
    action_hour = forms.IntegerField(label=_("hour (lights off only)"), min_value=0, max_value=23, required=False)
    closes_at = CalendarDateTimeField(label=_("pledges close (at least 48 hours before)"))
    rung = forms.TypedChoiceField(label=_("escalation rung"), choices=Campaign.Rung.choices, coerce=int)
    previous = forms.ModelChoiceField(
        queryset=Campaign.objects.none(),
        label=_("previous rung"),
        help_text=_("Its cells and, where turnout was measured, its conversion set this campaign's targets."),
        required=False,
    )
    conversation = forms.ModelChoiceField(
        queryset=Conversation.objects.all(), label=_("deliberation that justifies it"), required=False
    )
    charter_reference = forms.CharField(label=_("charter article"), max_length=200, required=False)
    go_word = forms.CharField(
        label=_("GO code word"), help_text=_("Stored only as a commitment; keep it for the broadcast."), max_length=100
    )
    abort_word = forms.CharField(label=_("ABORT code word"), max_length=100)
    max_issuer_share = forms.IntegerField(
        label=_("largest share of one issuer (%)"), initial=20, min_value=1, max_value=100
    )
    min_issuers = forms.IntegerField(label=_("distinct issuers a cell needs"), initial=3, min_value=1, max_value=50)
    minimum_published = forms.IntegerField(label=_("smallest count published"), initial=10, min_value=2, max_value=1000)
    signers_needed = forms.IntegerField(
        label=_("coordinators who must sign the signal"), initial=2, min_value=1, max_value=20
    )

    def __init__(self, *args: Any, organizations: list[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 -- narrows the type for mypy
        field.queryset = Organization.objects.filter(pk__in=[o.pk for o in organizations]).order_by("name_en")
        previous = self.fields["previous"]
        assert isinstance(previous, forms.ModelChoiceField)  # noqa: S101 -- narrows the type for mypy
        previous.queryset = finished_campaigns()
        # Named in the reader's language only (the form is made per request), sorted by that name.
        persian = calendars.is_persian()
        named = [(iso, fa if persian else en) for iso, en, fa in province_choices()]
        if persian:
            named.sort(key=lambda choice: persian_sort_key(choice[1]))
        provinces = [("", "—"), *named]
        sectors = [("", "—"), *[(slug, fa if persian else en) for slug, en, fa in sector_choices()]]
        for row in range(CELL_ROWS):
            self.fields[f"cell{row}_province"] = forms.ChoiceField(
                label=_("cell %(number)s: province") % {"number": row + 1}, choices=provinces, required=False
            )
            self.fields[f"cell{row}_city"] = forms.CharField(
                label=_("cell %(number)s: city (empty: the whole province)") % {"number": row + 1},
                max_length=120,
                required=False,
            )
            self.fields[f"cell{row}_sector"] = forms.ChoiceField(
                label=_("cell %(number)s: sector") % {"number": row + 1}, choices=sectors, required=False
            )
            self.fields[f"cell{row}_target"] = forms.IntegerField(
                label=_("cell %(number)s: target") % {"number": row + 1}, min_value=1, required=False
            )

    @staticmethod
    def initial_after(previous: Campaign, rows: list[FollowThrough]) -> dict[str, object]:
        """Start the next rung from a finished campaign: its cells, each with the target conversion suggests."""
        initial: dict[str, object] = {
            "previous": previous.pk,
            "rung": min(previous.rung + 1, max(Campaign.Rung.values)),
            "action": previous.action,
            "conversation": previous.conversation_id,
            "charter_reference": previous.charter_reference,
        }
        for row, follow in enumerate(rows[:CELL_ROWS]):
            initial[f"cell{row}_province"] = follow.cell.province_iso
            initial[f"cell{row}_city"] = follow.cell.city
            initial[f"cell{row}_sector"] = follow.cell.sector
            initial[f"cell{row}_target"] = follow.conversion.suggested_target
        return initial

    def cells(self) -> list[CellSpec]:
        specs = []
        for row in range(CELL_ROWS):
            province = self.cleaned_data.get(f"cell{row}_province") or ""
            sector = self.cleaned_data.get(f"cell{row}_sector") or ""
            target = self.cleaned_data.get(f"cell{row}_target")
            if province and sector and target:
                specs.append(CellSpec(province, self.cleaned_data.get(f"cell{row}_city") or "", sector, int(target)))
        return specs


class IssueForm(forms.Form):
    cell = forms.ChoiceField(label=_("cell"))
    issuer = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("issuing organization"))
    count = forms.IntegerField(label=_("number of cards"), min_value=1, max_value=500, initial=20)

    def __init__(
        self, *args: Any, cells: list[tuple[str, str]], organizations: list[Organization], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cell_field = self.fields["cell"]
        assert isinstance(cell_field, forms.ChoiceField)  # noqa: S101 -- narrows the type for mypy
        cell_field.choices = cells
        field = self.fields["issuer"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 -- narrows the type for mypy
        field.queryset = Organization.objects.filter(pk__in=[o.pk for o in organizations]).order_by("name_en")


class TokenForm(forms.Form):
    """A printed token typed or pasted by someone without JavaScript."""

    token = forms.CharField(label=_("token (as printed on the card)"), widget=forms.Textarea(attrs={"rows": 6}))


class WordForm(forms.Form):
    kind = forms.ChoiceField(label=_("signal"), choices=(("go", _("GO")), ("abort", _("ABORT"))))
    word = forms.CharField(label=_("the word you heard"), max_length=100)


class OfflineKeyForm(forms.Form):
    """The two lines `solidarity coordination keygen` prints on the coordinator's own device."""

    public_key = forms.CharField(label=_("public key"), max_length=80, widget=forms.TextInput(attrs={"dir": "ltr"}))
    proof = forms.CharField(label=_("proof"), max_length=200, widget=forms.TextInput(attrs={"dir": "ltr"}))
