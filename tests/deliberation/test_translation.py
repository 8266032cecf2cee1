"""Machine translation of accepted statements through the relay's backend seam, labelled as such."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from solidarity.core.models import User
from solidarity.deliberation import services
from solidarity.deliberation.models import Conversation, Statement

pytestmark = pytest.mark.django_db


class Tagger:
    """A stand-in offline backend: marks the text instead of translating it."""

    name = "tagger"

    def translate(self, text: str, *, source: str, target: str) -> str | None:
        return f"[{target}] {text}"


def _submit_and_accept(conversation: Conversation, moderator: User, settings: object) -> Statement:
    settings.JOBS_BACKEND = "immediate"  # type: ignore[attr-defined]  # pytest-django settings fixture
    author = services.join(conversation=conversation, anonymous_token="author")
    statement = services.submit_statement(participant=author, text="Free elections", language="en")
    services.moderate_statement(statement=statement, moderator=moderator, decision="accept")
    statement.refresh_from_db()
    return statement


def test_accepted_statement_is_machine_translated_and_labelled(
    conversation: Conversation,
    moderator: User,
    settings: object,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: object,
) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_MT_BACKEND", f"{__name__}:Tagger")
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]  # pytest-django fixture
        statement = _submit_and_accept(conversation, moderator, settings)
    statement.refresh_from_db()
    assert statement.translation == "[fa] Free elections"
    assert statement.translation_is_machine
    text, is_translation = statement.text_in("fa")
    assert is_translation
    assert text == "[fa] Free elections"
    # a person's translation replaces it and drops the machine label
    services.set_translation(statement=statement, translator=moderator, translation="انتخابات آزاد", language="fa")
    statement.refresh_from_db()
    assert not statement.translation_is_machine


def test_without_a_backend_nothing_is_invented(
    conversation: Conversation, moderator: User, settings: object, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]  # pytest-django fixture
        statement = _submit_and_accept(conversation, moderator, settings)
    statement.refresh_from_db()
    assert statement.translation == ""


def test_machine_label_shows_on_the_vote_page(conversation: Conversation) -> None:
    Statement.objects.filter(conversation=conversation).update(
        translation="متن ماشین", translation_language="fa", translation_is_machine=True
    )
    page = Client().get(f"/en/deliberation/{conversation.pk}/")
    assert page.status_code == 200
    fa_page = Client().get(f"/fa/deliberation/{conversation.pk}/").content.decode()
    assert "متن ماشین" in fa_page
    assert "ترجمه ماشینی" in fa_page  # the label


def test_a_persons_translation_is_shown_with_the_original_and_the_pair_takes_one_vote(
    conversation: Conversation,
) -> None:
    Statement.objects.filter(conversation=conversation).update(
        translation="ترجمه انسانی", translation_language="fa", translation_is_machine=False
    )
    fa_page = Client().get(f"/fa/deliberation/{conversation.pk}/").content.decode()
    shown = re.search(r'id="statement-(\d+)">([^<]*)<', fa_page)
    assert shown is not None
    statement = Statement.objects.get(conversation=conversation, number=int(shown.group(1)))
    assert shown.group(2) == "ترجمه انسانی"  # the reader's language first
    label = re.search(r'<p class="translation-label">(.*?)</p>', fa_page, re.S)
    assert label is not None
    assert label.group(1).startswith("ترجمه ·")  # a person's translation: no "machine" in the label
    assert "ماشینی" not in label.group(1)
    assert f"اصل: {statement.text}" in label.group(1)  # the original beside it
    # one form for the pair: the vote names the statement, whichever text the reader saw
    assert f'name="statement" value="{statement.number}"' in fa_page
    en_page = Client().get(f"/en/deliberation/{conversation.pk}/").content.decode()
    assert 'class="translation-label"' not in en_page  # an English reader sees the English original, unlabelled
