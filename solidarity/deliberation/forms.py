"""Forms of the common-ground app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.deliberation.models import Conversation, Statement

MAX_UPLOAD = 64 * 1024 * 1024


class VoteForm(forms.Form):
    statement = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    value = forms.TypedChoiceField(choices=[("1", "agree"), ("-1", "disagree"), ("0", "pass")], coerce=int)


class StatementForm(forms.Form):
    text = forms.CharField(label=_("Your statement"), max_length=400, widget=forms.Textarea(attrs={"rows": 3}))
    language = forms.ChoiceField(label=_("Language"), choices=Statement.Language.choices)


class ConversationForm(forms.Form):
    topic_en = forms.CharField(label=_("Topic in English"), max_length=200)
    topic_fa = forms.CharField(label=_("Topic in Persian"), max_length=200, required=False)
    question_en = forms.CharField(
        label=_("Question in English"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    question_fa = forms.CharField(
        label=_("Question in Persian"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    participation = forms.ChoiceField(label=_("Who may take part"), choices=Conversation.Participation.choices)
    moderation = forms.ChoiceField(label=_("Moderation"), choices=Conversation.Moderation.choices)
    seeds_en = forms.CharField(
        label=_("Seed statements in English, one per line"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    seeds_fa = forms.CharField(
        label=_("Seed statements in Persian, one per line"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "accept"), ("reject", "reject"), ("meta", "meta")])


class TranslationForm(forms.Form):
    translation = forms.CharField(label=_("Translation"), max_length=400)
    language = forms.ChoiceField(label=_("Language"), choices=Statement.Language.choices[:2])


class ImportForm(forms.Form):
    participants_votes = forms.FileField(label="participants-votes.csv")
    comments = forms.FileField(label="comments.csv")
    summary = forms.FileField(label="summary.csv", required=False)
    topic = forms.CharField(label=_("Topic"), max_length=200, required=False)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        for name in ("participants_votes", "comments", "summary"):
            upload = cleaned.get(name)
            if upload is not None and getattr(upload, "size", 0) > MAX_UPLOAD:
                raise forms.ValidationError(_("Each file must be smaller than 64 MiB."))
        return cleaned


class CharterForm(forms.Form):
    title_en = forms.CharField(label=_("Title in English"), max_length=200)
    title_fa = forms.CharField(label=_("Title in Persian"), max_length=200, required=False)


class CharterItemForm(forms.Form):
    text_en = forms.CharField(label=_("English"), max_length=400)
    text_fa = forms.CharField(label=_("Persian"), max_length=400, required=False)
