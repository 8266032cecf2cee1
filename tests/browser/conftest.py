"""Headless Chromium (Debian's `chromium`, driven by Playwright) against the live test server.

Browser tests skip, saying why, where no Chromium is installed; `.ci/run` installs it, so CI
always runs them. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

# Playwright's sync API keeps an event loop in the test's thread; the ORM calls that the live
# server and fixtures make from that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    configured = os.environ.get("SOLIDARITY_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if chromium_path() is not None:
        return
    skip = pytest.mark.skip(
        reason="browser tests need Chromium: install Debian's `chromium` (`.ci/run` does) or set SOLIDARITY_CHROMIUM"
    )
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    assert path is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


STREAM_SECONDS = 4.0  # live streams end this soon in browser tests; the page reconnects with Last-Event-ID
SERVER_DRAIN_SECONDS = 30.0


@pytest.fixture(autouse=True)
def _live_server_drains(live_server, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Let the live server finish every request, live streams included, before the test database closes.

    A follower's server-sent-event stream outlives the page that opened it until its next write
    fails; in a test it would then query a database that is already gone, and fail a later test.
    Streams are kept short here, and the teardown waits (bounded) for the server's request threads.
    """
    monkeypatch.setattr("solidarity.assemblies.views.LIVE_STREAM_SECONDS", STREAM_SECONDS)
    yield
    deadline = time.monotonic() + SERVER_DRAIN_SECONDS
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and "process_request_thread" in thread.name:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
    busy = [thread.name for thread in threading.enumerate() if "process_request_thread" in thread.name]
    assert not busy, f"the live server still serves {busy} {SERVER_DRAIN_SECONDS:.0f} s after the test"


class PageWatch:
    """What a page did that a test must check: foreign requests and CSP violations."""

    def __init__(self) -> None:
        self.foreign_requests: list[str] = []
        self.csp_violations: list[str] = []
        self.console_errors: list[str] = []


@pytest.fixture
def browser_page(chromium, live_server, request) -> Iterator[object]:
    """A fresh page; fails the test on any request off loopback or any CSP violation."""
    java_script = not request.node.get_closest_marker("no_javascript")
    context = chromium.new_context(java_script_enabled=java_script, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch()

    def on_request(req) -> None:
        host = urlparse(req.url).hostname or ""
        if req.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in {"127.0.0.1", "localhost", "::1"}:
            watch.foreign_requests.append(req.url)

    def on_console(message) -> None:
        text = message.text
        if "Content Security Policy" in text:
            watch.csp_violations.append(f"{page.url}: {text[:160]} at {message.location}")
        elif message.type == "error":
            watch.console_errors.append(text)

    page.on("request", on_request)
    page.on("console", on_console)
    page.watch = watch
    yield page
    context.close()
    assert not watch.foreign_requests, f"requests to other hosts: {watch.foreign_requests}"
    assert not watch.csp_violations, f"CSP violations: {watch.csp_violations}"


LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def watch(page, problems: list[str], *, page_errors: bool = False, hosts: frozenset[str] = frozenset()) -> None:
    """Write into `problems` every CSP violation and request off loopback and `hosts` (and script errors, if asked)."""

    def on_console(message) -> None:
        if "Content Security Policy" in message.text:
            problems.append(message.text)

    def on_request(request) -> None:
        host = urlparse(request.url).hostname or ""
        if not request.url.startswith(("data:", "blob:", "about:")) and host not in LOOPBACK | hosts:
            problems.append(request.url)

    page.on("console", on_console)
    if page_errors:
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("request", on_request)


@pytest.fixture
def live_url(live_server) -> str:
    return str(live_server.url)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page, live_url: str, username: str, password: str, *, language: str = "en") -> None:
    """Sign in through the real pages, entering the current code of the user's authenticator."""
    from django_otp.oath import totp

    from solidarity.core.models import EncryptedTOTPDevice

    page.goto(f"{live_url}/{language}/staff/sign-in/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    device = EncryptedTOTPDevice.objects.get(user__username=username, confirmed=True)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.fill("input[name=code]", f"{code:06d}")
    page.click("button[type=submit]")


def make_voting_key(page, live_url: str, *, language: str = "en", keep: bool = True) -> str:
    """Make the signed-in delegate's voting key on its page, as a delegate does; return the code shown.

    Checks that the key the page registered is the one Python derives from the code (the browser's
    libsodium and `voting_key.py` agree byte for byte).
    """
    from solidarity.elections import record, voting_key

    page.goto(f"{live_url}/{language}/elections/voting-key/")
    page.click("#make-code")
    page.wait_for_selector("#new-code:not([hidden])")
    code: str = page.inner_text("#code-value").strip()
    page.fill("#code-check", "0000")  # a slip in copying is caught before anything is sent
    page.click("#register-key button[type=submit]")
    page.wait_for_selector("#code-check-error:not([hidden])")
    page.fill("#code-check", code.lower().replace("-", " "))  # typed back as people do
    if not keep:
        page.uncheck("#keep-code")
    with page.expect_navigation():
        page.click("#register-key button[type=submit]")
    registered = page.inner_text("#registered-key").strip()
    assert registered == record.b64(voting_key.public_key(code)), (code, registered)
    return code


def fill_campaign(
    page,
    *,
    slug: str,
    titles: tuple[str, str],
    action_date: str,
    closes_at: str,
    max_issuer_share: str,
    cells: list[tuple[str, str, str]],
) -> None:
    """Fill the staff page's campaign proposal (after the issuing organization is chosen): a strike
    with the same go and abort words, five published pledges at least, five a cell."""
    page.fill("input[name=slug]", slug)
    page.fill("input[name=title_en]", titles[0])
    page.fill("input[name=title_fa]", titles[1])
    page.select_option("select[name=action]", "strike")
    page.fill("input[name=action_date]", action_date)
    page.fill("input[name=closes_at]", closes_at)
    page.fill("input[name=go_word]", "سرو بلند")
    page.fill("input[name=abort_word]", "باران پاییزی")
    page.fill("input[name=max_issuer_share]", max_issuer_share)
    page.fill("input[name=minimum_published]", "5")
    for row, (province, city, sector) in enumerate(cells):
        page.select_option(f"select[name=cell{row}_province]", province)
        page.fill(f"input[name=cell{row}_city]", city)
        page.select_option(f"select[name=cell{row}_sector]", sector)
        page.fill(f"input[name=cell{row}_target]", "5")


def trustee_step(page, live_url: str, slug: str, states: dict[str, Any], username: str) -> str | None:
    """Do a trustee's next step as a trustee does: download the ceremony file, run the trustee tool, upload.

    ``page`` is the trustee's signed-in page (a context with the Origin workaround); ``states`` holds
    each trustee's state file by username, which stays on the trustee's side. Returns the kind of
    message uploaded, or None when the tool had nothing to send yet.
    """
    import json

    from solidarity.elections import trustee

    page.goto(f"{live_url}/en/staff/elections/{slug}/trustee/")
    document = json.loads(page.request.get(f"{live_url}/en/staff/elections/{slug}/trustee/ceremony.json").body())
    state, outgoing, _ = trustee.step(states.get(username), document)
    states[username] = state
    if outgoing is None:
        return None
    message = {"name": "message.json", "mimeType": "application/json", "buffer": json.dumps(outgoing).encode()}
    page.set_input_files("input[name=message]", files=[message])
    with page.expect_navigation():
        page.click("main form[enctype] button")
    return str(outgoing["kind"])
