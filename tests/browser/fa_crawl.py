"""Crawl Persian pages in Chromium and list what leaks out of Persian: Latin letters and digits,
Gregorian month names, and left-to-right elements with no reason to be.

Used by tests/browser/test_persian_crawl.py against the demo; it runs against any server too
(`python -m tests.browser.fa_crawl http://127.0.0.1:8000` with a demo database), which is how the
leaks were found and fixed one by one.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlparse

# Latin text a Persian page may show on purpose. Everything else in Latin letters must be marked
# as another language (`lang`), as a quotation (<q>, <blockquote>) or as code (<code>, <kbd>).
ALLOWED_LATIN = [
    # Addresses people type or compare as they are.
    (r"\bhttps?://\S+", "a web address, shown so a reader can check or type it"),
    (r"\b[a-z2-7]{16,56}\.onion\b\S*", "an onion address"),
    (r"\b[\w-]+\.(?:json|csv|zip|sig|txt)\b", "a file name a reader must find on disk (MANIFEST.json)"),
    # Names of formats, standards and algorithms that have no Persian name: Persian texts write them so.
    (
        r"\b(?:CSV|PDF|JSON|Atom|RSS|iCalendar|TOTP|QR|UTF-8|ISO|zip|base64|SHA-256|PBKDF2-HMAC-SHA256|Ed25519)\b",
        "a format, standard or algorithm by its own name",
    ),
    # Outside sources and licences, credited by the names their licences ask for.
    (r"\b(?:OpenStreetMap|ODbL|GeoNames|CC BY 4\.0|ACLED|Pol\.is)\b", "a credited source or licence"),
]
_ALLOWED = re.compile("|".join(pattern for pattern, _why in ALLOWED_LATIN))

# Gregorian month names as a Persian page might spell them (Django's own Persian date format
# uses these). "مه" (May) is left out: it is also the everyday word for fog and mist.
GREGORIAN_MONTHS_FA = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
]

# Links that are not pages to read: files, feeds, streams, and links that change state.
SKIPPED_SUFFIXES = (
    ".csv",
    ".pdf",
    ".zip",
    ".json",
    ".xml",
    ".atom",
    ".rss",
    ".ics",
    ".txt",
    ".png",
    ".svg",
    ".js",
    ".sig",
    ".ods",
    ".xlsx",
)
SKIPPED_PARTS = ("sign-out", "/events", "/admin/", "/download", "/export", "/static/", "/media/")

# Runs in the page: returns the leaks of the visible text and of every element's direction.
CHECK_SCRIPT = r"""
({allowed, months}) => {
  const allowedRe = new RegExp(allowed, "g");
  const monthRe = new RegExp("(^|[^\\u0600-\\u06FF])(" + months.join("|") + ")(?=$|[^\\u0600-\\u06FF])");
  const exempt = (el) => {
    if (!el) return true;
    const quiet = "script, style, noscript, template, q, blockquote, code, kbd, samp, [hidden], [aria-hidden=true]";
    if (el.closest(quiet)) return true;
    // Text in another language (or Persian in Latin letters, "fa-Latn") says so with `lang`.
    const tagged = el.closest("[lang]");
    if (tagged && !["fa", "fa-ir"].includes(tagged.getAttribute("lang").toLowerCase())) return true;
    return false;
  };
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
  };
  const describe = (el) => {
    const parts = [];
    for (let node = el; node && node !== document.body && parts.length < 3; node = node.parentElement) {
      let name = node.tagName.toLowerCase();
      if (node.id) name += "#" + node.id;
      else if (node.classList.length) name += "." + [...node.classList].slice(0, 2).join(".");
      parts.unshift(name);
    }
    return parts.join(" > ");
  };
  const leaks = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.nodeValue.trim();
    if (!text || exempt(el) || !visible(el)) continue;
    const rest = text.replace(allowedRe, " ");
    if (/[A-Za-z]/.test(rest)) leaks.push({kind: "latin", where: describe(el), text: text.slice(0, 80)});
    else if (/[0-9]/.test(rest)) leaks.push({kind: "digits", where: describe(el), text: text.slice(0, 80)});
    if (monthRe.test(text)) leaks.push({kind: "gregorian", where: describe(el), text: text.slice(0, 80)});
  }
  // Form controls show their value and placeholder as text too.
  const controls = "input:not([type=hidden]):not([type=password]), textarea, select, button";
  for (const el of document.querySelectorAll(controls)) {
    if (exempt(el) || !visible(el)) continue;
    const shown = [el.getAttribute("placeholder") || ""];
    if (el.tagName === "SELECT") shown.push(el.selectedOptions.length ? el.selectedOptions[0].textContent : "");
    else if (el.tagName === "INPUT" && (el.type === "submit" || el.type === "button")) shown.push(el.value || "");
    for (const text of shown) {
      const rest = text.replace(allowedRe, " ");
      if (/[A-Za-z]/.test(rest)) leaks.push({kind: "latin", where: describe(el), text: text.slice(0, 80)});
      else if (/[0-9]/.test(rest)) leaks.push({kind: "digits", where: describe(el), text: text.slice(0, 80)});
    }
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (getComputedStyle(el).direction !== "ltr" || exempt(el) || !visible(el)) continue;
    if (el.closest("[dir=ltr], [dir=auto], bdi")) continue;
    leaks.push({kind: "ltr", where: describe(el), text: (el.textContent || "").trim().slice(0, 80)});
  }
  return leaks;
}
"""


@dataclass(frozen=True)
class Leak:
    url: str
    kind: str
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.kind:<9} {self.url}  {self.where}: {self.text!r}"


@dataclass
class Crawl:
    """What a crawl saw: the pages it checked and the leaks it found on them."""

    pages: list[str] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def check_page(page: Any, url: str) -> list[Leak]:
    """Return the leaks of the page that is open."""
    found = page.evaluate(CHECK_SCRIPT, {"allowed": _ALLOWED.pattern, "months": GREGORIAN_MONTHS_FA})
    seen: set[tuple[str, str, str]] = set()
    leaks = []
    for item in found:
        key = (item["kind"], item["where"], item["text"])
        if key not in seen:
            seen.add(key)
            leaks.append(Leak(url, item["kind"], item["where"], item["text"]))
    return leaks


def _shape(path: str) -> str:
    """Group addresses that differ only by an identifier: /fa/monitor/events/12/ → …/events/*/."""
    parts = [re.sub(r"^[^/]*\d[^/]*$", "*", part) for part in path.split("/")]
    return "/".join(parts)


def crawl(
    page: Any,
    base: str,
    starts: Iterable[str],
    *,
    seen: set[str],
    max_pages: int,
    deadline: float,
    per_shape: int = 3,
    per_parent: int = 12,
    on_page: Callable[[Any, str], None] | None = None,
) -> Crawl:
    """Visit same-origin Persian pages from `starts` (breadth first) and check each one.

    `seen` is shared between crawls, so a page checked as one person is not checked again as the
    next. Bounded by `max_pages` and `deadline` (a `time.monotonic()` value); addresses that differ
    only by an identifier count as one shape, of which a few are visited.
    """
    origin = urlparse(base)
    result = Crawl()
    queue: list[str] = []
    shapes: Counter[str] = Counter()
    parents: Counter[str] = Counter()
    for start in starts:
        url = base + start
        seen.discard(url)
        queue.append(url)
    while queue and len(result.pages) < max_pages and time.monotonic() < deadline:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url, wait_until="domcontentloaded")
        if response is None or response.status != 200:
            result.skipped[f"status {response.status if response else 'none'}"] += 1
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            result.skipped["not html"] += 1
            continue
        if not urlparse(page.url).path.startswith("/fa/"):
            result.skipped["redirected out of Persian"] += 1
            continue
        result.pages.append(url)
        result.leaks.extend(check_page(page, url))
        if on_page is not None:
            on_page(page, url)
        hrefs = page.eval_on_selector_all("a[href]:not([download])", "links => links.map(a => a.href)")
        for href in hrefs:
            link, _fragment = urldefrag(href)
            parsed = urlparse(link)
            if parsed.scheme not in {"http", "https"} or parsed.netloc != origin.netloc:
                continue
            path = parsed.path
            if not path.startswith("/fa/") or path.endswith(SKIPPED_SUFFIXES) or any(p in path for p in SKIPPED_PARTS):
                continue
            if link in seen or link in queue:
                continue
            shape = _shape(path) + (
                "?" + "&".join(sorted(k.split("=")[0] for k in parsed.query.split("&"))) if parsed.query else ""
            )
            parent = path.rstrip("/").rsplit("/", 1)[0]
            if shapes[shape] >= per_shape or (not parsed.query and parents[parent] >= per_parent):
                result.skipped["bounded"] += 1
                continue
            shapes[shape] += 1
            if not parsed.query:
                parents[parent] += 1
            queue.append(link)
    result.skipped["left in queue"] += len(queue)
    return result


def sign_in_fa(page: Any, base: str, username: str, password: str, code: str) -> None:
    """Sign in through the Persian sign-in pages."""
    page.goto(f"{base}/fa/staff/sign-in/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.fill("input[name=code]", code)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def screenshot_both(page: Any, directory: Path, name: str, *, max_height: int = 6000) -> list[Path]:
    """Save the open page at a phone size (390×844) and at a desktop size (1280×900)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for label, size in (("phone", {"width": 390, "height": 844}), ("desktop", {"width": 1280, "height": 900})):
        page.set_viewport_size(size)
        height = min(max_height, int(page.evaluate("document.documentElement.scrollHeight")))
        path = directory / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": size["width"], "height": height})
        paths.append(path)
    page.set_viewport_size({"width": 1280, "height": 900})
    return paths


def main() -> None:  # pragma: no cover  (a development tool)
    import os
    import subprocess
    import sys

    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_FLAGS, chromium_path

    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    users = sys.argv[2:] or []
    seen: set[str] = set()
    total: list[str] = []
    leaks: list[Leak] = []
    solidarity = str(Path(sys.executable).parent / "solidarity")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS)
        for user in ["", *users]:
            context = browser.new_context(extra_http_headers={"Origin": base})
            page = context.new_page()
            if user:
                code = subprocess.run(  # noqa: S603  (a fixed argument list)
                    [solidarity, "demo-code", user], capture_output=True, text=True, check=True, env=os.environ
                ).stdout.strip()
                sign_in_fa(page, base, user, f"{user}-solidarity-demo", code)
            result = crawl(
                page,
                base,
                ["/fa/staff/" if user else "/fa/"],
                seen=seen,
                max_pages=200,
                deadline=time.monotonic() + 300,
            )
            total += result.pages
            leaks += result.leaks
            print(
                f"{user or 'public'}: {len(result.pages)} pages, {len(result.leaks)} leaks, "
                f"skipped {dict(result.skipped)}"
            )
            context.close()
        browser.close()
    for leak in leaks:
        print(leak)
    print(f"{len(total)} pages, {len(leaks)} leaks")


if __name__ == "__main__":  # pragma: no cover
    main()
