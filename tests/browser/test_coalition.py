"""A person browses the directory, an organization applies in Persian, an organizer admits it,
and the representation matrix changes: in headless Chromium, with screenshots."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def matrix_cell(page, live_url: str, family: str, sector: str) -> str:
    page.goto(f"{live_url}/en/coalition/representation/")
    link = page.locator(f"a[href$='?family={family}&sector={sector}']")
    return link.inner_text() if link.count() else "gap"


def test_apply_admit_and_see_the_matrix_change(browser_page, live_url, delegates, terms, organizer):
    page = browser_page
    page.goto(f"{live_url}/en/coalition/")
    assert page.locator(".org").count() == 2
    page.fill("input[name=q]", "teachers")
    expect(page.locator(".org")).to_have_count(1)  # htmx filters as one types
    screenshot(page, "coalition-directory-en")
    assert matrix_cell(page, live_url, "socialist", "women") == "gap"
    screenshot(page, "coalition-matrix-before-en")

    page.goto(f"{live_url}/fa/coalition/apply/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("input[name=name_en]", "Socialist Women of Sanandaj")
    page.fill("input[name=name_fa]", "زنان سوسیالیست سنندج")
    page.select_option("select[name=kind]", "civil")
    page.select_option("select[name=base]", "inside")
    page.check(f"input[name=families][value='{terms['socialist'].pk}']")
    page.check(f"input[name=sectors][value='{terms['women'].pk}']")
    screenshot(page, "coalition-apply-fa")
    page.click("form.stack button[type=submit]")
    assert "درخواست رسید" in page.content()
    screenshot(page, "coalition-applied-fa")

    sign_in(page, live_url, "organizer", PASSWORD)
    page.goto(f"{live_url}/en/staff/coalition/applications/")
    screenshot(page, "coalition-applications-en")
    # The organizer decides on the Persian staff page: right to left, the status named in Persian.
    page.goto(f"{live_url}/fa/staff/coalition/applications/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("textarea[name=reason]", "Shares the charter; two members vouch for it.")
    screenshot(page, "coalition-applications-fa")
    page.click("button[value=member]")
    assert "زنان سوسیالیست سنندج" in page.inner_text(".messages") and "«عضو»" in page.inner_text(".messages")
    screenshot(page, "coalition-decided-fa")

    assert matrix_cell(page, live_url, "socialist", "women").startswith("1")
    screenshot(page, "coalition-matrix-after-en")
    page.goto(f"{live_url}/fa/coalition/representation/")
    assert "۱" in page.inner_text("table.matrix")
    screenshot(page, "coalition-matrix-after-fa")


@pytest.mark.no_javascript
def test_the_directory_filters_without_javascript(browser_page, live_url, delegates):
    page = browser_page
    page.goto(f"{live_url}/fa/coalition/")
    page.select_option("select[name=sector]", "women")
    page.click("#directory-filters button[type=submit]")
    assert page.locator(".org").count() == 1
    assert "Women Forum" in page.inner_text(".org-list")
    screenshot(page, "coalition-directory-nojs-fa")
