"""The founding story's election from the web pages (issue 13): a seven-person committee.

On a database with no assembly and no demo, the registry's delegates are invited to a new assembly
and admitted at its door (services: the assembly pages and the door have their own browser test,
test_founding.py). Then, from the pages only: the organizer defines the election on the staff site
(the assembly chosen by name, seven seats, at least two women, a quorum of half the voter roll),
the three trustees make the key together on their staff page with the trustee tool, the organizer
is told in words why a first freeze fails, adds, edits and withdraws candidates and freezes; before
the freeze, delegates make their voting keys (two on their delegate page, in the browser);
delegates sign in with their invitation's short code on the public host (no staff account), reach
the booth from their delegate page, type their voting code (a fresh browser holds none), take their
pass, cast, and one checks the receipt; after the close two trustees mix and decrypt, and the
result page shows seven elected and that the quorum was met. English and Persian, desktop and
phone (390x844); every step leaves artifacts/screenshots/founding-election-*.png.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from solidarity.assemblies import services as assemblies
from solidarity.assemblies.models import Assembly
from solidarity.coalition import services as coalition
from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry
from solidarity.core.roles import Role
from solidarity.elections import record, services, voting_key
from solidarity.elections.models import Election
from tests.browser.conftest import make_voting_key, screenshot, sign_in, trustee_step, watch
from tests.conftest import PASSWORD, make_hub, make_member, make_user
from tests.elections.helpers import voting_code

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1200, "height": 900}
ON_ROLL = 12  # admitted at the door: the voter roll
VOTERS = 8  # of them cast a ballot: the quorum of half (six) is met
SLUG = "founding-committee"


def _page(chromium: Any, live_url: str, problems: list[str], *, phone: bool = False) -> tuple[Any, Any]:
    """A fresh context that records CSP violations, page errors and requests off loopback.

    It sends its real Origin: under the site-wide no-referrer policy Chromium sends "Origin: null"
    on form posts, which Django's CSRF check refuses (see tests/browser/test_elections.py).
    """
    context = chromium.new_context(
        viewport=PHONE if phone else DESKTOP,
        is_mobile=phone,
        has_touch=phone,
        extra_http_headers={"Origin": live_url},
    )
    page = context.new_page()

    watch(page, problems, page_errors=True)
    return context, page


def _local(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _registry_at_the_door(organizer: Any, terms: dict[str, Any]) -> tuple[Assembly, list[tuple[Delegate, str]]]:
    """Twelve accredited delegates of three organizations, invited and admitted; return their short codes."""
    organizations = [
        make_member(
            "Teachers Circle", families=[terms["socialist"]], ties=[], sectors=[terms["teachers"]], actor=organizer
        ),
        make_member("Women Forum", families=[terms["monarchist"]], ties=[], sectors=[terms["women"]], actor=organizer),
        make_member("Kurdish Union", families=[], ties=[terms["kurdish"]], sectors=[], actor=organizer),
    ]
    hub = make_hub(organizer, name_en="Hub Hall", name_fa="تالار مرکزی", capacity=60)
    assembly = hub.assembly
    admitted = []
    for index in range(ON_ROLL):
        delegate = coalition.accredit_delegate(
            delegate=coalition.register_delegate(
                actor=organizer,
                display_name=f"Delegate {index:02d}",
                organizations=[organizations[index % 3]],
            ),
            actor=organizer,
        )
        invitation, token = assemblies.issue_invitation(officer=organizer, venue=hub, delegate=delegate)
        assemblies.check_in_online(officer=organizer, venue=hub, text=token, device_id="door-1")
        admitted.append((delegate, assemblies.code_for(invitation)))
    # One more accredited delegate never came to the door: not on this election's voter roll.
    coalition.accredit_delegate(
        delegate=coalition.register_delegate(actor=organizer, display_name="Absent", organizations=organizations[:1]),
        actor=organizer,
    )
    return assembly, admitted


def _define(page: Any, live_url: str, assembly: Assembly) -> None:
    now = timezone.now()
    page.goto(f"{live_url}/en/staff/elections/new/")
    page.fill("input[name=slug]", SLUG)
    page.fill("input[name=title_en]", "Founding committee")
    page.fill("input[name=title_fa]", "کمیتهٔ مؤسس")
    page.select_option("select[name=rule]", "scottish-stv")
    page.fill("input[name=seats]", "7")
    page.select_option("select[name=assembly_id]", str(assembly.pk))
    page.fill("input[name=opens_at]", _local(now - dt.timedelta(minutes=2)))
    page.fill("input[name=closes_at]", _local(now + dt.timedelta(hours=2)))
    page.fill("input[name=trustee_threshold]", "2")
    page.fill("input[name=trustee_count]", "3")
    page.fill("input[name=min_women]", "2")
    page.fill("input[name=quorum]", "1/2")
    screenshot(page, "founding-election-01-define-en")
    page.click("main form button")
    page.wait_for_url(re.compile(rf".*/staff/elections/{SLUG}/$"))


def _signed_in(chromium: Any, live_url: str, problems: list[str], code: str, *, phone: bool, language: str) -> Any:
    """A fresh browser signed in with the invitation's short code, on the delegate page."""
    context, page = _page(chromium, live_url, problems, phone=phone)
    page.goto(f"{live_url}/{language}/assemblies/delegate/sign-in/")
    page.fill("input[name=credential]", code)
    with page.expect_navigation():
        page.click("form.stacked button.primary")
    page.wait_for_url("**/assemblies/delegate/")
    return context, page


def _vote(
    chromium: Any,
    live_url: str,
    problems: list[str],
    code: str,
    ranking: list[str],
    *,
    phone: bool,
    language: str,
    voting: str,
) -> tuple[Any, Any, str]:
    """Sign in with the short code, go from the delegate page to the booth, give the voting code, take the
    pass, cast; return the tracking code."""
    context, page = _signed_in(chromium, live_url, problems, code, phone=phone, language=language)
    page.click(f"a.button[href$='/elections/{SLUG}/vote/']")
    page.wait_for_url(f"**/{language}/elections/{SLUG}/vote/")
    page.wait_for_selector("#get-pass:not([hidden])")
    page.fill("#code-input", voting)  # a fresh browser: the code from the delegate's paper
    if phone:  # the 64-digit definition hash wraps: nothing pushes the page past the phone's width
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click("#get-pass")
    try:
        page.wait_for_selector("#ballot:not([hidden])", timeout=30_000)
    except Exception as error:
        raise AssertionError(f"booth: {page.inner_text('#booth-status')!r} {problems}") from error
    for position, candidate in enumerate(ranking, start=1):
        page.fill(f"input[data-candidate={candidate}]", str(position))
    page.click("#ballot button[type=submit]")
    page.wait_for_selector("#booth-sealed:not([hidden])")
    shown: str = page.inner_text("#sealed-tracking").strip()
    page.click("#cast-sealed")
    page.wait_for_function(
        "(code) => document.getElementById('receipt-value').textContent === code", arg=shown, timeout=30_000
    )
    return context, page, shown


def test_a_seven_person_committee_elected_by_delegates_signed_in_by_code(
    chromium: Any, live_url: str, organizer: Any, trustee: Any, terms: dict[str, Any]
) -> None:
    problems: list[str] = []
    assert not Assembly.objects.exists() and not Election.objects.exists()
    assembly, admitted = _registry_at_the_door(organizer, terms)
    make_user("trustee2", Role.TRUSTEE)
    make_user("trustee3", Role.TRUSTEE)

    # 0. Before any freeze, delegates make their voting keys: two on their delegate page (Persian on a
    # phone, English on a desktop), the others through the service with codes the test knows.
    codes: dict[int, str] = {}
    for index, (delegate, code) in enumerate(admitted):
        if index in (0, 3):
            phone, language = (True, "fa") if index == 0 else (False, "en")
            key_context, key_page = _signed_in(chromium, live_url, problems, code, phone=phone, language=language)
            key_page.click("a[href$='/elections/voting-key/']")
            codes[index] = make_voting_key(key_page, live_url, language=language, keep=False)
            if index == 0:
                screenshot(key_page, "founding-election-00-voting-key-fa-phone")
                key_page.goto(f"{live_url}/fa/assemblies/delegate/")
                assert record.b64(voting_key.public_key(codes[index])) in key_page.inner_text("#voting-key-state")
            key_context.close()
        else:
            codes[index] = voting_code(f"founding-{index}")
            services.register_voting_key(delegate=delegate, public_key=voting_key.public_key(codes[index]))

    # 1. The organizer defines the election on the staff pages (desktop, English).
    context, page = _page(chromium, live_url, problems)
    sign_in(page, live_url, "organizer", PASSWORD)
    _define(page, live_url, assembly)
    election = Election.objects.get(slug=SLUG)
    assert (election.assembly_id, election.seats, election.quorum) == (assembly.pk, 7, "1/2")

    # 2. Before the key the page offers no freeze, only the way to the trustees' page. The three trustees
    # make the key together there (each runs the trustee tool and uploads its message); then a freeze
    # with no candidate is refused, in words.
    assert page.locator("form[action$='/freeze/']").count() == 0
    assert page.locator(f"a[href$='/staff/elections/{SLUG}/trustee/']").count() == 1
    states: dict[str, Any] = {}
    trustees = ("trustee", "trustee2", "trustee3")
    trustee_pages = {name: _page(chromium, live_url, problems) for name in trustees}
    for name, (_, trustee_page) in trustee_pages.items():
        sign_in(trustee_page, live_url, name, PASSWORD)
    for kind in ("join", "dealing", "confirmation"):
        for name in trustees:
            assert trustee_step(trustee_pages[name][1], live_url, SLUG, states, name) == kind
    screenshot(trustee_pages["trustee"][1], "founding-election-02-trustees-key-en")
    for trustee_context, _ in trustee_pages.values():
        trustee_context.close()
    page.goto(f"{live_url}/en/staff/elections/{SLUG}/")
    page.wait_for_selector("text=Freeze and publish the definition")
    page.click("text=Freeze and publish the definition")
    page.wait_for_selector(".message.error")
    assert "there are no candidates: add at least one per seat" in page.inner_text(".message.error")
    screenshot(page, "founding-election-02-freeze-refused-en")

    # 3. Eleven candidates (four women), one edited and one withdrawn from the pages.
    candidates = [delegate for delegate, _code in admitted[:11]]
    for index, delegate in enumerate(candidates):
        page.select_option("select[name=delegate]", str(delegate.pk))
        page.fill("input[name=name_fa]", f"نامزد {index + 1}")
        page.select_option("select[name=gender]", "woman" if index % 3 == 0 else "man")
        with page.expect_navigation():
            page.click("main form:has(select[name=delegate]) button")
    assert election.candidates.count() == 11
    edited = election.candidates.get(delegate=candidates[1])
    page.click(f"a[href$='/candidates/{edited.pk}/']")
    page.fill("input[name=name_fa]", "نامزد دوم، ویراسته")
    with page.expect_navigation():
        page.click("main form button:has-text('Save the candidate')")
    edited.refresh_from_db()
    assert edited.name_fa == "نامزد دوم، ویراسته"
    withdrawn = election.candidates.get(delegate=candidates[10])
    with page.expect_navigation():
        page.click(f"form[action$='/candidates/{withdrawn.pk}/withdraw/'] button")
    assert election.candidates.count() == 10
    assert AuditEntry.objects.filter(action="elections.candidate.withdrawn").count() == 1
    page.goto(f"{live_url}/fa/staff/elections/{SLUG}/")
    screenshot(page, "founding-election-03-candidates-fa")
    with page.expect_navigation():
        page.click("form[action$='/freeze/'] button")
    election.refresh_from_db()
    assert election.status == Election.Status.FROZEN, page.inner_text("main")
    assert len((election.definition or {})["electorate"]) == ON_ROLL  # the absent delegate is not on it
    # A candidate can no longer be withdrawn, and the page says why.
    page.goto(f"{live_url}/en/staff/elections/{SLUG}/candidates/{edited.pk}/")
    assert "The definition is frozen: its candidates can no longer change." in page.inner_text("main")
    context.close()

    # 4. Delegates sign in with their invitation's short code and vote in the booth on the public host.
    ids = [c["id"] for c in (election.definition or {})["candidates"]]
    receipts: dict[int, str] = {}
    for index, (_delegate, code) in enumerate(admitted[:VOTERS]):
        phone = index % 2 == 0
        language = "fa" if index % 4 < 2 else "en"
        ranking = [ids[(index + k) % len(ids)] for k in range(8)]
        typed = code.lower().replace("-", " ") if index == 3 else code  # typed as people do
        voter_context, voter_page, tracking = _vote(
            chromium, live_url, problems, typed, ranking, phone=phone, language=language, voting=codes[index]
        )
        receipts[index] = tracking
        assert voter_page.inner_text("#definition-hash").strip() == election.definition_hash
        if index == 0:  # Persian, phone: the booth after casting; then the receipt is checked
            screenshot(voter_page, "founding-election-05-booth-cast-fa-phone")
            voter_page.click("#receipt-link")
            voter_page.wait_for_url(f"**/fa/elections/{SLUG}/receipt/")
            voter_page.fill("input[name=tracking]", tracking)
            with voter_page.expect_navigation():
                voter_page.click("main form button")
            assert voter_page.locator(".message.success").count() == 1
            screenshot(voter_page, "founding-election-06-receipt-fa-phone")
            voter_page.goto(f"{live_url}/fa/assemblies/delegate/")
            screenshot(voter_page, "founding-election-04-delegate-home-fa-phone")
            # The delegate session opens nothing of the staff site.
            voter_page.goto(f"{live_url}/en/staff/elections/{SLUG}/")
            assert "/en/staff/sign-in/" in voter_page.url
        if index == 3:  # English, desktop
            screenshot(voter_page, "founding-election-07-booth-cast-en")
        voter_context.close()
    assert election.ballots.count() == VOTERS
    assert election.voters.filter(has_signature=True).count() == VOTERS
    assert not problems, problems

    # 5. After the close two trustees each mix, then each decrypts; the result shows seven elected and the quorum.
    with time_machine.travel(election.closes_at + dt.timedelta(minutes=1), tick=True):
        opening = {name: _page(chromium, live_url, problems) for name in trustees[:2]}
        for name, (_, trustee_page) in opening.items():
            sign_in(trustee_page, live_url, name, PASSWORD)
        for kind in ("mix", "decryption"):
            for name in trustees[:2]:
                assert trustee_step(opening[name][1], live_url, SLUG, states, name) == kind
        for trustee_context, _ in opening.values():
            trustee_context.close()
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    result = election.result or {}
    assert len(result["elected"]) == 7
    assert result["quorum"] == {"required": 6, "ballots": VOTERS, "met": True}
    assert record.verify(election.record) == []
    for language, phone in (("en", False), ("fa", True), ("en", True), ("fa", False)):
        context, result_page = _page(chromium, live_url, problems, phone=phone)
        result_page.goto(f"{live_url}/{language}/elections/{SLUG}/result/")
        assert result_page.locator("main ol li").count() == 7
        quorum = result_page.inner_text("#quorum")
        assert ("Quorum met." if language == "en" else "حد نصاب به دست آمد.") in quorum
        assert ("8 ballots cast" if language == "en" else "۸ برگه") in quorum
        screenshot(result_page, f"founding-election-08-result-{language}-{'phone' if phone else 'desktop'}")
        if phone:  # nothing wider than the phone's screen but the scrollable table of stages
            width = result_page.evaluate(
                "Math.max(...Array.from(document.querySelectorAll('main > *:not(.table-scroll)'), e => e.scrollWidth))"
            )
            assert width <= PHONE["width"], width
        context.close()
    assert not problems, problems
