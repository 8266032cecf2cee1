"""Issue 13 on the production path: an empty database, several workers, Debian's nginx, Chromium.

`solidarity serve` (SOLIDARITY_ENV=production, gunicorn page workers and the stream process) runs
on a new database with nothing in it (SQLite and one page worker; on CI's PostgreSQL and Redis pass,
a new PostgreSQL database and three page workers sharing Redis); nginx runs deploy/nginx.conf and
deploy/nginx-proxy.conf as shipped (ports and paths aside: bench/nginx.py). Chromium reaches the two
onion listeners as Tor Browser would, through a proxy: every request names the onion, and nginx
sets the `Host` the application sees. Nothing is made through the ORM: the operator invites the
first organizer at the console, and everyone else comes in by the pages, at desktop and phone
sizes, in English and Persian.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp

from bench import nginx
from bench.support import ROOT, free_port, wait_healthy
from tests.browser.conftest import CHROMIUM_FLAGS, chromium_path, fill_campaign, screenshot, watch

pytestmark = pytest.mark.skipif(not nginx.available(), reason="Debian's nginx and openssl are needed (deploy/)")

PUBLIC = f"http://{nginx.PUBLIC_ONION}"
STAFF = f"http://{nginx.STAFF_ONION}"
ONIONS = frozenset({nginx.PUBLIC_ONION, nginx.STAFF_ONION})  # what the people here reach, through "Tor"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1200, "height": 900}
PASSWORD = "a long password for the walk 42"


def _environment(data_dir: Path) -> dict[str, str]:
    from cryptography.fernet import Fernet

    from solidarity.assemblies.invitations import Signer

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOLIDARITY_", "DATABASE_URL", "REDIS_URL"))}
    return env | {
        "PYTHONPATH": str(ROOT),
        "SOLIDARITY_ENV": "production",
        "SOLIDARITY_DATA_DIR": str(data_dir),
        "SOLIDARITY_LOG_LEVEL": "WARNING",
        "SOLIDARITY_JOBS": "embedded",
        "SECRET_KEY": base64.b64encode(os.urandom(48)).decode(),
        "SOLIDARITY_FIELD_KEYS": Fernet.generate_key().decode(),
        "SOLIDARITY_INVITE_SIGNING_KEY": Signer.generate().seed_base64(),
        "ALLOWED_HOSTS": f"{nginx.CLEARNET_HOST},{nginx.PUBLIC_ONION},{nginx.STAFF_ONION},127.0.0.1",
        "SOLIDARITY_STAFF_HOSTS": nginx.STAFF_ONION,
        "SOLIDARITY_ONION_HOST": nginx.PUBLIC_ONION,
        "SOLIDARITY_SITE_URL": f"https://{nginx.CLEARNET_HOST}",
    }


@contextmanager
def _empty_database() -> Iterator[dict[str, str]]:
    """Where the suite runs on PostgreSQL and Redis (CI's second pass), the at-scale setup: a new,
    empty database of its own and a cache prefix of its own, and three page workers; else the
    embedded SQLite file and one page worker, since `serve` refuses several without a cache they
    share."""
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        yield {"SOLIDARITY_WEB_WORKERS": "1"}
        return
    import psycopg

    name = f"walk_{secrets.token_hex(4)}"
    admin = server.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")  # a fixed prefix and hex digits
    extra = {
        "DATABASE_URL": server.rsplit("/", 1)[0] + f"/{name}",
        "SOLIDARITY_CACHE_PREFIX": name,
        "SOLIDARITY_WEB_WORKERS": "3" if os.environ.get("REDIS_URL") else "1",
    }
    if os.environ.get("REDIS_URL"):
        extra["REDIS_URL"] = os.environ["REDIS_URL"]
    try:
        yield extra
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def production(tmp_path: Path) -> Iterator[tuple[dict[str, str], nginx.Listeners]]:
    """`solidarity serve` (three page workers on the at-scale setup), and nginx in front of its two ports."""
    with _empty_database() as database, _serving(tmp_path, database) as served:
        yield served


@contextmanager
def _serving(tmp_path: Path, database: dict[str, str]) -> Iterator[tuple[dict[str, str], nginx.Listeners]]:
    port, streams = free_port(), free_port()
    env = _environment(tmp_path / "data") | database | {"PORT": str(port), "STREAM_PORT": str(streams)}
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "solidarity.cli", "serve"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        wait_healthy(port, timeout=180, process=process)
        with nginx.running(port, tmp_path / "nginx", streams=streams) as ways:
            yield env, ways
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()


def _browser_context(chromium: Any, listener: int, *, viewport: dict[str, int], mobile: bool = False) -> Any:
    """A browser whose every request goes to one onion listener, as through Tor."""
    return chromium.new_context(
        viewport=viewport, is_mobile=mobile, has_touch=mobile, proxy={"server": f"http://127.0.0.1:{listener}"}
    )


def _arrive(page: Any, pattern: Any) -> None:
    """Wait for the page to reach `pattern`; else fail with what the page says instead."""
    try:
        page.wait_for_url(pattern, timeout=60_000)
    except Exception as error:  # Playwright's TimeoutError: say what the person sees
        raise AssertionError(f"at {page.url}, not {pattern}: {page.inner_text('main')[:1500]}") from error


def _code_of(page: Any) -> str:
    """The current six digits of the authenticator whose key the enrolment page shows."""
    secret = page.inner_text("code.secret").replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def _enrol(page: Any, link: str, code: str, *, language: str) -> None:
    """Set a password with the link and the one-time code, then enrol an authenticator."""
    page.goto(link)
    page.fill("input[name=code]", code)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=password_again]", PASSWORD)
    page.click("main form button")
    _arrive(page, f"**/{language}/staff/second-factor/")
    page.fill("input[name=code]", _code_of(page))
    page.click("main form button")
    _arrive(page, re.compile(rf".*/{language}/staff/.*"))
    assert "second-factor" not in page.url


def _first_organizer(chromium: Any, env: dict[str, str], ways: nginx.Listeners, problems: list[str]) -> Any:
    """The operator invites the first organizer at the console; they enrol on the staff onion."""
    result = subprocess.run(
        [sys.executable, "-m", "solidarity.cli", "invite_staff", "founder", "--name", "Founder"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    printed = result.stdout
    link = re.search(rf"({re.escape(STAFF)}/en/staff/enrol/\S+/)", printed)
    code = re.search(r"One-time code \(give it apart from the link\): (\S+)", printed)
    assert link and code, printed
    context = _browser_context(chromium, ways.staff_onion, viewport=DESKTOP)
    page = context.new_page()
    watch(page, problems, page_errors=True, hosts=ONIONS)
    _enrol(page, link.group(1), code.group(1), language="en")
    return context, page


def _invite(
    organizer: Any, browser: Any, ways: nginx.Listeners, problems: list[str], username: str, role: str, *, phone: bool
) -> tuple[Any, Any]:
    """The organizer invites a staff member from the accounts page; they enrol (in Persian on a phone)."""
    organizer.goto(f"{STAFF}/en/staff/accounts/")
    organizer.fill("input[name=username]", username)
    organizer.fill("input[name=display_name]", username.title())
    organizer.select_option("select[name=role]", role)
    organizer.click("main form button")
    language = "fa" if phone else "en"
    link = organizer.inner_text(".enrol-link").replace("/en/", f"/{language}/", 1)
    code = organizer.inner_text(".enrol-code")
    context = _browser_context(browser, ways.staff_onion, viewport=PHONE if phone else DESKTOP, mobile=phone)
    page = context.new_page()
    watch(page, problems, page_errors=True, hosts=ONIONS)
    _enrol(page, link, code, language=language)
    return context, page


def _admit_organization(organizer: Any, public: Any, name_en: str, name_fa: str) -> None:
    """The coalition names a sector (once); an organization applies on the public onion and is admitted."""
    organizer.goto(f"{STAFF}/en/staff/coalition/taxonomies/")
    if "teachers" not in organizer.content():
        organizer.select_option("select[name=kind]", "sector")
        organizer.fill("input[name=slug]", "teachers")
        organizer.fill("input[name=name_en]", "Teachers")
        organizer.fill("input[name=name_fa]", "معلمان")
        organizer.click("main form.stack button")
        organizer.wait_for_selector("text=Teachers")
    public.goto(f"{PUBLIC}/fa/coalition/apply/")
    public.fill("input[name=name_en]", name_en)
    public.fill("input[name=name_fa]", name_fa)
    public.check("input[name=sectors]")
    public.click("main form button[type=submit]")
    _arrive(public, "**/fa/coalition/apply/thanks/")
    organizer.goto(f"{STAFF}/en/staff/coalition/applications/")
    organizer.fill("textarea[name=reason]", "Known to two members")
    organizer.click("button[name=status][value=member]")
    organizer.wait_for_load_state()


def test_an_organizer_starts_from_an_empty_database_behind_nginx(chromium: Any, production: Any) -> None:
    env, ways = production
    problems: list[str] = []

    # 1. The operator invites the first organizer at the console, who enrols through the staff onion
    # and opens the assembly, in English.
    organizer_context, page = _first_organizer(chromium, env, ways, problems)
    page.goto(f"{STAFF}/en/staff/assemblies/new/")
    page.fill("input[name=slug]", "founding")
    page.fill("input[name=name_en]", "Founding Assembly")
    page.fill("input[name=name_fa]", "مجمع مؤسس")
    today = dt.datetime.now(dt.UTC).date()  # the door admits only while the assembly is on
    page.fill("input[name=starts_on]", today.isoformat())
    page.fill("input[name=ends_on]", (today + dt.timedelta(days=1)).isoformat())
    page.click("form.stacked button.primary")
    _arrive(page, "**/founding/organize/")
    page.goto(f"{STAFF}/en/staff/assemblies/founding/organize/venues/new/")
    page.select_option("select[name=kind]", "hub")
    page.fill("input[name=name_en]", "Hub Hall")
    page.fill("input[name=name_fa]", "تالار مرکزی")
    page.fill("input[name=city_en]", "Paris")
    page.fill("input[name=city_fa]", "پاریس")
    page.fill("input[name=country]", "FR")
    page.select_option("select[name=time_zone]", "Europe/Paris")
    page.fill("input[name=capacity]", "40")
    page.fill("textarea[name=street_address]", "A private address in Paris")
    page.click("form.stacked button.primary")
    _arrive(page, "**/founding/organize/")
    page.goto(f"{STAFF}/en/staff/assemblies/founding/organize/sessions/new/")
    page.fill("input[name=title_en]", "Opening of the assembly")
    page.fill("input[name=title_fa]", "گشایش مجمع")
    page.select_option("select[name=time_zone]", "Europe/Paris")
    page.fill("input[name=starts_at]", f"{today.isoformat()}T10:00")
    page.fill("input[name=ends_at]", f"{today.isoformat()}T12:00")
    page.select_option("select[name=held_at]", index=1)
    page.select_option("select[name=language]", "fa")
    page.click("form.stacked button.primary")
    _arrive(page, "**/founding/organize/")
    page.click("button[name=publish][value='1']")
    _arrive(page, "**/founding/organize/")
    screenshot(page, "production-01-organizer-overview-en")

    # 3. The coalition names a sector; an organization applies on the public onion (a phone, in
    # Persian) and is admitted.
    public_context = _browser_context(chromium, ways.public_onion, viewport=PHONE, mobile=True)
    public = public_context.new_page()
    watch(public, problems, page_errors=True, hosts=ONIONS)
    _admit_organization(page, public, "Teachers Circle", "حلقهٔ معلمان")
    # The public onion never yields the staff site, whatever the path.
    assert public.goto(f"{PUBLIC}/fa/staff/").status == 404
    assert public.goto(f"{PUBLIC}/admin/login/").status == 404
    page.goto(f"{STAFF}/en/staff/coalition/delegates/")
    page.fill("input[name=display_name]", "Sara")
    page.select_option("select[name=organizations]", index=0)
    page.click("main form.stack button")
    page.wait_for_selector("text=Sara")
    page.click("form[action*='/accredit/'] button")
    page.wait_for_load_state()

    # 4. One invitation to the hub, and its link from the export (with the full host).
    page.goto(f"{STAFF}/en/staff/assemblies/founding/invitations/bulk/")
    page.select_option("select[name=venue]", index=1)
    page.click("form.stacked button[type=submit]")
    page.wait_for_selector("input[name=delegates]")
    page.click("text=Sign and issue the ticked invitations")
    _arrive(page, "**/invitations/?venue=*")
    with page.expect_download() as download:
        page.click("text=Export invitation links (CSV)")
    export = Path(download.value.path()).read_text(encoding="utf-8")
    invitation = re.search(r"https?://[^,\s\"]+/en/assemblies/invitation/([A-Z2-7]+)/", export)
    assert invitation, export[:500]

    # 5. A door officer is invited from the accounts page and enrols on a phone, in Persian.
    # Tor Browser counts an onion as a secure origin (the door's service worker needs one); Chromium
    # is told the same of this onion.
    door_browser = chromium.browser_type.launch(
        executable_path=chromium_path(),
        headless=True,
        args=[*CHROMIUM_FLAGS, f"--unsafely-treat-insecure-origin-as-secure={STAFF}"],
    )
    door_context, door = _invite(page, door_browser, ways, problems, "door", "checkin_officer", phone=True)

    # 6. The delegate opens the invitation on the public onion, then signs in with its short code.
    public.goto(f"{PUBLIC}/fa/assemblies/invitation/{invitation.group(1)}/")
    short_code = public.inner_text(".short-code")
    screenshot(public, "production-02-invitation-fa-phone")
    public.goto(f"{PUBLIC}/fa/assemblies/delegate/sign-in/")
    public.fill("input[name=credential]", short_code)
    public.click("form.stacked button.primary")
    _arrive(public, "**/fa/assemblies/delegate/")
    assert "مجمع مؤسس" in public.content()
    screenshot(public, "production-03-delegate-fa-phone")

    # 7. At the door, the officer types the short code: admitted.
    door.goto(f"{STAFF}/fa/staff/assemblies/")
    door.click("a[href*='/checkin/']")
    door.wait_for_selector("#offline-ready", state="visible")  # keys and revocations kept on the phone
    door.fill("#offline-token", short_code.lower())
    door.press("#offline-token", "Enter")
    door.wait_for_selector("#offline-verdict:not([hidden])")
    screenshot(door, "production-04-door-fa-phone")
    verdict = door.locator("#offline-verdict")
    assert verdict.get_attribute("data-reason") == "admitted", (verdict.text_content(), problems)
    assert "Sara" in (door.text_content("#offline-verdict") or "")

    # 8. The programme, read on the public onion by anyone.
    public.goto(f"{PUBLIC}/fa/assemblies/founding/")
    assert "گشایش مجمع" in public.content()
    screenshot(public, "production-05-programme-fa-phone")
    for context in (organizer_context, public_context, door_context):
        context.close()
    door_browser.close()
    assert not problems, problems
    logs = "".join(path.read_text(errors="replace") for path in (ways.directory / "log").glob("*"))
    assert logs and invitation.group(1) not in logs and short_code not in logs  # no credential in nginx's logs


def test_a_campaign_opens_and_a_pledge_is_counted_behind_nginx(chromium: Any, production: Any) -> None:
    """Issue 18 on the production path: coordinators invited from an empty database, a campaign
    proposed and approved by two others (its key made by the background worker), cards printed, and
    a pledge made in the browser (blinded with WebCrypto) on the public onion, in Persian, on a phone."""
    env, ways = production
    problems: list[str] = []
    organizer_context, organizer = _first_organizer(chromium, env, ways, problems)
    public_context = _browser_context(chromium, ways.public_onion, viewport=PHONE, mobile=True)
    public = public_context.new_page()
    watch(public, problems, page_errors=True, hosts=ONIONS)
    _admit_organization(organizer, public, "Bazaar Guild", "صنف بازار")
    coordinators = [
        _invite(organizer, chromium, ways, problems, f"coordinator{index}", "coordinator", phone=index == 2)
        for index in range(3)
    ]

    # The first coordinator proposes, in English.
    _context, proposer = coordinators[0]
    proposer.goto(f"{STAFF}/en/staff/coordination/new/")
    day = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=10)).isoformat()
    closes = (dt.datetime.now(dt.UTC) + dt.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    proposer.select_option("select[name=organization]", index=1)
    fill_campaign(
        proposer,
        slug="bazaar-closure",
        titles=("The bazaar closes", "بازار بسته می‌شود"),
        action_date=day,
        closes_at=closes,
        max_issuer_share="100",
        cells=[("IR-06", "Ahvaz", "bazaar")],
    )
    proposer.click("main form button[type=submit]")
    _arrive(proposer, "**/staff/coordination/bazaar-closure/")

    # Two others approve, the second on a phone in Persian; the worker makes the key and opens it.
    for index, language in ((1, "en"), (2, "fa")):
        _context, approver = coordinators[index]
        approver.goto(f"{STAFF}/{language}/staff/coordination/bazaar-closure/")
        approver.click("form[action$='/approve/'] button")
        approver.wait_for_load_state()
    deadline = time.monotonic() + 600  # two 1,024-bit safe primes: seconds to minutes on a loaded machine
    while not proposer.locator("select[name=cell]").count():
        assert time.monotonic() < deadline, proposer.inner_text("main")[:1000]
        time.sleep(5)
        proposer.goto(f"{STAFF}/en/staff/coordination/bazaar-closure/")

    # Cards for the guild; one is pledged with the browser on the public onion.
    proposer.select_option("select[name=cell]", index=0)
    proposer.select_option("select[name=issuer]", index=1)
    proposer.fill("input[name=count]", "2")
    proposer.click("form[action$='/issue/'] button[type=submit]")
    proposer.wait_for_selector(".token-card code")
    codes = [code.strip() for code in proposer.locator(".token-card code").all_inner_texts()]
    assert len(codes) == 2
    pledger_browser = chromium.browser_type.launch(  # Tor Browser counts an onion as a secure origin
        executable_path=chromium_path(),
        headless=True,
        args=[*CHROMIUM_FLAGS, f"--unsafely-treat-insecure-origin-as-secure={PUBLIC}"],
    )
    pledger_context = _browser_context(pledger_browser, ways.public_onion, viewport=PHONE, mobile=True)
    pledger = pledger_context.new_page()
    watch(pledger, problems, page_errors=True, hosts=ONIONS)
    pledger.goto(f"{PUBLIC}/fa/coordination/bazaar-closure/pledge/")
    pledger.fill("#code-input", codes[0])
    pledger.click("#pledge-submit")
    pledger.locator("#js-status", has_text="شمرده شد").wait_for(timeout=120_000)
    screenshot(pledger, "production-06-pledge-fa-phone")
    for context, _page in coordinators:
        context.close()
    for context in (organizer_context, public_context, pledger_context):
        context.close()
    pledger_browser.close()
    assert not problems, problems
    logs = "".join(path.read_text(errors="replace") for path in (ways.directory / "log").glob("*"))
    assert codes[0] not in logs and codes[0].replace("-", "") not in logs


def test_a_message_is_sent_moderated_and_checked_with_its_reference_behind_nginx(
    chromium: Any, production: Any
) -> None:
    """Issue 19 on the production path, from an empty database: a sender on the public onion (a phone,
    in Persian, the proof of work solved in the browser at the production setting) keeps the reference;
    a moderator invited by the first organizer approves the message on the staff onion; the sender
    learns with the reference alone that it waits, then that it is published, and reads it on the wall.
    Neither the reference nor the text reaches nginx's logs."""
    env, ways = production
    problems: list[str] = []
    organizer_context, organizer = _first_organizer(chromium, env, ways, problems)
    moderator_context, moderator = _invite(organizer, chromium, ways, problems, "moderator", "moderator", phone=False)

    sender_browser = chromium.browser_type.launch(  # Tor Browser counts an onion as a secure origin (WebCrypto)
        executable_path=chromium_path(),
        headless=True,
        args=[*CHROMIUM_FLAGS, f"--unsafely-treat-insecure-origin-as-secure={PUBLIC}"],
    )
    sender_context = _browser_context(sender_browser, ways.public_onion, viewport=PHONE, mobile=True)
    sender = sender_context.new_page()
    watch(sender, problems, page_errors=True, hosts=ONIONS)
    text = "از دور با شما هستیم؛ زن، زندگی، آزادی"
    sender.goto(f"{PUBLIC}/fa/relay/send/")
    sender.fill("textarea[name=text]", text)
    sender.check("input[name=consent]")
    sender.wait_for_selector("form[data-pow=solved]", timeout=120_000)
    sender.click("button[type=submit]")
    _arrive(sender, re.compile(r".*/fa/relay/send/.*"))
    reference = sender.inner_text("main code").strip()
    assert re.fullmatch(r"[0-9a-z]+", reference), sender.inner_text("main")[:500]
    screenshot(sender, "production-07-relay-reference-fa-phone")

    def check() -> str:
        sender.goto(f"{PUBLIC}/fa/relay/send/status/")
        sender.fill("input[name=reference]", reference)
        sender.click("main form button[type=submit]")
        sender.wait_for_selector("main [role=status]")
        return str(sender.inner_text("main [role=status]"))

    assert "در انتظار" in check()
    row = moderator.locator("tr.relay-row", has_text="زن، زندگی")
    deadline = time.monotonic() + 120  # screened by the background worker first
    while True:
        moderator.goto(f"{STAFF}/en/staff/relay/queue/")
        if row.count() or time.monotonic() > deadline:
            break
        time.sleep(3)
    screenshot(moderator, "production-relay-queue-en")
    assert row.count() == 1, moderator.inner_text("main")[:1500]
    row.locator("input[name=ids]").check()
    moderator.select_option("#relay-decision", "approve")
    moderator.select_option("#relay-reason", "fine")
    moderator.click("text=Apply to selected")
    moderator.wait_for_selector(".messages")
    assert "1 messages updated" in moderator.inner_text(".messages")
    assert "منتشر شده" in check()
    screenshot(sender, "production-08-relay-published-fa-phone")
    sender.goto(f"{PUBLIC}/fa/relay/")
    assert text in sender.inner_text("main")
    for context in (organizer_context, moderator_context, sender_context):
        context.close()
    sender_browser.close()
    assert not problems, problems
    logs = "".join(path.read_text(errors="replace") for path in (ways.directory / "log").glob("*"))
    assert logs and reference not in logs and "127.0.0.1" not in logs
