"""Headless Chromium: a campaign from proposal to a co-signed GO, in English and Persian.

A coordinator proposes a campaign for a member organization through the staff pages, two other
coordinators approve it, issuers print 40 cards for two cities and two sectors (one issuer holds 80 %
of one cell: a captured issuer), pledgers pledge with JavaScript (blinding in the page) and one
without (a printed token), one pledge is withdrawn, the daily release shows bands and suppresses a
small cell, the captured cell does not reach its target, two coordinators co-sign GO, which appears
in the relay's feed and bundle, and the code-word check passes for the true word and fails for
another, offline in the page.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from solidarity.coalition.models import Organization
from solidarity.coordination import pbrsa, services
from solidarity.coordination.models import Campaign, Cell, SpentToken
from solidarity.core.roles import Role
from tests.browser.conftest import fill_campaign, screenshot, watch
from tests.conftest import make_member, make_user, verified_client
from tests.coordination.conftest import VECTOR_KEY
from tests.coordination.helpers import make_token

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _context(chromium, problems: list[str], live_url: str, *, user=None, java_script: bool = True):
    """A fresh context that records CSP violations, page errors and requests off loopback."""
    context = chromium.new_context(
        viewport={"width": 1100, "height": 900},
        java_script_enabled=java_script,
        extra_http_headers={"Origin": live_url} if user is not None else {},
    )
    if user is not None:
        context.add_cookies(
            [{"name": "sessionid", "value": verified_client(user).cookies["sessionid"].value, "url": live_url}]
        )
    page = context.new_page()

    watch(page, problems, page_errors=True)
    return context, page


def _issue(page, live_url: str, slug: str, cell: Cell, issuer: Organization, count: int) -> list[str]:
    page.goto(f"{live_url}/en/staff/coordination/{slug}/")
    page.select_option("select[name=cell]", cell.key)
    page.select_option("select[name=issuer]", str(issuer.pk))
    page.fill("input[name=count]", str(count))
    with page.expect_navigation(timeout=60_000):  # the click posts a form: wait for its answer
        page.click("form[action$='/issue/'] button[type=submit]")
    codes = [code.strip() for code in page.locator(".token-card code").all_inner_texts()]
    assert len(codes) == count
    return codes


def _pledge_in_browser(page, live_url: str, slug: str, code: str, language: str) -> str:
    page.goto(f"{live_url}/{language}/coordination/{slug}/pledge/")
    page.fill("#code-input", code)
    page.click("#pledge-submit")
    done = re.compile("counted|withdrawn|not accepted|شمرده شد|پس گرفته شد|پذیرفته نشد")
    page.locator("#js-status", has_text=done).wait_for(timeout=60_000)
    status: str = page.inner_text("#js-status")
    return status


def test_campaign_from_proposal_to_a_cosigned_go(chromium, live_server, settings, monkeypatch):
    settings.JOBS_BACKEND = "immediate"
    monkeypatch.setattr(pbrsa, "generate_key", lambda bits=2048: VECTOR_KEY)  # safe primes take a minute
    live_url = str(live_server.url)
    problems: list[str] = []
    proposer, first, second = (make_user(f"coordinator{i}", Role.COORDINATOR) for i in range(3))
    organizer = make_user("organizer", Role.ORGANIZER)
    issuers = [make_member(f"Issuer {i}", families=[], ties=[], sectors=[], actor=organizer) for i in range(5)]

    # A coordinator proposes, in English, through the staff page.
    context, page = _context(chromium, problems, live_url, user=proposer)
    page.goto(f"{live_url}/en/staff/coordination/new/")
    day = (timezone.localdate() + timedelta(days=10)).isoformat()
    closes = timezone.localtime(timezone.now() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    page.select_option("select[name=organization]", str(issuers[0].pk))
    fill_campaign(
        page,
        slug="teachers-stay-home",
        titles=("Teachers stay home", "معلمان در خانه می‌مانند"),
        action_date=day,
        closes_at=closes,
        max_issuer_share="25",
        cells=[
            ("IR-12", "Sanandaj", "teachers"),
            ("IR-12", "Sanandaj", "bazaar"),
            ("IR-06", "Ahvaz", "teachers"),
            ("IR-06", "Ahvaz", "bazaar"),
        ],
    )
    with page.expect_navigation(timeout=60_000):  # the click posts a form: wait for its answer
        page.click("form button[type=submit]")
    assert "/staff/coordination/teachers-stay-home/" in page.url, page.inner_text("body")[:500]
    screenshot(page, "coordination-proposed-en")
    context.close()

    # Two other coordinators approve (the second one opens it); the second in Persian.
    for user, language in ((first, "en"), (second, "fa")):
        context, page = _context(chromium, problems, live_url, user=user)
        page.goto(f"{live_url}/{language}/staff/coordination/teachers-stay-home/")
        with page.expect_navigation(timeout=60_000):  # the click posts a form: wait for its answer
            page.click("form[action$='/approve/'] button")
        context.close()
    campaign = Campaign.objects.get(slug="teachers-stay-home")
    assert campaign.status == Campaign.Status.OPEN

    # 40 cards for two cities × two sectors; one issuer holds 80 % of Ahvaz teachers.
    cells = {(cell.city, cell.sector): cell for cell in campaign.cells.all()}
    context, page = _context(chromium, problems, live_url, user=proposer)
    codes: dict[tuple[str, str], list[str]] = {key: [] for key in cells}
    plan = {
        ("Sanandaj", "teachers"): [2, 2, 2, 2, 2],
        ("Sanandaj", "bazaar"): [1, 1, 1, 1, 1],
        ("Ahvaz", "teachers"): [8, 1, 1, 0, 0],
        ("Ahvaz", "bazaar"): [3, 3, 3, 3, 3],
    }
    for key, counts in plan.items():
        for issuer, count in zip(issuers, counts, strict=True):
            if count:
                codes[key] += _issue(page, live_url, campaign.slug, cells[key], issuer, count)
    assert sum(len(found) for found in codes.values()) == 40
    screenshot(page, "coordination-cards-en")
    context.close()

    # Pledges with JavaScript in the page (English and Persian); the rest through the same protocol in Python.
    context, page = _context(chromium, problems, live_url)
    assert "counted" in _pledge_in_browser(page, live_url, campaign.slug, codes[("Sanandaj", "teachers")][0], "en")
    page.click("#withdraw-now")  # a withdrawal, in the same page, with the token held in memory
    page.locator("#js-status", has_text="withdrawn").wait_for(timeout=60_000)
    assert "شمرده شد" in _pledge_in_browser(page, live_url, campaign.slug, codes[("Ahvaz", "bazaar")][0], "fa")
    screenshot(page, "coordination-pledged-fa")
    context.close()
    pending = [
        *codes[("Sanandaj", "teachers")][1:],
        *codes[("Sanandaj", "bazaar")][:2],
        *codes[("Ahvaz", "teachers")],
        *codes[("Ahvaz", "bazaar")][1:-1],
    ]
    for code in pending:
        token = make_token(campaign, code)
        services.pledge(campaign=campaign, info=token.info, prepared=token.prepared, signature=token.signature)
    # One pledge without JavaScript: a printed token pasted into the plain form.
    printed = make_token(campaign, codes[("Ahvaz", "bazaar")][-1]).printed()
    context, page = _context(chromium, problems, live_url, java_script=False)
    page.goto(f"{live_url}/fa/coordination/{campaign.slug}/pledge/")
    page.fill("textarea[name=token]", printed)
    with page.expect_navigation(timeout=60_000):  # the click posts a form: wait for its answer
        page.click("form[action$='/pledge/token/'] button[type=submit]:not([name])")
    assert "تعهد شما شمرده شد" in page.inner_text("body")
    context.close()

    # The daily release: bands, a suppressed small cell, the captured cell not reached.
    services.release_due()
    context, page = _context(chromium, problems, live_url)
    page.goto(f"{live_url}/en/coordination/{campaign.slug}/")
    rows = {row.get_attribute("data-cell"): row.inner_text() for row in page.locator("tr[data-cell]").all()}
    by_key = {cells[key].key: key for key in cells}
    text = {by_key[key]: value for key, value in rows.items()}
    assert "suppressed" in text[("Sanandaj", "bazaar")]
    assert "5-9" in text[("Sanandaj", "teachers")] and "target reached" in text[("Sanandaj", "teachers")]
    assert "too concentrated" in text[("Ahvaz", "teachers")] and "not yet" in text[("Ahvaz", "teachers")]
    assert "10-24" in text[("Ahvaz", "bazaar")] and "target reached" in text[("Ahvaz", "bazaar")]
    screenshot(page, "coordination-release-en")
    page.goto(f"{live_url}/fa/coordination/{campaign.slug}/")
    assert "پنهان‌شده" in page.inner_text("body")
    screenshot(page, "coordination-release-fa")
    context.close()

    # Close; two coordinators co-sign GO; it appears in the feed and the bundle.
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    services.release_due(now=timezone.now() + timedelta(days=1))
    for user, action in ((first, "draft"), (first, "cosign"), (second, "cosign")):
        context, page = _context(chromium, problems, live_url, user=user)
        page.goto(f"{live_url}/en/staff/coordination/{campaign.slug}/")
        if action == "draft":
            with page.expect_navigation(timeout=60_000):  # the click posts a form: wait for its answer
                page.click("button[name=kind][value=go]")
        else:
            with page.expect_navigation(timeout=60_000):  # the click posts a form: wait for its answer
                page.click("form[action$='/cosign/'] button")
        context.close()
    campaign.refresh_from_db()
    assert campaign.bulletin.is_published and len(campaign.bulletin.signatures) == 2
    context, page = _context(chromium, problems, live_url)
    feed = json.loads(page.goto(f"{live_url}/relay/feeds/fa.json").text())
    assert any("اجرا" in item["content_text"] and "معلمان در خانه" in item["content_text"] for item in feed["items"])
    english = json.loads(page.goto(f"{live_url}/relay/feeds/en.json").text())
    assert any(item["content_text"].startswith("GO: Teachers stay home") for item in english["items"])
    page.goto(f"{live_url}/fa/coordination/{campaign.slug}/")
    screenshot(page, "coordination-go-fa")

    # The code word, checked in the page (PBKDF2 on the device): true, then another word.
    page.goto(f"{live_url}/fa/coordination/{campaign.slug}/check-word/")
    page.select_option("select[name=kind]", "go")
    page.fill("input[name=word]", "سرو  بلند")
    page.click("#word-form button[type=submit]")
    page.wait_for_selector("#word-verdict.verdict-true")
    screenshot(page, "coordination-word-true-fa")
    page.fill("input[name=word]", "سرو کوتاه")
    page.click("#word-form button[type=submit]")
    page.wait_for_selector("#word-verdict.verdict-false")
    assert re.search("نمی‌خواند", page.inner_text("#word-verdict"))
    context.close()

    from solidarity.relay import services as relay
    from solidarity.relay.conf import relay_dir
    from solidarity.relay.models import Transmission

    transmission = Transmission.objects.create(kind="bundle", day=timezone.localdate(), created_by=organizer)
    built = relay.build_transmission(transmission_id=transmission.pk)
    assert built is not None
    archive = zipfile.ZipFile(io.BytesIO((relay_dir() / "unsigned" / built.file_name).read_bytes()))
    document = json.loads(archive.read(f"coordination/{campaign.slug}.json"))
    assert document["bulletin"]["body"]["kind"] == "go" and len(document["bulletin"]["signatures"]) == 2
    assert "اجرا" in archive.read("fa.html").decode()
    assert not problems, problems


def test_batch_tokens_and_a_memorised_phrase(chromium, live_server, settings, monkeypatch):
    """An issuer's device makes whole tokens for people without JavaScript; one pledges with one of
    them on a page with JavaScript off. A pledger with JavaScript memorises a phrase, and later, on
    another device (a fresh browser context) and in Persian at phone size, checks and withdraws with
    it alone; a wrong phrase finds nothing."""
    settings.JOBS_BACKEND = "immediate"
    monkeypatch.setattr(pbrsa, "generate_key", lambda bits=2048: VECTOR_KEY)
    live_url = str(live_server.url)
    problems: list[str] = []
    coordinators = [make_user(f"coordinator{i}", Role.COORDINATOR) for i in range(3)]
    organizer = make_user("organizer", Role.ORGANIZER)
    issuer = make_member("Teachers' Association", families=[], ties=[], sectors=[], actor=organizer)
    campaign = services.propose_campaign(
        actor=coordinators[0],
        organization=issuer,
        slug="lights-off",
        title_en="Lights off at nine",
        title_fa="خاموشی ساعت نه",
        action=Campaign.Action.LIGHTS_OFF,
        action_date=timezone.localdate() + timedelta(days=10),
        action_hour=21,
        closes_at=timezone.now() + timedelta(days=5),
        cells=[services.CellSpec("IR-23", "Tehran", "teachers", 10)],
        go_word="سرو بلند",
        abort_word="باران پاییزی",
    )
    for coordinator in coordinators[1:]:
        services.approve_campaign(actor=coordinator, campaign=campaign)
    services.open_campaign(campaign_id=campaign.pk)
    campaign.refresh_from_db()
    cell = campaign.cells.get()
    codes = services.issue_codes(actor=coordinators[0], cell=cell, issuer=issuer, count=4)

    # The issuer's device: three codes in (one mistyped), two whole tokens out.
    context, page = _context(chromium, problems, live_url, user=coordinators[0])
    page.goto(f"{live_url}/en/staff/coordination/{campaign.slug}/batch/")
    page.fill("#batch-codes", "\n".join([codes[0], codes[1], "ABCD-EFGH-JKLM"]))
    page.click("#batch-form button[type=submit]")
    page.locator("#batch-status", has_text="2 of 3 tokens made.").wait_for(timeout=60_000)
    tokens = [text.strip() for text in page.locator("#batch-tokens li").all_inner_texts()]
    assert len(tokens) == 2 and all(token.count(".") == 2 for token in tokens)
    screenshot(page, "coordination-batch-en")
    context.close()

    # A pledger with JavaScript off pastes a printed token.
    context, page = _context(chromium, problems, live_url, java_script=False)
    page.goto(f"{live_url}/fa/coordination/{campaign.slug}/pledge/")
    page.fill("textarea[name=token]", tokens[0])
    with page.expect_navigation(timeout=60_000):
        page.click("form[action$='/pledge/token/'] button[type=submit]:not([name])")
    assert "تعهد شما شمرده شد" in page.inner_text("body")
    context.close()

    # A pledger with JavaScript makes a phrase, writes it down, pledges.
    context, page = _context(chromium, problems, live_url)
    page.goto(f"{live_url}/en/coordination/{campaign.slug}/pledge/")
    page.click("#phrase-make")
    phrase = page.input_value("#phrase-new")
    assert re.fullmatch(r"([A-Z2-7]{4}-){4}[A-Z2-7]{4}", phrase)
    page.fill("#code-input", codes[2])
    page.click("#pledge-submit")
    page.locator("#js-status", has_text="counted").wait_for(timeout=60_000)
    context.close()  # nothing of the pledge stays on this device

    # Later, another device, Persian, phone size: the phrase alone checks and withdraws.
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.goto(f"{live_url}/fa/coordination/{campaign.slug}/pledge/")
    page.fill("#phrase-check", phrase.lower().replace("-", " "))  # typed as remembered
    page.click("#phrase-form button[value=check]")
    page.locator("#phrase-status", has_text="شمرده").wait_for(timeout=60_000)
    screenshot(page, "coordination-phrase-counted-fa-phone")
    assert services.pledge_status(campaign=campaign, token_hash="0" * 64) == "unknown"
    page.click("#phrase-form button[value=withdraw]")
    page.locator("#phrase-status", has_text="پس گرفته").wait_for(timeout=60_000)
    page.click("#phrase-form button[value=check]")
    page.locator("#phrase-status", has_text="پس گرفته").wait_for(timeout=60_000)
    page.fill("#phrase-check", "AAAA-BBBB-CCCC-DDDD-EEEE")
    page.click("#phrase-form button[value=check]")
    page.locator("#phrase-status", has_text="هیچ").wait_for(timeout=60_000)
    screenshot(page, "coordination-phrase-unknown-fa-phone")
    context.close()

    counted = SpentToken.objects.filter(campaign=campaign)
    assert counted.count() == 2 and counted.filter(is_withdrawn=True).count() == 1
    assert not problems, problems
