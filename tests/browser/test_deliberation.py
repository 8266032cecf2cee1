"""Headless Chromium: a Persian-speaking visitor votes through twenty statements and adds one, a
moderator accepts it, the report updates, and an organizer builds a charter from the common ground.
"""

from __future__ import annotations

import pytest

from solidarity.deliberation import services
from solidarity.deliberation.models import CharterItem, Conversation, ResultVersion, Statement, Vote
from tests.browser.conftest import screenshot, watch
from tests.conftest import verified_client

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _context(chromium, live_url: str, problems: list[str], *, user=None):
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    if user is not None:
        session = verified_client(user).cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_url}])
    page = context.new_page()

    watch(page, problems)
    return context, page


def test_vote_submit_moderate_report_and_charter(
    chromium, live_url, organizer, moderator, settings, monkeypatch
) -> None:
    settings.JOBS_BACKEND = "immediate"
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "0")  # the relay's proof-of-work wait
    seeds = [
        services.SeedStatement(f"Statement number {i} about the coalition", "en", f"گزاره شماره {i} درباره ائتلاف")
        for i in range(24)
    ]
    conversation = services.open_conversation(
        organizer=organizer,
        topic_en="Principles",
        topic_fa="اصول ائتلاف",
        question_en="What should the coalition stand for?",
        question_fa="ائتلاف باید از چه دفاع کند؟",
        participation=Conversation.Participation.PUBLIC,
        seed_statements=seeds,
    )
    # earlier participants, so the report has groups
    for person in range(16):
        participant = services.join(conversation=conversation, anonymous_token=f"earlier-{person}")
        for statement in conversation.statements.all():
            agree = statement.number < 3 or statement.number % 2 == person % 2
            services.cast_vote(participant=participant, statement=statement, value=1 if agree else -1)
    problems: list[str] = []
    context, page = _context(chromium, live_url, problems)
    page.goto(f"{live_url}/fa/deliberation/{conversation.pk}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "deliberation-vote-fa")
    for index in range(20):
        assert "گزاره شماره" in page.locator("blockquote.statement").inner_text()
        label = "موافقم" if index % 3 else "مخالفم"
        page.get_by_role("button", name=label).click()
        page.wait_for_load_state()
    assert Vote.objects.filter(participant__anonymous_key__gt="").count() == 16 * 24 + 20
    page.fill("textarea[name=text]", "انتخابات آزاد با نظارت بین‌المللی")
    page.select_option("select[name=language]", "fa")
    page.get_by_role("button", name="فرستادن گزاره").click()
    page.wait_for_load_state()
    assert "سپاس" in page.content()
    statement = Statement.objects.get(text="انتخابات آزاد با نظارت بین‌المللی")
    assert statement.status == Statement.Status.PENDING
    page.goto(f"{live_url}/fa/deliberation/{conversation.pk}/report/")
    versions_before = ResultVersion.objects.filter(conversation=conversation).count()
    assert versions_before >= 1
    assert page.locator("svg.opinion-map circle").count() >= 16
    report_before = page.locator("p.meta").first.inner_text()  # "Results version N, computed … from V votes …"
    screenshot(page, "deliberation-report-fa")
    context.close()

    staff_context, staff = _context(chromium, live_url, problems, user=moderator)
    staff.goto(f"{live_url}/en/staff/deliberation/{conversation.pk}/moderation/")
    assert "انتخابات آزاد" in staff.content()
    screenshot(staff, "deliberation-moderation")
    staff.get_by_role("button", name="Accept").first.click()
    staff.wait_for_load_state()
    statement.refresh_from_db()
    assert statement.status == Statement.Status.ACCEPTED
    assert ResultVersion.objects.filter(conversation=conversation).count() > versions_before
    # the public report page shows the new version (the accepted statement changed the results)
    staff.goto(f"{live_url}/fa/deliberation/{conversation.pk}/report/")
    report_after = staff.locator("p.meta").first.inner_text()
    assert report_after != report_before, report_after
    screenshot(staff, "deliberation-report-updated-fa")
    staff_context.close()

    organizer_context, admin = _context(chromium, live_url, problems, user=organizer)
    admin.goto(f"{live_url}/en/staff/deliberation/{conversation.pk}/report/")
    assert "Common ground" in admin.content()
    admin.goto(f"{live_url}/en/staff/deliberation/{conversation.pk}/charters/new/")
    admin.fill("input[name=title_en]", "Coalition charter")
    admin.fill("input[name=title_fa]", "منشور ائتلاف")
    admin.get_by_role("button", name="Create the draft").click()
    admin.wait_for_load_state()
    for _ in range(3):
        admin.get_by_role("button", name="Add to charter").first.click()
        admin.wait_for_load_state()
    assert CharterItem.objects.count() == 3
    assert "Support:" in admin.content()
    screenshot(admin, "deliberation-charter")
    admin.goto(f"{live_url}/fa/staff/deliberation/{conversation.pk}/report/")
    screenshot(admin, "deliberation-staff-report-fa")
    organizer_context.close()
    assert not problems, problems


@pytest.mark.no_javascript
def test_public_vote_and_statement_with_javascript_disabled(browser_page, live_url, organizer, monkeypatch) -> None:
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "0")  # the relay's no-JS wait, not waited here
    conversation = services.open_conversation(
        organizer=organizer,
        topic_en="No script",
        question_en="Does it work without JavaScript?",
        participation=Conversation.Participation.PUBLIC,
        seed_statements=[services.SeedStatement(f"Plain statement {i}", "en") for i in range(3)],
    )
    page = browser_page
    page.goto(f"{live_url}/en/deliberation/{conversation.pk}/")
    page.get_by_role("button", name="Agree", exact=True).click()
    page.wait_for_load_state()
    assert Vote.objects.filter(participant__conversation=conversation).count() == 1
    # SR-04: a statement goes through the no-JS proof-of-work lane (the signed wait token in the form)
    page.fill("textarea[name=text]", "Works without scripts")
    page.get_by_role("button", name="Submit statement").click()
    page.wait_for_load_state()
    statement = Statement.objects.get(text="Works without scripts")
    assert statement.author is not None and statement.author.anonymous_key
    screenshot(page, "deliberation-no-javascript")
