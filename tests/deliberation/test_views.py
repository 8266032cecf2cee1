"""Pages, driven with the Django test client (no JavaScript)."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, EncryptedTOTPDevice, User
from solidarity.deliberation import services
from solidarity.deliberation.models import Charter, Conversation, Participant, ResultVersion, Statement, Vote
from solidarity.deliberation.views import COOKIE
from tests.conftest import cache_keys, verified_client

pytestmark = pytest.mark.django_db

StaffClient = Callable[[User], Client]
IP = "203.0.113.77"
UA = "UniqueAgent/9.9-deliberation"


def vote_through(client: Client, conversation: Conversation, count: int, language: str = "en") -> list[int]:
    numbers = []
    for _ in range(count):
        page = client.get(f"/{language}/deliberation/{conversation.pk}/")
        assert page.status_code == 200
        statement = page.context["statement"]
        if statement is None:
            break
        numbers.append(statement.number)
        data = {"statement": statement.number, "value": "1"}
        if page.context["is_newcomer"]:  # a public newcomer's first vote carries the page's wait token
            data["wait_token"] = page.context["wait_token"]
        response = client.post(f"/{language}/deliberation/{conversation.pk}/vote/", data)
        assert response.status_code == 302
    return numbers


def test_public_visitor_votes_without_an_account_and_without_js(conversation: Conversation) -> None:
    client = Client()
    assert client.get("/en/deliberation/").status_code == 200
    numbers = vote_through(client, conversation, 12)
    assert sorted(numbers) == list(range(12))
    assert Participant.objects.filter(conversation=conversation).count() == 1
    assert Vote.objects.count() == 12
    done = client.get(f"/en/deliberation/{conversation.pk}/")
    assert done.context["statement"] is None


def test_persian_pages_show_persian_translation_labelled(conversation: Conversation) -> None:
    client = Client()
    page = client.get(f"/fa/deliberation/{conversation.pk}/")
    text = page.content.decode()
    assert "گزاره" in text
    assert page.context["is_translation"]
    assert 'dir="rtl"' in text


def test_statement_submission_waits_for_moderation(
    conversation: Conversation, moderator: User, staff_client: StaffClient
) -> None:
    client = Client()
    token = client.get(f"/en/deliberation/{conversation.pk}/").context["wait_token"]
    response = client.post(
        f"/en/deliberation/{conversation.pk}/statements/",
        {"text": "Free and fair elections", "language": "en", "wait_token": token},
    )
    assert response.status_code == 302
    statement = Statement.objects.get(text="Free and fair elections")
    assert statement.status == Statement.Status.PENDING
    staff = staff_client(moderator)
    queue = staff.get(f"/en/staff/deliberation/{conversation.pk}/moderation/")
    assert "Free and fair elections" in queue.content.decode()
    staff.post(
        f"/en/staff/deliberation/{conversation.pk}/statements/{statement.number}/decision/", {"decision": "accept"}
    )
    statement.refresh_from_db()
    assert statement.status == Statement.Status.ACCEPTED


def test_no_ip_or_user_agent_is_stored(
    conversation: Conversation,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    django_capture_on_commit_callbacks: Callable[..., Any],
    settings: Any,
) -> None:
    """SR-05: the address and user agent appear in no table, log line or cache key; nor does the cookie token."""
    settings.JOBS_BACKEND = "immediate"  # the recompute job runs, so its tables are in the dump too
    caplog.set_level(logging.DEBUG)
    client = Client(REMOTE_ADDR=IP, HTTP_USER_AGENT=UA)
    with django_capture_on_commit_callbacks(execute=True):
        vote_through(client, conversation, 3)
        token = client.get(f"/en/deliberation/{conversation.pk}/").context["wait_token"]
        client.post(
            f"/en/deliberation/{conversation.pk}/statements/",
            {"text": "Something new", "language": "en", "wait_token": token},
        )
    assert Statement.objects.filter(text="Something new").exists()
    assert ResultVersion.objects.filter(conversation=conversation).exists()
    cookie = client.cookies[COOKIE].value
    capsys.readouterr()
    call_command("dumpdata", format="json", indent=0)
    dump = capsys.readouterr().out
    assert "Something new" in dump and "deliberation.resultversion" in dump  # the dump holds our tables
    raw_token = cookie.split(":")[0]
    for secret in (IP, UA, raw_token):
        assert secret not in dump
    for secret in (IP, UA):
        assert secret not in caplog.text
    keys = cache_keys()
    assert any("deliberation" in key for key in keys)  # the rate-limit counters are there, opaque
    assert not any(IP in key or "UniqueAgent" in key for key in keys)


def test_meta_statement_is_shown_labelled_and_takes_a_vote(conversation: Conversation, organizer: User) -> None:
    for statement in conversation.statements.exclude(number=4):
        services.withdraw_statement(statement=statement, organizer=organizer)
    meta = conversation.statements.get(number=4)
    services.moderate_statement(statement=meta, moderator=organizer, decision="meta")
    client = Client()
    page = client.get(f"/en/deliberation/{conversation.pk}/")
    assert page.context["statement"] == meta
    assert "About this conversation itself" in page.content.decode()
    assert "دربارهٔ خود این گفت‌وگو" in client.get(f"/fa/deliberation/{conversation.pk}/").content.decode()
    token = page.context["wait_token"]
    client.post(f"/en/deliberation/{conversation.pk}/vote/", {"statement": 4, "value": "-1", "wait_token": token})
    assert Vote.objects.get().statement == meta


def test_votes_are_rate_limited(conversation: Conversation, monkeypatch: pytest.MonkeyPatch) -> None:
    from solidarity.deliberation import views

    monkeypatch.setattr(views, "VOTES_PER_HOUR", 2)
    client = Client()
    token = client.get(f"/en/deliberation/{conversation.pk}/").context["wait_token"]
    statuses = [
        client.post(
            f"/en/deliberation/{conversation.pk}/vote/", {"statement": n, "value": "1", "wait_token": token}
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_vote_on_rejected_statement_is_refused_with_a_message(conversation: Conversation, organizer: User) -> None:
    statement = conversation.statements.get(number=5)
    services.moderate_statement(statement=statement, moderator=organizer, decision="reject")
    client = Client()
    token = client.get(f"/en/deliberation/{conversation.pk}/").context["wait_token"]
    response = client.post(
        f"/en/deliberation/{conversation.pk}/vote/", {"statement": 5, "value": "1", "wait_token": token}, follow=True
    )
    assert "no longer takes votes" in response.content.decode()
    assert not Vote.objects.exists()


def test_delegates_only_conversation(organizer: User, delegates: list[Delegate], outsider: User) -> None:
    conversation = services.open_conversation(
        organizer=organizer,
        topic_en="Delegates",
        question_en="Q?",
        seed_statements=[services.SeedStatement("One", "en")],
    )
    anonymous = Client()
    page = anonymous.get(f"/en/deliberation/{conversation.pk}/")
    assert not page.context["can_take_part"]
    assert (
        anonymous.post(f"/en/deliberation/{conversation.pk}/vote/", {"statement": 0, "value": "1"}).status_code == 404
    )
    delegate = delegates[0]
    delegate.user = outsider
    delegate.save()
    # A password alone no longer speaks for a delegate (issue 13): no second factor, no vote.
    password_only = Client()
    password_only.force_login(outsider)
    assert not password_only.get(f"/en/deliberation/{conversation.pk}/").context["can_take_part"]
    assert (
        password_only.post(f"/en/deliberation/{conversation.pk}/vote/", {"statement": 0, "value": "1"}).status_code
        == 404
    )
    EncryptedTOTPDevice.objects.create(user=outsider, name="test", confirmed=True)
    member = verified_client(outsider)
    vote_through(member, conversation, 1)
    participant = Participant.objects.get(conversation=conversation)
    assert participant.delegate == delegate


def test_report_page_shows_map_groups_and_common_ground(conversation: Conversation) -> None:
    for i in range(20):
        participant = services.join(conversation=conversation, anonymous_token=f"t{i}")
        for statement in conversation.statements.all():
            agree = statement.number < 2 or statement.number % 2 == i % 2
            services.cast_vote(participant=participant, statement=statement, value=1 if agree else -1)
    services.compute_results(conversation=conversation)
    for language in ("en", "fa"):
        page = Client().get(f"/{language}/deliberation/{conversation.pk}/report/")
        body = page.content.decode()
        assert page.status_code == 200
        assert "<svg" in body
        assert body.count("<circle") == 20
        assert "style=" not in body
        assert "<script>" not in body
    assert [row.statement.number for row in page.context["report"].common_ground[:2]] == [0, 1]


def test_group_makeup_hides_small_cells(organizer: User, delegates: list[Delegate]) -> None:
    conversation = services.open_conversation(
        organizer=organizer,
        topic_en="Delegates",
        question_en="Q?",
        seed_statements=[services.SeedStatement(f"S{i}", "en") for i in range(8)],
    )
    for index, delegate in enumerate(delegates):
        user = User.objects.create_user(username=f"d{index}", password="x" * 20)
        delegate.user = user
        delegate.save()
        participant = services.join(conversation=conversation, user=user, delegate=delegate)
        for statement in conversation.statements.all():
            services.cast_vote(participant=participant, statement=statement, value=1 if index % 2 else -1)
    services.compute_results(conversation=conversation)
    page = Client().get(f"/en/deliberation/{conversation.pk}/report/")
    # six delegates in two camps of three: every cell is under five, so no make-up is shown
    assert "Teachers" not in page.content.decode()
    assert "Socialist" not in page.content.decode()


def test_staff_pages_need_roles(conversation: Conversation, outsider: User, staff_client: StaffClient) -> None:
    client = Client()
    assert client.get("/en/staff/deliberation/").status_code == 302
    signed_in = Client()
    signed_in.force_login(outsider)
    assert signed_in.get(f"/en/staff/deliberation/{conversation.pk}/moderation/").status_code in (302, 403)


def test_organizer_opens_imports_exports_and_builds_a_charter(
    organizer: User, staff_client: StaffClient, conversation: Conversation
) -> None:
    client = staff_client(organizer)
    assert client.get("/en/staff/deliberation/").status_code == 200
    response = client.post(
        "/en/staff/deliberation/",
        {
            "topic_en": "New",
            "topic_fa": "تازه",
            "question_en": "Q?",
            "question_fa": "پرسش؟",
            "participation": "public",
            "moderation": "strict",
            "seeds_en": "First\nSecond\n",
            "seeds_fa": "سوم\n",
        },
    )
    assert response.status_code == 302
    opened = Conversation.objects.get(topic_en="New")
    assert opened.statements.count() == 3
    # import: a bad file is refused whole
    bad = client.post(
        "/en/staff/deliberation/import/",
        {
            "participants_votes": io.BytesIO(b"participant,group-id\n1,\n"),
            "comments": io.BytesIO(
                b"timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
            ),
        },
        follow=True,
    )
    assert "Import refused" in bad.content.decode()
    assert not Conversation.objects.filter(imported=True).exists()
    good = client.post(
        "/en/staff/deliberation/import/",
        {
            "participants_votes": io.BytesIO(
                b"participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n1,,0,2,1,1,1,-1\n2,,0,1,0,0,0,\n"
            ),
            "comments": io.BytesIO(
                b"timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,1,1,0,1,A\n1,x,1,1,0,1,1,B\n"
            ),
            "topic": "Imported one",
        },
    )
    assert good.status_code == 302
    imported = Conversation.objects.get(imported=True)
    assert Vote.objects.filter(participant__conversation=imported).count() == 3
    exported = client.get(f"/en/staff/deliberation/{imported.pk}/export/participants-votes.csv")
    assert exported.status_code == 200
    assert exported.content.decode().startswith("participant,group-id")
    # charter
    vote_through(Client(), conversation, 12)
    services.compute_results(conversation=conversation)
    response = client.post(
        f"/en/staff/deliberation/{conversation.pk}/charters/new/", {"title_en": "Charter", "title_fa": "منشور"}
    )
    charter = Charter.objects.get(title_en="Charter")
    page = client.get(f"/fa/staff/deliberation/charters/{charter.pk}/")
    assert page.status_code == 200
    client.post(f"/en/staff/deliberation/charters/{charter.pk}/statements/0/")
    item = charter.items.get()
    assert item.support["agree"] == 1
    client.post(
        f"/en/staff/deliberation/charters/{charter.pk}/items/{item.pk}/", {"text_en": "Edited", "text_fa": "ویرایش"}
    )
    item.refresh_from_db()
    assert (item.text_en, item.text_fa) == ("Edited", "ویرایش")
    assert AuditEntry.objects.filter(action="deliberation.charter.item_edited").exists()
    assert reverse("deliberation:charter", args=[charter.pk]).endswith(f"/charters/{charter.pk}/")


def test_persian_interface_is_translated(conversation: Conversation) -> None:
    page = Client().get(f"/fa/deliberation/{conversation.pk}/").content.decode()
    assert "موافقم" in page
    assert "مخالفم" in page
    assert "افزودن گزاره" in page
    assert ">Agree<" not in page


def test_anonymous_statement_needs_the_proof_of_work_wait(
    conversation: Conversation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "60")
    client = Client()
    page = client.get(f"/en/deliberation/{conversation.pk}/")
    token = page.context["wait_token"]
    assert token
    url = f"/en/deliberation/{conversation.pk}/statements/"
    too_soon = client.post(url, {"text": "Hasty", "language": "en", "wait_token": token}, follow=True)
    assert "take a moment" in too_soon.content.decode()
    missing = client.post(url, {"text": "No token", "language": "en"}, follow=True)
    assert "take a moment" in missing.content.decode()
    assert not Statement.objects.filter(text__in=["Hasty", "No token"]).exists()
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "0")
    client.post(url, {"text": "Patient", "language": "en", "wait_token": token})
    replay = client.post(url, {"text": "Replayed", "language": "en", "wait_token": token}, follow=True)
    assert Statement.objects.filter(text="Patient").exists()
    assert "take a moment" in replay.content.decode()


def test_anonymous_statements_feed_the_relays_circuit_breaker(
    conversation: Conversation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from solidarity.relay import pow as relay_pow

    monkeypatch.setenv("SOLIDARITY_RELAY_BREAKER_PER_MINUTE", "3")
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "0")
    url = f"/en/deliberation/{conversation.pk}/statements/"
    for index in range(3):
        client = Client(REMOTE_ADDR=f"198.51.100.{index}")
        token = client.get(f"/en/deliberation/{conversation.pk}/").context["wait_token"]
        client.post(url, {"text": f"Flood {index}", "language": "en", "wait_token": token})
    assert Statement.objects.filter(text__startswith="Flood").count() == 3
    assert relay_pow.is_under_load()  # so every no-JS sender now waits twice as long
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "30")
    assert relay_pow.wait_seconds() == 60


def test_organizer_closes_and_reopens(conversation: Conversation, organizer: User, staff_client: StaffClient) -> None:
    client = staff_client(organizer)
    client.post(f"/en/staff/deliberation/{conversation.pk}/open/", {"open": "0"})
    conversation.refresh_from_db()
    assert not conversation.is_open
    page = Client().get(f"/en/deliberation/{conversation.pk}/")
    assert "This conversation is closed." in page.content.decode()
    client.post(f"/en/staff/deliberation/{conversation.pk}/open/", {"open": "1"})
    conversation.refresh_from_db()
    assert conversation.is_open


def test_a_public_participant_is_minted_only_with_the_proof_of_work(
    conversation: Conversation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each vote without a cookie used to create a participant; now the first needs the relay's wait token."""
    url = f"/en/deliberation/{conversation.pk}/vote/"
    bot = Client()
    for _ in range(5):
        refused = bot.post(url, {"statement": 0, "value": "1"}, follow=True)
        assert "Please read for a moment" in refused.content.decode()
    assert bot.post(url, {"statement": 0, "value": "1", "wait_token": "forged"}).status_code == 302
    assert not Participant.objects.exists() and COOKIE not in bot.cookies
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "60")
    person = Client()
    page = person.get(f"/en/deliberation/{conversation.pk}/")
    token = page.context["wait_token"]
    assert f'name="wait_token" value="{token}"' in page.content.decode()  # in the vote form too
    person.post(url, {"statement": 0, "value": "1", "wait_token": token})  # too soon
    assert not Participant.objects.exists()
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "0")
    person.post(url, {"statement": 0, "value": "1", "wait_token": token})
    assert Participant.objects.count() == 1
    person.post(url, {"statement": 1, "value": "-1"})  # a participant's later votes need no proof
    assert Vote.objects.count() == 2
    # the same token cannot mint a second participant
    other = Client()
    other.post(url, {"statement": 0, "value": "1", "wait_token": token})
    assert Participant.objects.count() == 1


def test_the_participant_cookie_is_strict_short_lived_and_secure_on_https(
    conversation: Conversation, settings: Any
) -> None:
    client = Client()
    vote_through(client, conversation, 1)
    cookie = client.cookies[COOKIE]
    assert cookie["samesite"] == "Strict" and cookie["httponly"]
    assert int(cookie["max-age"]) == 7 * 24 * 3600
    assert not cookie["secure"]  # the test settings serve plain http
    settings.SESSION_COOKIE_SECURE = True
    settings.SECURE_SSL_REDIRECT = False
    https = Client()
    page = https.get(f"/en/deliberation/{conversation.pk}/", secure=True)
    https.post(
        f"/en/deliberation/{conversation.pk}/vote/",
        {"statement": page.context["statement"].number, "value": "1", "wait_token": page.context["wait_token"]},
        secure=True,
    )
    assert https.cookies[COOKIE]["secure"]


def test_new_participants_share_one_budget_an_hour_and_existing_ones_go_on(
    conversation: Conversation, settings: Any
) -> None:
    settings.DELIBERATION_NEW_PARTICIPANTS_PER_HOUR = 2
    first = Client()
    vote_through(first, conversation, 1)
    # every newcomer from one address (as on Tor) or from many counts against the same budget
    second = Client(REMOTE_ADDR="198.51.100.9")
    vote_through(second, conversation, 1)
    third = Client()
    page = third.get(f"/en/deliberation/{conversation.pk}/")
    full = third.post(
        f"/en/deliberation/{conversation.pk}/vote/",
        {"statement": page.context["statement"].number, "value": "1", "wait_token": page.context["wait_token"]},
    )
    assert full.status_code == 429
    assert "Please come back later" in full.content.decode()
    assert Participant.objects.count() == 2
    assert len(vote_through(first, conversation, 2)) == 2  # people already taking part are not affected


def test_public_results_say_the_conversation_is_open_to_anyone(conversation: Conversation, organizer: User) -> None:
    for path in (f"/en/deliberation/{conversation.pk}/", f"/en/deliberation/{conversation.pk}/report/"):
        assert "Open to anyone" in Client().get(path).content.decode()
    assert "برای همه باز" in Client().get(f"/fa/deliberation/{conversation.pk}/report/").content.decode()
    conversation.participation = Conversation.Participation.ACCOUNTS
    conversation.save()
    assert "Open to anyone" not in Client().get(f"/en/deliberation/{conversation.pk}/report/").content.decode()
