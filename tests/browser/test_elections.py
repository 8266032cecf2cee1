"""Headless Chromium: a seven-seat STV election from definition to a verified public record.

An organizer defines it through the staff pages, the three trustees make the key together through
their staff page (each runs the trustee tool on the ceremony file and uploads its message), twenty
delegates make their voting keys (two on their page, in the browser) and vote in the booth (some in
Persian), one changes their vote, another changes theirs from a second browser with their voting
pass, two trustees each mix and then decrypt, a delegate finds their receipt in the downloaded
record, and `solidarity elections verify` passes on it.
"""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from solidarity.coalition import services as coalition
from solidarity.core.roles import Role
from solidarity.elections import record, services, voting_key
from solidarity.elections.models import Election
from tests.browser.conftest import make_voting_key, screenshot, sign_in, trustee_step, watch
from tests.conftest import PASSWORD, make_user, verified_client
from tests.elections.helpers import voting_code

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

VOTERS = 20


def _context(chromium, problems: list[str], live_url: str, *, forms: bool = False, user=None):
    """Open a fresh browser context that records CSP violations and requests off loopback.

    ``forms=True`` works around the site-wide no-referrer policy, under which Chromium sends
    "Origin: null" on form POSTs and Django's CSRF check refuses them (reported to the
    foundation): the context sends its real Origin. Voters' contexts do not get this, so the
    booth's own fetch calls are tested as they are; voters are signed in with a session cookie.
    """
    headers = {"Origin": live_url} if forms else {}
    context = chromium.new_context(viewport={"width": 1100, "height": 900}, extra_http_headers=headers)
    if user is not None:
        session = verified_client(user).cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_url}])
    page = context.new_page()

    watch(page, problems, page_errors=True)
    return context, page


def _seal_and_cast(page: Any, *, keep: bool) -> str:
    """Seal the ballot, check the tracking code shown before casting is the one confirmed after."""
    page.click("#ballot button[type=submit]")
    page.wait_for_selector("#booth-sealed:not([hidden])")
    shown: str = page.inner_text("#sealed-tracking").strip()
    if keep:
        page.check("#keep-pass")
    page.click("#cast-sealed")
    page.wait_for_function(
        "(code) => document.getElementById('receipt-value').textContent === code && "
        "document.getElementById('booth-sealed').hidden",
        arg=shown,
    )
    return shown


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_seven_seat_election_from_definition_to_verified_record(
    browser_page, chromium, live_url: str, organizer, trustee, tmp_path: Path
) -> None:
    problems: list[str] = []
    members = [
        coalition.apply_for_membership(
            data=coalition.OrganizationData(
                name_en=f"Group {i}", name_fa="", kind="civil", base="inside", families=[], ties=[], sectors=[]
            )
        )
        for i in range(5)
    ]
    delegates = []
    for index in range(VOTERS):
        delegate = coalition.register_delegate(
            actor=organizer,
            display_name=f"Voter {index:02d}",
            organizations=[members[index % 5]],
            legal_name="x",
            contact="y",
        )
        delegate = coalition.accredit_delegate(delegate=delegate, actor=organizer)
        delegate.user = make_user(f"voter{index:02d}", Role.DELEGATE)
        delegate.save(update_fields=["user"])
        delegates.append(delegate)
    keyless = coalition.accredit_delegate(
        delegate=coalition.register_delegate(
            actor=organizer, display_name="No key", organizations=[members[0]], legal_name="x", contact="y"
        ),
        actor=organizer,
    )
    keyless.user = make_user("nokey", Role.DELEGATE)
    keyless.save(update_fields=["user"])
    make_user("trustee2", Role.TRUSTEE)
    make_user("trustee3", Role.TRUSTEE)
    trustees = ("trustee", "trustee2", "trustee3")

    # Before the freeze every delegate but one makes a voting key: two on their page (delegate 0 in
    # Persian keeps the code in the browser, delegate 1 does not and types it in the booth), the
    # others through the service with codes the test knows.
    codes: dict[int, str] = {}
    voter_contexts: dict[int, Any] = {}
    for index, language, keep in ((0, "fa", True), (1, "en", False)):
        context, key_page = _context(chromium, problems, live_url, user=delegates[index].user)
        codes[index] = make_voting_key(key_page, live_url, language=language, keep=keep)
        if index == 0:
            screenshot(key_page, "elections-voting-key-fa")
        voter_contexts[index] = (context, key_page)
    for index, delegate in enumerate(delegates[2:], start=2):
        codes[index] = voting_code(f"browser-{index}")
        services.register_voting_key(delegate=delegate, public_key=voting_key.public_key(codes[index]))

    # The organizer defines the election.
    del browser_page  # its context cannot carry the Origin workaround; ours check CSP the same way
    context_organizer, page = _context(chromium, problems, live_url, forms=True)
    sign_in(page, live_url, "organizer", PASSWORD)
    page.goto(f"{live_url}/en/staff/elections/new/")
    now = timezone.now()
    page.fill("input[name=slug]", "committee")
    page.fill("input[name=title_en]", "Executive committee")
    page.fill("input[name=title_fa]", "کمیتهٔ اجرایی")
    page.select_option("select[name=rule]", "scottish-stv")
    page.fill("input[name=seats]", "7")
    page.fill("input[name=opens_at]", _local(now - timedelta(minutes=2)))
    page.fill("input[name=closes_at]", _local(now + timedelta(hours=2)))
    page.fill("input[name=trustee_threshold]", "2")
    page.fill("input[name=trustee_count]", "3")
    page.click("main form button")
    page.wait_for_url(re.compile(r".*/staff/elections/committee/$"))
    for delegate in delegates[:10]:
        page.select_option("select[name=delegate]", str(delegate.pk))
        page.fill("input[name=name_fa]", f"نامزد {delegate.pk}")
        page.click("main form:has(select[name=delegate]) button")
    # The three trustees make the key together, each with the trustee tool, through their staff page:
    # join, deal, confirm. Each one's state file stays on their side (here: `states`).
    states: dict[str, Any] = {}
    trustee_pages = {}
    for username in trustees:
        trustee_pages[username] = _context(chromium, problems, live_url, forms=True)
        sign_in(trustee_pages[username][1], live_url, username, PASSWORD)
    for kind in ("join", "dealing", "confirmation"):
        for username in trustees:
            assert trustee_step(trustee_pages[username][1], live_url, "committee", states, username) == kind
    screenshot(trustee_pages["trustee3"][1], "elections-trustees-key")
    for context, _ in trustee_pages.values():
        context.close()
    page.goto(f"{live_url}/en/staff/elections/committee/")
    page.click("text=Freeze and publish the definition")
    election = Election.objects.get(slug="committee")
    assert election.status == Election.Status.FROZEN
    assert len((election.definition or {})["trustees"]["dealings"]) == 3
    context_organizer.close()

    ids = [c["id"] for c in (election.definition or {})["candidates"]]
    receipts: dict[int, str] = {}
    changer = 3
    mover = 5
    passes: dict[int, str] = {}
    listed = {entry["id"]: entry["key"] for entry in (election.definition or {})["electorate"]}
    assert listed[f"e{keyless.pk}"] is None
    assert listed[f"e{delegates[0].pk}"] == record.b64(voting_key.public_key(codes[0]))
    # The delegate without a key is told why there is no pass for them, and what to do.
    context, voter_page = _context(chromium, problems, live_url, user=keyless.user)
    voter_page.goto(f"{live_url}/fa/elections/committee/vote/")
    voter_page.wait_for_selector("#definition-hash:not(:empty)")
    assert voter_page.locator("#no-voting-key").is_visible() and voter_page.locator("#get-pass").is_hidden()
    screenshot(voter_page, "elections-booth-no-key-fa")
    context.close()
    for index, delegate in enumerate(delegates):
        language = "fa" if index % 4 == 0 else "en"
        context, voter_page = voter_contexts.get(index) or _context(chromium, problems, live_url, user=delegate.user)
        voter_page.goto(f"{live_url}/{language}/elections/committee/vote/")
        voter_page.wait_for_selector("#get-pass:not([hidden])")
        if index == 0:
            assert voter_page.locator("#booth-code").is_hidden()  # the code kept in this browser
        else:
            if index == 2:  # a code that is valid but not theirs: refused in the booth, nothing sent
                voter_page.fill("#code-input", voting_code("someone else"))
                voter_page.click("#get-pass")
                voter_page.wait_for_function("document.getElementById('booth-status').textContent.length > 0")
                assert "not your voting code" in voter_page.inner_text("#booth-status")
                assert not election.voters.filter(delegate=delegate, has_signature=True).exists()
            voter_page.fill("#code-input", codes[index])
        voter_page.click("#get-pass")
        try:
            voter_page.wait_for_selector("#ballot:not([hidden])", timeout=20_000)
        except Exception as error:
            raise AssertionError(f"booth: {voter_page.inner_text('#booth-status')!r} {problems}") from error
        ranking = [ids[(index + k) % len(ids)] for k in range(1 + index % 5)]
        for position, candidate in enumerate(ranking, start=1):
            voter_page.fill(f"input[data-candidate={candidate}]", str(position))
        if index == 1:
            # Cast-or-audit: this voter audits a first sealing, which is discarded, then casts.
            voter_page.click("#ballot button[type=submit]")
            voter_page.wait_for_selector("#booth-sealed:not([hidden])")
            voter_page.click("#audit-sealed")
            voter_page.wait_for_selector("#booth-audit:not([hidden])")
            audited = tmp_path / "audited.json"
            audited.write_text(voter_page.input_value("#audit-value"))
            # The definition the booth hashed, as the page serves it: the audit re-encodes with its candidate order.
            definition_path = tmp_path / "definition.json"
            definition_url = voter_page.get_attribute("#booth", "data-definition-url") or ""
            definition_path.write_bytes(voter_page.request.get(f"{live_url}{definition_url}").body())
            out = io.StringIO()
            call_command("elections", "audit", str(audited), "--definition", str(definition_path), stdout=out)
            assert "PASS: the sealed ballot is exactly" in out.getvalue()
            assert json.loads(audited.read_text())["ballot"] == {"ranking": ranking}
        keep = index in (changer, mover)
        tracking = _seal_and_cast(voter_page, keep=keep)
        receipts[index] = tracking
        assert voter_page.inner_text("#definition-hash").strip() == election.definition_hash
        if index == 0:
            screenshot(voter_page, "elections-booth-fa")
            assert voter_page.input_value("#pass-value") == ""  # cleared after casting
            assert voter_page.evaluate("Object.keys(localStorage)") == ["solidarity-voting-code"]
        if index == changer:
            # They change their mind: the pass they kept signs a replacement; the tracking code changes.
            for candidate in ranking:
                voter_page.fill(f"input[data-candidate={candidate}]", "")
            voter_page.fill(f"input[data-candidate={ids[9]}]", "1")
            receipts[index] = _seal_and_cast(voter_page, keep=False)
            assert receipts[index] != tracking
        if index == mover:
            passes[index] = voter_page.input_value("#pass-value")
        context.close()
    # Another changes their vote from a different browser by pasting their voting pass.
    context, voter_page = _context(chromium, problems, live_url, user=delegates[mover].user)
    voter_page.goto(f"{live_url}/en/elections/committee/vote/")
    voter_page.wait_for_selector("#pass-input:visible")
    voter_page.fill("#pass-input", passes[mover])
    voter_page.fill(f"input[data-candidate={ids[8]}]", "1")
    voter_page.fill(f"input[data-candidate={ids[7]}]", "2")
    receipts[mover] = _seal_and_cast(voter_page, keep=False)
    context.close()
    assert election.ballots.count() == VOTERS
    assert not problems, problems

    # After the close, two trustees open the count: each mixes in turn, then each decrypts.
    with time_machine.travel(election.closes_at + timedelta(minutes=1), tick=True):
        opening = {}
        for username in trustees[:2]:
            opening[username] = _context(chromium, problems, live_url, forms=True)
            sign_in(opening[username][1], live_url, username, PASSWORD)
        for kind in ("mix", "decryption"):
            for username in trustees[:2]:
                assert trustee_step(opening[username][1], live_url, "committee", states, username) == kind
        trustee_page = opening["trustee2"][1]
        trustee_page.wait_for_url(re.compile(r".*/elections/committee/result/$"))
        screenshot(trustee_page, "elections-result")
        for context, _ in opening.values():
            context.close()
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    assert len(election.result["elected"]) == 7  # type: ignore[index]

    # A delegate downloads the record, finds their receipt, and verifies it.
    context, public_page = _context(chromium, problems, live_url)
    public_page.goto(f"{live_url}/fa/elections/committee/result/")
    screenshot(public_page, "elections-result-fa")
    with public_page.expect_download() as download:
        public_page.click("a[href$='record.json']")
    path = tmp_path / "record.json"
    download.value.save_as(path)
    # The changer looks their receipt up on the public page, in Persian.
    public_page.goto(f"{live_url}/fa/elections/committee/receipt/")
    public_page.fill("input[name=tracking]", receipts[changer])
    public_page.click("main form button")
    public_page.wait_for_selector(".message.success")
    public_page.goto(f"{live_url}/en/elections/committee/")
    assert "so no machine ever held it whole" in public_page.inner_text("main")
    context.close()
    published = json.loads(path.read_bytes())
    assert receipts[changer] in {b["tracking"] for b in published["ballots"]}
    assert record.has_ballot(path.read_bytes(), receipts[changer])
    opened = record.opened_ballots(path.read_bytes())
    assert {"ranking": [ids[9]]} in opened and {"ranking": [ids[8], ids[7]]} in opened
    out = io.StringIO()
    call_command("elections", "verify", str(path), "--tracking", receipts[0], stdout=out)
    assert "PASS" in out.getvalue()
    assert not problems, problems
