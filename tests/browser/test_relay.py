"""Headless Chromium: send a message in Persian without JavaScript and in English with it (ALTCHA),
moderate, translate, approve a bundle by two moderators, sign it offline, upload, download and
verify it, and open its pages with the network cut. Screenshots in both languages.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from solidarity.relay import conf
from solidarity.relay.channels import bundle
from solidarity.relay.models import Message, Transmission
from tests.browser.conftest import screenshot, sign_in, watch
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fast_lanes(monkeypatch: pytest.MonkeyPatch, settings: object) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "0")
    monkeypatch.setenv("SOLIDARITY_RELAY_POW_MAX", "3000")
    settings.JOBS_BACKEND = "immediate"  # type: ignore[attr-defined]  # pytest-django settings wrapper


def _context(chromium, problems: list[str], live_url: str, *, java_script: bool = True):
    # Under the site's no-referrer policy Chromium sends "Origin: null" on form POSTs, which
    # Django's CSRF check refuses; a real same-origin visit sends the site's origin.
    context = chromium.new_context(
        viewport={"width": 1100, "height": 900},
        java_script_enabled=java_script,
        extra_http_headers={"Origin": live_url},
    )
    page = context.new_page()

    watch(page, problems)
    return context, page


def test_send_without_and_with_javascript(chromium, live_url: str) -> None:
    problems: list[str] = []
    context, page = _context(chromium, problems, live_url, java_script=False)
    page.goto(f"{live_url}/fa/relay/send/")
    expect(page.locator("h1")).to_contain_text("پیام همبستگی")
    page.fill("textarea[name=text]", "ما با شما هستیم. زن، زندگی، آزادی")
    page.fill("input[name=display_name]", "مینا")
    page.check("input[name=consent]")
    screenshot(page, "relay-send-fa-nojs")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("سپاس")
    screenshot(page, "relay-thanks-fa")
    context.close()

    context, page = _context(chromium, problems, live_url, java_script=True)
    page.goto(f"{live_url}/en/relay/send/")
    page.fill("textarea[name=text]", "We stand with you, people of Iran. Woman, life, freedom!")
    page.check("input[name=consent]")
    page.wait_for_selector("form[data-pow=solved]", timeout=30_000)  # ALTCHA solved in the browser
    assert page.input_value("#relay-altcha")
    screenshot(page, "relay-send-en-js")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Thank you")
    context.close()
    assert not problems, problems
    assert Message.objects.count() == 2
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SCREENED}


def test_moderate_translate_release_and_open_offline(
    chromium,
    live_url: str,
    moderator,
    moderator2,
    translator,
    tmp_path: Path,
) -> None:
    from solidarity.relay import services

    for text in ("We stand with you, people of Iran", "Cheap VPN, best price, buy now at vpn-shop.com"):
        services.submit_message(submission=services.Submission(text=text, consent=True))
    problems: list[str] = []
    context, page = _context(chromium, problems, live_url)
    sign_in(page, live_url, "moderator", PASSWORD)
    page.goto(f"{live_url}/en/staff/relay/queue/")
    expect(page.locator("table.relay-queue")).to_contain_text("Cheap VPN")
    screenshot(page, "relay-queue-en")
    clean = Message.objects.get(text__startswith="We stand")
    page.check(f"input[name=ids][value='{clean.pk}']")
    page.select_option("#relay-decision", "approve")
    page.select_option("#relay-reason", "fine")
    page.click("text=Apply to selected")
    expect(page.locator(".messages")).to_contain_text("1 messages updated")
    # Keyboard: focus the first row with "j" typed on a Persian layout (the key marked J writes
    # "ت" there), then reject it as spam with "r".
    page.evaluate("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ت', code: 'KeyJ'}))")
    expect(page.locator("tr.relay-row.relay-current")).to_have_count(1)
    with page.expect_navigation():
        page.keyboard.press("r")
    assert Message.objects.get(text__startswith="Cheap").status == Message.Status.REJECTED
    moderator_context, moderator_page = context, page

    context, page = _context(chromium, problems, live_url)
    sign_in(page, live_url, "translator", PASSWORD, language="fa")
    page.goto(f"{live_url}/fa/staff/relay/translations/{clean.public_id}/?to=fa")
    page.fill("textarea[name=text]", "ما کنار شما هستیم، مردم ایران")
    page.click("form.stack button[type=submit]")
    screenshot(page, "relay-translations-fa")
    context.close()

    context, page = moderator_context, moderator_page  # signing in again would reuse the TOTP code
    page.goto(f"{live_url}/fa/staff/relay/transmissions/")
    page.select_option("select[name=kind]", "bundle")
    page.click("form.filters button[type=submit]")
    expect(page.locator("h1")).to_contain_text("#")
    transmission = Transmission.objects.get()
    page.click("form[action$='/approve/'] button")
    screenshot(page, "relay-transmission-fa")
    context.close()

    context, page = _context(chromium, problems, live_url)
    sign_in(page, live_url, "moderator2", PASSWORD)
    page.goto(f"{live_url}/en/staff/relay/transmissions/{transmission.pk}/")
    page.click("form[action$='/approve/'] button")
    with page.expect_download() as download_info:
        page.click("text=Download the unsigned file to sign offline")
    unsigned = Path(download_info.value.path()).read_bytes()
    key = bundle.load_signing_key(conf.offline_keys_dir() / "relay-signing.key")  # the "offline machine"
    signed_path = tmp_path / "bundle.signed.zip"
    signed_path.write_bytes(bundle.sign_bundle(unsigned, key))
    page.set_input_files("input[name=signed]", str(signed_path))
    page.click("text=Upload, verify and release")
    expect(page.locator(".messages")).to_contain_text("Signature verified")
    screenshot(page, "relay-released-en")
    with page.expect_download() as download_info:
        page.click("text=Download the signed file")
    downloaded = Path(download_info.value.path()).read_bytes()
    assert bundle.verify_bundle(downloaded, expected_fingerprint=conf.signing_fingerprint()).messages == 1
    context.close()

    # Open the bundle's pages from disk with the network cut and JavaScript off.
    folder = tmp_path / "usb"
    with zipfile.ZipFile(io.BytesIO(downloaded)) as archive:
        archive.extractall(folder)  # our own verified bundle, names checked by verify_bundle
    offline = chromium.new_context(java_script_enabled=False, offline=True)
    page = offline.new_page()
    page.goto((folder / "fa.html").as_uri())
    expect(page.locator("article").first).to_contain_text("ما کنار شما هستیم")
    screenshot(page, "relay-bundle-offline-fa")
    page.goto((folder / "index.html").as_uri())
    # The bundle cannot vouch for itself: its index names no key and links to no verify page.
    expect(page.locator("body")).to_contain_text("Messages of solidarity")
    expect(page.locator("body")).not_to_contain_text("Ed25519")
    assert not (folder / "verify.html").exists()
    offline.close()

    context, page = _context(chromium, problems, live_url)
    page.goto(f"{live_url}/fa/relay/")
    expect(page.locator(".relay-wall")).to_contain_text("We stand with you")
    screenshot(page, "relay-wall-fa")
    page.goto(f"{live_url}/en/relay/verify/")
    screenshot(page, "relay-verify-en")
    context.close()
    assert not problems, problems


def test_a_sender_checks_their_message_with_the_reference_alone(chromium, live_url: str, moderator, translator) -> None:
    """On a phone, in Persian, without JavaScript: send, keep the reference, and later learn with it
    alone whether the message waits, was published (with its translation) or was declined."""
    problems: list[str] = []
    context = chromium.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
        extra_http_headers={"Origin": live_url},
    )
    sender = context.new_page()
    watch(sender, problems)

    def send(text: str) -> str:
        sender.goto(f"{live_url}/fa/relay/send/")
        sender.fill("textarea[name=text]", text)
        sender.check("input[name=consent]")
        sender.click("button[type=submit]")
        expect(sender.locator("h1")).to_contain_text("سپاس")
        return str(sender.inner_text("main code")).strip()

    def check(reference: str) -> str:
        sender.goto(f"{live_url}/fa/relay/send/status/")
        sender.fill("input[name=reference]", reference)
        sender.click("main form button[type=submit]")
        assert "?" not in sender.url and reference not in sender.url  # a POST: not in history or logs
        return str(sender.inner_text("main"))

    kept = send("ما با شما هستیم، مردم ایران. زن، زندگی، آزادی")
    refused = send("درود بر شما که ایستاده‌اید؛ ما در کنار زندانیان سیاسی هستیم")
    screenshot(sender, "relay-reference-fa-phone")
    assert kept != refused
    assert "در انتظار" in check(kept)
    screenshot(sender, "relay-status-waiting-fa-phone")
    assert "هیچ پیامی" in check("abc123def456")  # unknown: the same page, no detail

    staff_context, staff = _context(chromium, problems, live_url)
    sign_in(staff, live_url, "moderator", PASSWORD)
    staff.goto(f"{live_url}/en/staff/relay/queue/")
    for reference, decision, reason in ((kept, "approve", "fine"), (refused, "reject", "other")):
        message = Message.objects.get(public_id=reference)
        staff.check(f"input[name=ids][value='{message.pk}']")
        staff.select_option("#relay-decision", decision)
        staff.select_option("#relay-reason", reason)
        staff.click("text=Apply to selected")
        expect(staff.locator(".messages")).to_contain_text("1 messages updated")
    staff_context.close()
    staff_context, staff = _context(chromium, problems, live_url)
    sign_in(staff, live_url, "translator", PASSWORD)
    staff.goto(f"{live_url}/en/staff/relay/translations/{kept}/?to=en")
    staff.fill("textarea[name=text]", "We are with you, people of Iran. Woman, life, freedom")
    staff.click("form.stack button[type=submit]")
    staff_context.close()

    published = check(kept)
    assert "منتشر شده" in published and "We are with you, people of Iran" in published, published
    assert "ترجمه (انگلیسی)" in published, published  # the language by its name
    screenshot(sender, "relay-status-published-fa-phone")
    assert "نپذیرفتند" in check(refused)
    context.close()
    assert not problems, problems
