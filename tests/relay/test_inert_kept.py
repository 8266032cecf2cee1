"""Issue 12: the inert forms are kept with a message when it is published, and only they go out (SR-16).

The feeds, the wall and the bundles read `Message.inert_text` (and the name, city and
translations alike) instead of cleaning every text on every request. These tests hold that what is
stored is exactly `make_inert` of what was sent, that a published row cannot lack it, and that the
outputs never read the text as sent.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solidarity.core.models import User
from solidarity.relay import inert, selectors, services
from solidarity.relay.inert import is_inert, make_inert
from solidarity.relay.models import Message, Translation
from tests.conftest import clear_cache
from tests.relay.conftest import submit

pytestmark = pytest.mark.django_db

HOSTILE = "Visit hxxps://evil[.]example or call +98 912 345 6789 <script>alert(1)</script> **now**"
# Arbitrary text with the characters attacks use: bidi controls, zero-width, both directions.
ATTACK_CHARACTERS = "\u202e\u202d\u2066\u2067\u2069\u200b\u200c\u200d\ufeff<>[]()@:/.#*_`~"
texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),  # no lone surrogates
        st.sampled_from(ATTACK_CHARACTERS),
        st.sampled_from("abc http www .com ۰۹۱۲ ما با شما"),
    ),
    min_size=1,
    max_size=300,
).filter(lambda text: text.strip() != "")


def _approve(moderator: User, *messages: Message) -> None:
    services.decide_messages(
        message_ids=[message.pk for message in messages], moderator=moderator, decision="approve", reason="fine"
    )


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=texts, name=st.text(max_size=90), city=st.text(max_size=90))
def test_the_stored_forms_are_make_inert_of_what_was_sent(moderator: User, text: str, name: str, city: str) -> None:
    message = submit(text, display_name=name, city=city)
    if message.status not in {Message.Status.SCREENED, Message.Status.HELD}:  # an empty text after cleaning
        return
    _approve(moderator, message)
    message.refresh_from_db()
    if not message.is_published:  # a near-duplicate of a message already published stands for it
        return
    assert message.inert_text == make_inert(message.text)
    assert message.inert_display_name == make_inert(message.display_name, max_length=80)
    assert message.inert_city == make_inert(message.city, max_length=80)
    for stored in (message.inert_text, message.inert_display_name, message.inert_city):
        assert is_inert(stored), stored
    clear_cache()  # the feeds are cached pages; read them fresh
    document = Client().get(f"/relay/feeds/{message.language or 'und'}.json")
    if document.status_code == 200:
        items = {item["id"].rsplit(":", 1)[1]: item for item in document.json()["items"]}
        assert items[message.public_id]["content_text"] == message.inert_text


def test_only_the_kept_forms_reach_the_feeds_the_wall_and_the_bundle(
    moderator: User, translator: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = submit(HOSTILE, display_name="<b>Ana</b> @ana_x", city="Tehran www.x.ir")
    clean = submit("ما با شما هستیم. زن، زندگی، آزادی")
    _approve(moderator, hostile, clean)
    services.translate_message(
        message=hostile, language="fa", text="ببینید hxxps://evil[.]example", translator=translator
    )
    hostile.refresh_from_db()
    assert hostile.inert_text == make_inert(HOSTILE) and "evil" not in hostile.inert_text
    assert Translation.objects.get(message=hostile).inert_text == make_inert("ببینید hxxps://evil[.]example")

    # Nothing cleans text on the way out any more: were anything to call make_inert, it would fail.
    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("text cleaned per request")

    monkeypatch.setattr(inert, "make_inert", refuse)
    monkeypatch.setattr(services, "make_inert", refuse)
    client = Client()
    bodies = []
    with CaptureQueriesContext(connection) as queries:
        for path in ("/relay/feeds/en.json", "/relay/feeds/fa.atom", "/en/relay/", "/fa/relay/"):
            response = client.get(path)
            assert response.status_code == 200, path
            bodies.append(response.content.decode())
    for body in bodies:
        # The phone number's digits as written, not "912" alone: that also turns up inside random public ids.
        assert "evil" not in body and "<b>Ana" not in body and "345 6789" not in body and "ana_x" not in body
    assert escape(hostile.inert_text) in bodies[2]  # the English wall shows the kept form
    # The outputs never select the text as sent: the raw columns are deferred, and nothing loads them.
    for query in queries.captured_queries:
        sql = query["sql"]
        if 'FROM "relay_message"' in sql:
            assert '"relay_message"."text"' not in sql and '"relay_message"."display_name"' not in sql, sql
        if 'FROM "relay_translation"' in sql:
            assert '"relay_translation"."text"' not in sql, sql
    outgoing = selectors.outgoing_messages(selectors.approved_for_transmission())
    assert {item.text for item in outgoing} == {hostile.inert_text, make_inert("ما با شما هستیم. زن، زندگی، آزادی")}


def test_a_published_message_or_a_translation_cannot_be_stored_without_its_inert_form(moderator: User) -> None:
    message = submit("We stand with you")
    with pytest.raises(IntegrityError), transaction.atomic():
        Message.objects.filter(pk=message.pk).update(status=Message.Status.APPROVED, is_published=True)
    _approve(moderator, message)
    with pytest.raises(IntegrityError), transaction.atomic():
        Message.objects.filter(pk=message.pk).update(inert_text=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Translation.objects.create(message=message, language="fa", text="ما با شما هستیم")


def test_reclean_stores_the_forms_of_the_current_rule_again(
    moderator: User, translator: User, capsys: pytest.CaptureFixture[str]
) -> None:
    message = submit("We stand with you, see www.example.org", city="Berlin")
    _approve(moderator, message)
    services.translate_message(message=message, language="fa", text="ما با شما هستیم", translator=translator)
    Message.objects.filter(pk=message.pk).update(inert_text="stale", inert_city="stale")
    Translation.objects.filter(message=message).update(inert_text="stale")
    call_command("relay", "reclean")
    assert "updated the inert forms of 2 rows" in capsys.readouterr().out
    message.refresh_from_db()
    assert (message.inert_text, message.inert_city) == (make_inert(message.text), "Berlin")
    assert Translation.objects.get(message=message).inert_text == "ما با شما هستیم"
    call_command("relay", "reclean")
    assert "updated the inert forms of 0 rows" in capsys.readouterr().out


BEFORE = [("relay", "0002_delivery_signature")]
AFTER = [("relay", "0004_published_text_is_kept_inert")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_forms_of_rows_published_before_it() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old_apps = executor.loader.project_state(BEFORE).apps
        old_message = old_apps.get_model("relay", "Message")
        published = old_message.objects.create(
            public_id="old000000001",
            text=HOSTILE,
            display_name="Ana @x",
            city="",
            consent=True,
            status="approved",
            is_published=True,
        )
        old_message.objects.create(public_id="old000000002", text="held www.x.ir", consent=True, status="held")
        old_apps.get_model("relay", "Translation").objects.create(
            message_id=published.pk, language="fa", text="<i>ما</i> با شما"
        )
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        # The models as of AFTER: today's have columns later migrations add (advertising_score).
        after_apps = executor.loader.project_state(AFTER).apps
        after_message = after_apps.get_model("relay", "Message")
        kept = after_message.objects.get(public_id="old000000001")
        assert (kept.inert_text, kept.inert_display_name, kept.inert_city) == (
            make_inert(HOSTILE),
            make_inert("Ana @x", max_length=80),
            "",
        )
        assert after_message.objects.get(public_id="old000000002").inert_text is None  # not published: nothing kept
        after_translation = after_apps.get_model("relay", "Translation")
        assert after_translation.objects.get(message=kept).inert_text == make_inert("<i>ما</i> با شما")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        Message.objects.filter(public_id__startswith="old0000000").delete()
