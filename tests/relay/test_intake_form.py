"""Issue 12: the message form's blank fields are rendered once per language, and nothing else changes."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation
from pytest_django.fixtures import Settings as SettingsWrapper

from solidarity.relay import views
from solidarity.relay.conf import contact_public_key
from solidarity.relay.forms import MessageForm
from solidarity.relay.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_form_cache(settings: SettingsWrapper) -> None:
    settings.DEBUG = False
    views._blank_fields.clear()


def _tokens(page: str) -> tuple[str, str]:
    wait = re.search(r'name="wait_token" value="([^"]+)"', page)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert wait is not None and csrf is not None
    return wait.group(1), csrf.group(1)


def test_the_blank_form_is_rendered_once_per_language_and_is_the_same_form(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    original = MessageForm

    def counted(*args: object, **kwargs: object) -> MessageForm:
        made.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]  # passed through

    monkeypatch.setattr(views, "MessageForm", counted)
    pages: dict[str, list[str]] = {}
    for language in ("en", "fa", "en", "fa", "en"):
        client = Client(enforce_csrf_checks=True)
        pages.setdefault(language, []).append(client.get(f"/{language}/relay/send/").content.decode())
    assert len(made) == 2  # one blank form per language, whatever the number of visitors
    for language, seen in pages.items():
        with translation.override(language):
            fresh = render_to_string(
                "relay/_send_fields.html",
                {"form": original(contact_enabled=contact_public_key() is not None)},
            )
        for page in seen:
            assert fresh in page  # the very fields an unbound form renders
        # Each visitor still gets their own tokens.
        assert len({_tokens(page) for page in seen}) == len(seen)
    assert 'name="text"' in pages["fa"][0] and "پیام شما" in pages["fa"][0]


def test_a_refused_post_shows_the_persons_text_and_errors_not_the_blank_form() -> None:
    client = Client(enforce_csrf_checks=True)
    wait, csrf = _tokens(client.get("/en/relay/send/").content.decode())
    response = client.post(
        "/en/relay/send/",
        {"csrfmiddlewaretoken": csrf, "wait_token": wait, "text": "Kept for me to copy, unsent"},  # no consent
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kept for me to copy, unsent" in page and 'class="field invalid"' in page
    assert Message.objects.count() == 0
    # The next visitor's blank form has none of it.
    assert "Kept for me to copy" not in Client().get("/en/relay/send/").content.decode()


def test_a_message_sent_through_the_cached_form_is_accepted() -> None:
    client = Client(enforce_csrf_checks=True)
    for number in range(3):
        wait, csrf = _tokens(client.get("/fa/relay/send/").content.decode())
        response = client.post(
            "/fa/relay/send/",
            {"csrfmiddlewaretoken": csrf, "wait_token": wait, "consent": "on", "text": f"ما با شما هستیم {number}"},
        )
        assert response.status_code == 302
    assert Message.objects.count() == 3
