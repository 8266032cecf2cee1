"""Issue 12: the message form's page is rendered once per language, each visitor's tokens filled in,
and nothing else changes."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client, TestCase
from django.utils import translation
from pytest_django.fixtures import Settings as SettingsWrapper

from solidarity.core import pagecache
from solidarity.core.forms import FixedChoiceField
from solidarity.core.models import User
from solidarity.relay import services, views
from solidarity.relay.conf import contact_public_key
from solidarity.relay.forms import MessageForm
from solidarity.relay.models import Message
from tests.relay.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_form_cache(settings: SettingsWrapper) -> None:
    settings.DEBUG = False
    views._blank_fields.clear()
    views._form_pages.clear()


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


def _without_tokens(page: str) -> str:
    page = re.sub(r'name="wait_token" value="[^"]+"', 'name="wait_token" value=""', page)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value=""', page)


@pytest.mark.parametrize("language", ["en", "fa"])
def test_a_visitor_gets_the_kept_page_with_tokens_of_their_own(language: str) -> None:
    kept = [Client(enforce_csrf_checks=True).get(f"/{language}/relay/send/") for _ in range(3)]
    assert len(views._form_pages) == 1
    views._form_pages.clear()
    in_full = Client(enforce_csrf_checks=True)
    in_full.cookies["sessionid"] = "none-such"  # a session of its own: the page rendered in full, as before
    fresh = in_full.get(f"/{language}/relay/send/")
    assert len(views._form_pages) == 0
    for response in kept:
        assert response.status_code == 200
        assert response["Cache-Control"] == fresh["Cache-Control"]  # never cached anywhere
        assert "csrftoken" in response.cookies  # the visitor's own CSRF cookie, as before
        assert _without_tokens(response.content.decode()) == _without_tokens(fresh.content.decode())
        assert "slot-" not in response.content.decode()
    assert len({_tokens(response.content.decode()) for response in kept}) == 3


def test_the_kept_page_is_only_for_visitors_with_nothing_of_their_own() -> None:
    client = Client(enforce_csrf_checks=True)
    client.get("/en/relay/send/")
    assert len(views._form_pages) == 1
    views._form_pages.clear()
    client.get("/en/relay/send/?text=x")  # a query: the page in full
    client.cookies["sessionid"] = "anything"  # a session (a signed-in person, flash messages): in full
    client.get("/en/relay/send/")
    assert len(views._form_pages) == 0


def test_each_token_of_the_kept_page_is_checked_and_spent_once() -> None:
    client = Client(enforce_csrf_checks=True)
    wait, csrf = _tokens(client.get("/en/relay/send/").content.decode())
    fields = {"csrfmiddlewaretoken": csrf, "wait_token": wait, "consent": "on", "text": "We stand with you"}
    assert client.post("/en/relay/send/", fields).status_code == 302
    assert client.post("/en/relay/send/", fields | {"text": "Again with the same token"}).status_code == 400
    stranger = Client(enforce_csrf_checks=True)  # someone else's CSRF token is refused
    stranger_wait, _ = _tokens(stranger.get("/en/relay/send/").content.decode())
    refused = stranger.post("/en/relay/send/", fields | {"wait_token": stranger_wait, "text": "Borrowed token"})
    assert refused.status_code == 403
    assert Message.objects.count() == 1


def test_an_arriving_message_leaves_the_cached_wall_and_feeds_alone(moderator: User) -> None:
    """A flood of arrivals must not have every reader of the wall render it afresh (issue 12)."""
    before = pagecache.generation("relay")
    message = submit("We stand with you, people of Iran")  # received, then screened: shown nowhere yet
    assert pagecache.generation("relay") == before
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.decide_messages(message_ids=[message.pk], moderator=moderator, decision="approve", reason="fine")
    assert pagecache.generation("relay") == before + 1  # published: the pages that show it go stale
    message.refresh_from_db()
    message.city = "Berlin"
    message.save()  # any later save of a row may change what a page shows
    assert pagecache.generation("relay") == before + 2
    Message.objects.create(
        text="Made published at once, as the demo does",
        consent=True,
        is_published=True,
        inert_text="x",
        inert_display_name="",
        inert_city="",
    )
    assert pagecache.generation("relay") == before + 3


def test_the_country_list_is_shared_by_forms_and_still_checked() -> None:
    """The message form's country field is not deep-copied with each form (issue 12's intake CPU)."""
    first, second = MessageForm().fields["country"], MessageForm().fields["country"]
    assert isinstance(first, FixedChoiceField) and isinstance(second, FixedChoiceField)
    assert first is not second and first.widget is not second.widget
    assert first.choices is second.choices
    first.widget.attrs["class"] = "changed"
    assert "class" not in second.widget.attrs
    base = {"text": "We stand with you.", "consent": "on"}
    assert MessageForm({**base, "country": "IR"}).is_valid()
    refused = MessageForm({**base, "country": "XX"})
    assert not refused.is_valid() and "country" in refused.errors
    assert '<option value="IR">' in str(MessageForm()["country"])
