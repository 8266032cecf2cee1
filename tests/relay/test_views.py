"""The pages, as a person without JavaScript uses them, and the privacy promises (SR-04, 05, 12, 14)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable

import feedparser
import pytest
from django.core.management import call_command
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from solidarity.core.models import User
from solidarity.relay import conf, pow, services
from solidarity.relay.channels import bundle
from solidarity.relay.models import Message, Transmission
from tests.conftest import cache_keys
from tests.relay.conftest import submit

pytestmark = pytest.mark.django_db

IP = "203.0.113.77"
UA = "RelayTestAgent/9.9 (unique-ua-7f3c2a)"


def _form(client: Client, language: str = "en") -> dict[str, str]:
    page = client.get(f"/{language}/relay/send/")
    assert page.status_code == 200
    token = re.search(r'name="wait_token" value="([^"]+)"', page.content.decode())
    assert token is not None
    return {"wait_token": token.group(1), "consent": "on"}


def test_no_js_submission_in_english_and_persian() -> None:
    client = Client(REMOTE_ADDR=IP, HTTP_USER_AGENT=UA)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            "/en/relay/send/", {**_form(client), "text": "We stand with you, people of Iran", "display_name": "Ana"}
        )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/relay/send/thanks/")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/fa/relay/send/", {**_form(client, "fa"), "text": "ما با شما هستیم. زن، زندگی، آزادی"})
    assert response.status_code == 302
    assert Message.objects.count() == 2
    assert set(Message.objects.values_list("language", flat=True)) == {"en", "fa"}
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "پیام شما با اطمینان ذخیره شد" in thanks.content.decode()  # acknowledged, in Persian


def test_wait_token_is_single_use_and_needs_the_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    client = Client()
    data = {**_form(client), "text": "We stand with you"}
    assert client.post("/en/relay/send/", data).status_code == 302
    assert client.post("/en/relay/send/", data).status_code == 400  # replayed
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "60")
    too_fast = client.post("/en/relay/send/", {**_form(client), "text": "We stand with you"})
    assert too_fast.status_code == 400
    assert Message.objects.count() == 1


def test_altcha_lane_verifies_and_refuses_replays_and_forgeries() -> None:
    client = Client()
    challenge = client.get("/relay/pow.json").json()
    payload = pow.solve_for_tests(challenge)
    data = {"consent": "on", "text": "We stand with you", "altcha": payload}
    assert client.post("/en/relay/send/", data).status_code == 302
    assert client.post("/en/relay/send/", data).status_code == 400  # replay
    forged = json.loads(__import__("base64").b64decode(pow.solve_for_tests(client.get("/relay/pow.json").json())))
    forged["signature"] = "0" * 64
    forged_payload = __import__("base64").b64encode(json.dumps(forged).encode()).decode()
    assert client.post("/en/relay/send/", {**data, "altcha": forged_payload}).status_code == 400
    assert Message.objects.count() == 1


def test_rate_limit_answers_429(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_PER_HOUR", "2")
    client = Client(REMOTE_ADDR=IP)
    codes = [
        client.post("/en/relay/send/", {**_form(client), "text": f"We stand with you {i}"}).status_code
        for i in range(4)
    ]
    assert codes == [302, 302, 429, 429]
    limited = client.post("/en/relay/send/", {**_form(client), "text": "We stand with you <b>again</b>"})
    assert limited.status_code == 429
    page = limited.content.decode()
    assert "We stand with you &lt;b&gt;again&lt;/b&gt;" in page  # given back to copy, escaped
    assert 'name="wait_token"' not in page  # a short page: the form is not rendered again
    persian = Client(REMOTE_ADDR=IP)
    assert "ساعت گذشته" in persian.post("/fa/relay/send/", {**_form(persian, "fa"), "text": "x y"}).content.decode()
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert other.post("/en/relay/send/", {**_form(other), "text": "We stand with you"}).status_code == 302


def test_circuit_breaker_raises_difficulty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_BREAKER_PER_MINUTE", "3")
    easy = pow.issue_challenge()["maxnumber"]
    for _ in range(3):
        pow.count_submission()
    assert pow.is_under_load()
    assert pow.issue_challenge()["maxnumber"] > easy
    assert pow.wait_seconds() == 2 * conf.relay_settings().nojs_wait_seconds


def test_no_ip_or_user_agent_is_kept(
    caplog: pytest.LogCaptureFixture, moderator: User, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    client = Client(REMOTE_ADDR=IP, HTTP_USER_AGENT=UA)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            "/en/relay/send/", {**_form(client), "text": "We stand with you", "contact": "secret-contact@example.org"}
        )
    assert response.status_code == 302
    services.decide_messages(
        message_ids=list(Message.objects.values_list("id", flat=True)),
        moderator=moderator,
        decision="approve",
        reason="fine",
    )
    capsys.readouterr()
    call_command("dumpdata", format="json", indent=0)
    dump = capsys.readouterr().out
    assert "We stand with you" in dump  # the dump did capture the relay tables
    for secret in (IP, UA, "unique-ua-7f3c2a", "secret-contact@example.org"):
        assert secret not in dump
        assert secret not in caplog.text
    keys = cache_keys()
    assert keys  # the rate-limit and replay keys are there, opaque
    assert not any(IP in str(key) or "unique-ua" in str(key) for key in keys)
    media = list(conf.relay_dir().rglob("*"))
    for path in media:
        if path.is_file():
            content = path.read_bytes()
            assert IP.encode() not in content
            assert b"unique-ua" not in content


def test_wall_feeds_and_verify_page(moderator: User) -> None:
    message = submit("We stand with you, visit www.evil.example", display_name="Ana <b>x</b>")
    clean = submit("ما با شما هستیم. زن، زندگی، آزادی")
    services.decide_messages(message_ids=[message.pk, clean.pk], moderator=moderator, decision="approve", reason="fine")
    client = Client()
    for language in ("en", "fa"):
        wall = client.get(f"/{language}/relay/").content.decode()
        assert "ما با شما هستیم" in wall
        assert "evil.example" not in wall  # the wall shows inert text
        assert "<b>x</b>" not in wall
    atom = client.get("/relay/feeds/fa.atom")
    assert atom["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(atom.content)
    assert not parsed.bozo
    assert len(parsed.entries) == 1
    document = client.get("/relay/feeds/en.json").json()
    assert document["items"][0]["content_text"] == "We stand with you, visit …"
    assert client.get("/relay/feeds/de.json").status_code == 404  # no German message is published yet
    german = submit("Wir stehen an eurer Seite, Menschen im Iran. Frau, Leben, Freiheit.")
    assert german.language == "de"
    services.decide_messages(message_ids=[german.pk], moderator=moderator, decision="approve", reason="fine")
    german_feed = feedparser.parse(client.get("/relay/feeds/de.atom").content)
    assert not german_feed.bozo
    assert [entry.title for entry in german_feed.entries if "Seite" in entry.summary]
    assert client.get("/relay/feeds/de.json").json()["items"]
    assert client.get("/relay/feeds/xx.json").status_code == 404
    second = submit("Wir sind bei euch. Frau, Leben, Freiheit, für alle Menschen im Iran.")
    # The decision makes the cached wall stale once it commits (an arrival alone leaves it be).
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.decide_messages(message_ids=[second.pk], moderator=moderator, decision="approve", reason="fine")
    assert client.get("/en/relay/").content.decode().count("/relay/feeds/de.atom") == 1  # once per language
    verify = client.get("/fa/relay/verify/").content.decode()
    assert conf.signing_fingerprint() in verify
    assert conf.signing_openpgp_fingerprint() in verify and "gpg --verify MANIFEST.json.asc MANIFEST.json" in verify


def test_staff_pages_need_the_moderator_role(
    translator: User, moderator: User, staff_client: Callable[[User], Client]
) -> None:
    anonymous = Client()
    assert anonymous.get("/en/staff/relay/queue/").status_code == 302
    assert staff_client(translator).get("/en/staff/relay/queue/").status_code == 403
    assert staff_client(translator).get("/en/staff/relay/translations/").status_code == 200
    assert staff_client(translator).get("/en/staff/relay/transmissions/").status_code == 403
    for language in ("en", "fa"):
        assert staff_client(moderator).get(f"/{language}/staff/relay/queue/").status_code == 200


def test_moderate_translate_and_release_through_the_pages(
    moderator: User, moderator2: User, translator: User, staff_client: Callable[[User], Client]
) -> None:
    spam = [submit("Cheap VPN, best price, buy now at vpn-shop.com" + "!" * i) for i in range(3)]
    clean = submit("We stand with you, people of Iran")
    first = staff_client(moderator)
    queue = first.get("/en/staff/relay/queue/?status=held&reason=link").content.decode()
    assert "Cheap VPN" in queue
    assert "relay-queue.js" in queue
    response = first.post(
        "/en/staff/relay/queue/decide/",
        {"ids": [spam[0].pk], "decision": "reject", "reason": "commercial", "whole_clusters": "on"},
    )
    assert response.status_code == 302
    assert Message.objects.filter(status=Message.Status.REJECTED).count() == 3
    bad = first.post("/en/staff/relay/queue/decide/", {"ids": [clean.pk], "decision": "approve", "reason": "spam"})
    assert bad.status_code == 302
    assert Message.objects.get(pk=clean.pk).status == Message.Status.SCREENED
    first.post("/fa/staff/relay/queue/decide/", {"ids": [clean.pk], "decision": "approve", "reason": "fine"})
    assert Message.objects.get(pk=clean.pk).status == Message.Status.APPROVED
    translator_client = staff_client(translator)
    assert clean.public_id in translator_client.get("/fa/staff/relay/translations/?to=fa").content.decode()
    translator_client.post(
        f"/fa/staff/relay/translations/{clean.public_id}/?to=fa", {"text": "ما کنار شما هستیم، مردم ایران"}
    )
    assert clean.translations.get().is_machine is False
    with TestCase.captureOnCommitCallbacks(execute=True):
        first.post("/en/staff/relay/transmissions/", {"kind": "bundle", "day": "2026-03-02"})
    transmission = Transmission.objects.get()
    assert transmission.status == Transmission.Status.BUILT
    first.post(f"/en/staff/relay/transmissions/{transmission.pk}/approve/")
    first.post(f"/en/staff/relay/transmissions/{transmission.pk}/approve/")  # the same person again: refused
    transmission.refresh_from_db()
    assert transmission.status == Transmission.Status.BUILT
    second = staff_client(moderator2)
    second.post(f"/fa/staff/relay/transmissions/{transmission.pk}/approve/")
    transmission.refresh_from_db()
    assert transmission.status == Transmission.Status.APPROVED
    unsigned = b"".join(second.get(f"/en/staff/relay/transmissions/{transmission.pk}/unsigned.zip").streaming_content)  # type: ignore[attr-defined]
    key = bundle.load_signing_key(conf.offline_keys_dir() / "relay-signing.key")
    signed = bundle.sign_bundle(unsigned, key)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with TestCase.captureOnCommitCallbacks(execute=True):
        second.post(
            f"/en/staff/relay/transmissions/{transmission.pk}/signed/",
            {"signed": SimpleUploadedFile("b.signed.zip", signed)},
        )
    transmission.refresh_from_db()
    assert transmission.status == Transmission.Status.RELEASED
    download = Client().get(f"/relay/bundles/{transmission.pk}.zip")
    data = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert bundle.verify_bundle(data, expected_fingerprint=conf.signing_fingerprint()).messages == 1
    for language in ("en", "fa"):
        page = first.get(f"/{language}/staff/relay/transmissions/{transmission.pk}/")
        assert page.status_code == 200


@override_settings(STAFF_HOSTS=["staff.example.onion"], ALLOWED_HOSTS=["public.example.org", "staff.example.onion"])
def test_public_host_has_no_staff_pages(moderator: User, staff_client: Callable[[User], Client]) -> None:
    """SR-13: moderation, translation and transmissions exist only on the staff host."""
    client = staff_client(moderator)
    staff_paths = [
        reverse("relay:queue"),
        reverse("relay:translations"),
        reverse("relay:transmissions"),
        reverse("relay:transmission", args=[1]),
    ]
    for path in staff_paths:
        assert client.get(path, HTTP_HOST="public.example.org").status_code == 404, path
    for path in staff_paths[:3]:
        assert client.get(path, HTTP_HOST="staff.example.onion").status_code == 200, path
    for path in ("/en/relay/", "/fa/relay/send/", "/en/relay/verify/", "/relay/feeds/fa.atom"):
        page = client.get(path, HTTP_HOST="public.example.org")
        assert page.status_code == 200, path
        assert b"/staff/" not in page.content


def test_persian_pages_are_translated() -> None:
    client = Client()
    send = client.get("/fa/relay/send/").content.decode()
    assert "یک پیام همبستگی بفرستید" in send
    assert 'dir="rtl"' in send
    wall = client.get("/fa/relay/").content.decode()
    assert "پیام‌های همبستگی" in wall
    assert "style=" not in send
    assert "<script>" not in send


@pytest.mark.slow
def test_flood_keeps_every_genuine_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spam from a few addresses mixed with genuine messages from many: none genuine is lost."""
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_PER_HOUR", "5")
    # The per-address limits are what this test is about; the lane's global budget a minute (which
    # stores messages past it queue-only) has its own tests (test_onion_limits.py).
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_PER_MINUTE", "100000")
    spammers = [Client(REMOTE_ADDR=f"198.51.100.{i}") for i in range(1, 4)]
    codes: list[int] = []
    genuine = 0
    for index in range(330):
        if index % 11 == 5:
            client = Client(REMOTE_ADDR=f"10.0.{genuine}.1")
            text = f"We stand with you, people of Iran. Genuine message {genuine}."
            genuine += 1
        else:
            client = spammers[index % 3]
            text = "Hot girls in Tehran want to meet you tonight, telegram @hotgirls" + "!" * (index % 4)
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = client.post(
                "/en/relay/send/", {"text": text, "consent": "on", "wait_token": pow.issue_wait_token()}
            )
        codes.append(response.status_code)
    assert all(code < 500 for code in codes)
    assert codes.count(429) >= 250, {code: codes.count(code) for code in set(codes)}  # spammers hit their limit
    stored = Message.objects.filter(text__contains="Genuine message")
    assert stored.count() == genuine == 30
    assert not stored.filter(status=Message.Status.RECEIVED).exists()
    assert Message.objects.filter(text__contains="Hot girls").count() == 15  # 5 per spamming address
    assert Message.objects.filter(text__contains="Hot girls").values("cluster").distinct().count() == 1


def test_queue_reveals_bidi_tricks(moderator: User, staff_client: Callable[[User], Client]) -> None:
    submit("We are with you \u202emoc.live\u202c")
    page = staff_client(moderator).get("/en/staff/relay/queue/").content.decode()
    assert "[U+202E]" in page
    assert "\u202e" not in page


def test_queue_shows_the_advertising_score_in_the_readers_digits(
    moderator: User, staff_client: Callable[[User], Client]
) -> None:
    ad = submit("Meet your Persian Love Today!")  # no rule names it: only the classifier holds it
    genuine = submit("We stand with you, people of Iran. Woman, life, freedom!")
    assert ad.status == Message.Status.HELD and ad.screening_reasons == ["advertising"]
    assert ad.advertising_score is not None and ad.advertising_score >= 0.65
    assert genuine.advertising_score is not None and genuine.advertising_score < 0.65
    client = staff_client(moderator)
    english = client.get("/en/staff/relay/queue/").content.decode()
    assert f"advertising score {ad.advertising_score:.2f} (held from 0.65)" in english
    assert f"advertising score {genuine.advertising_score:.2f} (held from 0.65)" in english
    persian = client.get("/fa/staff/relay/queue/").content.decode()
    shown = f"{ad.advertising_score:.2f}".translate(str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫"))
    assert shown in persian and "۰٫۶۵" in persian
    assert "advertising score" not in persian  # translated
